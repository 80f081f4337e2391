/** A parse worker: one job at a time, each answered with its Resume (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseJob } from './parse-file.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread (see pool.ts).');
port.on('message', async (job: ParseJob) => port.postMessage(await parseFile(job)));
