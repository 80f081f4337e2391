/**
 * The contract between the HTTP layer (src/service/api) and the document service (store + jobs).
 *
 * The API knows nothing of SQL, files or workers: it authenticates a request to a workspace, turns the
 * multipart form into a `NewDocument`, and calls these methods. The service knows nothing of HTTP: its
 * errors are `ServiceError`s with a code the API maps to a status and Affinda's error shape.
 */
import type { Meta, RegionBias, Resume, ResumeData } from '../affinda/types.ts';
import type { ProvenanceRecord } from '../pipeline/provenance.ts';
import type { RedactedResumeService, RedactOptions } from './redact/service.ts';
import type { SearchService } from './search/service.ts';

export interface Workspace {
  id: string;
  name: string;
}

/** What an upload asks for, already validated and typed by the API. Exactly one of bytes/url/data. */
export interface NewDocument {
  workspace: Workspace;
  /** The file's bytes (multipart `file`). */
  bytes?: Uint8Array;
  /** A URL to download and parse (multipart `url`); downloading is the service's job. */
  url?: string;
  /** Résumé data stored as is, not parsed (multipart `data`). */
  data?: Partial<ResumeData>;
  /** Caller-chosen document id (`identifier`); must be unused, else `ServiceError('identifier_taken')`. */
  identifier?: string;
  customIdentifier?: string | null;
  fileName?: string | null;
  language?: string | null;
  expiryTime?: Date | null;
  regionBias?: RegionBias | null;
  rejectDuplicates: boolean;
  lowPriority: boolean;
  /**
   * True when the request itself said `lowPriority` (either way). Only an explicit `lowPriority=false` gets
   * `queue_full` when the high-priority budget is spent; otherwise the document silently goes low priority.
   */
  lowPriorityExplicit?: boolean;
  /** Set: a résumé to redact (`/v2/redacted_resumes`), a document of that kind; these say what to hide. */
  redact?: RedactOptions;
}

export interface ListQuery {
  offset: number;
  limit: number;
  customIdentifier?: string;
}

export interface ListResult {
  count: number;
  results: Meta[];
}

/** A request for a page image by signed link (links.ts): no API key, the link is the permission. */
export interface PageImageRequest {
  identifier: string;
  pageIndex: number;
  expires: number;
  token: string;
}

/** A request for a document's PDF by signed link (links.ts): no API key. */
export type PdfRequest = Omit<PageImageRequest, 'pageIndex'>;

/**
 * What a review link (links.ts) opens: one document of one workspace. The workspace's `name` is not known from a
 * link and is its id here; the service's methods use only the id.
 */
export interface ReviewGrant {
  workspace: Workspace;
  identifier: string;
}

export type ServiceErrorCode =
  | 'not_found'
  | 'forbidden' // a signed link that is not valid (any more) for what it asks
  | 'identifier_taken'
  | 'queue_full' // the high-priority budget is spent and the caller refused the low-priority queue
  | 'too_large' // the file is over `maxUploadBytes` (→ 413)
  | 'invalid';

export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  /** For `invalid`: the request field at fault. For `queue_full`: seconds to wait. */
  readonly attr: string | null;
  readonly retryAfter: number | null;
  constructor(code: ServiceErrorCode, message: string, opts: { attr?: string; retryAfter?: number } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.attr = opts.attr ?? null;
    this.retryAfter = opts.retryAfter ?? null;
  }
}

/**
 * Documents answered with `origin` (the public origin the caller reaches the API at, e.g. `https://cv.example.com`)
 * have signed, absolute `meta.pages[].image` URLs under it, made afresh for each answer; without it, `image` is null.
 */
