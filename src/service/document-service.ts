/**
 * The `DocumentService` of contract.ts over the store, the file store and the queue. Accepting a document is
 * all-or-nothing: its row, its file and its job are written in one transaction (the file before commit, so a
 * worker that claims the job finds it). Results are written by the job runner; `waitUntilReady` hears of them
 * in-process through an event, and from other processes by polling.
 */
import { EventEmitter, once } from 'node:events';
import type { Resume, ResumeData } from '../affinda/types.ts';
import { newIdentifier } from '../pipeline/pipeline.ts';
import {
  ServiceError,
  type DocumentService,
  type ListQuery,
  type ListResult,
  type NewDocument,
  type PageImageRequest,
  type PdfRequest,
  type ReviewGrant,
  type ServiceConfig,
  type Workspace,
} from './contract.ts';
import type { Db } from './store/db.ts';
import { isUniqueViolation } from './store/db.ts';
import * as documents from './store/documents.ts';
import type { FileStore } from './store/files.ts';
import { workspaceOfKey } from './store/keys.ts';
import { metaOf, pagesOf, resumeOf, type DocumentLinks } from './store/resume.ts';
import { provenanceOf } from './store/resume.ts';
import type { ProvenanceRecord } from '../pipeline/provenance.ts';
import {
  linkExpiry,
  nowSeconds,
  pageImagePath,
  documentPdfPath,
  parseReviewSegment,
  reviewPath,
  reviewSegment,
  reviewSubject,
  signedQuery,
  verifyLink,
  type LinkSubject,
} from './links.ts';
import type { JobQueue, Priority } from './jobs/queue.ts';
import { duplicateDetail } from './jobs/runner.ts';
import { applyPatch, resumeDataFromUpload } from './patch.ts';
import { BUDGET_WINDOW_MS, choosePriority } from './priority.ts';
import { sha256 } from './hash.ts';
import { RENDITION_PDF } from './rendition.ts';
import { SqlRedactedResumes } from './redact/service.ts';
import { SqlSearchService, type SearchService } from './search/service.ts';

/** Caller-chosen identifiers become file names: keep them to a safe alphabet. */
const IDENTIFIER = /^[A-Za-z0-9_-]{1,64}$/;
/** Retry-After for uploads refused by admission control: a few parses' time, so a retrying client finds room. */
const ADMISSION_RETRY_SECONDS = 5;
/** How often `waitUntilReady` looks at the database, for documents parsed by another process. */
const WAIT_POLL_MS = 250;

export interface ServiceParts {
  db: Db;
  files: FileStore;
  queue: JobQueue;
  config: ServiceConfig;
  /** The key of signed links, the same in every process of the deployment (index.ts). */
  secret: string;
  /** Tells this process's runner (if any) that a job was queued. */
  wakeRunner(): void;
  /** Stops the runner, sweeper and connections (index.ts owns them). */
  shutdown(): Promise<void>;
}

export class SqlDocumentService implements DocumentService {
  readonly #p: ServiceParts;
  readonly #settled = new EventEmitter().setMaxListeners(0);
  /** Aborted at shutdown: open waits answer at once. */
  readonly #draining = new AbortController();

  readonly search: SearchService;

  /** `/v2/redacted_resumes`: documents of another kind over the same store, queue and links. */
  readonly redacted: SqlRedactedResumes;

  constructor(parts: ServiceParts) {
    this.#p = parts;
    this.redacted = new SqlRedactedResumes(parts, this);
    this.search = new SqlSearchService(parts.db);
  }

  /** The runner calls this when a document becomes ready. */
  settled(identifier: string): void {
    this.#settled.emit(identifier);
    this.redacted.settled(identifier);
  }

