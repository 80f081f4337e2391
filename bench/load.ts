/**
 * `npm run load`: the API under load, as clients see it, and what happens past what the machine holds.
 *
 *   npm run load -- [--mode embedded] [-n 100] [-c 4] [--workers N] [--file examples/resume.pdf]
 *                   [--max-queued 8] [--overload-n 120] [--overload-c 32] [--no-overload] [--max-seconds 600]
 *   npm run load -- --mode distributed [--worker-processes 2] [--workers 1] …   (API + worker processes, PostgreSQL)
 *   npm run load -- --mode external --url http://127.0.0.1:8080 --key KEY      (a server you started; no RSS)
 *
 * Two phases against one server:
 *  1. sustained: n uploads with `wait=true` at concurrency c. Prints throughput, p50/p95/p99 latency, errors
 *     (anything but 200 with a parsed document) and lost documents (an accepted identifier that is not, in the
 *     end, ready and parsed when fetched with GET).
 *  2. overload: overload-n uploads with `wait=false` at overload-c — far faster than the workers parse, so the
 *     queue fills. With VITAE_MAX_QUEUED (set from --max-queued) the server answers 429 + Retry-After past it;
 *     each client waits what Retry-After says and sends again, as Affinda's clients do; every fifth upload is
 *     `lowPriority=true`, which the server must take whatever the queue. Prints the 429s (and whether each had
 *     Retry-After), errors, lost documents, and that the server is still up. Then waits for the queue to drain.
 * Peak RSS is of the server's process tree (worker threads are in it), sampled every 100 ms from /proc.
 *
 * A mode is a function that starts the servers and returns their base URL, an API key, their pids and a stop
 * function (`MODES` below); `embedded` runs `vitae serve` on SQLite in a temporary folder; `distributed` runs an
 * API-only `vitae serve` and `vitae worker` processes on a fresh PostgreSQL database. Requests go to
 * loopback only; counts, concurrency and running time are bounded. Exit status 1 on any error, lost document,
 * crash, or an overload phase that never saw admission control answer.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { startReady, VITAE_BIN, type ReadyProcess } from '../test/fixtures/ready-process.ts';
import { LOCAL_POSTGRES, scratchDatabase } from '../test/fixtures/scratch-database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'embedded' },
    url: { type: 'string' },
    key: { type: 'string' },
    file: { type: 'string', default: path.join(root, 'examples/resume.pdf') },
    n: { type: 'string', short: 'n', default: '100' },
    c: { type: 'string', short: 'c', default: '4' },
    workers: { type: 'string' },
    'worker-processes': { type: 'string', default: '2' },
    'max-queued': { type: 'string', default: '8' },
    'overload-n': { type: 'string', default: '120' },
    'overload-c': { type: 'string', default: '32' },
    'no-overload': { type: 'boolean', default: false },
    'max-seconds': { type: 'string', default: '600' },
  },
});

function bounded(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return Math.min(max, n);
}
const total = bounded('n', values.n!, 1000);
const concurrency = bounded('c', values.c!, 64);
const maxQueued = bounded('max-queued', values['max-queued']!, 1000);
const overloadTotal = bounded('overload-n', values['overload-n']!, 1000);
const overloadConcurrency = bounded('overload-c', values['overload-c']!, 64);
const workerProcesses = bounded('worker-processes', values['worker-processes']!, 16);
const deadline = AbortSignal.timeout(bounded('max-seconds', values['max-seconds']!, 3600) * 1000);
const bytes = await readFile(values.file!);

// ---------------------------------------------------------------------------------------------------------------
// Modes

export interface Servers {
  /** Where the API answers, e.g. http://127.0.0.1:41234. */
  base: string;
  /** An API key of a fresh workspace. */
  key: string;
  /** The server processes, for memory sampling and crash checks (empty: not ours to watch). */
  pids: number[];
  /** True while every server process is running. */
  alive(): boolean;
  /** Stops the servers gracefully; resolves to false if any had already died or exited with an error. */
  stop(): Promise<boolean>;
  /** Parse threads in all (warmed up together, so no first parse of a cold thread is timed); 1 when unknown. */
  threads?: number;
  describe: string;
}

