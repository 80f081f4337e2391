/** A stored document row as Affinda's `Resume` and `Meta`, with every key present. Pure. */
import type { DocumentWarning, Meta, PageMeta, RegionBias, Resume, ResumeData } from '../../affinda/types.ts';
import type { DocumentsTable } from './schema.ts';
import type { ProvenanceRecord } from '../../pipeline/provenance.ts';

/**
 * A page as the `pages` column keeps it: Affinda's PageMeta less its URLs — links expire and the public origin
 * may change, so they are made for each response — and whether its image is in the file store.
 */
export interface StoredPage {
  id: number;
  pageIndex: number;
  width: number;
  height: number;
  rotation: number;
  hasImage: boolean;
}

/** Absolute, signed URLs made for one answer; the caller (the service, for the API) knows the origin and secret. */
export interface DocumentLinks {
  pageImage(pageIndex: number): string;
  /** The review page of a parsed document (api/routes/review.ts). */
  review(): string;
  /** The document's PDF, the original or its rendition (service/rendition.ts); absent where there is none to give. */
  pdf?(): string;
}

export function storedPages(pages: PageMeta[], hasImage: boolean[]): StoredPage[] {
  return pages.map((p, i) => ({ id: p.id, pageIndex: p.pageIndex, width: p.width, height: p.height, rotation: p.rotation, hasImage: hasImage[i] ?? false }));
}

/** Rows written before page images were stored hold PageMeta, without `hasImage`: those pages have none. */
export function pagesOf(row: Pick<DocumentsTable, 'pages'>): StoredPage[] {
  return (JSON.parse(row.pages) as Array<Omit<StoredPage, 'hasImage'> & { hasImage?: boolean }>).map((p) => ({ ...p, hasImage: p.hasImage === true }));
}

/** `links` null: no links (a caller with no origin to give); pages then have `image: null`, and `reviewUrl` is null. */
export function metaOf(row: DocumentsTable, links: DocumentLinks | null = null): Meta {
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
    pdf: row.pdf && links?.pdf ? links.pdf() : null,
    parentDocument: row.parent_document === null ? null : { identifier: row.parent_document },
    childDocuments: (JSON.parse(row.child_documents) as string[]).map((identifier) => ({ identifier })),
    pages: pagesOf(row).map((p) => ({
      id: p.id,
      pageIndex: p.pageIndex,
      image: p.hasImage && links ? links.pageImage(p.pageIndex) : null,
      imageTranslated: null,
      width: p.width,
      height: p.height,
      rotation: p.rotation,
    })),
    isVerified: row.is_verified === 1,
    // Only a parsed document has data to review.
    reviewUrl: links && row.status === 'ready' && row.data != null ? links.review() : null,
    ocrConfidence: row.ocr_confidence,
    createdDt: row.created_dt,
    documentType: 'resume',
    regionBias: row.region_bias == null ? null : (JSON.parse(row.region_bias) as RegionBias),
    isOcrd: row.is_ocrd === 1,
    // Vitae's addition (Affinda v3's DocumentWarning), only when there is something to say: see types.ts.
    ...(row.warnings ? { warnings: JSON.parse(row.warnings) as DocumentWarning[] } : {}),
  };
}

export function resumeOf(row: DocumentsTable, links: DocumentLinks | null = null): Resume {
  return {
    // Pending and failed documents have no data (§8: null, not {}).
    data: row.status === 'ready' && row.data != null ? (JSON.parse(row.data) as ResumeData) : null,
    meta: metaOf(row, links),
    error: { errorCode: row.error_code, errorDetail: row.error_detail },
  };
}

/** The stored provenance of a row (for the review page only; Affinda's Resume has no such field); null when none. */
export function provenanceOf(row: Pick<DocumentsTable, 'provenance'>): ProvenanceRecord | null {
  return row.provenance ? (JSON.parse(row.provenance) as ProvenanceRecord) : null;
}
