/**
 * A ZIP upload as child documents: each résumé inside becomes a document of its own, queued like an upload,
 * and the archive's document lists them (Affinda's `meta.childDocuments` / `meta.parentDocument`).
 */
import { archiveEntries, isResumeEntry, ARCHIVE_LIMITS } from '../../pipeline/archive.ts';
import { DocumentError } from '../../pipeline/doc.ts';
import { newIdentifier } from '../../pipeline/pipeline.ts';
import { sha256 } from '../hash.ts';
import type { DocumentRow } from '../store/documents.ts';

export interface ChildDocument {
  row: DocumentRow;
  bytes: Uint8Array;
}

/**
 * The résumés of an archive, in its order, as rows to insert: the entry's name as file name, and the parent's
 * workspace, language, region bias, expiry and priority. Entries no parser reads are left out. Throws
 * DocumentError for an archive that is refused (archive.ts) or holds no résumé.
 */
export function* childDocuments(parent: DocumentRow, bytes: Uint8Array, maxEntryBytes: number): Generator<ChildDocument> {
  let found = 0;
  // One entry inflated at a time: the caller stores it before the next is read.
  for (const entry of archiveEntries(bytes, { ...ARCHIVE_LIMITS, maxEntryBytes })) {
    const content = entry.read();
    if (!isResumeEntry(entry.name, content)) continue;
    found++;
    yield { row: childRow(parent, entry.name, content), bytes: content };
  }
  if (found === 0) throw new DocumentError('unsupported_file_type', 'The ZIP archive holds no résumé in a format Vitae reads.');
}

function childRow(parent: DocumentRow, name: string, bytes: Uint8Array): DocumentRow {
  return {
    identifier: newIdentifier(),
    workspace_id: parent.workspace_id,
    custom_identifier: null,
    file_name: name,
    source_url: null,
    sha256: sha256(bytes),
    size: bytes.length,
    status: 'queued',
    created_dt: new Date().toISOString(),
    ready_dt: null,
    expiry_time: parent.expiry_time,
    language: parent.language,
    region_bias: parent.region_bias,
    low_priority: parent.low_priority,
    // Duplicates are judged on what was uploaded: the archive.
    reject_duplicates: 0,
    data: null,
    error_code: null,
    error_detail: null,
    pages: '[]',
    is_ocrd: 0,
    ocr_confidence: null,
    is_verified: 0,
    attempts: 0,
    parent_document: parent.identifier,
    child_documents: '[]',
    // A ZIP sent to be redacted makes redacted résumés (redact/service.ts), hiding what the archive's upload asked.
    kind: parent.kind,
    redact: parent.redact,
  };
}
