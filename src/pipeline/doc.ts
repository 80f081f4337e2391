/**
 * The document object that flows through the pipeline, and the contract of a pipeline component.
 *
 * Like spaCy's `Doc`: one object, created from the bytes, annotated in turn by small named components.
 * Each component reads what earlier ones created and adds its own annotations; none does I/O.
 */
import type { Layout, Line, BBox } from './layout.ts';
import type { RegionBias, ResumeData } from '../affinda/types.ts';
import { emptyResumeData } from '../affinda/types.ts';
import { findPrinted } from './provenance.ts';

/** Affinda's section vocabulary (ResumeDataSectionsItem.sectionType). */
export type SectionType =
  | 'PersonalDetails'
  | 'Summary'
  | 'Objective'
  | 'WorkExperience'
  | 'Education'
  | 'Skills'
  | 'Skills/Interests/Languages'
  | 'Training/Certifications'
  | 'Publications'
  | 'Referees'
  | 'Projects'
  | 'Achievements'
  | 'Extracurriculars'
  | 'Organisations'
  | 'AdditionalInformation'
  | 'Other';

export interface Section {
  type: SectionType;
  /** What the heading says it is, finer than Affinda's type: 'languages', 'interests', 'certifications'… */
  topic: string;
  /** The heading line, or null for the untitled block at the top of the document. */
  heading: Line | null;
  /** Body lines in reading order (the heading excluded). */
  lines: Line[];
  bbox: BBox;
  pageIndex: number;
}

export interface ParseOptions {
  fileName?: string;
  /** ISO 639-1 language of the document, when the caller knows it. */
  language?: string;
  regionBias?: RegionBias | null;
  /** "Present" in a date range means this date (default: now). */
  referenceDate?: Date;
  /** Pages read at most; the rest are ignored with a warning. */
  maxPages?: number;
  /** Draw each page read as a PNG (render/index.ts), for a server to serve; off by default (the CLI needs none). */
  renderPages?: boolean;
}

export interface Message {
  level: 'info' | 'warning';
  /** Which component said it. */
  source: string;
  code: string;
  text: string;
  /** Offsets into `layout.text`, when the message is about a place in the document. */
  start?: number;
  end?: number;
}

/** Where an extracted value came from: a JSON pointer into `data`, and a span of `layout.text`. */
export interface Provenance {
  path: string;
  start: number;
  end: number;
}

export interface Doc {
  readonly bytes: Uint8Array;
  readonly options: Required<Pick<ParseOptions, 'referenceDate' | 'maxPages'>> & ParseOptions;
  /** Set by extract. */
  layout: Layout;
  /** Set by segment: the document split into typed sections, in reading order. */
  sections: Section[];
  /** Filled by understand and enrich: the Affinda ResumeData being built. */
  data: ResumeData;
  /** ISO 3166-1 alpha-2 country the résumé lives in, inferred (location, phones, regionBias); biases phones and places. */
  country: string | null;
  /** ISO 639-1 language of the text, from the options or detected. */
  language: string | null;
  provenance: Provenance[];
  messages: Message[];
}

export type Stage = 'extract' | 'segment' | 'understand' | 'enrich';

/** A pipeline component: one job, named, documented by what it creates. */
export interface Component {
  name: string;
  stage: Stage;
  /** What the component adds to the Doc, in a phrase (shown by `vitae pipeline`). */
  creates: string;
  run(doc: Doc): void | Promise<void>;
}

export const DEFAULT_MAX_PAGES = 20;

export function createDoc(bytes: Uint8Array, options: ParseOptions = {}): Doc {
  return {
    bytes,
    options: { ...options, referenceDate: options.referenceDate ?? new Date(), maxPages: options.maxPages ?? DEFAULT_MAX_PAGES },
    layout: { format: 'txt', pages: [], lines: [], text: '', isOcrd: false, ocrConfidence: null, sourcePageCount: 0 },
    sections: [],
    data: emptyResumeData(),
    country: null,
    language: options.language ?? null,
    provenance: [],
    messages: [],
  };
}

/** The body lines of every section about `topic`, in reading order. */
export function sectionLines(doc: Doc, topic: string): Line[] {
  return doc.sections.filter((s) => s.topic === topic).flatMap((s) => s.lines);
}

/** Records where a value of `data` came from (a JSON pointer such as `/workExperience/0/jobTitle`). */
export function cite(doc: Doc, path: string, start: number, end: number): void {
  doc.provenance.push({ path, start, end });
}

/**
 * Cites a value by its text, for values read by functions that give text rather than offsets (list items,
 * referees): the first place among `lines` where it is printed (provenance.ts `findPrinted`). A value not found
 * as printed (rewritten while read) is not cited: no box is better than a wrong one.
 */
export function citeText(doc: Doc, path: string, printed: string | null | undefined, lines: Line[]): void {
  const at = findPrinted(doc.layout.text, printed, lines);
  if (at) cite(doc, path, at.start, at.end);
}

/**
 * A failure that makes the whole document fail, with the Affinda `errorCode` it is reported under.
 * Parsing logic throws it; the pipeline turns it into `{data: null, error: {errorCode, errorDetail}}`.
 */
export class DocumentError extends Error {
  readonly code: DocumentErrorCode;
  constructor(code: DocumentErrorCode, detail: string) {
    super(detail);
    this.code = code;
    this.name = 'DocumentError';
  }
}

export type DocumentErrorCode =
  | 'document_conversion_failed'
  | 'unsupported_file_type'
  | 'password_protected'
  | 'no_text_found'
  | 'processing_timeout'
  | 'file_too_large';
