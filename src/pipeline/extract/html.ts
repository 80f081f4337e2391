/**
 * HTML → Layout.
 *
 * htmlparser2's streaming parser (no DOM, no recursion) feeds a small state machine that builds the
 * flowing-document model of `flow.ts`: block elements make paragraphs, h1–h6 headings, li list items, tables
 * flow tables (colspan → span, `col`/`td` widths → the grid), b/strong/th and inline CSS bold, i/em italic,
 * br line breaks. Head, scripts, styles, templates, SVG and anything `display: none` are skipped; style
 * sheets are not applied (inline `style` only).
 *
 * Hostile input stays cheap: the text and paragraphs kept are bounded by `FlowBudget`, tables nest at most
 * MAX_NESTING deep (deeper ones are read as plain blocks), and since htmlparser2's stack of open elements costs
 * time in proportion to its depth at every tag, the input is fed in slices and reading stops once that cost
 * passes a bound (a nesting bomb's first tens of thousands of levels are read; the rest is dropped).
 */
import { Parser } from 'htmlparser2';
import type { Layout } from '../layout.ts';
import { FlowBudget, flowLayout, lengthInPoints, MAX_NESTING, printableText, type Block, type Cell, type Paragraph, type Table } from './flow.ts';
import { textDecoder } from './charset.ts';
import { decodeText } from './text.ts';

/** Browsers' default text size (16px). */
const BODY_SIZE = 12;
const HEADING_SIZES = [24, 18, 14, 12, 10, 8];
/** `<font size=1..7>` in points. */
const FONT_SIZES = [7.5, 10, 12, 13.5, 18, 24, 36];
/** Bytes fed to the parser at a time, between checks of its cost. */
const SLICE = 16 * 1024;
/** Bound on Σ slice length × open elements: the parser's work on its stack stays under about a second. */
const MAX_STACK_WORK = 2e9;

/** Elements that are never printed. */
const SKIPPED = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'datalist', 'textarea']);
/** Elements that start and end paragraphs; everything else is inline. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export function extractHtml(bytes: Uint8Array, opts: { maxPages: number }): Omit<Layout, 'lines' | 'text'> {
  const body = readHtml(decodeHtml(bytes));
  return flowLayout({ headers: [], body, footers: [] }, 'html', opts.maxPages);
}

// ---------------------------------------------------------------------------------------------------------
// Character set

/** The text of an HTML file: its byte-order mark, else the charset its first 1024 bytes declare, else UTF-8, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = bom ? null : declaredCharset(bytes.subarray(0, 1024));
  if (declared) {
    try {
      // A page that calls itself UTF-16 without a byte-order mark is read as UTF-8, as browsers do.
      return textDecoder(/^utf-16/i.test(declared) ? 'utf-8' : declared)(bytes);
    } catch {
      // An unknown label: fall through.
    }
  }
  return decodeText(bytes);
}

/** The charset named by `<meta charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">` or an XML declaration. */
function declaredCharset(head: Uint8Array): string | null {
  let found: string | null = null;
  const fromContent = (content: string | undefined): string | null => /charset\s*=\s*["']?([\w.:-]+)/i.exec(content ?? '')?.[1] ?? null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found || name !== 'meta') return;
        found = attrs.charset?.trim() || (attrs['http-equiv']?.toLowerCase() === 'content-type' ? fromContent(attrs.content) : null);
      },
      onprocessinginstruction(name, data) {
        if (!found && name === '?xml') found = /encoding\s*=\s*["']([\w.:-]+)/i.exec(data)?.[1] ?? null;
      },
    },
    { decodeEntities: true },
  );
  parser.end(new TextDecoder('latin1').decode(head));
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The document

/** Inline style inherited down the tree. */
interface Style {
  bold: boolean;
  italic: boolean;
  size: number;
  caps: boolean;
  /** Inside `pre`: white space is kept. */
  pre: boolean;
  /** Inside h1–h6: the level. */
  heading?: number;
}

/** One open element. */
interface Frame {
  name: string;
  style: Style;
  /** Inside a skipped element: nothing is read. */
  skip: boolean;
  /** What the element opened, to be closed with it. */
  opened?: 'table' | 'cell';
  /** For `p`: the blocks its container held when it opened, to tell an empty paragraph. */
  blocksBefore?: number;
}

/** A table being read: cells go into its rows; anything outside its cells goes before it, into `parent`. */
interface OpenTable {
  table: Table;
  parent: Block[];
  cell: Cell | null;
  /** Widths from `col` elements, and from each row's cells (with their spans). */
  cols: Array<number | null>;
  cellWidths: Array<Array<{ span: number; width: number | null }>>;
}

/** Builds the flow model from the parser's events. */
class HtmlReader {
  readonly body: Block[] = [];
  private readonly frames: Frame[] = [];
  private readonly sinks: Block[][] = [this.body];
  private readonly tables: OpenTable[] = [];
  private para: Paragraph | null = null;
  private pendingListItem = false;
  private pendingPageBreak = false;
  readonly budget = new FlowBudget();

  /** Elements open right now (htmlparser2's stack depth). */
  get depth(): number {
    return this.frames.length;
  }

