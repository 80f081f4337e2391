/**
 * A flowing document — paragraphs of styled text, tables, text boxes, headers and footers, as word processors
 * and markup store them — and its placement on synthetic pages.
 *
 * Formats without geometry (DOCX, ODT, RTF, DOC, HTML, XLSX) are read into this one model by their readers;
 * `placeDocument` then gives it geometry, like the text extractor: lines are stacked down a letter page and
 * table cells are set side by side in proportion to the table's grid, so that layout tables (sidebar | main
 * column, dates | entry) still read as columns. Lines are produced in reading order: headers, then the body
 * (table cells cell by cell, row by row), then footers.
 */
import { LETTER, lineFromWords, type Layout, type LineRole, type Page, type SourceFormat, type Word } from '../layout.ts';

const MARGIN = 36;
const TOP = MARGIN;
const BOTTOM = LETTER.height - MARGIN;
const LINE_HEIGHT = 14;
/** Synthetic advance of one character, in ems. */
const CHAR_EM = 0.5;
const TAB_STOP = 36;
/** Font size (points) of text whose source sets none. */
export const DEFAULT_SIZE = 10;

// ---------------------------------------------------------------------------------------------------------
// The model

/** A run of text in one style. */
export interface Piece {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  /** Font size, points. */
  size: number;
}

/** What a paragraph holds, in order: text, soft and page breaks, text boxes anchored in it, pictures. */
export type Inline = Piece | { kind: 'br' } | { kind: 'page' } | { kind: 'box'; blocks: Block[] } | { kind: 'image'; width: number; height: number; data?: Uint8Array; mimeType?: string };

/** One paragraph: set as one line per soft break (paragraphs are not wrapped). */
export interface Paragraph {
  kind: 'para';
  items: Inline[];
  headingLevel?: number;
  listItem: boolean;
  pageBreakBefore: boolean;
}

export interface Cell {
  /** Grid columns the cell spans (`w:gridSpan`, `colspan`). */
  span: number;
  blocks: Block[];
}

export interface Table {
  kind: 'table';
  /** Widths of the grid columns, in any one unit: only their proportions place the cells. */
  grid: number[];
  rows: Cell[][];
  /**
   * A row whose cells hold one line each is set as one line across its columns, its cells' text joined by
   * tabs: a spreadsheet's row reads as a line ("Data Analyst⇥Jun 2015⇥Feb 2019"), not as cells read one by one.
   */
  rowLines?: boolean;
}

/** `break` is a section break that starts a new page. */
export type Block = Paragraph | Table | { kind: 'break' };

/** A whole document: each header and footer once (they are read once, not per page), and the body. */
export interface FlowDocument {
  headers: Block[][];
  body: Block[];
  footers: Block[][];
  /**
   * Each paragraph is a block of its own. For sources that keep neither styles nor spacing (DOC): their
   * headings stand out only by standing alone. Otherwise consecutive paragraphs share a block until an empty one.
   */
  separateParagraphs?: boolean;
}

/**
 * How much of a document a reader keeps at most: far beyond any résumé, so that a huge or hostile file costs
 * bounded memory and time. Past either limit a reader drops the rest. A synthetic page of unwrapped
 * paragraphs holds at least a printed page's text, so on real documents `maxPages` cuts first, and says so.
 */
export const MAX_FLOW_CHARS = 2_000_000;
export const MAX_FLOW_BLOCKS = 50_000;

/** Readers flatten or skip tables and boxes nested deeper than this: placement recurses once per level. */
export const MAX_NESTING = 16;

/** What a reader may still keep: characters of text, and blocks (paragraphs, table cells). */
export class FlowBudget {
  private chars = MAX_FLOW_CHARS;
  private blocks = MAX_FLOW_BLOCKS;

  /** The part of `text` that still fits ('' once spent), counted. */
  take(text: string): string {
    const kept = text.length <= this.chars ? text : text.slice(0, this.chars);
    this.chars -= kept.length;
    return kept;
  }

  /** Whether one more block fits; it is counted if so. (Text already taken keeps its paragraph.) */
  block(): boolean {
    if (this.blocks <= 0) return false;
    this.blocks--;
    return true;
  }

  get spent(): boolean {
    return this.chars <= 0 || this.blocks <= 0;
  }
}

/** Symbol fonts put their glyphs in the private-use area F000–F0FF; these are the ones résumés use. */
const SYMBOL_GLYPHS: Record<string, Record<number, string>> = {
  symbol: { 0x2d: '-', 0xb7: '•', 0xb0: '°', 0xd7: '×', 0xae: '→' },
  wingdings: { 0x28: '☎', 0x2a: '✉', 0x6c: '●', 0x6e: '■', 0x71: '❑', 0x76: '❖', 0x9f: '•', 0xa7: '▪', 0xd8: '➢', 0xe0: '→', 0xfb: '✗', 0xfc: '✓' },
};

