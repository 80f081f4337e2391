import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsePool } from '../../src/workers/pool.ts';

test('a crashed, exited or hung worker fails only its own document and is replaced', async () => {
  // One worker, so every job after a failure proves a fresh worker took over. The time limit includes starting
  // that worker: 500 ms was passed by a fresh thread's start on a loaded 2-core machine.
  const pool = new ParsePool({ size: 1, timeoutMs: 3000, workerUrl: new URL('../fixtures/flaky-worker.mjs', import.meta.url) });
  const paths = ['ok-1', 'throw', 'ok-2', 'exit', 'ok-3', 'hang', 'ok-4'];
  try {
    const resumes = await Promise.all(paths.map((p) => pool.parse({ path: p, options: { fileName: p } })));
    assert.deepEqual(
      resumes.map((r) => [r.meta.fileName, r.error.errorCode]),
      [
        ['ok-1', null],
        ['throw', 'document_conversion_failed'],
        ['ok-2', null],
        ['exit', 'document_conversion_failed'],
        ['ok-3', null],
        ['hang', 'processing_timeout'],
        ['ok-4', null],
      ],
    );
    assert.match(resumes[1]!.error.errorDetail!, /crashed: boom/);
    assert.match(resumes[3]!.error.errorDetail!, /exit code 3/);
  } finally {
    await pool.close();
  }
});