  open(name: string, attrs: Record<string, string>): void {
    const parent = this.frames.at(-1);
    const css = inlineStyle(attrs.style);
    const hidden = SKIPPED.has(name) || 'hidden' in attrs || css.get('display') === 'none' || css.get('visibility') === 'hidden';
    const frame: Frame = { name, style: parent?.style ?? { bold: false, italic: false, size: BODY_SIZE, caps: false, pre: false }, skip: (parent?.skip ?? false) || hidden };
    this.frames.push(frame);
    if (frame.skip) return;
    frame.style = styleOf(name, attrs, css, frame.style);
    if (BLOCKS.has(name)) this.endParagraph();
    if (name === 'p') frame.blocksBefore = this.sink().length;
    if (css.get('page-break-before') === 'always' || css.get('break-before') === 'page') this.pendingPageBreak = true;
    const table = this.tables.at(-1);
    switch (name) {
      case 'br':
        this.paragraph().items.push({ kind: 'br' });
        break;
      case 'li':
        this.pendingListItem = true;
        break;
      case 'table':
        if (this.tables.length >= MAX_NESTING) break;
        this.tables.push({ table: { kind: 'table', grid: [], rows: [] }, parent: this.sink(), cell: null, cols: [], cellWidths: [] });
        frame.opened = 'table';
        break;
      case 'col':
        if (table && !table.cell) {
          const span = clampSpan(attrs.span);
          for (let i = 0; i < span; i++) table.cols.push(widthOf(attrs, css));
        }
        break;
      case 'tr':
        if (table && !table.cell) {
          table.table.rows.push([]);
          table.cellWidths.push([]);
        }
        break;
      case 'td':
      case 'th':
        if (table && !table.cell && this.budget.block()) {
          const cell: Cell = { span: clampSpan(attrs.colspan), blocks: [] };
          if (!table.table.rows.length) {
            table.table.rows.push([]);
            table.cellWidths.push([]);
          }
          table.table.rows.at(-1)!.push(cell);
          table.cellWidths.at(-1)!.push({ span: cell.span, width: widthOf(attrs, css) });
          table.cell = cell;
          this.sinks.push(cell.blocks);
          frame.opened = 'cell';
        }
        break;
    }
  }

  close(): void {
    const frame = this.frames.pop();
    if (!frame || frame.skip) return;
    if (BLOCKS.has(frame.name)) this.endParagraph();
    if (frame.name === 'p' && this.sink().length === frame.blocksBefore) this.emptyParagraph();
    if (frame.name === 'li') this.pendingListItem = false;
    if (frame.opened === 'cell') {
      this.sinks.pop();
      this.tables.at(-1)!.cell = null;
    } else if (frame.opened === 'table') {
      const open = this.tables.pop()!;
      open.table.grid = gridOf(open);
      if (open.table.rows.some((r) => r.length)) open.parent.push(open.table);
    }
  }

  text(input: string): void {
    const frame = this.frames.at(-1);
    if (frame?.skip) return;
    // Control characters print nothing (LibreOffice leaves a content control's delimiters in).
    const raw = printableText(input.replace(/[\x00-\x08\x0b\x0e-\x1f\x7f]/g, ''));
    const style = frame?.style ?? { bold: false, italic: false, size: BODY_SIZE, caps: false, pre: false };
    if (style.pre) {
      const lines = raw.split(/\r\n?|\n/);
      lines.forEach((line, i) => {
        if (i > 0) this.paragraph().items.push({ kind: 'br' });
        if (line) this.piece(line, style);
      });
      return;
    }
    // White space collapses, but a tab typed inside a line (not indentation, which follows a line break) is
    // kept: word processors export their tab stops so, and they separate fields ("Title⇥2019 – 2021").
    const text = raw.replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) || !ws.includes('\t') ? ' ' : '\t'));
    if (!this.para && !/\S/.test(text)) return;
    this.piece(this.para ? text : text.replace(/^[ \t]+/, ''), style);
  }

  /** Closes whatever is still open at the end of the input. */
  finish(): void {
    while (this.frames.length) this.close();
    this.endParagraph();
  }

  private piece(text: string, style: Style): void {
    const kept = this.budget.take(style.caps ? text.toUpperCase() : text);
    if (kept) this.paragraph().items.push({ kind: 'text', text: kept, bold: style.bold, italic: style.italic, size: style.size });
  }

  /** The blocks receiving paragraphs: the open cell's, else the body's (text loose in a table goes before it, as browsers do). */
  private sink(): Block[] {
    return this.sinks.at(-1)!;
  }

  private paragraph(): Paragraph {
    if (!this.para) {
      const heading = this.frames.at(-1)?.style.heading;
      this.para = { kind: 'para', items: [], listItem: this.pendingListItem, pageBreakBefore: this.pendingPageBreak };
      if (heading) this.para.headingLevel = heading;
      this.pendingListItem = false;
      this.pendingPageBreak = false;
    }
    return this.para;
  }

  private endParagraph(): void {
    if (this.para && this.budget.block()) this.sink().push(this.para);
    this.para = null;
  }

  /** An empty `<p>` is a blank line: in the body it separates blocks, as an empty Word paragraph does. */
  private emptyParagraph(): void {
    if (this.budget.block()) this.sink().push({ kind: 'para', items: [], listItem: false, pageBreakBefore: false });
  }
}

