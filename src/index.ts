/** Vitae as a library: parse a résumé without a server. */
export { parseResume, runPipeline, type ParseResult } from './pipeline/pipeline.ts';
export type { ParseOptions, Doc, Component, Section, SectionType } from './pipeline/doc.ts';
export type * from './affinda/types.ts';
export type { Layout, Page, Line, Word, BBox } from './pipeline/layout.ts';
