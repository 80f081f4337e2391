/**
 * The job runner: claims queued documents while it has idle worker threads, downloads `url` uploads, parses
 * in the worker pool, and records each result together with the job's removal (one transaction, and only if
 * the lease is still ours). Polls every `pollMs` and wakes at once when this process enqueues.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServiceConfig } from '../contract.ts';
import type { ParsePool } from '../../workers/pool.ts';
import type { Resume } from '../../affinda/types.ts';
import type { PageImage } from '../../pipeline/pipeline.ts';
import type { ProvenanceRecord } from '../../pipeline/provenance.ts';
import { downloadUrl, UrlDownloadError } from '../fetch-url.ts';
import { documentById, findDuplicate, insertDocument, updateDocument, type DocumentRow } from '../store/documents.ts';
import type { FileStore } from '../store/files.ts';
import type { Schema } from '../store/schema.ts';
import { storedPages } from '../store/resume.ts';
import { sha256 } from '../hash.ts';
import { beforeReady } from '../rendition.ts';
import type { AttemptFailure, Job, JobQueue } from './queue.ts';
import { failureCode, type DocumentFailureCode } from './failures.ts';
import { childDocuments, type ChildDocument } from './archive.ts';
import { detectKind } from '../../pipeline/detect.ts';
import { DocumentError, type DocumentErrorCode } from '../../pipeline/doc.ts';
import { parserFor } from '../redact/thread.ts';

export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunnerOptions {
  db: Kysely<Schema>;
  queue: JobQueue;
  files: FileStore;
  pool: ParsePool;
  config: ServiceConfig;
  logger: Logger;
  /** Called when a document is ready (parsed or failed), to wake `waitUntilReady`. */
  onSettled(identifier: string): void;
  slots: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
}

/** How often expired leases and dead processes are looked for. */
const MAINTENANCE_MS = 1000;

