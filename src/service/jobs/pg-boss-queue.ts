/**
 * The job queue on pg-boss, for deployments of many API and worker processes on one PostgreSQL.
 *
 * pg-boss owns the queue: its schema and migrations, `send` (in the caller's transaction, so a document and its
 * job commit together), `fetch` (`FOR UPDATE SKIP LOCKED`, priority first, then oldest), `fail` with its retry
 * limit and dead-letter queue, and the expiry of active jobs, which its supervisor runs once per interval across
 * the whole cluster (an advisory lock and a `maintained_on` stamp), not once per process.
 *
 * What pg-boss 10 lacks is the rest of `JobQueue`'s lease contract — who holds a job, heartbeats, and giving an
 * attempt back on shutdown — so this class adds it on pg-boss's own `job` row: a claim writes the holder into
 * `output.worker` and sets `expire_in` to the lease, a heartbeat moves `expire_in` on, and every write names the
 * claim it belongs to (`output.worker` and `retry_count`, which each new claim of a retried job increments), so a
 * worker whose lease lapsed and whose job was claimed again can no longer record a result.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Schema } from '../store/schema.ts';
import type { AttemptFailure, GiveUp, Job, JobQueue, Priority } from './queue.ts';

/** The parse queue, and the dead-letter queue where pg-boss puts the jobs that used all their attempts. */
const PARSE = 'vitae-parse';
const GAVE_UP = 'vitae-parse-gave-up';
const SCHEMA = 'pgboss';

export interface PgBossQueueOptions {
  /** Claims a job may have; the last failure sends it to the dead-letter queue for its document to fail. */
  maxAttempts: number;
  /** How often the cluster's supervisor expires lapsed leases (default 10 s). */
  maintenanceIntervalSeconds?: number;
  /** pg-boss's errors (connection losses, maintenance failures): logged, never thrown. */
  onError(err: unknown): void;
}

/**
 * `complete` and `fail` as pg-boss 10 implements them (its typings miss the count they return, and ids with data):
 * ids one or many, optional output data, and the connection to run on.
 */
interface Settle {
  (name: string, ids: string | string[], data: object | null, options?: { db: ReturnType<typeof inKysely> }): Promise<{ affected: number }>;
}

/** pg-boss runs its statements through `executeSql`: this one runs them in a Kysely transaction (or pool). */
function inKysely(db: Kysely<Schema>) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as any[] };
    },
  };
}

export class PgBossJobQueue implements JobQueue {
  readonly #boss: PgBoss;
  readonly #db: Kysely<Schema>;
  readonly #maxAttempts: number;
  readonly #complete: Settle;
  readonly #fail: Settle;

  private constructor(boss: PgBoss, db: Kysely<Schema>, maxAttempts: number) {
    this.#boss = boss;
    this.#complete = boss.complete.bind(boss) as unknown as Settle;
    this.#fail = boss.fail.bind(boss) as unknown as Settle;
    this.#db = db;
    this.#maxAttempts = maxAttempts;
  }

