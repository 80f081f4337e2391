/**
 * Redacted résumés (`/v2/redacted_resumes`) over the document service's store, queue and links. A redacted
 * résumé is a document of kind `redacted_resume`: accepted like an upload (`DocumentService.create` with
 * `redact`), claimed by the same runner, which gives it to a redaction thread instead of the parse pool
 * (thread.ts); its answer is Affinda's `RedactedResume`, `{data: {redactedPdf}, meta, error}`, where `redactedPdf`
 * is a signed, expiring link (links.ts, purpose `redacted-pdf`) that opens without an API key. `/v2/resumes` never
 * sees these documents, nor this API résumés (documents.ts `visible`).
 */
import { EventEmitter, once } from 'node:events';
import type { Meta } from '../../affinda/types.ts';
import type { RedactOptions } from '../../pipeline/redact/index.ts';
import { ServiceError, type ListQuery, type ListResult, type NewDocument, type Workspace } from '../contract.ts';
import type { ServiceParts } from '../document-service.ts';
import * as documents from '../store/documents.ts';
import { metaOf, type DocumentLinks } from '../store/resume.ts';
import { linkExpiry, nowSeconds, pageImagePath, redactedPdfPath, signedQuery, verifyLink, type LinkSubject } from '../links.ts';
import { REDACTED_PDF, REDACTED_RESUME } from './thread.ts';

export type { RedactOptions } from '../../pipeline/redact/index.ts';

/** Affinda's RedactedResume: `data` is null until ready, and when the document failed. */
export interface RedactedResume {
  data: { redactedPdf: string | null } | null;
  meta: Meta;
  error: { errorCode: string | null; errorDetail: string | null };
}

/** A request for a redacted PDF by signed link: no API key, the link is the permission. */
export interface RedactedPdfRequest {
  identifier: string;
  expires: number;
  token: string;
}

export interface RedactedResumeService {
  /** Accepts a résumé to redact (as `DocumentService.create`); `redact` says what to hide. */
  create(input: NewDocument & { redact: RedactOptions }, origin?: string): Promise<RedactedResume>;
  /** Waits until it is redacted (or failed), or until `timeoutMs`; returns it either way. */
  waitUntilReady(workspace: Workspace, identifier: string, timeoutMs: number, origin?: string): Promise<RedactedResume>;
  get(workspace: Workspace, identifier: string, origin?: string): Promise<RedactedResume>;
  list(workspace: Workspace, query: ListQuery, origin?: string): Promise<ListResult>;
  delete(workspace: Workspace, identifier: string): Promise<void>;
  /** The redacted PDF by signed link; `forbidden` for a wrong, tampered or expired link or a document gone. */
  pdf(request: RedactedPdfRequest): Promise<Uint8Array>;
}

/** What the redacted résumés need of the document service: accepting a document (row, file and job in one). */
export interface DocumentCreator {
  create(input: NewDocument, origin?: string): Promise<{ meta: Meta }>;
}

/** How often a wait looks at the database, for documents redacted by another process. */
const WAIT_POLL_MS = 250;

export class SqlRedactedResumes implements RedactedResumeService {
  readonly #p: ServiceParts;
  readonly #documents: DocumentCreator;
  readonly #settled = new EventEmitter().setMaxListeners(0);
  /** Aborted at shutdown: open waits answer at once (as the document service's own). */
  readonly #draining = new AbortController();

  constructor(parts: ServiceParts, creator: DocumentCreator) {
    this.#p = parts;
    this.#documents = creator;
  }

  /** The runner's word that a document is ready (forwarded by the document service), to end waits at once. */
  settled(identifier: string): void {
    this.#settled.emit(identifier);
  }

  async create(input: NewDocument & { redact: RedactOptions }, origin?: string): Promise<RedactedResume> {
    if (input.data !== undefined) throw new ServiceError('invalid', 'A redacted résumé needs a file or url.', { attr: 'data' });
    // A duplicate is judged among résumés; a document to redact is never refused as one.
    const created = await this.#documents.create({ ...input, rejectDuplicates: false }, origin);
    return this.get(input.workspace, created.meta.identifier, origin);
  }

