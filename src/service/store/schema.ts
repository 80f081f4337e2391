/**
 * The database tables as Kysely sees them. One schema for SQLite and PostgreSQL: timestamps are ISO-8601
 * strings (they sort as text), booleans are 0/1 integers, and JSON is text, so the same queries run on both.
 */
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: string;
  name: string;
  created_dt: string;
}

export interface ApiKeysTable {
  /** SHA-256 (hex) of the key; the key itself is never stored. */
  hash: string;
  /** The key's first characters, not secret, to tell keys apart in `vitae keys list`. */
  prefix: string;
  workspace_id: string;
  created_dt: string;
  revoked_dt: string | null;
}

export type DocumentStatus = 'queued' | 'parsing' | 'ready' | 'failed';

export interface DocumentsTable {
  identifier: string;
  workspace_id: string;
  custom_identifier: string | null;
  file_name: string | null;
  /** For `url` uploads, downloaded by the job; the file and its hash exist once it is. */
  source_url: string | null;
  sha256: string | null;
  size: number | null;
  status: DocumentStatus;
  created_dt: string;
  ready_dt: string | null;
  expiry_time: string | null;
  /** The caller's language until parsed, then the given or detected one. */
  language: string | null;
  region_bias: string | null;
  low_priority: number;
  reject_duplicates: number;
  data: string | null;
  error_code: string | null;
  error_detail: string | null;
  /** JSON `StoredPage[]` (store/resume.ts): the pages' meta without URLs, which are signed for each response. */
  pages: string;
  is_ocrd: number;
  ocr_confidence: number | null;
  is_verified: number;
  attempts: number;
  /** A résumé taken from a ZIP upload: the archive's document (Affinda's `meta.parentDocument`). */
  parent_document: string | null;
  /** A ZIP upload: JSON array of its résumés' identifiers, in archive order (`meta.childDocuments`). */
  child_documents: string;
  /**
   * JSON `ProvenanceRecord` (pipeline/provenance.ts): boxes of the parsed values on the pages, for the review page;
   * not part of Affinda's answer. Null when not parsed (yet). Optional so that inserts need not name it.
   */
  provenance?: string | null;
  /**
   * `resume` (/v2/resumes) or `redacted_resume` (/v2/redacted_resumes): each API sees only its own kind. Optional
   * here so that rows written without it (résumés) need not name it: the column defaults to `resume`.
   */
  kind?: DocumentKind;
  /** A redacted résumé's options (JSON `RedactOptions`, pipeline/redact/targets.ts); null for a résumé. */
  redact?: string | null;
  /**
   * Where `meta.pdf` comes from (service/rendition.ts): `original` (the document is a PDF), `rendition` (a PDF made
   * by LibreOffice is stored beside it), or null (none). Optional so that inserts need not name it.
   */
  pdf?: string | null;
  /** JSON `DocumentWarning[]` of `meta.warnings` (a document parsed only in part), or null when there are none. */
  warnings?: string | null;
}

export type DocumentKind = 'resume' | 'redacted_resume';

export type JobState = 'queued' | 'running';

/** Documents waiting for or under parsing; a finished job's row is deleted with the document's update. */
export interface JobsTable {
  id: Generated<number>;
  document_id: string;
  /** 0 = high, 1 = low; claimed in (priority, id) order. */
  priority: number;
  state: JobState;
  worker_id: string | null;
  lease_until: string | null;
  attempts: number;
  /** Why the last attempt ended without a result ('timeout' or 'crashed'), to word the final failure. */
  last_failure: string | null;
}

/** Deployment-wide values, e.g. the secret of signed links (store/settings.ts). */
export interface SettingsTable {
  name: string;
  value: string;
}

/** A search index of a workspace (`/v2/index`); `id` stays when the index is renamed. */
export interface SearchIndicesTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Affinda's `documentType`: always `resumes` (Vitae parses no job descriptions). */
  document_type: string;
  created_dt: string;
}

export interface SearchIndexDocumentsTable {
  index_id: string;
  document_id: string;
  created_dt: string;
}

/** One parsed résumé as search reads it (search/projection.ts); refreshed when its data changes. */
export interface SearchProjectionsTable {
  document_id: string;
  /** The projection's format; an older one is rebuilt from the document's data when read. */
  version: number;
  /** JSON `SearchProjection`. */
  projection: string;
  /** The raw text, folded for search expressions; read only by searches that have one. */
  text: string;
  years: number | null;
  latitude: number | null;
  longitude: number | null;
  updated_dt: string;
}

export interface Schema {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  documents: DocumentsTable;
  jobs: JobsTable;
  settings: SettingsTable;
  search_indices: SearchIndicesTable;
  search_index_documents: SearchIndexDocumentsTable;
  search_projections: SearchProjectionsTable;
}
