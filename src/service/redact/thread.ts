/**
 * Redacted résumés in the job runner. A redacted résumé is a document of another kind (`documents.kind`): the
 * runner claims it like any upload, and instead of the parse pool it is given to `redactor`, which answers as the
 * pool does (`ParseOutcome`), so the runner's attempts, time limit and failure codes apply unchanged.
 *
 * Redactions run in a worker thread (RedactionThread below), with the parse time and memory limits: drawing pages
 * at 144 dpi takes ~100 ms a page of CPU that must not stall the API's event loop, and a document that hangs
 * pdf.js or exhausts memory takes only that thread down.
 *
 * The redacted PDF is written beside the document (FileStore renditions) before the outcome is returned, so it is
 * in place before the document is recorded ready. The parsed ResumeData is not kept: the caller asked for the
 * values to be hidden, and the redacted résumé's answer is only `{redactedPdf}`. Page images are the redacted
 * pages, so `meta.pages[].image` shows nothing the PDF hides.
 */
import { Worker } from 'node:worker_threads';
import type { Resume } from '../../affinda/types.ts';
import type { ParseOptions } from '../../pipeline/doc.ts';
import type { RedactedDocument, RedactOptions } from '../../pipeline/redact/index.ts';
import { failedResume, timeoutDetail, type ParseJob } from '../../workers/parse-file.ts';
import type { ParseOutcome, ParsePool } from '../../workers/pool.ts';
import type { ServiceConfig } from '../contract.ts';
import type { FileStore } from '../store/files.ts';
import type { DocumentRow } from '../store/documents.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** What a redaction worker receives (workerData). */
export interface RedactionTask {
  bytes: Uint8Array;
  options: ParseOptions;
  redact: RedactOptions;
}

/** What it answers: the redacted document, with the number of boxes painted. */
export type RedactionAnswer = Omit<RedactedDocument, 'boxes'> & { boxes: number };

/** The file name of the redacted PDF among the document's renditions. */
export const REDACTED_PDF = 'redacted.pdf';

/** The kind of document `/v2/redacted_resumes` makes (store/schema.ts `kind`). */
export const REDACTED_RESUME = 'redacted_resume';

/** What parses a claimed document: the pool for a résumé, a redaction thread for a redacted résumé. */
export function parserFor(doc: DocumentRow, o: { pool: ParsePool; files: FileStore; config: ServiceConfig }): Pick<ParsePool, 'run'> {
  if (doc.kind !== REDACTED_RESUME) return o.pool;
  return { run: (job) => redactJob(doc, job, o.files, o.config) };
}

async function redactJob(doc: DocumentRow, job: ParseJob, files: FileStore, config: ServiceConfig): Promise<ParseOutcome> {
  if (!('bytes' in job)) throw new Error('redaction needs the bytes');
  const redact = JSON.parse(doc.redact ?? 'null') as RedactOptions | null;
  if (!redact) throw new Error(`document ${doc.identifier} has no redaction options`);
  const outcome = await runRedaction({ bytes: job.bytes, options: job.options, redact }, config);
  if (outcome.kind !== 'redacted') return outcome;
  const answer = outcome.answer;
  if (answer.pdf) await files.writeRendition(doc.workspace_id, doc.identifier, REDACTED_PDF, answer.pdf);
  return { kind: 'parsed', resume: resumeOf(job.options, answer), pageImages: answer.pageImages };
}

/** The Resume the runner records: no data (see above), the parse's error if any, the redacted pages' sizes. */
function resumeOf(options: ParseOptions, answer: RedactionAnswer): Resume {
  const base = failedResume(options, 'document_conversion_failed', '');
  return {
    data: null,
    meta: { ...base.meta, failed: answer.error !== null, language: answer.language, pages: answer.pages, isOcrd: answer.isOcrd, ocrConfidence: answer.ocrConfidence },
    error: answer.error ?? { errorCode: null, errorDetail: null },
  };
}

type RedactionOutcome = { kind: 'redacted'; answer: RedactionAnswer } | Exclude<ParseOutcome, { kind: 'parsed' }>;

/**
 * The redaction thread of this process: started on first use and kept, warm, for the next document (the
 * pipeline's tables and pdf.js load once: a thread per document spent seconds loading them each time); unref'd,
 * so an idle one never keeps the process alive. One document at a time, in arrival order; the time limit counts
 * from the document's start. A document that runs out of time or crashes the thread (or its memory) ends it,
 * and the next document starts a fresh one.
 */
class RedactionThread {
  readonly #url: URL;
  #worker: Worker | null = null;
  #queue: Array<{ task: RedactionTask; limits: Limits; resolve(outcome: RedactionOutcome): void }> = [];
  #busy = false;

  constructor(url: URL) {
    this.#url = url;
  }

  run(task: RedactionTask, limits: Limits): Promise<RedactionOutcome> {
    return new Promise((resolve) => {
      this.#queue.push({ task, limits, resolve });
      this.#next();
    });
  }

  #next(): void {
    if (this.#busy) return;
    const item = this.#queue.shift();
    if (!item) return;
    this.#busy = true;
    const worker = (this.#worker ??= this.#spawn(item.limits));
    let settled = false;
    const settle = (outcome: RedactionOutcome, alive: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!alive) {
        if (this.#worker === worker) this.#worker = null;
        void worker.terminate();
      }
      this.#busy = false;
      item.resolve(outcome);
      this.#next();
    };
    const onMessage = (answer: RedactionAnswer): void => settle({ kind: 'redacted', answer }, true);
    // 'error' (an uncaught exception, or running out of memory) is followed by 'exit'; the first one settles.
    const onError = (err: Error): void => settle({ kind: 'crashed', detail: `The redaction crashed: ${err.message}` }, false);
    const onExit = (code: number): void => settle({ kind: 'crashed', detail: `The redaction stopped unexpectedly (exit code ${code}).` }, false);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // A ref'd timer: the process stays up while a document is being redacted, though the thread is unref'd.
    const timer = setTimeout(() => settle({ kind: 'timeout', detail: timeoutDetail(item.limits.parseTimeoutMs) }, false), item.limits.parseTimeoutMs);
    worker.postMessage(item.task);
  }

  #spawn(limits: Limits): Worker {
    const worker = new Worker(this.#url, { resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb } });
    worker.unref();
    // Between documents nobody listens: a thread that dies idle is replaced at the next document.
    worker.on('error', () => {});
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
    });
    return worker;
  }
}

type Limits = Pick<ServiceConfig, 'parseTimeoutMs' | 'workerMemoryMb'>;

const threads = new Map<string, RedactionThread>();

/** Runs one redaction in this process's redaction thread, within the parse time limit and the worker memory limit. */
export function runRedaction(task: RedactionTask, limits: Limits, workerUrl = WORKER_URL): Promise<RedactionOutcome> {
  let thread = threads.get(workerUrl.href);
  if (!thread) threads.set(workerUrl.href, (thread = new RedactionThread(workerUrl)));
  return thread.run(task, limits);
}