/**
 * The character a code point prints as in `font`: itself, unless it is a symbol font's private-use glyph.
 * Unknown glyphs of a symbol font are decorations (bullets, icons): a neutral bullet takes their place.
 */
export function symbolGlyph(code: number, font: string): string {
  if (code < 0xf000) return String.fromCodePoint(code);
  return SYMBOL_GLYPHS[font.toLowerCase()]?.[code - 0xf000] ?? '•';
}

/**
 * Text as printed, from a source that does not say its font (ODT, RTF, HTML): symbol-font glyphs read as
 * Symbol's, a non-breaking hyphen (U+2011) as a hyphen, soft hyphens (mid-line) as nothing.
 */
export const printableText = (text: string): string =>
  text.replace(/[\uf000-\uf0ff\u2011\u00ad]/g, (c) => (c === '\u2011' ? '-' : c === '\u00ad' ? '' : symbolGlyph(c.charCodeAt(0), 'symbol')));

const POINTS_PER_UNIT: Record<string, number> = { pt: 1, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75 };

/** A CSS/XSL length ("12pt", "0.5in", "16px", "1.2cm") in points; undefined for other units (em, %) or none. */
export function lengthInPoints(value: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt|pc|in|cm|mm|px)\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) * POINTS_PER_UNIT[m[2]!.toLowerCase()]! : undefined;
}

/** A flowing document set on synthetic pages, the first `maxPages` of them kept (`sourcePageCount` counts all). */
export function flowLayout(doc: FlowDocument, format: SourceFormat, maxPages: number): Omit<Layout, 'lines' | 'text'> {
  const pages = placeDocument(doc);
  return { format, pages: pages.slice(0, Math.max(1, maxPages)), isOcrd: false, ocrConfidence: null, sourcePageCount: pages.length };
}

// ---------------------------------------------------------------------------------------------------------
// Placing the model on synthetic pages


interface Placement {
  pages: Page[];
  /** The last block number handed out; body paragraphs use it until an empty paragraph moves it on. */
  block: number;
  tables: number;
  separateParagraphs: boolean;
}

/** Where and how lines are set: a horizontal band, their role, and what they share. */
interface Frame {
  x0: number;
  x1: number;
  /** Fixed role (header, footer, table-cell, text-box); null in the body, where the paragraph decides. */
  role: LineRole | null;
  column: number;
  cell?: [number, number, number];
  /** Fixed block number (a cell, a text box, a header); null in the body. */
  block: number | null;
  /** Only the body honours page breaks; inside a cell or a box they are just line ends. */
  pageBreaks: boolean;
}

interface Cursor {
  page: number;
  y: number;
}

/** Sets a document on letter pages: headers first, then the body, then footers, all in reading order. */
export function placeDocument(doc: FlowDocument): Page[] {
  const st: Placement = { pages: [], block: 0, tables: 0, separateParagraphs: doc.separateParagraphs ?? false };
  pageAt(st, 0);
  let at: Cursor = { page: 0, y: TOP };
  const frame = (role: LineRole | null, block: number | null): Frame => ({ x0: MARGIN, x1: LETTER.width - MARGIN, role, column: 0, block, pageBreaks: role === null });
  for (const blocks of doc.headers) at = placeBlocks(blocks, frame('header', ++st.block), at, st);
  st.block++;
  at = placeBlocks(doc.body, frame(null, null), at, st);
  for (const blocks of doc.footers) at = placeBlocks(blocks, frame('footer', ++st.block), at, st);
  return st.pages;
}

/** Pages are made when something is set on them, so a trailing page break leaves no empty page. */
function pageAt(st: Placement, index: number): Page {
  while (st.pages.length <= index) {
    st.pages.push({ index: st.pages.length, width: LETTER.width, height: LETTER.height, rotation: 0, lines: [], images: [] });
  }
  return st.pages[index]!;
}

const nextPage = (at: Cursor): Cursor => ({ page: at.page + 1, y: TOP });
const later = (a: Cursor, b: Cursor): Cursor => (b.page > a.page || (b.page === a.page && b.y > a.y) ? b : a);

function placeBlocks(blocks: Block[], frame: Frame, at: Cursor, st: Placement): Cursor {
  for (const b of blocks) {
    if (b.kind === 'break') {
      if (frame.pageBreaks) at = nextPage(at);
    } else if (b.kind === 'table') {
      at = placeTable(b, frame, at, st);
      if (frame.block === null) st.block++;
    } else {
      at = placeParagraph(b, frame, at, st);
    }
  }
  return at;
}

