/**
 * DOC (Word 97–2003 binary) → Layout.
 *
 * word-extractor reads the text of the body, headers, footers, footnotes, endnotes and text boxes; it keeps
 * no styles, so the flowing document built here (for `flow.ts` to place) has plain paragraphs, one per line,
 * each a block of its own (headings stand out only by standing alone).
 *
 * Tables: Word ends each table cell with a mark (0x07) and each row with another, which word-extractor turns
 * into a line break. Its own cleaning makes the cell mark a tab, so that a cell's end could not be told from a
 * typed tab; here the body is read from its text pieces before that, and the marks cut it into cells and rows.
 * A row whose cells hold several paragraphs is a layout table (a sidebar beside the main column): it is placed
 * as DOCX places it, side by side. The text does not say where a table starts: the first cell of such a row
 * takes the paragraphs since the last row (or the start), those of a row of one-line cells only its last one.
 */
import { createRequire } from 'node:module';
import WordExtractor from 'word-extractor';
import { DocumentError } from '../doc.ts';
import type { Layout } from '../layout.ts';
import { DEFAULT_SIZE, FlowBudget, flowLayout, type Block, type Cell, type Paragraph } from './flow.ts';
import { openCompoundFile } from './compound.ts';

/**
 * word-extractor's accessors take `filterUnicode` (its typings omit it): left on, they turn dashes and curly
 * quotes into ASCII, and "2018 – 2020" or "College — Merit" into hyphens that read as part of a name.
 */
interface Unfiltered {
  filterUnicode: false;
}
interface WordText {
  getBody(options: Unfiltered): string;
  getFootnotes(options: Unfiltered): string;
  getEndnotes(options: Unfiltered): string;
  getHeaders(options: Unfiltered & { includeFooters: false }): string;
  getFooters(options: Unfiltered): string;
  getTextboxes(options: Unfiltered & { includeHeadersAndFooters: false; includeBody: true }): string;
}
const AS_STORED: Unfiltered = { filterUnicode: false };

const conversionFailed = (detail: string): DocumentError => new DocumentError('document_conversion_failed', `Unable to convert Word 97–2003 document: ${detail}`);

export async function extractWord97(bytes: Uint8Array, opts: { maxPages: number }): Promise<Omit<Layout, 'lines' | 'text'>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // An encrypted Office 2007+ file is a compound file holding the encrypted package; a Word 97 file says so in its header.
  if (buffer.includes(Buffer.from('EncryptedPackage', 'utf16le')) || word97Encrypted(buffer)) {
    throw new DocumentError('password_protected', 'The document is encrypted and needs a password.');
  }
  // word-extractor follows sector chains without checking them: a damaged file whose chain loops would hang it.
  openCompoundFile(buffer, conversionFailed);
  let doc: WordText;
  let raw: string | null;
  try {
    ({ doc, raw } = await readWord97(buffer));
  } catch (err) {
    throw conversionFailed(err instanceof Error ? err.message : String(err));
  }
  const budget = new FlowBudget();
  const body = raw == null ? textBlocks(doc.getBody(AS_STORED), budget) : bodyBlocks(raw, budget);
  // Text boxes lost their anchors, and notes their references: they follow the body.
  const boxes = doc.getTextboxes({ ...AS_STORED, includeHeadersAndFooters: false, includeBody: true });
  if (boxes.trim()) body.push({ kind: 'para', items: [{ kind: 'box', blocks: textBlocks(boxes, budget) }], listItem: false, pageBreakBefore: false });
  for (const notes of [doc.getFootnotes(AS_STORED), doc.getEndnotes(AS_STORED)]) if (notes.trim()) body.push(...textBlocks(notes, budget));
  const headers = doc.getHeaders({ ...AS_STORED, includeFooters: false });
  const footers = doc.getFooters(AS_STORED);
  return flowLayout(
    {
      headers: headers.trim() ? [textBlocks(uniqueLines(headers), budget)] : [],
      body,
      footers: footers.trim() ? [textBlocks(uniqueLines(footers), budget)] : [],
      separateParagraphs: true,
    },
    'doc',
    opts.maxPages,
  );
}

/**
 * word-extractor's Word 97 reader, used directly so that its text pieces can be read before its cleaning
 * turns cell marks into tabs. (Its package exports only the `WordExtractor` front door; the reader, its
 * `_pieces` and `_boundaries` are internals of the pinned version, so where they are missing the front door
 * is used and the cleaned body read, where a layout table's cells read as lines.)
 */
const requireCjs = createRequire(import.meta.url);
interface OleReader {
  extract(reader: unknown): Promise<unknown>;
  _pieces?: Array<{ text: string }>;
  _boundaries?: { ccpText?: number };
}

interface Internals {
  Reader: new () => OleReader;
  BufferReader: new (b: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> };
  clean: (s: string) => string;
}

