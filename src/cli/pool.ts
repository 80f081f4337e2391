/**
 * A pool of parse workers. Each document gets a deadline; a worker that misses it is terminated, one that
 * crashes is dropped, and either way that document fails on its own while a fresh worker takes the next one.
 */
import { Worker } from 'node:worker_threads';
import type { Resume } from '../affinda/types.ts';
import { failedResume, timedOut, type ParseJob } from './parse-file.ts';

// The .mjs trampoline registers tsx inside the worker (see parse-worker.mjs).
const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

interface Task {
  job: ParseJob;
  resolve(resume: Resume): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

export class ParsePool {
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #slots = new Set<Slot>();
  readonly #idle: Slot[] = [];
  readonly #queue: Task[] = [];
  readonly #workerUrl: URL;

  /** `workerUrl` is for tests, which swap in a worker that crashes or hangs on demand. */
  constructor(size: number, timeoutMs: number, workerUrl = WORKER_URL) {
    this.#size = size;
    this.#timeoutMs = timeoutMs;
    this.#workerUrl = workerUrl;
  }

  parse(job: ParseJob): Promise<Resume> {
    return new Promise((resolve) => {
      this.#queue.push({ job, resolve });
      this.#dispatch();
    });
  }

  /** Stops every worker. Jobs still queued are dropped, so the exiting workers are not replaced. */
  async close(): Promise<void> {
    this.#queue.length = 0;
    await Promise.all([...this.#slots].map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && (this.#idle.length > 0 || this.#slots.size < this.#size)) {
      const slot = this.#idle.pop() ?? this.#spawn();
      const task = this.#queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.#settle(slot, timedOut(task.job, this.#timeoutMs), false), this.#timeoutMs);
      slot.worker.postMessage(task.job);
    }
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#workerUrl), task: null };
    this.#slots.add(slot);
    slot.worker.on('message', (resume: Resume) => this.#settle(slot, resume, true));
    // 'error' (an uncaught exception in the worker) is always followed by 'exit'; both retire the worker.
    // The listeners stay for the worker's whole life: an 'error' with no listener would crash the main thread.
    slot.worker.on('error', (err) => this.#crashed(slot, `The parser crashed: ${err.message}`));
    slot.worker.on('exit', (code) => this.#crashed(slot, `The parser stopped unexpectedly (exit code ${code}).`));
    return slot;
  }

  #crashed(slot: Slot, detail: string): void {
    this.#settle(slot, slot.task && failedResume(slot.task.job.options, 'document_conversion_failed', detail), false);
  }

  /** Finishes the slot's task (if any) and either returns the worker to the idle list or retires it. */
  #settle(slot: Slot, resume: Resume | null, workerAlive: boolean): void {
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
    if (task && resume) task.resolve(resume);
    this.#dispatch();
  }
}
