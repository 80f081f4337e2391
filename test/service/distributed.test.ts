/**
 * The distributed mode on the machine's PostgreSQL, as an operator runs it: `vitae serve --workers 0` and
 * `vitae worker` processes (the real CLI) sharing one database (jobs through pg-boss) and one data folder — and
 * the faults the issue names: a worker killed with SIGKILL mid-parse, the API restarted while a `wait=true`
 * upload is open, a poison document that kills every worker that takes it, and the database going away under load.
 * Where a worker must die on cue, it is tests/service/fixtures/worker-process.ts: the real service with a parse
 * thread that hangs or kills its process by file name.
 */
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/service/store/db.ts';
import { resumeText, sleep, testDatabase, until, type TestDatabase } from './helpers.ts';
import { startReady, VITAE_BIN as BIN, type ReadyProcess as Proc } from '../fixtures/ready-process.ts';

const FIXTURE_WORKER = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const PG_ADMIN = process.env.VITAE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';

describe('distributed mode on PostgreSQL: API and worker processes, and their faults', () => {
  let database: TestDatabase;
  let db: Db;
  let env: Record<string, string>;
  let key: string;
  const running: Proc[] = [];

  before(async () => {
    database = await testDatabase('postgres');
    env = { VITAE_DATABASE_URL: database.config.databaseUrl, VITAE_DATA_DIR: database.config.dataDir };
    key = execFileSync(process.execPath, [BIN, 'keys', 'create', '--workspace', 'ops'], { env: { ...process.env, ...env } }).toString().trim();
    db = await openDatabase(database.config.databaseUrl);
  });
  /** Each test starts its own processes and ends them all, so no worker of one test takes another's documents. */
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
  });
  after(async () => {
    await db?.kysely.destroy();
    await database?.cleanup();
  });

  async function api(port: number): Promise<Proc> {
    const proc = await startReady([BIN, 'serve', '--workers', '0', '--port', String(port)], { env, readyText: 'listening on' });
    running.push(proc);
    return proc;
  }
  async function worker(): Promise<Proc> {
    const proc = await startReady([BIN, 'worker', '--workers', '1'], { env, readyText: 'parsing with' });
    running.push(proc);
    return proc;
  }
  async function fixtureWorker(): Promise<Proc> {
    const proc = await startReady(['--import', 'tsx', FIXTURE_WORKER, database.config.dataDir, database.config.databaseUrl], { readyText: 'ready' });
    running.push(proc);
    return proc;
  }

  async function upload(port: number, fileName: string, bytes: Uint8Array, wait = false): Promise<Response> {
    const form = new FormData();
    form.set('file', new Blob([bytes]), fileName);
    form.set('wait', String(wait));
    return fetch(`http://127.0.0.1:${port}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  }
  async function get(port: number, identifier: string): Promise<any> {
    const res = await fetch(`http://127.0.0.1:${port}/v2/resumes/${identifier}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(res.status, 200);
    return res.json();
  }
  async function ready(port: number, identifier: string, timeoutMs = 60_000): Promise<any> {
    return until(`${identifier} to be ready`, async () => {
      const doc = await get(port, identifier);
      return doc.meta.ready ? doc : null;
    }, timeoutMs);
  }
  async function status(identifier: string): Promise<string | undefined> {
    return (await db.kysely.selectFrom('documents').select('status').where('identifier', '=', identifier).executeTakeFirst())?.status;
  }
  async function documentCount(): Promise<number> {
    return Number((await db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  async function activeJobs(): Promise<number> {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'vitae-parse' AND state < 'completed'`.execute(db.kysely);
    return Number(rows[0]!.n);
  }
  const port = () => 20000 + Math.floor(Math.random() * 20000);

  test('a worker killed with SIGKILL mid-parse loses nothing; two worker processes parse every upload once', async () => {
    const p = port();
    const server = await api(p);
    const doomed = await fixtureWorker();
    const res = await upload(p, 'hang-then-kill.txt', resumeText('killed mid-parse'));
    assert.equal(res.status, 201);
    const { meta } = (await res.json()) as { meta: { identifier: string } };
    await until('the doomed worker to take the document', async () => (await status(meta.identifier)) === 'parsing', 20_000);
    await doomed.stop('SIGKILL');

    // Real workers: one finds the dead process's lease (same host) and the document is parsed again, for real.
    await Promise.all([worker(), worker()]);
    const more = await Promise.all([1, 2, 3, 4, 5].map(async (i) => {
      const r = await upload(p, `cv-${i}.txt`, resumeText(`batch ${i}`));
      assert.equal(r.status, 201);
      return ((await r.json()) as { meta: { identifier: string } }).meta.identifier;
    }));
    const recovered = await ready(p, meta.identifier);
    assert.equal(recovered.meta.failed, false, JSON.stringify(recovered.error));
    assert.equal(recovered.data.emails[0], 'jordan.blake@example.com');
    for (const id of more) {
      const doc = await ready(p, id);
      assert.equal(doc.meta.failed, false, JSON.stringify(doc.error));
      assert.equal(doc.data.name.raw, 'Jordan A. Blake');
    }
    assert.equal(await documentCount(), 6);
    assert.equal(await activeJobs(), 0);
    await server.stop();
  });

  test('the API restarted while a wait=true upload is open: the caller gets an answer at once, and the document is parsed once', async () => {
    const p = port();
    const first = await api(p);
    const before = await documentCount();
    const started = Date.now();
    const pending = upload(p, 'restart.txt', resumeText('api restart'), true);
    // No worker runs yet: the upload waits. Restart the API once the document is stored.
    await until('the upload to be stored', async () => (await documentCount()) === before + 1, 20_000);
    assert.equal(await first.stop('SIGTERM'), 0);
    const res = await pending;
    // Answered with the document as it stands (the caller polls), long before the 60 s wait limit.
    assert.equal(res.status, 200);
    const body = (await res.json()) as { meta: { identifier: string; ready: boolean } };
    assert.equal(body.meta.ready, false);
    assert.ok(Date.now() - started < 30_000, `answered after ${Date.now() - started} ms`);

    await api(p);
    await worker();
    const doc = await ready(p, body.meta.identifier);
    assert.equal(doc.meta.failed, false, JSON.stringify(doc.error));
    assert.equal(await documentCount(), before + 1);
  });

  test('a poison document that kills every worker taking it fails after bounded attempts, and the others are parsed', async () => {
    const p = port();
    await api(p);
    // A supervisor, as systemd would be: a worker that dies is started again (at most 8 times here).
    let spawned = 0;
    let stopping = false;
    const supervise = async (): Promise<void> => {
      while (!stopping && spawned < 8) {
        spawned++;
        const w = await fixtureWorker();
        await once(w.child, 'exit');
      }
    };
    const supervisor = supervise();
    const poison = (await (await upload(p, 'kill-worker.txt', resumeText('poison'))).json()) as { meta: { identifier: string } };
    const others = await Promise.all([1, 2, 3].map(async (i) => ((await (await upload(p, `fine-${i}.txt`, resumeText(`fine ${i}`))).json()) as { meta: { identifier: string } }).meta.identifier));
    const failed = await ready(p, poison.meta.identifier);
    assert.equal(failed.meta.failed, true);
    assert.equal(failed.error.errorCode, 'processing_failed');
    assert.match(failed.error.errorDetail, /3 times/);
    for (const id of others) assert.equal((await ready(p, id)).meta.failed, false);
    // Three attempts killed three processes; the fourth lived to parse the rest.
    assert.equal(spawned, 4);
    stopping = true;
    await Promise.all(running.splice(0).map((w) => w.stop('SIGKILL')));
    await supervisor;
  });

  test('the database going away under load: requests get retryable errors, and the service recovers by itself', async (t) => {
    const p = port();
    const server = await api(p);
    const parser = await worker();
    let passed = false;
    t.after(() => {
      if (!passed) console.error(`API output:\n${server.output()}\nworker output:\n${parser.output()}`);
    });
    const name = new URL(database.config.databaseUrl).pathname.slice(1);
    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    let cut = false;
    const client = async (n: number): Promise<void> => {
      for (let i = 0; i < 6; i++) {
        let res: Response;
        try {
          res = await upload(p, `load-${n}-${i}.txt`, resumeText(`load ${n} ${i}`));
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1); // connection refused or reset: the client retries
          await sleep(200);
          continue;
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) accepted.push(((await res.json()) as { meta: { identifier: string } }).meta.identifier);
        else {
          assert.equal(res.status, 503, `only 503 while the database is away, got ${res.status}: ${await res.text()}`);
          assert.ok(res.headers.get('retry-after'));
        }
        await sleep(150);
      }
    };
    const load = Promise.all([1, 2, 3].map(client));
    // The outage: every connection to the database dropped, and new ones refused, for 3 s (only this test's database,
    // so other tests on the same server are not disturbed).
    await sleep(600);
    const admin = new pg.Client({ connectionString: `${PG_ADMIN}/postgres` });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      cut = true;
      await sleep(3000);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    } finally {
      await admin.end();
    }
    await load;
    assert.ok(cut);
    // The test's own connections were cut too: a fresh pool.
    await db.kysely.destroy();
    db = await openDatabase(database.config.databaseUrl);
    // Every accepted upload is parsed; the service answers again without a restart.
    for (const id of accepted) assert.equal((await ready(p, id, 90_000)).meta.failed, false);
    assert.ok(accepted.length > 0, JSON.stringify([...statuses]));
    const res = await upload(p, 'after.txt', resumeText('after the outage'));
    assert.equal(res.status, 201);
    passed = true;
  });
});
