/**
 * `createDocumentService`: opens the database (migrating it) and the job queue, and — unless `runWorkers` is false
 * or `config.workers` is 0 — starts the worker threads and the job runner. Expired documents are deleted by one
 * process of the deployment per sweep interval, whichever claims the turn.
 */
import { randomBytes } from 'node:crypto';
import type { DocumentService, ServiceConfig } from './contract.ts';
import { openDatabase, type Db } from './store/db.ts';
import { FileStore } from './store/files.ts';
import { deleteDocument, expiredDocuments } from './store/documents.ts';
import { SqlJobQueue, type JobQueue } from './jobs/queue.ts';
import { PgBossJobQueue } from './jobs/pg-boss-queue.ts';
import { JobRunner, type Logger } from './jobs/runner.ts';
import { SqlDocumentService } from './document-service.ts';
import { claimTurn, sharedSetting } from './store/settings.ts';
import { ParsePool } from '../workers/pool.ts';

export type { Logger } from './jobs/runner.ts';
export { loadConfig, ConfigError } from './config.ts';

export interface ServiceOptions {
  /** Parse queued documents in this process (default true; `config.workers` 0 also turns it off). */
  runWorkers?: boolean;
  logger?: Logger;
  /** How long `close` lets running parses finish before re-queueing them (default 10 s). */
  closeTimeoutMs?: number;
  /** Tests: a stand-in worker script, and shorter leases, polls, sweeps and attempt limits. */
  workerUrl?: URL;
  leaseMs?: number;
  pollMs?: number;
  sweepMs?: number;
  maxAttempts?: number;
  /** pg-boss: how often the cluster's supervisor expires lapsed leases (default 10 s). */
  maintenanceMs?: number;
}

const CONSOLE_LOGGER: Logger = {
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

export async function createDocumentService(config: ServiceConfig, opts: ServiceOptions = {}): Promise<DocumentService> {
  const db = await openDatabase(config.databaseUrl);
  // Every process of a deployment must sign and check links alike: one secret, from the environment or the database.
  const secret = config.secret ?? (await sharedSetting(db.kysely, 'link_secret', () => randomBytes(32).toString('base64url')));
  const files = new FileStore(config.dataDir);
  const logger = opts.logger ?? CONSOLE_LOGGER;
  const maxAttempts = opts.maxAttempts ?? 3;
  const queue = await openQueue(db, config, { maxAttempts, logger, maintenanceMs: opts.maintenanceMs }).catch(async (err) => {
    await db.kysely.destroy();
    throw err;
  });
  let runner: JobRunner | null = null;
  let pool: ParsePool | null = null;

  const sweepMs = opts.sweepMs ?? 5000;
  const sweeper = startSweeper(sweepMs, async () => {
    // Every process ticks; one per interval sweeps (the others would only race it for the same rows).
    if (!(await claimTurn(db.kysely, 'expiry_sweep_at', sweepMs))) return;
    for (const doc of await expiredDocuments(db.kysely, new Date().toISOString(), 100)) {
      await deleteDocument(db.kysely, doc.identifier);
      await files.remove(doc.workspace_id, doc.identifier);
    }
  }, logger);

  const service = new SqlDocumentService({
    db,
    files,
    queue,
    config,
    secret,
    wakeRunner: () => runner?.wake(),
    async shutdown() {
      sweeper.stop();
      await runner?.stop(opts.closeTimeoutMs ?? 10_000);
      await pool?.close();
      await sweeper.running();
      await queue.close();
      await db.kysely.destroy();
    },
  });

  if ((opts.runWorkers ?? true) && config.workers > 0) {
    pool = new ParsePool({ size: config.workers, timeoutMs: config.parseTimeoutMs, memoryMb: config.workerMemoryMb, workerUrl: opts.workerUrl });
    runner = new JobRunner({
      db: db.kysely,
      queue,
      files,
      pool,
      config,
      logger,
      onSettled: (id) => service.settled(id),
      slots: config.workers,
      // Heartbeats keep a live worker's lease; a dead one's lapses after this (sooner on the same host).
      leaseMs: opts.leaseMs ?? 30_000,
      pollMs: opts.pollMs ?? 200,
      maxAttempts,
    });
    runner.start();
  }
  return service;
}

/** The queue `config.queue` names: pg-boss, or the embedded table (`auto` picks pg-boss on PostgreSQL). */
export async function openQueue(db: Db, config: ServiceConfig, o: { maxAttempts: number; logger: Logger; maintenanceMs?: number }): Promise<JobQueue> {
  const pgBoss = config.queue === 'pg-boss' || (config.queue === 'auto' && db.dialect === 'postgres');
  if (!pgBoss) return new SqlJobQueue(db.kysely, db.dialect);
  return PgBossJobQueue.start(config.databaseUrl, db.kysely, {
    maxAttempts: o.maxAttempts,
    maintenanceIntervalSeconds: Math.max(1, Math.round((o.maintenanceMs ?? 10_000) / 1000)),
    // The message and code only: pg's errors carry their whole client (connection settings included).
    onError: (err) => o.logger.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'pg-boss: database error; retrying'),
  });
}

/** Runs `sweep` every `intervalMs`, never two at once. */
function startSweeper(intervalMs: number, sweep: () => Promise<void>, logger: Logger) {
  let current: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    current = current.then(sweep).catch((err) => logger.error({ err }, 'expiry sweep failed'));
  }, intervalMs);
  return {
    stop: () => clearInterval(timer),
    running: () => current,
  };
}