/** The library's reader, its buffer source and its cleaning, or null if this version lays its files out otherwise. */
function internals(): Internals | null {
  try {
    return {
      Reader: requireCjs('word-extractor/lib/word-ole-extractor.js') as Internals['Reader'],
      BufferReader: requireCjs('word-extractor/lib/buffer-reader.js') as Internals['BufferReader'],
      clean: (requireCjs('word-extractor/lib/filters.js') as Pick<Internals, 'clean'>).clean,
    };
  } catch {
    return null;
  }
}

async function readWord97(buffer: Buffer): Promise<{ doc: WordText; raw: string | null }> {
  const lib = internals();
  if (!lib || typeof lib.clean !== 'function') return { doc: (await new WordExtractor().extract(buffer)) as unknown as WordText, raw: null };
  const { Reader, BufferReader, clean } = lib;
  const source = new BufferReader(buffer);
  await source.open();
  try {
    const reader = new Reader();
    const doc = (await reader.extract(source)) as WordText;
    const pieces = reader._pieces;
    const length = reader._boundaries?.ccpText;
    if (!Array.isArray(pieces) || typeof length !== 'number') return { doc, raw: null };
    // The body is the first `ccpText` characters of the pieces, in order. The library has already made each
    // row's end a line feed (paragraphs end in a carriage return); the cell mark and the row's end become
    // CELL and ROW before its cleaning (fields, control characters), which would turn them into a tab and
    // a paragraph's end.
    const text = pieces.map((p) => p.text).join('').slice(0, length);
    return { doc, raw: clean(text.replaceAll('\x07\n', CELL + ROW).replaceAll('\x07', CELL)) };
  } finally {
    await source.close();
  }
}

/** Stand for Word's cell mark and a table row's end in the raw body (private-use characters, never in a document's text). */
const CELL = '\uE007';
const ROW = '\uE00A';

/**
 * The body's blocks: paragraphs, and tables where the cell marks are. Rows end with a cell mark followed by
 * the row's break; a row's cells are the text between its marks.
 */
function bodyBlocks(raw: string, budget: FlowBudget): Block[] {
  const text = raw.replace(/\r\n?/g, '\n');
  if (!text.includes(CELL)) return textBlocks(text, budget); // ROW only ever follows a CELL
  const blocks: Block[] = [];
  let table: Cell[][] | null = null;
  const close = (): void => {
    if (table) blocks.push({ kind: 'table', grid: [], rows: table });
    table = null;
  };
  // The text of each row ends in ROW; what follows the last row is no table.
  const parts = text.split(ROW);
  const after = parts.pop()!;
  for (const part of parts) {
    if (budget.spent) break;
    const cells = part.replace(new RegExp(`${CELL}$`), '').split(CELL).map((c) => c.replace(/^\n|\n$/g, ''));
    // The first cell starts where the table does, which the text does not say: all the paragraphs since the
    // last row when another cell of the row holds several (a layout table), else only its last paragraph.
    const layout = cells.slice(1).some((c) => c.includes('\n'));
    const first = cells[0]!.split('\n');
    const own = layout ? first : first.slice(-1);
    const before = layout ? [] : first.slice(0, -1);
    if (before.length) {
      close();
      blocks.push(...textBlocks(before.join('\n'), budget));
    }
    cells[0] = own.join('\n');
    (table ??= []).push(cells.map((c) => ({ span: 1, blocks: budget.block() ? textBlocks(c, budget) : [] })));
  }
  close();
  if (after.replace(/\n/g, '')) blocks.push(...textBlocks(after.replace(/^\n/, '').replaceAll(CELL, ''), budget));
  return blocks;
}

/**
 * The `fEncrypted` bit of a Word 97+ file information block: the WordDocument stream starts on a 512-byte
 * sector with the magic number A5EC and a Word 97–2019 version (nFib C1–112 hex).
 */
function word97Encrypted(buffer: Buffer): boolean {
  for (let at = 512; at + 12 <= buffer.length; at += 512) {
    if (buffer.readUInt16LE(at) !== 0xa5ec) continue;
    const nFib = buffer.readUInt16LE(at + 2);
    if (nFib >= 0xc1 && nFib <= 0x112) return (buffer.readUInt16LE(at + 0x0a) & 0x0100) !== 0;
  }
  return false;
}

/** Sections repeat their headers and footers: each line once. */
function uniqueLines(text: string): string {
  return [...new Set(text.split('\n').map((l) => l.trimEnd()))].join('\n');
}

function paragraph(text: string, budget: FlowBudget): Paragraph {
  const kept = budget.take(text);
  const para: Paragraph = { kind: 'para', items: [], listItem: false, pageBreakBefore: false };
  if (kept) para.items.push({ kind: 'text', text: kept, bold: false, italic: false, size: DEFAULT_SIZE });
  return para;
}

/** One paragraph per line (an empty line is an empty paragraph), without the tabs cell marks left at line ends. */
function textBlocks(text: string, budget: FlowBudget): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const blocks: Block[] = [];
  for (const line of lines) {
    if (budget.spent) break;
    if (budget.block()) blocks.push(paragraph(line.replace(/\t+$/, ''), budget));
  }
  return blocks;
}
