/**
 * `npm run load`: the latency of `POST /v2/resumes` with `wait=true`, as a client sees it.
 *
 *   npm run load -- [--url http://127.0.0.1:8080 --key KEY] [--file examples/resume.pdf]
 *                   [-n 50] [-c 4] [--workers N] [--max-seconds 300]
 *
 * Without --url it starts an embedded server (SQLite in a temporary folder, N parse workers) on a random
 * loopback port. Each upload carries a unique trailing byte so duplicate detection never short-cuts it.
 * Requests go to loopback only; count (≤ 1000), concurrency (≤ 32) and running time are bounded: when
 * --max-seconds is up, no more requests start and the ones still open are aborted (counted as errors).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    file: { type: 'string', default: path.join(root, 'examples/resume.pdf') },
    n: { type: 'string', short: 'n', default: '50' },
    c: { type: 'string', short: 'c', default: '4' },
    workers: { type: 'string' },
    'max-seconds': { type: 'string', default: '300' },
  },
});
function bounded(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return Math.min(max, n);
}
const total = bounded('n', values.n!, 1000);
const concurrency = bounded('c', values.c!, 32);
const deadline = AbortSignal.timeout(bounded('max-seconds', values['max-seconds']!, 3600) * 1000);
const bytes = await readFile(values.file!);

let base = values.url ?? '';
let key = values.key ?? '';
let stop = async (): Promise<void> => {};
if (!values.url) {
  const { loadConfig, createDocumentService } = await import('../src/service/index.ts');
  const { buildApp } = await import('../src/service/api/app.ts');
  const { openDatabase } = await import('../src/service/store/db.ts');
  const { createKey } = await import('../src/service/store/keys.ts');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-load-'));
  const config = loadConfig({ dataDir, ...(values.workers ? { workers: Number(values.workers) } : {}) }, {});
  const keys = await openDatabase(config.databaseUrl);
  key = await createKey(keys.kysely, 'load');
  await keys.kysely.destroy();
  const service = await createDocumentService(config);
  const app = buildApp(service, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  stop = async () => {
    await app.close();
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  console.log(`embedded server: ${base}, ${config.workers} parse workers, SQLite`);
}
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(base)) throw new Error('load tests target loopback only');

async function one(i: number): Promise<{ ms: number; status: number }> {
  const form = new FormData();
  form.append('file', new Blob([bytes, `\n%${i}-${Date.now()}`]), path.basename(values.file!));
  form.append('wait', 'true');
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form, signal: deadline });
    const body = (await res.json()) as { meta?: { ready?: boolean; failed?: boolean } };
    const ok = res.status === 200 && body.meta?.ready === true && body.meta.failed === false;
    return { ms: performance.now() - t0, status: ok ? 200 : res.status };
  } catch {
    return { ms: performance.now() - t0, status: 0 };
  }
}

// Warm-up (worker start, first pdf.js load), not timed.
await one(-1);
const results: { ms: number; status: number }[] = [];
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total && !deadline.aborted) results.push(await one(next++));
  }),
);
const wall = (performance.now() - t0) / 1000;
await stop();

const ms = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number): number => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;
const errors = results.filter((r) => r.status !== 200).length;
console.log(`POST /v2/resumes wait=true  file=${path.basename(values.file!)}  n=${results.length}/${total}  concurrency=${concurrency}`);
console.log(`latency ms: median ${pct(50).toFixed(0)}  p95 ${pct(95).toFixed(0)}  p99 ${pct(99).toFixed(0)}  max ${ms[ms.length - 1]!.toFixed(0)}`);
console.log(`throughput: ${(results.length / wall).toFixed(1)} documents/s   errors: ${errors}${deadline.aborted ? '  (stopped at --max-seconds)' : ''}`);
process.exit(errors ? 1 : 0);