/**
 * Cells of a row start side by side at the row's top. A cell that runs onto a later page pushes the cells
 * after it to that page, so that each page's lines stay in reading order (cell by cell, row by row).
 */
function placeTable(table: Table, frame: Frame, at: Cursor, st: Placement): Cursor {
  const index = st.tables++;
  const total = table.grid.reduce((a, b) => a + b, 0);
  const width = frame.x1 - frame.x0;
  let rowTop = at;
  table.rows.forEach((row, r) => {
    let end = rowTop;
    let gridCol = 0;
    const frames = row.map((cell, c): Frame => {
      // Proportions from the grid when the row fits it, else an equal share per cell.
      const fits = total > 0 && gridCol + cell.span <= table.grid.length;
      const from = fits ? sum(table.grid, gridCol) / total : c / row.length;
      const to = fits ? sum(table.grid, gridCol + cell.span) / total : (c + 1) / row.length;
      gridCol += cell.span;
      return {
        x0: frame.x0 + from * width,
        x1: frame.x0 + to * width,
        role: frame.role === 'header' || frame.role === 'footer' ? frame.role : 'table-cell',
        column: c,
        cell: [index, r, c],
        block: null,
        pageBreaks: false,
      };
    });
    const lines = table.rowLines ? row.map(cellLine) : [];
    if (table.rowLines && lines.every((l) => l !== undefined)) {
      rowTop = placeRowLine(lines, frames, rowTop, st);
      return;
    }
    row.forEach((cell, c) => {
      const start = end.page === rowTop.page ? rowTop : { page: end.page, y: TOP };
      end = later(end, placeBlocks(cell.blocks, { ...frames[c]!, block: ++st.block }, start, st));
    });
    rowTop = end;
  });
  return rowTop;
}

/** A cell's one line of text (its pieces), [] for an empty cell, undefined when it holds more than a line. */
function cellLine(cell: Cell): Piece[] | undefined {
  if (!cell.blocks.length) return [];
  const [only] = cell.blocks;
  if (cell.blocks.length > 1 || only!.kind !== 'para' || only!.items.some((it) => it.kind !== 'text')) return undefined;
  return only!.items as Piece[];
}

/** Sets a row of one-line cells as one line: each cell's words in its column, the cells' text joined by tabs. */
function placeRowLine(cells: Piece[][], frames: Frame[], at: Cursor, st: Placement): Cursor {
  const runs = cells.map(setRun);
  const filled = runs.map((run, c) => ({ run, frame: frames[c]! })).filter(({ run }) => run.tokens.length);
  if (!filled.length) return at;
  const height = lineHeight(filled.map((f) => f.run));
  if (at.y + height > BOTTOM && at.y > TOP) at = nextPage(at);
  const page = pageAt(st, at.page);
  const first = filled[0]!.frame;
  const line = lineFromWords(filled.flatMap(({ run, frame }) => runWords(run, frame, at.y)), page.index, first.role ?? 'table-cell');
  line.text = filled.map(({ run }) => run.text).join('\t');
  line.block = ++st.block;
  line.cell = first.cell!;
  page.lines.push(line);
  return { page: at.page, y: at.y + height };
}

const sum = (xs: number[], n: number): number => xs.slice(0, n).reduce((a, b) => a + b, 0);

function placeParagraph(para: Paragraph, frame: Frame, at: Cursor, st: Placement): Cursor {
  if (st.separateParagraphs) frame = { ...frame, block: ++st.block };
  if (para.pageBreakBefore && frame.pageBreaks && at.y > TOP) at = nextPage(at);
  const role: LineRole = frame.role ?? (para.headingLevel ? 'heading' : para.listItem ? 'list-item' : 'body');
  let pieces: Piece[] = [];
  let lines = 0;
  // A text box anchored before any text of its paragraph is read before it, one anchored later after it.
  const after: Block[][] = [];
  const flush = (): void => {
    if (pieces.some((p) => /\S/.test(p.text))) {
      at = placeLine(pieces, para, role, frame, at, st);
      lines++;
    }
    pieces = [];
  };
  for (const item of para.items) {
    switch (item.kind) {
      case 'text':
        pieces.push(item);
        break;
      case 'br':
        flush();
        break;
      case 'page':
        flush();
        if (frame.pageBreaks) {
          at = nextPage(at);
          st.block++;
        }
        break;
      case 'box':
        if (lines === 0 && !pieces.some((p) => /\S/.test(p.text))) at = placeBox(item.blocks, frame, at, st);
        else after.push(item.blocks);
        break;
      case 'image': {
        const page = pageAt(st, at.page);
        const w = Math.min(item.width, frame.x1 - frame.x0);
        page.images.push({
          pageIndex: page.index,
          bbox: [frame.x0, at.y, frame.x0 + w, at.y + item.height],
          width: item.width,
          height: item.height,
          ...(item.data ? { data: item.data, mimeType: item.mimeType } : {}),
        });
        break;
      }
    }
  }
  flush();
  for (const blocks of after) at = placeBox(blocks, frame, at, st);
  // An empty paragraph prints nothing but a gap: in the body it ends a block.
  if (lines === 0 && frame.block === null) st.block++;
  return at;
}

