/**
 * DOC (Word 97–2003 binary) → Layout.
 *
 * word-extractor reads the text of the body, headers, footers, footnotes, endnotes and text boxes; it keeps
 * no styles, so the flowing document built here (for `flow.ts` to place) has plain paragraphs, one per line,
 * each a block of its own (headings stand out only by standing alone).
 *
 * Word ends each table cell with a mark that word-extractor turns into a tab, so a row of one-line cells
 * reads "cell⇥cell⇥…⇥". Two or more such lines in a row with as many cells each are a table (a grid: dates |
 * title | place). Anywhere else a cell's end cannot be told from a typed tab, nor the end of a row from that
 * of a cell followed by an empty paragraph, so the text stays lines, without their trailing tabs.
 */
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
  try {
    doc = (await new WordExtractor().extract(buffer)) as unknown as WordText;
  } catch (err) {
    throw conversionFailed(err instanceof Error ? err.message : String(err));
  }
  const budget = new FlowBudget();
  const body = textBlocks(doc.getBody(AS_STORED), budget);
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

/** A line that could be a table row of one-line cells: it ends with a cell's tab and holds another; its cells' text. */
function rowCells(line: string): string[] | null {
  const content = line.replace(/\t+$/, '');
  return line.endsWith('\t') && content.includes('\t') ? content.split('\t') : null;
}

/** One paragraph per line (an empty line is an empty paragraph), runs of like rows of one-line cells a table. */
function textBlocks(text: string, budget: FlowBudget): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length && !budget.spent; ) {
    const cells = rowCells(lines[i]!);
    let end = i + 1;
    while (cells && end < lines.length && rowCells(lines[end]!)?.length === cells.length) end++;
    if (end - i >= 2) {
      blocks.push({ kind: 'table', grid: [], rows: lines.slice(i, end).map((l) => rowCells(l)!.map((c) => cell(c, budget))) });
      i = end;
    } else {
      if (budget.block()) blocks.push(paragraph(lines[i]!.replace(/\t+$/, ''), budget));
      i++;
    }
  }
  return blocks;
}

function cell(text: string, budget: FlowBudget): Cell {
  return { span: 1, blocks: budget.block() ? [paragraph(text, budget)] : [] };
}