/** `host/pid/random`: unique per runner, and tells a later process on this host whether the holder still lives. */
export function newWorkerId(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

/** Lease holders on this host whose process is gone (a crash or `kill -9`): their jobs need not wait out the lease. */
export function deadWorkers(holders: string[], host = hostname()): string[] {
  return holders.filter((id) => {
    const [h, pid] = id.split('/');
    return h === host && Number(pid) !== process.pid && !processAlive(Number(pid));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class JobRunner {
  readonly #o: RunnerOptions;
  readonly #workerId = newWorkerId();
  readonly #inFlight = new Map<string, { job: Job; done: Promise<void> }>();
  #stopping = false;
  #loopDone: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #lastMaintenance = 0;

  constructor(options: RunnerOptions) {
    this.#o = options;
  }

  start(): void {
    this.#loopDone = this.#loop();
  }

  /** Something was enqueued (or a slot freed): claim now rather than at the next poll. */
  wake(): void {
    this.#wake?.();
  }

  /** Stops claiming; waits up to `deadlineMs` for running parses, then puts the rest back in the queue. */
  async stop(deadlineMs: number): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#loopDone;
    const allDone = Promise.all([...this.#inFlight.values()].map((f) => f.done));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
    const finished = await Promise.race([allDone.then(() => 'done' as const), deadline]);
    clearTimeout(timer);
    if (finished === 'late') {
      // Releasing first means the results of the parses we abandon can no longer be recorded (the lease is gone).
      await Promise.all([...this.#inFlight.values()].map(({ job }) => this.#requeue(job, null)));
    }
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      try {
        await this.#maintain();
        if (this.#inFlight.size < this.#o.slots) {
          const job = await this.#o.queue.claim(this.#workerId, this.#o.leaseMs);
          if (job) {
            this.#begin(job);
            continue;
          }
        }
      } catch (err) {
        this.#o.logger.error({ err }, 'job runner: database error; retrying');
      }
      await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.#o.pollMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.#wake = null;
        resolve();
      }
      this.#wake = done;
    });
  }

  async #maintain(): Promise<void> {
    if (Date.now() - this.#lastMaintenance < MAINTENANCE_MS) return;
    this.#lastMaintenance = Date.now();
    const dead = deadWorkers(await this.#o.queue.leaseHolders());
    const failed: string[] = [];
    await this.#o.queue.requeueExpired(this.#o.maxAttempts, dead, async (jobs, db) => {
      for (const job of jobs) {
        await updateDocument(db, job.documentId, failedFields(job, failureCode(job.lastFailure), this.#attemptsDetail(job)));
        failed.push(job.documentId);
      }
    });
    failed.forEach((id) => this.#o.onSettled(id));
  }

  #begin(job: Job): void {
    const done = this.#process(job)
      .catch(async (err) => {
        // Not the document's doing as far as we know (a file or database error): retry, up to the attempt limit.
        this.#o.logger.warn({ err, document: job.documentId }, 'job failed; re-queued');
        await this.#requeue(job, 'crashed').catch((e) => this.#o.logger.error({ err: e }, 'job runner: could not re-queue'));
      })
      .finally(() => {
        this.#inFlight.delete(job.id);
        this.wake();
      });
    this.#inFlight.set(job.id, { job, done });
  }

  async #process(job: Job): Promise<void> {
    const { db, queue, leaseMs } = this.#o;
    const heartbeat = setInterval(() => {
      queue.extend(job, this.#workerId, leaseMs).catch((err) => this.#o.logger.warn({ err }, 'lease extension failed'));
    }, Math.max(50, leaseMs / 3));
    try {
      const doc = await documentById(db, job.documentId);
      if (!doc) return void (await queue.complete(job, this.#workerId)); // deleted meanwhile
      await updateDocument(db, doc.identifier, { status: 'parsing', attempts: job.attempts });
      const bytes = doc.sha256 === null && doc.source_url ? await this.#download(job, doc) : await this.#o.files.read(doc.workspace_id, doc.identifier);
      if (!bytes) return;
      if (detectKind(bytes, doc.file_name ?? undefined) === 'zip') return void (await this.#unpack(job, doc, bytes));
      // A redacted résumé is parsed and redacted by redact/thread.ts instead of the pool, which it answers like.
      const outcome = await parserFor(doc, this.#o).run({
        bytes,
        options: {
          fileName: doc.file_name ?? undefined,
          language: doc.language ?? undefined,
          regionBias: doc.region_bias ? JSON.parse(doc.region_bias) : null,
          maxPages: this.#o.config.maxPages,
          renderPages: true,
        },
      });
      // meta.pdf and meta.warnings, stored before the result; a PDF rendition is queued to follow it (rendition.ts).
      if (outcome.kind === 'parsed') await beforeReady(this.#o, doc, outcome.resume, bytes);
      if (outcome.kind === 'parsed') return void (await this.#finishParsed(job, doc, outcome.resume, outcome.pageImages, outcome.provenance ?? null));
      // A parse that ran out of time would run out again: fail now rather than spend the attempts.
      if (outcome.kind === 'timeout') return void (await this.#finish(job, failedFields(job, 'processing_timeout', outcome.detail)));
      if (job.attempts >= this.#o.maxAttempts) return void (await this.#finish(job, failedFields(job, 'processing_failed', this.#attemptsDetail(job, outcome.detail))));
      await this.#requeue(job, 'crashed');
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Downloads a `url` upload into the file store; on failure (or a rejected duplicate) finishes the document and returns null. */
  async #download(job: Job, doc: DocumentRow): Promise<Buffer | null> {
    const { config, db, files } = this.#o;
    let download;
    try {
      download = await downloadUrl(doc.source_url!, { maxBytes: config.maxUploadBytes, timeoutMs: config.urlTimeoutMs, allowPrivate: config.allowPrivateUrls });
    } catch (err) {
      if (!(err instanceof UrlDownloadError)) throw err;
      await this.#finish(job, failedFields(job, 'url_download_failed', err.message));
      return null;
    }
    const hash = sha256(download.bytes);
    await files.write(doc.workspace_id, doc.identifier, download.bytes);
    await updateDocument(db, doc.identifier, { sha256: hash, size: download.bytes.length, file_name: doc.file_name ?? download.fileName });
    doc.file_name ??= download.fileName;
    const original = doc.reject_duplicates ? await findDuplicate(db, doc.workspace_id, hash, doc.identifier) : null;
    if (original) {
      await this.#finish(job, failedFields(job, 'duplicate_document', duplicateDetail(original)));
      return null;
    }
    return download.bytes;
  }

  /** Stores the page images, then records the result; the images are in place before any reader hears of them. */
  async #finishParsed(job: Job, doc: DocumentRow, resume: Resume, pageImages: (PageImage | null)[], provenance: ProvenanceRecord | null): Promise<void> {
    const { db, files } = this.#o;
    const hasImage = await files.writePages(doc.workspace_id, doc.identifier, pageImages.map((image) => image?.png ?? null));
    // Provenance (where each value is printed) is stored beside the data for the review page, never in the Resume.
    const recorded = await this.#finish(job, { ...parsedFields(resume, hasImage), provenance: provenance ? JSON.stringify(provenance) : null });
    // Deleted while it was parsed: its files went before these images were written, so they go now.
    if (!recorded && !(await documentById(db, doc.identifier))) await files.remove(doc.workspace_id, doc.identifier);
  }

  /**
   * A ZIP upload: stores each résumé inside as a child document's file, then, in the transaction that records
   * the archive ready, inserts and queues the children. A crash before that commit leaves no child (only files
   * no row names), and the job runs again; so children are never made twice. The archive's `data` stays null.
   */
  async #unpack(job: Job, doc: DocumentRow, bytes: Uint8Array): Promise<void> {
    const { files, queue } = this.#o;
    const children: ChildDocument[] = [];
    const removeFiles = () => Promise.all(children.map(({ row }) => files.remove(row.workspace_id, row.identifier)));
    try {
      for (const child of childDocuments(doc, bytes, this.#o.config.maxUploadBytes)) {
        children.push(child);
        await files.write(child.row.workspace_id, child.row.identifier, child.bytes);
      }
    } catch (err) {
      await removeFiles();
      if (!(err instanceof DocumentError)) throw err;
      return void (await this.#finish(job, failedFields(job, err.code, err.message)));
    }
    const ready = { status: 'ready' as const, ready_dt: new Date().toISOString(), child_documents: JSON.stringify(children.map(({ row }) => row.identifier)) };
    let recorded = false;
    try {
      recorded = await this.#finish(job, ready, async (trx) => {
        for (const { row } of children) {
          await insertDocument(trx, row);
          await queue.enqueue(row.identifier, { priority: row.low_priority ? 'low' : 'high' }, trx);
        }
      });
    } finally {
      if (!recorded) await removeFiles();
    }
    this.wake();
  }

  /**
   * Records the result and removes the job in one transaction (with `also`'s writes), unless the lease was lost
   * to another worker (or the document deleted); says whether it was recorded.
   */
  async #finish(job: Job, fields: Partial<DocumentRow>, also?: (trx: Kysely<Schema>) => Promise<void>): Promise<boolean> {
    const recorded = await this.#o.db.transaction().execute(async (trx) => {
      if (!(await this.#o.queue.complete(job, this.#workerId, trx))) return false;
      await updateDocument(trx, job.documentId, fields);
      await also?.(trx);
      return true;
    });
    if (recorded) this.#o.onSettled(job.documentId);
    return recorded;
  }

  async #requeue(job: Job, failure: AttemptFailure | null): Promise<void> {
    await this.#o.queue.release(job, this.#workerId, failure);
    await updateDocument(this.#o.db, job.documentId, { status: 'queued' });
    this.wake();
  }

  #attemptsDetail(job: Job, last?: string): string {
    return `Parsing failed ${job.attempts} time${job.attempts === 1 ? '' : 's'}${last ? `; last: ${last}` : ' (the parser crashed or ran out of time)'}.`;
  }
}

export function duplicateDetail(original: string): string {
  return `This document is a duplicate of document ${original} (identical bytes).`;
}

function parsedFields(resume: Resume, hasImage: boolean[]): Partial<DocumentRow> {
  return {
    status: resume.error.errorCode ? 'failed' : 'ready',
    ready_dt: new Date().toISOString(),
    data: resume.data ? JSON.stringify(resume.data) : null,
    error_code: resume.error.errorCode,
    error_detail: resume.error.errorDetail,
    language: resume.meta.language,
    pages: JSON.stringify(storedPages(resume.meta.pages, hasImage)),
    is_ocrd: resume.meta.isOcrd ? 1 : 0,
    ocr_confidence: resume.meta.ocrConfidence,
  };
}

export function failedFields(job: Pick<Job, 'attempts'>, code: DocumentFailureCode | DocumentErrorCode, detail: string): Partial<DocumentRow> {
  return { status: 'failed', ready_dt: new Date().toISOString(), data: null, error_code: code, error_detail: detail, attempts: job.attempts };
}
