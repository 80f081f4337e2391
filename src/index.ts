/** Vitae as a library: parse a résumé without a server. */
export { parseResume, parseDocument, runPipeline, type ParseResult, type PageImage } from './pipeline/pipeline.ts';
export type { ParseOptions, Doc, Component, Section, SectionType } from './pipeline/doc.ts';
export type * from './affinda/types.ts';
export type { Layout, Page, Line, Word, BBox } from './pipeline/layout.ts';