export interface ModeOptions {
  workers?: number;
  /** Server settings, as the environment `vitae serve` reads (VITAE_MAX_QUEUED…). */
  env: Record<string, string>;
}

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a `vitae` command (`serve`, `worker`) and resolves once it shows `readyText` (it listens, or takes jobs). */
const startVitae = (command: string, args: string[], env: Record<string, string>, readyText: string): Promise<ReadyProcess> =>
  startReady([VITAE_BIN, command, ...args], { env, readyText, timeoutMs: 60_000 });

/** Stops a child with SIGTERM (SIGKILL after 30 s); true when it was still running and exited cleanly. */
async function stopChild(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code === 0;
}

/** API and parse workers in one `vitae serve` process, on SQLite in a temporary folder. */
async function embedded(opts: ModeOptions): Promise<Servers> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-load-'));
  const key = (await run(process.execPath, [VITAE_BIN, 'keys', 'create', '--data', dataDir, '--workspace', 'load'])).stdout.trim();
  const port = await freePort();
  const args = ['--data', dataDir, '--port', String(port), ...(opts.workers !== undefined ? ['--workers', String(opts.workers)] : [])];
  const { child, output } = await startVitae('serve', args, opts.env, 'listening on');
  return {
    base: `http://127.0.0.1:${port}`,
    key,
    pids: [child.pid!],
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      const clean = await stopChild(child);
      if (!clean) process.stderr.write(`vitae serve did not stop cleanly:\n${output()}\n`);
      await rm(dataDir, { recursive: true, force: true });
      return clean;
    },
    describe: `embedded: one vitae serve process, SQLite, ${/(\d+) workers\)/.exec(output())?.[1] ?? '?'} parse workers`,
  };
}

/** A server someone else started (--url, --key): nothing to start, stop or sample. */
async function external(): Promise<Servers> {
  if (!values.url || !values.key) throw new Error('--mode external needs --url and --key');
  return { base: values.url.replace(/\/+$/, ''), key: values.key, pids: [], alive: () => true, stop: async () => true, describe: `external: ${values.url}` };
}

/**
 * The scale-out deployment on one machine: `vitae serve --workers 0` (API only) and `--worker-processes` (default 2)
 * `vitae worker` processes of `--workers` threads each (default 1), on a fresh PostgreSQL database (jobs through
 * pg-boss) and one data folder. The database is made on the server VITAE_LOAD_PG names (default the machine's,
 * postgres://postgres@127.0.0.1:5432) and dropped afterwards.
 */
async function distributed(opts: ModeOptions): Promise<Servers> {
  const database = await scratchDatabase('vitae_load', process.env.VITAE_LOAD_PG ?? LOCAL_POSTGRES);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-load-'));
  const env = { ...opts.env, VITAE_DATABASE_URL: database.url, VITAE_DATA_DIR: dataDir };
  const key = (await run(process.execPath, [VITAE_BIN, 'keys', 'create', '--workspace', 'load'], { env: { ...process.env, ...env } })).stdout.trim();
  const port = await freePort();
  const api = await startVitae('serve', ['--port', String(port), '--workers', '0'], env, 'listening on');
  const threads = opts.workers ?? 1;
  const workers = await Promise.all(Array.from({ length: workerProcesses }, () => startVitae('worker', ['--workers', String(threads)], env, 'parsing with')));
  const children = [api, ...workers];
  return {
    base: `http://127.0.0.1:${port}`,
    key,
    pids: children.map((c) => c.child.pid!),
    alive: () => children.every(({ child }) => child.exitCode === null && child.signalCode === null),
    async stop() {
      // Workers first (their parses finish or go back to the queue), then the API.
      const cleanWorkers = await Promise.all(workers.map((w) => stopChild(w.child)));
      const clean = (await stopChild(api.child)) && cleanWorkers.every(Boolean);
      if (!clean) process.stderr.write(`a process did not stop cleanly:\n${children.map((c) => c.output()).join('\n')}\n`);
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
      return clean;
    },
    threads: workerProcesses * threads,
    describe: `distributed: vitae serve --workers 0 and ${workerProcesses} vitae worker processes of ${threads} thread${threads === 1 ? '' : 's'}, PostgreSQL + pg-boss`,
  };
}

const MODES: Record<string, (opts: ModeOptions) => Promise<Servers>> = { embedded, distributed, external };

