/**
 * The résumé pipeline: bytes → Layout → Sections → ResumeData, as a list of named components.
 *
 * `parseResume` is the library entry point. It knows nothing of HTTP, storage or queues; the CLI and the
 * service call it (in worker threads) and add identity and storage to the `meta` it returns.
 */
import { randomBytes } from 'node:crypto';
import type { DocumentWarning, Meta, Resume, ResumeData } from '../affinda/types.ts';
import { createDoc, DocumentError, type Component, type Doc, type ParseOptions } from './doc.ts';
import { COMPONENTS } from './components.ts';
import { renderPages, type PageImage } from './render/index.ts';
import { provenanceRecord, type ProvenanceRecord } from './provenance.ts';

export type { PageImage } from './render/index.ts';

export interface ParseResult {
  /** Affinda's `data`, or null when the document failed. */
  data: ResumeData | null;
  error: { errorCode: string; errorDetail: string } | null;
  /** What the pipeline knows for `meta`: pages, language, OCR, and warnings (empty when there are none). */
  meta: Pick<Meta, 'language' | 'isOcrd' | 'ocrConfidence' | 'pages'> & { warnings: DocumentWarning[] };
  /** With `renderPages`: one entry per `meta.pages` entry, its PNG or null; otherwise empty. */
  pageImages: (PageImage | null)[];
  doc: Doc | null;
}

/** Runs every component over the bytes. Never throws for a bad document: the failure is in `error`. */
export async function runPipeline(bytes: Uint8Array, options: ParseOptions = {}, components: Component[] = COMPONENTS): Promise<ParseResult> {
  const doc = createDoc(bytes, options);
  let error: ParseResult['error'] = null;
  try {
    for (const component of components) await component.run(doc);
  } catch (err) {
    error = describeFailure(err);
  }
  // Whatever pages were read are drawn, even when a later stage failed: meta.pages lists them either way.
  const pageImages = options.renderPages ? await renderPages(doc) : [];
  return { data: error ? null : doc.data, error, meta: metaOf(doc, pageImages), pageImages, doc };
}

function describeFailure(err: unknown): { errorCode: string; errorDetail: string } {
  if (err instanceof DocumentError) return { errorCode: err.code, errorDetail: err.message };
  const detail = err instanceof Error ? err.message : String(err);
  return { errorCode: 'document_conversion_failed', errorDetail: `Unable to parse the document: ${detail}` };
}

/**
 * Page sizes are Affinda's, the page image's in pixels, when there is an image; otherwise the page's size in
 * points (what an image of it at 72 dpi would measure). `image` stays null: a URL is the server's to give.
 */
function metaOf(doc: Doc, pageImages: (PageImage | null)[]): ParseResult['meta'] {
  return {
    language: doc.language,
    isOcrd: doc.layout.isOcrd,
    ocrConfidence: doc.layout.ocrConfidence,
    pages: doc.layout.pages.map((p, i) => ({
      id: p.index + 1,
      pageIndex: p.index,
      image: null,
      imageTranslated: null,
      width: pageImages[i]?.width ?? Math.round(p.width),
      height: pageImages[i]?.height ?? Math.round(p.height),
      rotation: p.rotation,
    })),
    warnings: warningsOf(doc),
  };
}

/**
 * The messages a caller must hear of, as Affinda v3 words them (`DocumentWarning`): a document longer than
 * `maxPages` is parsed to that page (extract says `pages_truncated`), which v3 calls `too_many_pages`.
 */
export function warningsOf(doc: Doc): DocumentWarning[] {
  return doc.messages.filter((m) => m.code === 'pages_truncated').map((m) => ({ warningCode: 'too_many_pages', warningDetail: m.text }));
}

/** A fresh Affinda-style document identifier: 8 lowercase letters. */
export function newIdentifier(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  return [...randomBytes(8)].map((b) => alphabet[b % 26]).join('');
}

/**
 * Parses one résumé into an Affinda v2 `Resume` ({data, meta, error}), with every key present.
 * Usable without a server: `meta.identifier` is freshly generated and nothing is stored.
 */
export async function parseResume(bytes: Uint8Array, options: ParseOptions = {}): Promise<Resume> {
  return (await parseDocument(bytes, options)).resume;
}

/**
 * `parseResume`, with the page images when `options.renderPages` asks for them (one per `meta.pages` entry), and
 * where each value is printed (provenance.ts; null when the document failed), for a review page to draw.
 */
export async function parseDocument(bytes: Uint8Array, options: ParseOptions = {}): Promise<{ resume: Resume; pageImages: (PageImage | null)[]; provenance: ProvenanceRecord | null }> {
  const createdDt = new Date().toISOString();
  const result = await runPipeline(bytes, options);
  const resume: Resume = {
    data: result.data,
    meta: {
      identifier: newIdentifier(),
      customIdentifier: null,
      fileName: options.fileName ?? null,
      ready: true,
      readyDt: new Date().toISOString(),
      failed: result.error != null,
      expiryTime: null,
      language: result.meta.language,
      pdf: null,
      parentDocument: null,
      childDocuments: [],
      pages: result.meta.pages,
      isVerified: false,
      reviewUrl: null,
      ocrConfidence: result.meta.ocrConfidence,
      createdDt,
      documentType: 'resume',
      regionBias: options.regionBias ?? null,
      isOcrd: result.meta.isOcrd,
      ...(result.meta.warnings.length ? { warnings: result.meta.warnings } : {}),
    },
    error: result.error ?? { errorCode: null, errorDetail: null },
  };
  return { resume, pageImages: result.pageImages, provenance: result.data && result.doc ? provenanceRecord(result.doc) : null };
}
