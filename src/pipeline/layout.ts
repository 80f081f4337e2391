/**
 * The layout model: the one shape every extractor produces and every later stage reads.
 *
 * Coordinates are in PDF points (1/72 inch) with the origin at the TOP-LEFT of the page and y growing
 * downwards, whatever the source format. Formats without geometry (word processors, HTML, spreadsheets, TXT)
 * get synthetic boxes: one line per 14pt of height on a 612×792 page, so that sections still have a box and a page.
 */

/** [x0, y0, x1, y1], top-left origin, points. Affinda's `sections[].bbox` uses the same order. */
export type BBox = [number, number, number, number];

export interface Word {
  text: string;
  bbox: BBox;
  /** Font size in points (height of the em box). */
  fontSize: number;
  bold: boolean;
  italic: boolean;
  /** y of the baseline (points, top-left origin), when the source has one (PDF): aligns rows of mixed font sizes. */
  baseline?: number;
  /** Offsets into `Layout.text`, set by `finalizeLayout`. */
  start: number;
  end: number;
}

/** Where a line came from inside its source, when that matters for reading order or meaning. */
export type LineRole = 'body' | 'header' | 'footer' | 'table-cell' | 'text-box' | 'list-item' | 'heading';

export interface Line {
  text: string;
  bbox: BBox;
  words: Word[];
  /** Dominant font size of the line (points). */
  fontSize: number;
  /** True when (nearly) all of its characters are bold / italic. */
  bold: boolean;
  italic: boolean;
  pageIndex: number;
  /** Column index in reading order on its page (0 = first read); set by reading order. */
  column: number;
  /** Lines of one visual block (paragraph, table cell, sidebar box) share a block number. */
  block: number;
  role: LineRole;
  /** For table cells of word-processor, HTML and spreadsheet documents: [table, row, cell]. */
  cell?: [number, number, number];
  /** Heading level from a source style (DOCX `Heading1` → 1, HTML h2 → 2), when the source says so. */
  headingLevel?: number;
  /** True when the source marks the line as a list item (DOCX numbering, bullet glyph stripped or not). */
  listItem?: boolean;
  /** Offsets into `Layout.text`, set by `finalizeLayout`. */
  start: number;
  end: number;
}

export interface ImageRef {
  pageIndex: number;
  bbox: BBox;
  /** Pixel size of the embedded image. */
  width: number;
  height: number;
  /** Encoded image (PNG/JPEG) when the extractor kept it, e.g. for headshot detection. */
  data?: Uint8Array;
  mimeType?: string;
}

export interface Page {
  index: number;
  width: number;
  height: number;
  rotation: number;
  lines: Line[];
  images: ImageRef[];
}

export type SourceFormat = 'pdf' | 'docx' | 'odt' | 'rtf' | 'doc' | 'html' | 'xlsx' | 'xls' | 'txt' | 'image';

export interface Layout {
  format: SourceFormat;
  pages: Page[];
  /** Every line of every page in reading order; `text` is these joined by newlines. */
  lines: Line[];
  /** The document's text in reading order: Affinda's `rawText`. Line and word offsets point into it. */
  text: string;
  /** True when the text came from OCR. */
  isOcrd: boolean;
  ocrConfidence: number | null;
  /** Pages in the source (may exceed `pages.length` when only the first N were read). */
  sourcePageCount: number;
}

export const LETTER: { width: number; height: number } = { width: 612, height: 792 };

export function unionBox(boxes: BBox[]): BBox {
  if (!boxes.length) return [0, 0, 0, 0];
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const b of boxes) {
    if (b[0] < x0) x0 = b[0];
    if (b[1] < y0) y0 = b[1];
    if (b[2] > x1) x1 = b[2];
    if (b[3] > y1) y1 = b[3];
  }
  return [x0, y0, x1, y1];
}

/**
 * Builds `layout.lines` and `layout.text` from pages whose lines are already in reading order, and fills
 * the `start`/`end` offsets of lines and words. Words are located inside their line's text in order.
 */
export function finalizeLayout(layout: Omit<Layout, 'lines' | 'text'> & Partial<Pick<Layout, 'lines' | 'text'>>): Layout {
  const lines: Line[] = [];
  let text = '';
  for (const page of layout.pages) {
    page.lines = page.lines.filter(withoutInvisibles);
    for (const line of page.lines) {
      if (text) text += '\n';
      line.start = text.length;
      text += line.text;
      line.end = text.length;
      let cursor = 0;
      for (const w of line.words) {
        const at = line.text.indexOf(w.text, cursor);
        const from = at >= 0 ? at : cursor;
        w.start = line.start + from;
        w.end = Math.min(line.end, w.start + w.text.length);
        cursor = from + w.text.length;
      }
      lines.push(line);
    }
  }
  return { ...layout, lines, text } as Layout;
}

/**
 * Zero-width spaces and joiners and word joiners print nothing, and a word processor leaves them anywhere
 * ("Lead Engineer, \u200B"): the text is read without them, so no field keeps one at its edge.
 */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
/** Removes them from the line, in place (other parts of the layout may hold it); false if nothing is left. */
function withoutInvisibles(line: Line): boolean {
  const text = line.text.replace(INVISIBLE, '');
  if (text === line.text) return true;
  line.text = text.trimEnd();
  line.words = line.words.map((w) => ({ ...w, text: w.text.replace(INVISIBLE, '') })).filter((w) => w.text);
  return line.text.trim() !== '';
}

/**
 * Makes a line from words that are already in reading order (left to right). A horizontal gap wider than
 * 1.5 em between two words becomes a tab: in résumés such gaps separate fields that share a row
 * ("Software Engineer<gap>Jan 2019 – Present"), and later stages split on them.
 */
export function lineFromWords(words: Word[], pageIndex: number, role: LineRole = 'body'): Line {
  const gaps = words.slice(1).map((w, i) => w.bbox[0] - words[i]!.bbox[2]);
  // The line's word space (its narrowest gap); a gap well beyond it, and at least an em, separates fields
  // (pills in a tag cloud, columns of a table row).
  const usual = Math.max(0, gaps.reduce((m, g) => Math.min(m, g), Infinity)); // no spread: a line may hold 100 000s of words
  let text = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 0) {
      const prev = words[i - 1]!;
      const gap = gaps[i - 1]!;
      const em = Math.min(prev.fontSize, w.fontSize);
      const wide = gap > 1.5 * Math.max(prev.fontSize, w.fontSize) || (gap > em && (gaps.length < 2 || gap > 2 * usual));
      text += wide ? '\t' : ' ';
    }
    text += w.text;
  }
  const chars = (pred: (w: Word) => boolean): number => words.filter(pred).reduce((n, w) => n + w.text.length, 0);
  const total = Math.max(1, chars(() => true));
  const sizes = new Map<number, number>();
  for (const w of words) sizes.set(w.fontSize, (sizes.get(w.fontSize) ?? 0) + w.text.length);
  const fontSize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  return {
    text,
    bbox: unionBox(words.map((w) => w.bbox)),
    words,
    fontSize,
    bold: chars((w) => w.bold) / total >= 0.8,
    italic: chars((w) => w.italic) / total >= 0.8,
    pageIndex,
    column: 0,
    block: 0,
    role,
    start: 0,
    end: 0,
  };
}