export interface DocumentService {
  /**
   * Accepts a document: stores it durably and queues its parse (or stores `data` as is, ready at once).
   * Returns as soon as the document is safely accepted; a crash after this never loses it.
   */
  create(input: NewDocument, origin?: string): Promise<Resume>;
  /** Waits until the document is ready (parsed or failed), or until `timeoutMs`; returns it either way. */
  waitUntilReady(workspace: Workspace, identifier: string, timeoutMs: number, origin?: string): Promise<Resume>;
  get(workspace: Workspace, identifier: string, origin?: string): Promise<Resume>;
  list(workspace: Workspace, query: ListQuery, origin?: string): Promise<ListResult>;
  /**
   * A page image (PNG) by signed link. `forbidden` when the link is not valid for this document and page (wrong,
   * tampered, expired, another workspace's, or the document is gone); `not_found` when that page has no image.
   */
  pageImage(request: PageImageRequest): Promise<Uint8Array>;
  /**
   * The document's PDF (`meta.pdf`: the original PDF, or its LibreOffice rendition) by signed link; `forbidden` as
   * for page images, `not_found` when the document has no PDF (yet).
   */
  pdf(request: PdfRequest): Promise<Uint8Array>;
  /**
   * The document a review link's path segment (`<identifier>.<expires>.<token>`) opens; `forbidden` when the link
   * is not valid (wrong, tampered, expired, or the document is gone).
   */
  openReview(segment: string): Promise<ReviewGrant>;
  /** Where each parsed value is printed (pipeline/provenance.ts), for the review page; null when not known. Never in Affinda's answers. */
  provenance(workspace: Workspace, identifier: string): Promise<ProvenanceRecord | null>;
  /** Sets `meta.isVerified`: a person has checked the document's data. */
  setVerified(workspace: Workspace, identifier: string, verified: boolean): Promise<void>;
  /** Partial update of ResumeData (top-level keys; arrays replaced); read-only fields recomputed. */
  update(workspace: Workspace, identifier: string, patch: Partial<ResumeData>): Promise<ResumeData>;
  delete(workspace: Workspace, identifier: string): Promise<void>;
  /** The workspace an API key belongs to, or null for an unknown or revoked key. */
  authenticate(apiKey: string): Promise<Workspace | null>;
  /** Redacted résumés (redact/service.ts). Optional so stand-in services of tests stay valid; the routes answer 404 without it. */
  readonly redacted?: RedactedResumeService;
  /**
   * Search indices, search and match over this service's documents (search/service.ts). Optional so stand-in
   * services of tests that need no search stay valid; the search routes answer 501 without it.
   */
  readonly search?: SearchService;
  /** True when storage and queue answer (readiness). */
  ready(): Promise<boolean>;
  /**
   * Answers every open `waitUntilReady` now, with the document as it stands (a shutdown must not hold `wait=true`
   * requests for their whole timeout; their callers poll, as after any wait that ran out). Later waits return at once.
   */
  releaseWaiters(): void;
  /** Stops taking work, lets running parses finish or re-queues them, closes connections. */
  close(): Promise<void>;
}

/**
 * Configuration shared by `vitae serve`, `vitae worker` and `vitae keys`: flags override `VITAE_*`
 * environment variables, which override the defaults (see src/service/config.ts).
 */
export interface ServiceConfig {
  /** Data folder: the SQLite file and stored documents (`--data`, `VITAE_DATA_DIR`; default ./vitae-data). */
  dataDir: string;
  /** `sqlite:<path>` or `postgres://…` (`--database`, `VITAE_DATABASE_URL`; default sqlite in dataDir). */
  databaseUrl: string;
  /** HTTP port (`--port`, `VITAE_PORT`; default 8080) and host (`VITAE_HOST`; default 127.0.0.1). */
  port: number;
  host: string;
  /** Public origin used in absolute URLs (pagination links, page images), when behind a proxy (`VITAE_PUBLIC_URL`). */
  publicUrl: string | null;
  /** Parse worker threads in this process (`--workers`, `VITAE_WORKERS`; default cores − 1, at least 1; 0 = API only). */
  workers: number;
  /** Per-document limits. */
  parseTimeoutMs: number;
  workerMemoryMb: number;
  maxUploadBytes: number;
  maxPages: number;
  /** How long `wait=true` blocks before answering with `ready: false`. */
  waitTimeoutMs: number;
  /** URL uploads may reach loopback, private and link-local addresses (`--allow-private-urls`, `VITAE_ALLOW_PRIVATE_URLS`). */
  allowPrivateUrls: boolean;
  urlTimeoutMs: number;
  /** `rejectDuplicates` when the request does not say. */
  rejectDuplicatesDefault: boolean;
  /** High-priority documents per minute per workspace before `lowPriority=false` uploads get 429 (0 = no limit). */
  highPriorityPerMinute: number;
  /**
   * Requests per minute per API key (`VITAE_RATE_LIMIT_PER_MINUTE`; 0 = no limit). Counted in each process's memory:
   * behind a load balancer over n API processes a key gets up to n times this.
   */
  rateLimitPerMinute: number;
  /**
   * Admission control (`VITAE_MAX_QUEUED`; 0 = none): once this many high-priority documents wait or are being parsed,
   * uploads that would join them get 429 with Retry-After; `lowPriority=true` uploads are still accepted.
   */
  maxQueued: number;
  /**
   * Key of signed links (page images), shared by every process of a deployment (`VITAE_SECRET`); when null, one
   * is generated once and kept in the database, which every process of a deployment shares.
   */
  secret: string | null;
  /** How long a signed link works (`VITAE_LINK_TTL_SECONDS`; default 24 h). */
  linkTtlSeconds: number;
  logLevel: string;
  /**
   * PDF renditions of documents that are not PDFs, for `meta.pdf` (`VITAE_PDF_RENDITION`): `auto` converts with
   * LibreOffice's `soffice` when it is on PATH (service/rendition.ts), `off` never does.
   */
  pdfRendition: 'auto' | 'off';
  /**
   * The job queue (`--queue`, `VITAE_QUEUE`): `embedded` (a table in the database) or `pg-boss` (PostgreSQL only);
   * `auto`, the default, is pg-boss on PostgreSQL and embedded on SQLite.
   */
  queue: 'auto' | 'embedded' | 'pg-boss';
}
