/**
 * A pool of parse worker threads, shared by `vitae parse` and the service's job runner. Each document gets a
 * deadline and each thread a heap limit; a thread that misses the deadline is terminated, one that crashes (an
 * uncaught error, `process.exit`, running out of memory) is dropped, and either way only that document is
 * affected while a fresh thread takes the next one.
 */
import { Worker } from 'node:worker_threads';
import type { Resume } from '../affinda/types.ts';
import type { PageImage } from '../pipeline/pipeline.ts';
import type { ProvenanceRecord } from '../pipeline/provenance.ts';
import { failedResume, timeoutDetail, type ParsedFile, type ParseJob } from './parse-file.ts';

// The .mjs trampoline registers tsx inside the worker (see parse-worker.mjs).
const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

/** How a job ended. The caller decides what a timeout or a crash means (the CLI fails, the service retries). */
export type ParseOutcome =
  | { kind: 'parsed'; resume: Resume; pageImages: (PageImage | null)[]; provenance?: ProvenanceRecord | null }
  | { kind: 'timeout'; detail: string }
  | { kind: 'crashed'; detail: string };

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  /** V8 old-generation heap per thread (`resourceLimits.maxOldGenerationSizeMb`); undefined = Node's default. */
  memoryMb?: number;
  /** For tests, which swap in a worker that crashes or hangs on demand. */
  workerUrl?: URL;
}

interface Task {
  job: ParseJob;
  resolve(outcome: ParseOutcome): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

export class ParsePool {
  readonly #options: PoolOptions;
  readonly #slots = new Set<Slot>();
  readonly #idle: Slot[] = [];
  readonly #queue: Task[] = [];

  constructor(options: PoolOptions) {
    this.#options = options;
  }

  /** Parses one job on the next free thread. */
  run(job: ParseJob): Promise<ParseOutcome> {
    return new Promise((resolve) => {
      this.#queue.push({ job, resolve });
      this.#dispatch();
    });
  }

  /** `run` for the CLI: a timeout or crash becomes that document's failed Resume. */
  async parse(job: ParseJob): Promise<Resume> {
    const outcome = await this.run(job);
    if (outcome.kind === 'parsed') return outcome.resume;
    const code = outcome.kind === 'timeout' ? 'processing_timeout' : 'document_conversion_failed';
    return failedResume(job.options, code, outcome.detail);
  }

  /** Stops every worker. Jobs still queued are dropped, so the exiting workers are not replaced. */
  async close(): Promise<void> {
    this.#queue.length = 0;
    await Promise.all([...this.#slots].map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && (this.#idle.length > 0 || this.#slots.size < this.#options.size)) {
      const slot = this.#idle.pop() ?? this.#spawn();
      const task = this.#queue.shift()!;
      const { timeoutMs } = this.#options;
      slot.task = task;
      slot.timer = setTimeout(() => this.#settle(slot, { kind: 'timeout', detail: timeoutDetail(timeoutMs) }, false), timeoutMs);
      slot.worker.postMessage(task.job);
    }
  }

  #spawn(): Slot {
    const { memoryMb, workerUrl = WORKER_URL } = this.#options;
    const worker = new Worker(workerUrl, memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {});
    const slot: Slot = { worker, task: null };
    this.#slots.add(slot);
    worker.on('message', (parsed: ParsedFile) => this.#settle(slot, { kind: 'parsed', ...parsed }, true));
    // 'error' (an uncaught exception, or ERR_WORKER_OUT_OF_MEMORY) is always followed by 'exit'; both retire the
    // worker. The listeners stay for the worker's whole life: an 'error' with no listener would crash the process.
    worker.on('error', (err) => this.#settle(slot, { kind: 'crashed', detail: `The parser crashed: ${err.message}` }, false));
    worker.on('exit', (code) => this.#settle(slot, { kind: 'crashed', detail: `The parser stopped unexpectedly (exit code ${code}).` }, false));
    return slot;
  }

  /** Finishes the slot's task (if any) and either returns the worker to the idle list or retires it. */
  #settle(slot: Slot, outcome: ParseOutcome, workerAlive: boolean): void {
    // A retired worker can still deliver a late message or its 'exit'; an idle one has nothing to answer.
    if (!this.#slots.has(slot) || (workerAlive && !slot.task)) return;
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    if (workerAlive) {
      this.#idle.push(slot);
    } else {
      this.#slots.delete(slot);
      void slot.worker.terminate();
      const idleAt = this.#idle.indexOf(slot);
      if (idleAt >= 0) this.#idle.splice(idleAt, 1);
    }
    task?.resolve(outcome);
    this.#dispatch();
  }
}