  /** Starts pg-boss on `databaseUrl` (creating or migrating its schema, safely from many processes at once). */
  static async start(databaseUrl: string, db: Kysely<Schema>, options: PgBossQueueOptions): Promise<PgBossJobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: SCHEMA,
      // Its own small pool: maintenance statements hold a transaction-level advisory lock.
      max: 3,
      supervise: true,
      schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    });
    // An unhandled 'error' event would end the process; a lost connection is retried by the next statement.
    boss.on('error', options.onError);
    await boss.start();
    const queue = new PgBossJobQueue(boss, db, options.maxAttempts);
    try {
      // The dead-letter queue first: the parse queue's rows refer to it. Both calls are no-ops once made.
      await boss.createQueue(GAVE_UP, { name: GAVE_UP, expireInSeconds: 60 });
      await boss.createQueue(PARSE, { name: PARSE, deadLetter: GAVE_UP, retryLimit: options.maxAttempts - 1, retryDelay: 0, expireInSeconds: 60 });
    } catch (err) {
      await queue.close();
      throw err;
    }
    return queue;
  }

  async enqueue(documentId: string, { priority }: { priority: Priority }, db = this.#db): Promise<void> {
    await this.#boss.send(PARSE, { documentId }, {
      priority: priority === 'high' ? 1 : 0,
      retryLimit: this.#maxAttempts - 1,
      retryDelay: 0,
      deadLetter: GAVE_UP,
      db: inKysely(db),
    });
  }

  async claim(workerId: string, leaseMs: number): Promise<Job | null> {
    const [fetched] = await this.#boss.fetch<{ documentId: string }>(PARSE, { batchSize: 1 });
    if (!fetched) return null;
    // The job is ours now (active); stamp the holder and the lease. `output.failure` keeps why the last attempt
    // ended; an attempt pg-boss expired left its own message there, and a lapsed lease is a crash.
    const { rows } = await this.#sql(
      `UPDATE ${SCHEMA}.job
          SET expire_in = make_interval(secs => $3::float8 / 1000),
              output = jsonb_build_object('worker', $4::text, 'failure',
                         CASE WHEN retry_count = 0 THEN NULL ELSE COALESCE(output->>'failure', 'crashed') END)
        WHERE name = $1 AND id = $2 AND state = 'active'
        RETURNING retry_count, output->>'failure' AS failure`,
      [PARSE, fetched.id, leaseMs, workerId],
    );
    const row = rows[0] as { retry_count: number; failure: AttemptFailure | null } | undefined;
    if (!row) return null; // expired in the instant between the two statements: someone else's now
    return { id: fetched.id, documentId: fetched.data.documentId, attempts: row.retry_count + 1, lastFailure: row.failure };
  }

  async extend(job: Job, workerId: string, leaseMs: number): Promise<boolean> {
    const { rows } = await this.#sql(
      `UPDATE ${SCHEMA}.job SET expire_in = (now() - started_on) + make_interval(secs => $5::float8 / 1000)
        WHERE ${OURS} RETURNING 1`,
      [PARSE, job.id, workerId, job.attempts - 1, leaseMs],
    );
    return rows.length === 1;
  }

  async complete(job: Job, workerId: string, db = this.#db): Promise<boolean> {
    // Checked and completed in the caller's transaction: the row stays locked until its result is recorded.
    if (!(await this.#lockOurs(job, workerId, db))) return false;
    const { affected } = await this.#complete(PARSE, job.id, null, { db: inKysely(db) });
    return affected === 1;
  }

  async release(job: Job, workerId: string, failure: AttemptFailure | null): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      if (!(await this.#lockOurs(job, workerId, trx))) return;
      if (failure) {
        // pg-boss retries it at once, or, on the last attempt, moves it to the dead-letter queue.
        await this.#fail(PARSE, job.id, { failure }, { db: inKysely(trx) });
        return;
      }
      // Shutdown, not the document's fault: back to the queue in its old place with the attempt given back.
      // The next fetch counts a claim by raising retry_count only when started_on is set, so a first attempt
      // forgets its start and a later one steps its count back.
      await this.#sql(
        `UPDATE ${SCHEMA}.job
            SET state = 'created',
                started_on = CASE WHEN retry_count = 0 THEN NULL ELSE started_on END,
                retry_count = GREATEST(retry_count - 1, 0),
                output = CASE WHEN output->>'failure' IS NULL THEN NULL
                              ELSE jsonb_build_object('failure', output->>'failure') END
          WHERE ${OURS}`,
        [PARSE, job.id, workerId, job.attempts - 1],
        trx,
      );
    });
  }

  /**
   * Lapsed leases are expired by pg-boss's supervisor (asked here too, so a lease never waits a whole maintenance
   * interval past its end); dead workers' jobs are failed at once; and the jobs pg-boss gave up on (the dead-letter
   * queue) are handed to `giveUp`, in the transaction that takes them off that queue. The attempt limit was set
   * on each job when it was queued.
   */
  async requeueExpired(_maxAttempts: number, deadWorkers: string[], giveUp: GiveUp): Promise<void> {
    await this.#boss.expire();
    if (deadWorkers.length > 0) {
      const { rows } = await this.#sql(
        `SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND state = 'active' AND output->>'worker' = ANY($2::text[])`,
        [PARSE, deadWorkers],
      );
      const ids = rows.map((r) => (r as { id: string }).id);
      if (ids.length > 0) await this.#fail(PARSE, ids, { failure: 'crashed' });
    }
    const gaveUp = await this.#boss.fetch<{ documentId: string }>(GAVE_UP, { batchSize: 100, includeMetadata: true });
    if (gaveUp.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      const jobs: Job[] = gaveUp.map((dead) => {
        const output = (dead as PgBoss.JobWithMetadata<{ documentId: string }>).output as { failure?: AttemptFailure } | null;
        return { id: dead.id, documentId: dead.data.documentId, attempts: this.#maxAttempts, lastFailure: output?.failure ?? 'crashed' };
      });
      await giveUp(jobs, trx);
      await this.#complete(GAVE_UP, gaveUp.map((j) => j.id), null, { db: inKysely(trx) });
    });
  }

  async leaseHolders(): Promise<string[]> {
    const { rows } = await this.#sql(
      `SELECT DISTINCT output->>'worker' AS worker FROM ${SCHEMA}.job WHERE name = $1 AND state = 'active' AND output->>'worker' IS NOT NULL`,
      [PARSE],
    );
    return rows.map((r) => (r as { worker: string }).worker);
  }

  async close(): Promise<void> {
    // Not graceful: this process's runner has already finished or released its jobs; pg-boss has no workers of ours.
    await this.#boss.stop({ graceful: false, close: true });
  }

  /** Locks the job's row for the rest of `db`'s transaction if the claim is still this worker's; says whether it is. */
  async #lockOurs(job: Job, workerId: string, db: Kysely<Schema>): Promise<boolean> {
    const { rows } = await this.#sql(`SELECT 1 FROM ${SCHEMA}.job WHERE ${OURS} FOR UPDATE`, [PARSE, job.id, workerId, job.attempts - 1], db);
    return rows.length === 1;
  }

  #sql(text: string, values: unknown[], db: Kysely<Schema> = this.#db) {
    return db.executeQuery(CompiledQuery.raw(text, values));
  }
}

/** The claim a worker holds: its job, still active, claimed by it, on this attempt. Parameters $1–$4. */
const OURS = `name = $1 AND id = $2 AND state = 'active' AND output->>'worker' = $3 AND retry_count = $4`;
