/**
 * `npm run load`: the latency of `POST /v2/resumes` with `wait=true`, as a client sees it.
 *
 *   node --import tsx bench/load.ts [--url http://127.0.0.1:8080 --key KEY] [--file examples/resume.pdf]
 *                                   [-n 60] [-c 2] [--workers N]
 *
 * Without --url it starts an embedded server (SQLite in a temporary folder, N parse workers) on a random
 * loopback port. Each upload carries a unique trailing byte so duplicate detection never short-cuts it.
 * Requests go to loopback only; the count and the concurrency are bounded.
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
    n: { type: 'string', short: 'n', default: '60' },
    c: { type: 'string', short: 'c', default: '2' },
    workers: { type: 'string' },
  },
});
const total = Math.min(1000, Number(values.n));
const concurrency = Math.min(32, Number(values.c));
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
  const app = await buildApp(service, config);
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
  const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const body = (await res.json()) as { meta?: { ready?: boolean; failed?: boolean } };
  const ok = res.status === 200 && body.meta?.ready === true && body.meta.failed === false;
  return { ms: performance.now() - t0, status: ok ? 200 : res.status };
}

// Warm-up (worker start, first pdf.js load), not timed.
await one(-1);
const results: { ms: number; status: number }[] = [];
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) results.push(await one(next++));
  }),
);
const wall = (performance.now() - t0) / 1000;
await stop();

const ms = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number): number => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;
const errors = results.filter((r) => r.status !== 200).length;
console.log(`POST /v2/resumes wait=true  file=${path.basename(values.file!)}  n=${total}  concurrency=${concurrency}`);
console.log(`latency ms: median ${pct(50).toFixed(0)}  p95 ${pct(95).toFixed(0)}  p99 ${pct(99).toFixed(0)}  max ${ms[ms.length - 1]!.toFixed(0)}`);
console.log(`throughput: ${(total / wall).toFixed(1)} documents/s   errors: ${errors}`);
process.exit(errors ? 1 : 0);
