/** Both job queues — embedded (SQLite, PostgreSQL) and pg-boss — keep one contract: claim order, leases, retries, poison documents. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Db } from '../../src/service/store/db.ts';
import { ensureWorkspace } from '../../src/service/store/keys.ts';
import { insertDocument, type DocumentRow } from '../../src/service/store/documents.ts';
import { SqlJobQueue, type Job, type JobQueue } from '../../src/service/jobs/queue.ts';
import { PgBossJobQueue } from '../../src/service/jobs/pg-boss-queue.ts';
import { BACKENDS, sleep, testDatabase, type TestDatabase } from './helpers.ts';

function row(identifier: string, workspaceId: string): DocumentRow {
  return {
    identifier, workspace_id: workspaceId, custom_identifier: null, file_name: null, source_url: null, sha256: null, size: null,
    status: 'queued', created_dt: new Date().toISOString(), ready_dt: null, expiry_time: null, language: null, region_bias: null,
    low_priority: 0, reject_duplicates: 0, data: null, error_code: null, error_detail: null, pages: '[]', is_ocrd: 0,
    ocr_confidence: null, is_verified: 0, attempts: 0, parent_document: null, child_documents: '[]',
  };
}

const QUEUES = [...BACKENDS.map((backend) => ({ backend, kind: 'embedded' as const })), { backend: 'postgres' as const, kind: 'pg-boss' as const }];

for (const { backend, kind } of QUEUES) {
  describe(`job queue (${kind}, ${backend})`, () => {
    let database: TestDatabase;
    let db: Db;
    let queue: JobQueue;
    let workspaceId: string;
    let closing = false;

    before(async () => {
      database = await testDatabase(backend);
      db = await openDatabase(database.config.databaseUrl);
      queue = kind === 'embedded'
        ? new SqlJobQueue(db.kysely, db.dialect)
        : await PgBossJobQueue.start(database.config.databaseUrl, db.kysely, {
            maxAttempts: 3,
            // Once the suite tears down, dropping the database may still cut a connection pg-boss is closing.
            onError: (err) => {
              if (!closing) assert.fail(String(err));
            },
          });
      workspaceId = (await ensureWorkspace(db.kysely, 'queue-tests')).id;
    });
    after(async () => {
      closing = true;
      await queue?.close();
      await db?.kysely.destroy();
      await database?.cleanup();
    });

    async function enqueue(id: string, priority: 'high' | 'low') {
      await insertDocument(db.kysely, row(id, workspaceId));
      await queue.enqueue(id, { priority });
    }

    async function drain(worker: string): Promise<Job[]> {
      const jobs: Job[] = [];
      for (let job = await queue.claim(worker, 60_000); job; job = await queue.claim(worker, 60_000)) jobs.push(job);
      return jobs;
    }

    test('migrations run again harmlessly', async () => {
      const again = await openDatabase(database.config.databaseUrl);
      await again.kysely.destroy();
    });

    test('high priority first, then first in first out; each job claimed once', async () => {
      await enqueue('q-low-1', 'low');
      await enqueue('q-high-1', 'high');
      await enqueue('q-low-2', 'low');
      await enqueue('q-high-2', 'high');
      // Two claimers at once must never get the same job.
      const [a, b] = await Promise.all([queue.claim('w1', 60_000), queue.claim('w2', 60_000)]);
      const rest = await drain('w3');
      const order = [a!, b!].map((j) => j.documentId).sort().concat(rest.map((j) => j.documentId));
      assert.deepEqual(order, ['q-high-1', 'q-high-2', 'q-low-1', 'q-low-2']);
      for (const job of [a!, b!, ...rest]) assert.equal(await queue.complete(job, job === a ? 'w1' : job === b ? 'w2' : 'w3'), true);
      assert.equal(await queue.claim('w1', 60_000), null);
    });

    test('an expired lease is claimed again; the old holder can neither extend nor complete it', async () => {
      await enqueue('q-lease', 'high');
      const first = (await queue.claim('dead', 20))!;
      await sleep(40);
      await queue.requeueExpired(3, [], async () => assert.fail('not exhausted yet'));
      const second = (await queue.claim('alive', 60_000))!;
      assert.equal(second.documentId, 'q-lease');
      assert.equal(second.attempts, 2);
      assert.equal(second.lastFailure, 'crashed');
      assert.equal(await queue.extend(first, 'dead', 60_000), false);
      assert.equal(await queue.complete(first, 'dead'), false);
      assert.equal(await queue.extend(second, 'alive', 60_000), true);
      assert.equal(await queue.complete(second, 'alive'), true);
    });

    test('a dead worker’s lease is re-queued at once; a released job keeps its place', async () => {
      await enqueue('q-dead', 'high');
      const job = (await queue.claim('crashed-process', 60_000))!;
      await queue.requeueExpired(3, ['crashed-process'], async () => assert.fail('not exhausted'));
      const again = (await queue.claim('w', 60_000))!;
      assert.equal(again.id, job.id);
      // Released for shutdown: the attempt is given back.
      await queue.release(again, 'w', null);
      const third = (await queue.claim('w', 60_000))!;
      assert.equal(third.attempts, 2);
      assert.deepEqual(await queue.leaseHolders(), ['w']);
      await queue.complete(third, 'w');
    });

    test('a poison job is given up after the attempt limit, and the others still run', async () => {
      await enqueue('q-poison', 'high');
      await enqueue('q-fine', 'low');
      const given: Job[] = [];
      for (let i = 0; i < 3; i++) {
        const job = (await queue.claim('w', 10))!;
        assert.equal(job.documentId, 'q-poison');
        await sleep(25);
        await queue.requeueExpired(3, [], async (jobs) => void given.push(...jobs));
      }
      assert.deepEqual(given.map((j) => [j.documentId, j.attempts, j.lastFailure]), [['q-poison', 3, 'crashed']]);
      const next = (await queue.claim('w', 60_000))!;
      assert.equal(next.documentId, 'q-fine');
      await queue.complete(next, 'w');
    });
  });
}
