/** A parse worker: one job at a time, each answered with its Resume and page images (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseJob } from './parse-file.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread (see pool.ts).');
port.on('message', async (job: ParseJob) => {
  const parsed = await parseFile(job);
  // Page images move to the main thread rather than being copied, each in a buffer of its own: an image may
  // be a view of a larger buffer (an upright PNG upload is its own page image), which must not be transferred.
  const pageImages = parsed.pageImages.map((image) => image && { ...image, png: new Uint8Array(image.png) });
  port.postMessage({ ...parsed, pageImages }, pageImages.flatMap((image) => (image ? [image.png.buffer] : [])));
});