function placeBox(blocks: Block[], frame: Frame, at: Cursor, st: Placement): Cursor {
  const role = frame.role === 'header' || frame.role === 'footer' ? frame.role : 'text-box';
  at = placeBlocks(blocks, { ...frame, role, block: ++st.block, pageBreaks: false }, at, st);
  if (frame.block === null) st.block++;
  return at;
}

/**
 * Sets one line: words are the whitespace-separated tokens, advanced by a synthetic character width, with
 * tabs jumping to the next tab stop. The line keeps the source's own separators (a tab where the paragraph
 * has one, or a run of 3+ spaces, which Word users type to align) rather than guessing them from gaps.
 */
function placeLine(pieces: Piece[], para: Paragraph, role: LineRole, frame: Frame, at: Cursor, st: Placement): Cursor {
  const run = setRun(pieces);
  const height = lineHeight([run]);
  if (at.y + height > BOTTOM && at.y > TOP) at = nextPage(at);
  const page = pageAt(st, at.page);
  const line = lineFromWords(runWords(run, frame, at.y), page.index, role);
  line.text = run.text;
  line.column = frame.column;
  line.block = frame.block ?? st.block;
  if (frame.cell) line.cell = frame.cell;
  if (para.headingLevel) line.headingLevel = para.headingLevel;
  if (para.listItem) line.listItem = true;
  page.lines.push(line);
  return { page: at.page, y: at.y + height };
}

/** A word being set: its text, synthetic extent, size, and how many of its characters are bold / italic. */
interface Token {
  text: string;
  x0: number;
  x1: number;
  size: number;
  chars: number;
  bold: number;
  italic: number;
}

/** The tokens of a line's pieces from x = 0, its text with the source's separators, and its width. */
interface Run {
  tokens: Token[];
  text: string;
  width: number;
}

function setRun(pieces: Piece[]): Run {
  const tokens: Token[] = [];
  let text = '';
  let x = 0;
  let token: Token | null = null;
  let spaces = 0;
  let tab = false;
  for (const p of pieces) {
    const advance = p.size * CHAR_EM;
    for (const ch of p.text) {
      if (ch === '\t' || /\s/.test(ch)) {
        token = null;
        if (ch === '\t') {
          tab = true;
          x = (Math.floor((x + p.size) / TAB_STOP) + 1) * TAB_STOP;
        } else {
          spaces++;
          x += advance;
        }
        continue;
      }
      if (!token) {
        if (tokens.length) text += tab || spaces >= 3 ? '\t' : ' ';
        token = { text: '', x0: x, x1: x, size: p.size, chars: 0, bold: 0, italic: 0 };
        tokens.push(token);
        spaces = 0;
        tab = false;
      }
      token.text += ch;
      text += ch;
      x += advance;
      token.x1 = x;
      token.chars++;
      if (p.bold) token.bold++;
      if (p.italic) token.italic++;
    }
  }
  return { tokens, text, width: x };
}

/** Room for a line's largest type (a reduce: a paragraph of a million words would overflow a spread's arguments). */
const lineHeight = (runs: Run[]): number => Math.max(LINE_HEIGHT, Math.ceil(runs.reduce((m, r) => r.tokens.reduce((n, t) => Math.max(n, t.size), m), -Infinity) * 1.2));

/** The run's words at `y` in the frame. Paragraphs are not wrapped (one paragraph, one line): a long one is squeezed in. */
function runWords(run: Run, frame: Pick<Frame, 'x0' | 'x1'>, y: number): Word[] {
  const scale = Math.min(1, (frame.x1 - frame.x0) / Math.max(1, run.width));
  return run.tokens.map((t) => ({
    text: t.text,
    bbox: [frame.x0 + t.x0 * scale, y, frame.x0 + t.x1 * scale, y + t.size],
    fontSize: t.size,
    bold: t.bold * 2 > t.chars,
    italic: t.italic * 2 > t.chars,
    start: 0,
    end: 0,
  }));
}
