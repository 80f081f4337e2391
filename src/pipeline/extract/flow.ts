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
import { LETTER, lineFromWords, type LineRole, type Page, type Word } from '../layout.ts';

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
export type Inline = Piece | { kind: 'br' } | { kind: 'page' } | { kind: 'box'; blocks: Block[] } | { kind: 'image'; width: number; height: number };

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
}

/** `break` is a section break that starts a new page. */
export type Block = Paragraph | Table | { kind: 'break' };

/** A whole document: each header and footer once (they are read once, not per page), and the body. */
export interface FlowDocument {
  headers: Block[][];
  body: Block[];
  footers: Block[][];
}

// ---------------------------------------------------------------------------------------------------------
// Placing the model on synthetic pages


interface Placement {
  pages: Page[];
  /** The last block number handed out; body paragraphs use it until an empty paragraph moves it on. */
  block: number;
  tables: number;
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
  const st: Placement = { pages: [], block: 0, tables: 0 };
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
    row.forEach((cell, c) => {
      // Proportions from the grid when the row fits it, else an equal share per cell.
      const fits = total > 0 && gridCol + cell.span <= table.grid.length;
      const from = fits ? sum(table.grid, gridCol) / total : c / row.length;
      const to = fits ? sum(table.grid, gridCol + cell.span) / total : (c + 1) / row.length;
      gridCol += cell.span;
      const cellFrame: Frame = {
        x0: frame.x0 + from * width,
        x1: frame.x0 + to * width,
        role: frame.role === 'header' || frame.role === 'footer' ? frame.role : 'table-cell',
        column: c,
        cell: [index, r, c],
        block: ++st.block,
        pageBreaks: false,
      };
      const start = end.page === rowTop.page ? rowTop : { page: end.page, y: TOP };
      end = later(end, placeBlocks(cell.blocks, cellFrame, start, st));
    });
    rowTop = end;
  });
  return rowTop;
}

const sum = (xs: number[], n: number): number => xs.slice(0, n).reduce((a, b) => a + b, 0);

function placeParagraph(para: Paragraph, frame: Frame, at: Cursor, st: Placement): Cursor {
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
        page.images.push({ pageIndex: page.index, bbox: [frame.x0, at.y, frame.x0 + w, at.y + item.height], width: item.width, height: item.height });
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
  interface Token {
    text: string;
    x0: number;
    x1: number;
    size: number;
    /** Characters, and how many of them are bold / italic. */
    chars: number;
    bold: number;
    italic: number;
  }
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
  const maxSize = Math.max(...tokens.map((t) => t.size));
  const height = Math.max(LINE_HEIGHT, Math.ceil(maxSize * 1.2));
  if (at.y + height > BOTTOM && at.y > TOP) at = nextPage(at);
  const page = pageAt(st, at.page);
  // Paragraphs are not wrapped (one paragraph, one line): squeeze long ones into the frame instead.
  const scale = Math.min(1, (frame.x1 - frame.x0) / Math.max(1, x));
  const words: Word[] = tokens.map((t) => ({
    text: t.text,
    bbox: [frame.x0 + t.x0 * scale, at.y, frame.x0 + t.x1 * scale, at.y + t.size],
    fontSize: t.size,
    bold: t.bold * 2 > t.chars,
    italic: t.italic * 2 > t.chars,
    start: 0,
    end: 0,
  }));
  const line = lineFromWords(words, page.index, role);
  line.text = text;
  line.column = frame.column;
  line.block = frame.block ?? st.block;
  if (frame.cell) line.cell = frame.cell;
  if (para.headingLevel) line.headingLevel = para.headingLevel;
  if (para.listItem) line.listItem = true;
  page.lines.push(line);
  return { page: at.page, y: at.y + height };
}