  async create(input: NewDocument, origin?: string): Promise<Resume> {
    const sources = [input.bytes, input.url, input.data].filter((s) => s !== undefined).length;
    if (sources !== 1) throw new ServiceError('invalid', 'Give exactly one of file, url or data.', { attr: 'file' });
    if (input.identifier !== undefined && !IDENTIFIER.test(input.identifier)) {
      throw new ServiceError('invalid', 'identifier may only contain letters, digits, "-" and "_" (at most 64).', { attr: 'identifier' });
    }
    if (input.bytes && input.bytes.length > this.#p.config.maxUploadBytes) {
      throw new ServiceError('too_large', `The file is larger than ${this.#p.config.maxUploadBytes} bytes.`, { attr: 'file' });
    }
    if (input.url !== undefined && !/^https?:\/\/./i.test(input.url)) throw new ServiceError('invalid', 'url must be an http or https URL.', { attr: 'url' });
    const priority = input.data ? null : await this.#priority(input);
    if (priority === 'high') await this.#admit();
    // A generated identifier may collide (26^8 ids): draw again. A caller's identifier must be free.
    for (let attempt = 0; ; attempt++) {
      const identifier = input.identifier ?? newIdentifier();
      try {
        return await this.#insert(input, identifier, priority, origin);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (input.identifier !== undefined || attempt >= 3) {
          throw new ServiceError('identifier_taken', `A document with identifier ${identifier} already exists.`, { attr: 'identifier' });
        }
      }
    }
  }

  async #priority(input: NewDocument): Promise<Priority> {
    const budget = this.#p.config.highPriorityPerMinute;
    const now = Date.now();
    const recent = input.lowPriority || budget === 0
      ? { count: 0, oldest: null }
      : await documents.highPrioritySince(this.#p.db.kysely, input.workspace.id, new Date(now - BUDGET_WINDOW_MS).toISOString());
    const decision = choosePriority({ lowPriority: input.lowPriority, explicit: input.lowPriorityExplicit ?? false, budget, recent, now });
    if ('priority' in decision) return decision.priority;
    throw new ServiceError('queue_full', `More than ${budget} high-priority documents in the last minute; retry later or send lowPriority=true.`, {
      retryAfter: decision.retryAfterSeconds,
    });
  }

  /**
   * Admission control (`maxQueued`): once that many high-priority documents wait or are being parsed, in every
   * process of the deployment (counted in the database, whatever the queue), another one is refused with 429 and
   * Retry-After instead of piling up behind them; low-priority uploads are still taken. A soft limit: uploads
   * that arrive together may each see room and pass it by a few. The count scans the documents table (no index
   * on status), which is why it only runs when the limit is set.
   */
  async #admit(): Promise<void> {
    const max = this.#p.config.maxQueued;
    if (max === 0) return;
    const row = await this.#p.db.kysely
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['queued', 'parsing'])
      .where('low_priority', '=', 0)
      .executeTakeFirstOrThrow();
    const waiting = Number(row.n);
    if (waiting < max) return;
    throw new ServiceError('queue_full', `${waiting} high-priority documents are waiting or being parsed (the limit is ${max}); retry later or send lowPriority=true.`, {
      retryAfter: ADMISSION_RETRY_SECONDS,
    });
  }

  async #insert(input: NewDocument, identifier: string, priority: Priority | null, origin: string | undefined): Promise<Resume> {
    const { db, files } = this.#p;
    const now = new Date().toISOString();
    const hash = input.bytes ? sha256(input.bytes) : null;
    const row: documents.DocumentRow = {
      identifier,
      workspace_id: input.workspace.id,
      custom_identifier: input.customIdentifier ?? null,
      file_name: input.fileName ?? null,
      source_url: input.url ?? null,
      sha256: hash,
      size: input.bytes?.length ?? null,
      status: 'queued',
      created_dt: now,
      ready_dt: null,
      expiry_time: input.expiryTime?.toISOString() ?? null,
      language: input.language ?? null,
      region_bias: input.regionBias ? JSON.stringify(input.regionBias) : null,
      low_priority: priority === 'low' ? 1 : 0,
      reject_duplicates: input.rejectDuplicates ? 1 : 0,
      data: null,
      error_code: null,
      error_detail: null,
      pages: '[]',
      is_ocrd: 0,
      ocr_confidence: null,
      is_verified: 0,
      attempts: 0,
      parent_document: null,
      child_documents: '[]',
      kind: input.redact ? 'redacted_resume' : 'resume',
      redact: input.redact ? JSON.stringify(input.redact) : null,
    };
    if (input.data) Object.assign(row, { status: 'ready', ready_dt: now, data: JSON.stringify(resumeDataFromUpload(input.data)) });
    let wroteFile = false;
    try {
      await db.kysely.transaction().execute(async (trx) => {
        const original = hash && input.rejectDuplicates ? await documents.findDuplicate(trx, input.workspace.id, hash, identifier) : null;
        if (original) {
          // The document exists, failed (§6.3); its bytes are the original's, so none are stored.
          Object.assign(row, { status: 'failed', ready_dt: now, error_code: 'duplicate_document', error_detail: duplicateDetail(original) });
        }
        await documents.insertDocument(trx, row);
        if (row.status !== 'queued') return;
        if (input.bytes) {
          await files.write(input.workspace.id, identifier, input.bytes);
          wroteFile = true;
        }
        await this.#p.queue.enqueue(identifier, { priority: priority ?? 'high' }, trx);
      });
    } catch (err) {
      if (wroteFile) await files.remove(input.workspace.id, identifier);
      throw err;
    }
    if (row.status === 'queued') this.#p.wakeRunner();
    return resumeOf(row, this.#links(row, origin));
  }

  async waitUntilReady(workspace: Workspace, identifier: string, timeoutMs: number, origin?: string): Promise<Resume> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const resume = await this.get(workspace, identifier, origin);
      const left = deadline - Date.now();
      if (resume.meta.ready || left <= 0 || this.#draining.signal.aborted) return resume;
      const signal = AbortSignal.any([AbortSignal.timeout(Math.min(left, WAIT_POLL_MS)), this.#draining.signal]);
      await once(this.#settled, identifier, { signal }).catch(() => undefined);
    }
  }

  async get(workspace: Workspace, identifier: string, origin?: string): Promise<Resume> {
    const row = await this.#find(workspace, identifier);
    return resumeOf(row, this.#links(row, origin));
  }

  async list(workspace: Workspace, query: ListQuery, origin?: string): Promise<ListResult> {
    const { count, rows } = await documents.listDocuments(this.#p.db.kysely, workspace.id, query);
    return { count, results: rows.map((row) => metaOf(row, this.#links(row, origin))) };
  }

  async pageImage(request: PageImageRequest): Promise<Uint8Array> {
    const { identifier, pageIndex, expires, token } = request;
    // The link names no workspace: it is the document's, and a link signed for any other does not verify.
    // Unknown, expired and deleted documents answer as a bad link does, so links reveal nothing of others.
    const row = await documents.documentById(this.#p.db.kysely, identifier);
    const visible = row && (row.expiry_time === null || row.expiry_time > new Date().toISOString());
    if (!row || !visible || !verifyLink(this.#p.secret, pageImageSubject(row.workspace_id, identifier, pageIndex), { expires, token }, nowSeconds())) {
      throw new ServiceError('forbidden', 'The link is not valid, or has expired.');
    }
    const page = pagesOf(row).find((p) => p.pageIndex === pageIndex && p.hasImage);
    const image = page ? await this.#p.files.readPage(row.workspace_id, identifier, pageIndex) : null;
    if (!image) throw new ServiceError('not_found', `Document ${identifier} has no image of page ${pageIndex}.`);
    return image;
  }

  async pdf({ identifier, expires, token }: PdfRequest): Promise<Uint8Array> {
    // As for page images: unknown, expired and deleted documents answer as a bad link does.
    const row = await documents.documentById(this.#p.db.kysely, identifier);
    const visible = row && (row.expiry_time === null || row.expiry_time > new Date().toISOString());
    if (!row || !visible || !verifyLink(this.#p.secret, pdfSubject(row.workspace_id, identifier), { expires, token }, nowSeconds())) {
      throw new ServiceError('forbidden', 'The link is not valid, or has expired.');
    }
    const { files } = this.#p;
    const pdf = row.pdf === 'original' ? await files.read(row.workspace_id, identifier).catch(() => null) : row.pdf === 'rendition' ? await files.readRendition(row.workspace_id, identifier, RENDITION_PDF) : null;
    if (!pdf) throw new ServiceError('not_found', `Document ${identifier} has no PDF.`);
    return pdf;
  }

  /** Links to a row's page images and review page under `origin`, all expiring together; null without an origin. */
  #links(row: documents.DocumentRow, origin: string | undefined): DocumentLinks | null {
    if (origin === undefined) return null;
    const { secret, config } = this.#p;
    const expires = linkExpiry(nowSeconds(), config.linkTtlSeconds);
    const base = origin.replace(/\/+$/, '');
    return {
      pageImage: (pageIndex) =>
        `${base}${pageImagePath(row.identifier, pageIndex)}?${signedQuery(secret, pageImageSubject(row.workspace_id, row.identifier, pageIndex), expires)}`,
      review: () => `${base}${reviewPath(reviewSegment(secret, row.workspace_id, row.identifier, expires))}`,
      pdf: () => `${base}${documentPdfPath(row.identifier)}?${signedQuery(secret, pdfSubject(row.workspace_id, row.identifier), expires)}`,
    };
  }

  async openReview(segment: string): Promise<ReviewGrant> {
    // As for page images: unknown, expired and deleted documents answer as a bad link does.
    const parts = parseReviewSegment(segment);
    const row = parts && (await documents.documentById(this.#p.db.kysely, parts.identifier));
    const visible = row && (row.expiry_time === null || row.expiry_time > new Date().toISOString());
    if (!parts || !row || !visible || !verifyLink(this.#p.secret, reviewSubject(row.workspace_id, row.identifier), parts.signature, nowSeconds())) {
      throw new ServiceError('forbidden', 'The review link is not valid, or has expired.');
    }
    return { workspace: { id: row.workspace_id, name: row.workspace_id }, identifier: row.identifier };
  }

  async provenance(workspace: Workspace, identifier: string): Promise<ProvenanceRecord | null> {
    return provenanceOf(await this.#find(workspace, identifier));
  }

  async setVerified(workspace: Workspace, identifier: string, verified: boolean): Promise<void> {
    await this.#find(workspace, identifier);
    await documents.updateDocument(this.#p.db.kysely, identifier, { is_verified: verified ? 1 : 0 });
  }

  async update(workspace: Workspace, identifier: string, patch: Partial<ResumeData>): Promise<ResumeData> {
    const row = await this.#find(workspace, identifier);
    const data = applyPatch(row.data ? (JSON.parse(row.data) as ResumeData) : null, patch);
    await documents.updateDocument(this.#p.db.kysely, identifier, { data: JSON.stringify(data) });
    // An indexed résumé is searched by its projection: keep it in step with the data.
    await this.search.refresh(identifier, data);
    return data;
  }

  async delete(workspace: Workspace, identifier: string): Promise<void> {
    await this.#find(workspace, identifier);
    await documents.deleteDocument(this.#p.db.kysely, identifier);
    await this.#p.files.remove(workspace.id, identifier);
  }

  authenticate(apiKey: string): Promise<Workspace | null> {
    return workspaceOfKey(this.#p.db.kysely, apiKey);
  }

  async ready(): Promise<boolean> {
    try {
      await this.#p.db.kysely.selectFrom('jobs').select('id').limit(1).execute();
      return true;
    } catch {
      return false;
    }
  }

  releaseWaiters(): void {
    this.#draining.abort();
    this.redacted.releaseWaiters();
  }

  close(): Promise<void> {
    this.releaseWaiters();
    return this.#p.shutdown();
  }

  async #find(workspace: Workspace, identifier: string): Promise<documents.DocumentRow> {
    const row = await documents.findDocument(this.#p.db.kysely, workspace.id, identifier);
    if (!row) throw new ServiceError('not_found', `No document with identifier ${identifier}.`);
    return row;
  }
}

function pdfSubject(workspaceId: string, identifier: string): LinkSubject {
  return { purpose: 'pdf', workspaceId, identifier, page: null };
}

function pageImageSubject(workspaceId: string, identifier: string, pageIndex: number): LinkSubject {
  return { purpose: 'page-image', workspaceId, identifier, page: pageIndex };
}
