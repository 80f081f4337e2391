/**
 * The job queue: which documents still need parsing, and who is parsing them. Two implementations: this
 * embedded one (a `jobs` table, SQLite or PostgreSQL) and pg-boss (pg-boss-queue.ts) for many processes.
 *
 * Leases, not locks: a claimed job carries its worker's id and a lease end. A worker extends the lease while
 * it parses; if its process dies, the lease runs out and the job is claimed again. Every claim counts an
 * attempt; a job that has used them all is handed back by `requeueExpired` for its document to fail, so a
 * document that kills its parser cannot block the queue.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '../store/db.ts';
import type { JobsTable, Schema } from '../store/schema.ts';

export type Priority = 'high' | 'low';
/** Why an attempt ended without a result. */
export type AttemptFailure = 'timeout' | 'crashed';

export interface Job {
  /** The queue's own id for the job (an integer's digits in the embedded queue, a UUID in pg-boss). */
  id: string;
  documentId: string;
  /** Claims so far, this one included. */
  attempts: number;
  lastFailure: AttemptFailure | null;
}

export interface JobQueue {
  /** Queues a document; `db` lets the caller do it in the transaction that stores the document. */
  enqueue(documentId: string, options: { priority: Priority }, db?: Kysely<Schema>): Promise<void>;
  /** The next job (high priority first, then oldest), leased to `workerId` for `leaseMs`; null when none. */
  claim(workerId: string, leaseMs: number): Promise<Job | null>;
  /** Extends the lease; false when the job is no longer this worker's (it expired and was claimed again). */
  extend(job: Job, workerId: string, leaseMs: number): Promise<boolean>;
  /** Removes a finished job; false when it was no longer this worker's (then the caller must not record a result). */
  complete(job: Job, workerId: string, db?: Kysely<Schema>): Promise<boolean>;
  /** Puts the job back in the queue, recording why the attempt failed (`null`: not the document's fault). */
  release(job: Job, workerId: string, failure: AttemptFailure | null): Promise<void>;
  /**
   * Re-queues jobs whose lease ran out, or whose worker is known dead (`deadWorkers`). Those that have used
   * `maxAttempts` are removed instead and handed to `giveUp`, in the same transaction, for their documents to fail.
   */
  requeueExpired(maxAttempts: number, deadWorkers: string[], giveUp: GiveUp): Promise<void>;
  /** Workers that hold leases now (to find those of dead processes). */
  leaseHolders(): Promise<string[]>;
  /** Releases the queue's own connections (the database's are the caller's). */
  close(): Promise<void>;
}

export type GiveUp = (jobs: Job[], db: Kysely<Schema>) => Promise<void>;

const PRIORITY: Record<Priority, number> = { high: 0, low: 1 };

function jobOf(row: Selectable<JobsTable>): Job {
  return { id: String(row.id), documentId: row.document_id, attempts: row.attempts, lastFailure: row.last_failure as AttemptFailure | null };
}

export class SqlJobQueue implements JobQueue {
  readonly #db: Kysely<Schema>;
  readonly #dialect: Dialect;

  constructor(db: Kysely<Schema>, dialect: Dialect) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async enqueue(documentId: string, { priority }: { priority: Priority }, db = this.#db): Promise<void> {
    await db
      .insertInto('jobs')
      .values({ document_id: documentId, priority: PRIORITY[priority], state: 'queued', worker_id: null, lease_until: null, attempts: 0, last_failure: null })
      .execute();
  }

  /**
   * One statement, so two workers never get the same job: SQLite runs it under its single writer lock;
   * PostgreSQL locks the chosen row and lets concurrent claimers skip it (`FOR UPDATE SKIP LOCKED`).
   */
  async claim(workerId: string, leaseMs: number): Promise<Job | null> {
    const row = await this.#db
      .updateTable('jobs')
      .set((eb) => ({ state: 'running', worker_id: workerId, lease_until: leaseEnd(leaseMs), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'queued')
          .orderBy('priority')
          .orderBy('id')
          .limit(1)
          .$if(this.#dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()),
      )
      .returningAll()
      .executeTakeFirst();
    return row ? jobOf(row) : null;
  }

  async extend(job: Job, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('jobs')
      .set({ lease_until: leaseEnd(leaseMs) })
      .where('id', '=', Number(job.id))
      .where('worker_id', '=', workerId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async complete(job: Job, workerId: string, db = this.#db): Promise<boolean> {
    const result = await db.deleteFrom('jobs').where('id', '=', Number(job.id)).where('worker_id', '=', workerId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async release(job: Job, workerId: string, failure: AttemptFailure | null): Promise<void> {
    await this.#db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'queued',
        worker_id: null,
        lease_until: null,
        // An attempt cut short by shutdown was not the document's fault: give it back.
        attempts: failure ? eb.ref('attempts') : eb('attempts', '-', 1),
        last_failure: failure ?? eb.ref('last_failure'),
      }))
      .where('id', '=', Number(job.id))
      .where('worker_id', '=', workerId)
      .execute();
  }

  async requeueExpired(maxAttempts: number, deadWorkers: string[], giveUp: GiveUp): Promise<void> {
    const now = new Date().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      const lapsed = trx
        .selectFrom('jobs')
        .selectAll()
        .where('state', '=', 'running')
        .where((eb) => {
          const expired = eb('lease_until', '<', now);
          return deadWorkers.length > 0 ? eb.or([expired, eb('worker_id', 'in', deadWorkers)]) : expired;
        });
      const rows = await lapsed.$if(this.#dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()).execute();
      const exhausted = rows.filter((r) => r.attempts >= maxAttempts);
      const retry = rows.filter((r) => r.attempts < maxAttempts);
      if (exhausted.length > 0) await trx.deleteFrom('jobs').where('id', 'in', exhausted.map((r) => r.id)).execute();
      if (retry.length > 0) {
        // The process died mid-parse: as far as anyone knows, the document crashed it.
        await trx
          .updateTable('jobs')
          .set({ state: 'queued', worker_id: null, lease_until: null, last_failure: 'crashed' })
          .where('id', 'in', retry.map((r) => r.id))
          .execute();
      }
      // A lease that ran out is a crash too, unless an earlier attempt timed out.
      if (exhausted.length > 0) await giveUp(exhausted.map((r) => ({ ...jobOf(r), lastFailure: jobOf(r).lastFailure ?? 'crashed' })), trx);
    });
  }

  async close(): Promise<void> {}

  async leaseHolders(): Promise<string[]> {
    const rows = await this.#db.selectFrom('jobs').select('worker_id').distinct().where('state', '=', 'running').execute();
    return rows.map((r) => r.worker_id).filter((id): id is string => id !== null);
  }
}

function leaseEnd(leaseMs: number): string {
  return new Date(Date.now() + leaseMs).toISOString();
}