// ---------------------------------------------------------------------------------------------------------------
// Memory: the server processes' own peak resident set as the kernel records it (VmHWM: worker threads are in
// it, and no sample can miss or double a peak), plus the sampled peak of any child processes they start.

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** The current resident set of the descendants of `pid` (not of `pid` itself), in kB. */
async function descendantsKb(pid: number): Promise<number> {
  let kb = 0;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = (await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')).trim();
    for (const child of children ? children.split(/\s+/).map(Number) : []) kb += (await statusKb(child, 'VmRSS')) + (await descendantsKb(child));
  }
  return kb;
}

function sampleMemory(pids: number[]): { peak: () => Promise<number>; stop: () => void } {
  let childrenPeakKb = 0;
  let sampling = false;
  const timer = setInterval(async () => {
    if (sampling) return; // one sample at a time on a slow machine
    sampling = true;
    let kb = 0;
    for (const pid of pids) kb += await descendantsKb(pid);
    childrenPeakKb = Math.max(childrenPeakKb, kb);
    sampling = false;
  }, 100);
  return {
    // Read while the servers run: VmHWM is gone with the process.
    async peak() {
      let kb = childrenPeakKb;
      for (const pid of pids) kb += await statusKb(pid, 'VmHWM');
      return kb * 1024;
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Clients

interface Outcome {
  ms: number;
  status: number;
  identifier: string | null;
  /** For 200 answers with wait=true: parsed (ready, not failed). */
  parsed: boolean;
  retryAfter: string | null;
}

let sequence = 0;
async function post(servers: Servers, fields: Record<string, string>): Promise<Outcome> {
  const form = new FormData();
  // A unique trailing byte sequence: duplicate detection never short-cuts a parse.
  form.append('file', new Blob([bytes, `\n%${sequence++}-${Date.now()}`]), path.basename(values.file!));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const t0 = performance.now();
  try {
    const res = await fetch(`${servers.base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${servers.key}` }, body: form, signal: deadline });
    const body = (await res.json()) as { meta?: { identifier?: string; ready?: boolean; failed?: boolean } };
    return {
      ms: performance.now() - t0,
      status: res.status,
      identifier: body.meta?.identifier ?? null,
      parsed: body.meta?.ready === true && body.meta.failed === false,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch {
    return { ms: performance.now() - t0, status: 0, identifier: null, parsed: false, retryAfter: null };
  }
}

/** Runs `job` for indices 0..count-1 with `width` in flight. */
async function pool<T>(count: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count && !deadline.aborted) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/**
 * Accepted documents that are not, in the end, parsed: fetched by GET until ready (for at most `waitMs`); missing
 * (404), failed, or still not ready then — each is lost.
 */
async function lostOf(servers: Servers, identifiers: string[], waitMs: number): Promise<string[]> {
  const until = Date.now() + waitMs;
  const pending = new Set(identifiers);
  const lost: string[] = [];
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const res = await fetch(`${servers.base}/v2/resumes/${id}`, { headers: { authorization: `Bearer ${servers.key}` } }).catch(() => null);
      if (!res) continue;
      const body = (await res.json()) as { meta?: { ready?: boolean; failed?: boolean } };
      if (res.status === 404 || (body.meta?.ready && body.meta.failed)) lost.push(id), pending.delete(id);
      else if (body.meta?.ready) pending.delete(id);
    }
    if (pending.size === 0 || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return [...lost, ...pending];
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// ---------------------------------------------------------------------------------------------------------------

const mode = MODES[values.mode!];
if (!mode) throw new Error(`--mode must be one of ${Object.keys(MODES).join(', ')}`);
const servers = await mode({
  workers: values.workers !== undefined ? Number(values.workers) : undefined,
  env: values['no-overload'] ? {} : { VITAE_MAX_QUEUED: String(maxQueued) },
});
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(servers.base)) throw new Error('load tests target loopback only');
console.log(servers.describe);
if (concurrency > maxQueued && !values['no-overload']) console.log(`note: -c ${concurrency} > --max-queued ${maxQueued}: the sustained phase will meet admission control`);

let failed = false;
const rows: string[] = [];
/** A server someone else started is not ours to measure. */
const mb = (bytes: number): string => (servers.pids.length ? `${(bytes / 2 ** 20).toFixed(0)} MB` : 'n/a');
try {
  const memory = sampleMemory(servers.pids);
  // Warm-up (worker start, first pdf.js load), not timed: as many uploads at once as there are parse threads.
  await pool(servers.threads ?? 1, servers.threads ?? 1, () => post(servers, { wait: 'true' }));

  // 1. Sustained.
  let t0 = performance.now();
  const sustained = await pool(total, concurrency, () => post(servers, { wait: 'true' }));
  const wall = (performance.now() - t0) / 1000;
  const accepted = sustained.filter((o) => o.identifier).map((o) => o.identifier!);
  const lost = await lostOf(servers, accepted, 60_000);
  const errors = sustained.filter((o) => o.status !== 200 || !o.parsed).length;
  const ms = sustained.map((o) => o.ms).sort((a, b) => a - b);
  const peak1 = await memory.peak();
  rows.push(
    `| sustained, wait=true | ${sustained.length} | ${concurrency} | ${(sustained.length / wall).toFixed(1)}/s | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${errors} | ${lost.length} | – | ${mb(peak1)} |`,
  );
  if (errors || lost.length || sustained.length < total) failed = true;

  if (!values['no-overload']) {
    // 2. Overload: wait=false floods the queue; 429s are answered by waiting Retry-After, as the clients do.
    let refused = 0;
    let refusedWithoutRetryAfter = 0;
    let lowTaken = 0;
    const healthFailures: number[] = [];
    const health = setInterval(async () => {
      const res = await fetch(`${servers.base}/healthz`).catch(() => null);
      if (!res || res.status !== 200) healthFailures.push(Date.now());
    }, 500);
    t0 = performance.now();
    const flood = await pool(overloadTotal, overloadConcurrency, async (i) => {
      const low = i % 5 === 4;
      for (let attempt = 0; ; attempt++) {
        const o = await post(servers, { wait: 'false', ...(low ? { lowPriority: 'true' } : {}) });
        if (o.status !== 429 || attempt >= 20) {
          if (low && o.status === 201) lowTaken++;
          return o;
        }
        refused++;
        if (low) return o; // lowPriority=true must never be refused: counted as an error below.
        if (!o.retryAfter) refusedWithoutRetryAfter++;
        await new Promise((r) => setTimeout(r, Number(o.retryAfter ?? 1) * 1000));
      }
    });
    const accepting = (performance.now() - t0) / 1000;
    const ids = flood.filter((o) => o.status === 201 && o.identifier).map((o) => o.identifier!);
    const lost2 = await lostOf(servers, ids, 600_000);
    const drained = (performance.now() - t0) / 1000;
    clearInterval(health);
    const errors2 = flood.filter((o) => o.status !== 201).length + refusedWithoutRetryAfter;
    const ms2 = flood.map((o) => o.ms).sort((a, b) => a - b);
    rows.push(
      `| overload, wait=false, max queued ${maxQueued} | ${flood.length} | ${overloadConcurrency} | ${(ids.length / drained).toFixed(1)}/s | ${percentile(ms2, 50).toFixed(0)} | ${percentile(ms2, 95).toFixed(0)} | ${percentile(ms2, 99).toFixed(0)} | ${errors2} | ${lost2.length} | ${refused} | ${mb(await memory.peak())} |`,
    );
    console.log(
      `overload: ${ids.length}/${overloadTotal} accepted in ${accepting.toFixed(1)} s (${lowTaken} of them lowPriority=true, never refused), ` +
        `${refused} answers 429 (${refused - refusedWithoutRetryAfter} with Retry-After), all parsed ${drained.toFixed(1)} s after the first; ` +
        `health checks failed: ${healthFailures.length}; server ${servers.alive() ? 'up' : 'DOWN'}`,
    );
    if (errors2 || lost2.length || refused === 0 || healthFailures.length || flood.length < overloadTotal) failed = true;
    if (refused === 0) console.log('overload: no 429 was seen — raise --overload-c or lower --max-queued');
  }
  memory.stop();
  console.log(`\nPOST /v2/resumes  file=${path.basename(values.file!)} (${bytes.length} bytes)  ${servers.describe}`);
  console.log('| phase | n | concurrency | throughput | p50 ms | p95 ms | p99 ms | errors | lost | 429 | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  const wasUp = servers.alive();
  const clean = await servers.stop();
  console.log(`server: ${wasUp ? 'up to the end' : 'CRASHED'}, ${clean ? 'stopped cleanly' : 'did NOT stop cleanly'}`);
  if (!wasUp || !clean) failed = true;
}
if (deadline.aborted) console.log('(stopped at --max-seconds)');
process.exit(failed || deadline.aborted ? 1 : 0);
