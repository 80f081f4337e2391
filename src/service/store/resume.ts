/** A stored document row as Affinda's `Resume` and `Meta`, with every key present. Pure. */
import type { Meta, PageMeta, RegionBias, Resume, ResumeData } from '../../affinda/types.ts';
import type { DocumentsTable } from './schema.ts';

export function metaOf(row: DocumentsTable): Meta {
  const ready = row.status === 'ready' || row.status === 'failed';
  return {
    identifier: row.identifier,
    customIdentifier: row.custom_identifier,
    fileName: row.file_name,
    ready,
    readyDt: row.ready_dt,
    failed: row.status === 'failed',
    expiryTime: row.expiry_time,
    language: row.language,
    pdf: null,
    parentDocument: null,
    childDocuments: [],
    pages: JSON.parse(row.pages) as PageMeta[],
    isVerified: row.is_verified === 1,
    reviewUrl: null,
    ocrConfidence: row.ocr_confidence,
    createdDt: row.created_dt,
    documentType: 'resume',
    regionBias: row.region_bias == null ? null : (JSON.parse(row.region_bias) as RegionBias),
    isOcrd: row.is_ocrd === 1,
  };
}

export function resumeOf(row: DocumentsTable): Resume {
  return {
    // Pending and failed documents have no data (§8: null, not {}).
    data: row.status === 'ready' && row.data != null ? (JSON.parse(row.data) as ResumeData) : null,
    meta: metaOf(row),
    error: { errorCode: row.error_code, errorDetail: row.error_detail },
  };
}
