/**
 * Provenance as boxes: the pipeline cites each extracted value as a span of `layout.text` (doc.ts `cite`); a
 * person checking the value needs to see where it is printed. This turns spans into boxes on the pages — one
 * per line the span covers, so a value printed over two lines gets two — and keeps, beside them, what each
 * cited value was when parsed, so that a box can be dropped once the value is edited away from it. Pure.
 *
 * Boxes are in the layout's coordinates: points, top-left origin, on the page as its image is drawn (turned
 * upright: the layout page's `rotation` is already applied to both). That holds for every format: OCR'd words
 * are converted from the scan's pixels to points by the extractor (72 / dpi). So a box lands on any image of the
 * page — at 2 px/pt, capped at 4 Mpx, or a scan at its own resolution — scaled by the image's size over the
 * page's size in points, which the record carries (`pages`) because Affinda's `meta.pages` gives pixels only.
 */
import type { BBox, Layout, Line } from './layout.ts';
import type { Doc, Provenance } from './doc.ts';

/** One box of one value: `path` is the value's place in ResumeData with dots (`workExperience.0.jobTitle`). */
export interface ValueBox {
  path: string;
  pageIndex: number;
  bbox: BBox;
}

export interface PageSize {
  pageIndex: number;
  width: number;
  height: number;
}

/** What is stored with a parsed document (documents.provenance) and served to its review page. */
export interface ProvenanceRecord {
  /** The unit of `boxes` and `pages`: always points (see above); said so that a reader never has to guess. */
  unit: 'pt';
  /** Each page's size in the boxes' unit, in the frame its image is drawn in. */
  pages: PageSize[];
  boxes: ValueBox[];
  /** What each cited path held when parsed, by path: a box stands for that value, not for whatever replaces it. */
  values: Record<string, unknown>;
}

/** `/workExperience/0/jobTitle` (a JSON pointer, as `cite` takes) → `workExperience.0.jobTitle` (the review form's paths). */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** The value at a dotted path, or undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * The boxes of `layout.text[start, end)`: on each line the span touches, the union of the words it covers. A word
 * only partly covered ("Tel:+44 20…" read as one word) is cut in proportion to its characters, which is as close
 * as a word's box allows. A line without words (none is known to lack them, but the model allows it) is cut the
 * same way. Whitespace alone (the tab between two fields) gives no box.
 */
export function spanBoxes(layout: Layout, start: number, end: number): Array<{ pageIndex: number; bbox: BBox }> {
  const out: Array<{ pageIndex: number; bbox: BBox }> = [];
  if (!(end > start)) return out;
  for (const line of layout.lines) {
    if (line.end <= start || line.start >= end) continue;
    const from = Math.max(start, line.start);
    const to = Math.min(end, line.end);
    if (!layout.text.slice(from, to).trim()) continue;
    const pieces = line.words.length ? line.words.filter((w) => w.start < to && w.end > from && w.end > w.start) : [line];
    if (!pieces.length) continue;
    let box: BBox | null = null;
    for (const piece of pieces) {
      const [x0, y0, x1, y1] = piece.bbox;
      const chars = Math.max(1, piece.end - piece.start);
      const left = x0 + ((x1 - x0) * Math.max(0, from - piece.start)) / chars;
      const right = x1 - ((x1 - x0) * Math.max(0, piece.end - to)) / chars;
      box = box ? [Math.min(box[0], left), Math.min(box[1], y0), Math.max(box[2], right), Math.max(box[3], y1)] : [left, y0, right, y1];
    }
    out.push({ pageIndex: line.pageIndex, bbox: box!.map((v) => Math.round(v * 100) / 100) as BBox });
  }
  return out;
}

/** Every citation as boxes, in citation order. */
export function provenanceBoxes(layout: Layout, citations: Provenance[]): ValueBox[] {
  return citations.flatMap((c) => spanBoxes(layout, c.start, c.end).map((b) => ({ path: pointerToPath(c.path), ...b })));
}

/**
 * The record of a parsed document: boxes of every citation whose value is still in the final data (a later
 * component may have dropped it), what those values are, and the pages' sizes.
 */
export function provenanceRecord(doc: Pick<Doc, 'layout' | 'provenance' | 'data'>): ProvenanceRecord {
  const values: Record<string, unknown> = {};
  const boxes: ValueBox[] = [];
  for (const box of provenanceBoxes(doc.layout, doc.provenance)) {
    const value = valueAt(doc.data, box.path);
    if (value === undefined || value === null || value === '') continue;
    values[box.path] = structuredClone(value);
    boxes.push(box);
  }
  return {
    unit: 'pt',
    pages: doc.layout.pages.map((p) => ({ pageIndex: p.index, width: Math.round(p.width * 100) / 100, height: Math.round(p.height * 100) / 100 })),
    boxes,
    values,
  };
}

/**
 * Where `printed` is printed among `lines`: for values read by pure functions that return text, not offsets (a
 * skill of a list, a certification, a referee's e-mail). Case and runs of whitespace are ignored — a value
 * joined from two lines has a space where the text has a line break — and a value starting or ending with a
 * letter or digit must start or end a word there ("Java" is not in "JavaScript"). The lines' text is searched
 * in runs of consecutive lines, so a value cannot be pieced together from lines far apart. Null when not found.
 */
export function findPrinted(text: string, printed: string | null | undefined, lines: Line[]): { start: number; end: number } | null {
  const tokens = printed?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (!tokens.length) return null;
  const escaped = tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const open = /^[\p{L}\p{N}]/u.test(tokens[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
  const close = /[\p{L}\p{N}]$/u.test(tokens[tokens.length - 1]!) ? '(?![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(open + escaped + close, 'iu');
  const runs: Array<[number, number]> = [];
  for (const line of [...lines].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && line.start <= last[1] + 1) last[1] = Math.max(last[1], line.end);
    else runs.push([line.start, line.end]);
  }
  for (const [from, to] of runs) {
    const m = pattern.exec(text.slice(from, to));
    if (m) return { start: from + m.index, end: from + m.index + m[0].length };
  }
  return null;
}
