/**
 * `vitae serve` as an operator runs it: a child process configured by flags and environment, a key made
 * with `vitae keys create`, an upload with curl-like multipart, and a SIGTERM while a request is open —
 * the request is answered, the process exits 0, and a restart still has the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resumeText } from '../helpers.ts';
import { startReady, VITAE_BIN as BIN, type ReadyProcess } from '../../fixtures/ready-process.ts';

/** `vitae serve` with one parse worker on a data folder, once it listens. */
const serve = (dataDir: string, port: number): Promise<ReadyProcess> =>
  startReady([BIN, 'serve', '--port', String(port), '--workers', '1'], { env: { VITAE_DATA_DIR: dataDir }, readyText: 'listening on', timeoutMs: 20_000 });

test('keys create, serve, upload, SIGTERM with a request open, restart: nothing lost', async (t) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-serve-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const key = execFileSync(process.execPath, [BIN, 'keys', 'create', '--workspace', 'ops'], { env: { ...process.env, VITAE_DATA_DIR: dataDir } }).toString().trim();
  assert.match(key, /^vitae_[A-Za-z0-9]{32}$/);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const first = await serve(dataDir, port);
  const base = `http://127.0.0.1:${port}`;

  // SIGTERM while the upload is in flight: the server has the request (half its body sent) when the signal
  // arrives, however busy the machine is; then the rest of the body follows.
  const boundary = 'vitae-sigterm';
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="cv.txt"\r\ncontent-type: text/plain\r\n\r\n`;
  const tail = Buffer.concat([resumeText('sigterm'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/v2/resumes', method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.write(head);
    setTimeout(() => {
      first.child.kill('SIGTERM');
      setTimeout(() => req.end(tail), 200);
    }, 300);
  });
  const res = await response;
  assert.equal(res.status, 200, res.text);
  const body = JSON.parse(res.text) as { meta: { identifier: string; ready: boolean } };
  const answered = Date.now();
  const exitCode = await new Promise<number | null>((r) => (first.child.exitCode !== null ? r(first.child.exitCode) : first.child.on('exit', r)));
  assert.equal(exitCode, 0);
  // fetch keeps the connection alive: the server must close it rather than wait out its 72 s keep-alive.
  assert.ok(Date.now() - answered < 15_000, `exit took ${Date.now() - answered} ms after the answer`);
  assert.match(first.output(), /SIGTERM, stopping/);

  const second = await serve(dataDir, port);
  t.after(() => second.child.kill('SIGKILL'));
  let got: { meta: { ready: boolean }; data: { name: { raw: string } } | null } | null = null;
  for (let i = 0; i < 200; i++) {
    got = (await (await fetch(`${base}/v2/resumes/${body.meta.identifier}`, { headers: { authorization: `Bearer ${key}` } })).json()) as typeof got;
    if (got!.meta.ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(got!.meta.ready, true);
  assert.equal(got!.data!.name.raw, 'Jordan A. Blake');
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.on('exit', r));
});
