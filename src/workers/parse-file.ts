/**
 * Parsing one document, the same way in the main thread (one CLI document) and in worker threads (the CLI's
 * folders and the service's queue): never throws, a failure is in the Resume's `error`, as Affinda reports it.
 */
import { readFile } from 'node:fs/promises';
import { newIdentifier, parseDocument, type PageImage } from '../pipeline/pipeline.ts';
import type { ProvenanceRecord } from '../pipeline/provenance.ts';
import type { DocumentErrorCode, ParseOptions } from '../pipeline/doc.ts';
import type { Resume } from '../affinda/types.ts';

/**
 * What a worker receives: plain data, so it crosses the thread boundary by structured clone. The CLI sends a
 * path (the worker reads the file, in parallel with the others); the service sends the bytes it stored.
 */
export type ParseJob = { options: ParseOptions } & ({ path: string } | { bytes: Uint8Array });

/** A worker's answer: the Resume, and its page images when the job's options asked for them (else empty). */
export interface ParsedFile {
  resume: Resume;
  pageImages: (PageImage | null)[];
  /** Where each value is printed (pipeline/provenance.ts), for the review page; absent when the parse failed. */
  provenance?: ProvenanceRecord | null;
}

export async function parseFile(job: ParseJob): Promise<ParsedFile> {
  try {
    const bytes = 'bytes' in job ? job.bytes : await readFile(job.path);
    return await parseDocument(bytes, job.options);
  } catch (err) {
    // parseDocument reports bad documents itself; what lands here is an unreadable file or a parser bug.
    const detail = `Unable to parse the document: ${err instanceof Error ? err.message : String(err)}`;
    return { resume: failedResume(job.options, 'document_conversion_failed', detail), pageImages: [] };
  }
}

/** `parseFile` that gives up after `timeoutMs`; the parse itself cannot be stopped in this thread (workers can be). */
export async function parseFileWithin(job: ParseJob, timeoutMs: number): Promise<Resume> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Resume>((resolve) => {
    timer = setTimeout(() => resolve(timedOut(job, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([parseFile(job).then((parsed) => parsed.resume), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function timedOut(job: ParseJob, timeoutMs: number): Resume {
  return failedResume(job.options, 'processing_timeout', timeoutDetail(timeoutMs));
}

export function timeoutDetail(timeoutMs: number): string {
  return `Parsing took longer than ${timeoutMs} ms.`;
}

/** A failed document for failures outside the pipeline (unreadable file, crashed or timed-out worker). */
export function failedResume(options: ParseOptions, errorCode: DocumentErrorCode, errorDetail: string): Resume {
  const now = new Date().toISOString();
  return {
    data: null,
    meta: {
      identifier: newIdentifier(),
      customIdentifier: null,
      fileName: options.fileName ?? null,
      ready: true,
      readyDt: now,
      failed: true,
      expiryTime: null,
      language: options.language ?? null,
      pdf: null,
      parentDocument: null,
      childDocuments: [],
      pages: [],
      isVerified: false,
      reviewUrl: null,
      ocrConfidence: null,
      createdDt: now,
      documentType: 'resume',
      regionBias: options.regionBias ?? null,
      isOcrd: false,
    },
    error: { errorCode, errorDetail },
  };
}