function readHtml(html: string): Block[] {
  const reader = new HtmlReader();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => reader.open(name, attrs),
      onclosetag: () => reader.close(),
      ontext: (text) => reader.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  let work = 0;
  for (let at = 0; at < html.length && !reader.budget.spent && work < MAX_STACK_WORK; at += SLICE) {
    parser.write(html.slice(at, at + SLICE));
    work += SLICE * reader.depth;
  }
  if (work < MAX_STACK_WORK && !reader.budget.spent) parser.end();
  reader.finish();
  return reader.body;
}

// ---------------------------------------------------------------------------------------------------------
// Presentation

/** The declarations of a `style` attribute, by lower-case property name. */
function inlineStyle(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (style ?? '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) out.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase());
  }
  return out;
}

/** An element's inline style: its tag's own (b, i, h2, font, big…), then its `style` attribute's. */
function styleOf(name: string, attrs: Record<string, string>, css: Map<string, string>, parent: Style): Style {
  const style: Style = { ...parent };
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    style.heading = Number(heading[1]);
    style.size = HEADING_SIZES[style.heading - 1]!;
    style.bold = true;
  }
  if (name === 'b' || name === 'strong' || name === 'th') style.bold = true;
  if (name === 'i' || name === 'em' || name === 'cite' || name === 'var' || name === 'dfn') style.italic = true;
  if (name === 'pre' || name === 'listing' || name === 'plaintext') style.pre = true;
  if (name === 'big') style.size = Math.round(parent.size * 1.2 * 10) / 10;
  if (name === 'small') style.size = Math.round((parent.size / 1.2) * 10) / 10;
  if (name === 'font' && attrs.size) style.size = fontTagSize(attrs.size, parent.size);
  const weight = css.get('font-weight');
  if (weight) style.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const fontStyle = css.get('font-style');
  if (fontStyle) style.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const size = css.get('font-size');
  if (size) style.size = cssSize(size, parent.size) ?? style.size;
  const transform = css.get('text-transform');
  if (transform) style.caps = transform === 'uppercase';
  const whiteSpace = css.get('white-space');
  if (whiteSpace) style.pre = whiteSpace.startsWith('pre');
  return style;
}

/** `<font size="N">` (1–7) or a relative `+N`/`-N` (from 3), in points. */
function fontTagSize(value: string, parent: number): number {
  const n = parseInt(value, 10);
  if (Number.isNaN(n)) return parent;
  const index = /^[+-]/.test(value.trim()) ? 3 + n : n;
  return FONT_SIZES[Math.min(7, Math.max(1, index)) - 1]!;
}

/** A CSS font size in points: a length, em or %, or a keyword. */
function cssSize(value: string, parent: number): number | undefined {
  const keywords: Record<string, number> = { 'xx-small': 7, 'x-small': 7.5, small: 10, medium: 12, large: 13.5, 'x-large': 18, 'xx-large': 24 };
  if (keywords[value]) return keywords[value];
  const relative = /^(\d+(?:\.\d+)?|\.\d+)(em|rem|%)$/.exec(value);
  if (relative) return Math.round(Number(relative[1]) * (relative[2] === '%' ? parent / 100 : relative[2] === 'rem' ? BODY_SIZE : parent) * 10) / 10;
  return lengthInPoints(value);
}

const clampSpan = (value: string | undefined): number => Math.min(64, Math.max(1, parseInt(value ?? '', 10) || 1));

/**
 * A column or cell's width, in a unit its table shares: percentages and relative widths (`3*`) as they are,
 * pixels as pixels. Mixed units in one table are not comparable; `gridOf` then falls back to equal columns.
 */
function widthOf(attrs: Record<string, string>, css: Map<string, string>): number | null {
  const value = css.get('width') ?? attrs.width;
  const n = parseFloat(value ?? '');
  if (!(n > 0)) return null;
  const unit = /%|\*/.exec(value!)?.[0] ?? 'px';
  return unit === 'px' ? -n : n; // pixels negative: told apart from percentages and relative widths
}

/** The table's grid: from its `col` elements when every column has a width, else from the first row whose every cell has one. */
function gridOf(open: OpenTable): number[] {
  const count = Math.max(open.cols.length, ...open.cellWidths.map((row) => row.reduce((n, c) => n + c.span, 0)));
  const usable = (widths: Array<number | null>): widths is number[] => widths.length === count && widths.every((w) => w !== null) && (widths.every((w) => w! > 0) || widths.every((w) => w! < 0));
  if (usable(open.cols)) return open.cols.map(Math.abs);
  for (const row of open.cellWidths) {
    const widths = row.flatMap((c) => Array.from({ length: c.span }, () => (c.width === null ? null : c.width / c.span)));
    if (usable(widths)) return widths.map(Math.abs);
  }
  return Array.from({ length: count }, () => 1);
}