  async waitUntilReady(workspace: Workspace, identifier: string, timeoutMs: number, origin?: string): Promise<RedactedResume> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const redacted = await this.get(workspace, identifier, origin);
      const left = deadline - Date.now();
      if (redacted.meta.ready || left <= 0 || this.#draining.signal.aborted) return redacted;
      const signal = AbortSignal.any([AbortSignal.timeout(Math.min(left, WAIT_POLL_MS)), this.#draining.signal]);
      await once(this.#settled, identifier, { signal }).catch(() => undefined);
    }
  }

  /**
   * Answers every open wait now, with the document as it stands, and later waits at once: a shutdown must not hold
   * `wait=true` uploads for their whole timeout (the document service's `releaseWaiters` is the one to call this).
   */
  releaseWaiters(): void {
    this.#draining.abort();
  }

  async get(workspace: Workspace, identifier: string, origin?: string): Promise<RedactedResume> {
    const row = await this.#find(workspace, identifier);
    return redactedResumeOf(row, this.#links(row, origin));
  }

  async list(workspace: Workspace, query: ListQuery, origin?: string): Promise<ListResult> {
    const { count, rows } = await documents.listDocuments(this.#p.db.kysely, workspace.id, { ...query, kind: REDACTED_RESUME });
    return { count, results: rows.map((row) => metaOf(row, this.#links(row, origin)?.document ?? null)) };
  }

  async delete(workspace: Workspace, identifier: string): Promise<void> {
    await this.#find(workspace, identifier);
    await documents.deleteDocument(this.#p.db.kysely, identifier);
    await this.#p.files.remove(workspace.id, identifier);
  }

  async pdf({ identifier, expires, token }: RedactedPdfRequest): Promise<Uint8Array> {
    // As page images: the link names no workspace (a link signed for any other does not verify), and unknown,
    // expired, deleted and unfinished documents answer as a bad link does, so links reveal nothing of others.
    const row = await documents.documentById(this.#p.db.kysely, identifier);
    const visible = row && row.kind === REDACTED_RESUME && (row.expiry_time === null || row.expiry_time > new Date().toISOString());
    if (!row || !visible || !verifyLink(this.#p.secret, pdfSubject(row.workspace_id, identifier), { expires, token }, nowSeconds())) {
      throw new ServiceError('forbidden', 'The link is not valid, or has expired.');
    }
    const pdf = row.status === 'ready' ? await this.#p.files.readRendition(row.workspace_id, identifier, REDACTED_PDF) : null;
    if (!pdf) throw new ServiceError('not_found', `Document ${identifier} has no redacted PDF.`);
    return pdf;
  }

  async #find(workspace: Workspace, identifier: string): Promise<documents.DocumentRow> {
    const row = await documents.findDocument(this.#p.db.kysely, workspace.id, identifier, REDACTED_RESUME);
    if (!row) throw new ServiceError('not_found', `No redacted résumé with identifier ${identifier}.`);
    return row;
  }

  /** Signed links under `origin`, all expiring together: the PDF's and the (redacted) page images'. */
  #links(row: documents.DocumentRow, origin: string | undefined): { pdf: string; document: DocumentLinks } | null {
    if (origin === undefined) return null;
    const { secret, config } = this.#p;
    const expires = linkExpiry(nowSeconds(), config.linkTtlSeconds);
    const base = origin.replace(/\/+$/, '');
    const pageSubject = (page: number): LinkSubject => ({ purpose: 'page-image', workspaceId: row.workspace_id, identifier: row.identifier, page });
    return {
      pdf: `${base}${redactedPdfPath(row.identifier)}?${signedQuery(secret, pdfSubject(row.workspace_id, row.identifier), expires)}`,
      document: {
        pageImage: (page) => `${base}${pageImagePath(row.identifier, page)}?${signedQuery(secret, pageSubject(page), expires)}`,
        // No review page: a redacted résumé keeps no data to review.
        review: () => '',
      },
    };
  }
}

function pdfSubject(workspaceId: string, identifier: string): LinkSubject {
  return { purpose: 'redacted-pdf', workspaceId, identifier, page: null };
}

/** A stored redacted résumé as Affinda's RedactedResume, every key present. Pure. */
export function redactedResumeOf(row: documents.DocumentRow, links: { pdf: string; document: DocumentLinks } | null): RedactedResume {
  const meta = metaOf(row, links?.document ?? null);
  return {
    // A ZIP's document holds no résumé of its own (its résumés are its childDocuments): no data, as /v2/resumes answers it.
    data: row.status === 'ready' && row.child_documents === '[]' ? { redactedPdf: links?.pdf ?? null } : null,
    meta: { ...meta, reviewUrl: null },
    error: { errorCode: row.error_code, errorDetail: row.error_detail },
  };
}
