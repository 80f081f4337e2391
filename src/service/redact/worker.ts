/** A redaction worker: one document at a time, each answered with the redacted document (see thread.ts). */
import { parentPort } from 'node:worker_threads';
import { redactDocument } from '../../pipeline/redact/index.ts';
import type { RedactionTask } from './thread.ts';

const port = parentPort;
if (!port) throw new Error('redact/worker.ts runs only as a worker thread (see thread.ts).');
port.on('message', async (task: RedactionTask) => {
  const result = await redactDocument(task.bytes, task.options, task.redact);
  // The PDF and page images move to the main thread rather than being copied (each is a buffer of its own here).
  const transfer = [result.pdf, ...result.pageImages.map((p) => p?.png)].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []));
  port.postMessage({ ...result, boxes: result.boxes.length }, [...new Set(transfer)]);
});
