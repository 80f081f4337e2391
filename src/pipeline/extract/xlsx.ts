/**
 * XLSX (a résumé laid out in a spreadsheet) → Layout.
 *
 * Each visible sheet becomes one flow table (`flow.ts`), sheets one after another on new pages: a row is a
 * row, a cell a cell, a merged range one cell spanning its columns. Column widths come from `<cols>`;
 * columns with nothing in them are left out, so a value parked far to the right (column XFD) costs one
 * column, not sixteen thousand. Cell text is the shared or inline string, or the number as its format shows
 * it (dates as dates: "mmm yyyy" → "Jan 2019"); bold, italic and size come from the cell's font and from
 * rich-text runs.
 */
import { DocumentError } from '../doc.ts';
import type { Layout } from '../layout.ts';
import { DEFAULT_SIZE, FlowBudget, flowLayout, type Block, type Cell, type Inline, type Table } from './flow.ts';
import { XmlCursor, XmlError } from './ooxml.ts';
import { openXmlPackage, partText, readRelationships, relOfType, type Parts } from './xml-package.ts';

/** Excel's default column width, in characters. */
export const DEFAULT_WIDTH = 8.43;
/** Highest column (XFD) and row Excel allows. */
const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;

const conversionFailed = (): DocumentError => new DocumentError('document_conversion_failed', 'Unable to convert Excel workbook');

export function extractXlsx(bytes: Uint8Array, opts: { maxPages: number }): Omit<Layout, 'lines' | 'text'> {
  const parts = openXmlPackage(bytes, conversionFailed);
  try {
    return flowLayout({ headers: [], body: readWorkbook(parts), footers: [] }, 'xlsx', opts.maxPages);
  } catch (err) {
    if (err instanceof XmlError) throw conversionFailed();
    throw err;
  }
}

function readWorkbook(parts: Parts): Block[] {
  const main = relOfType(readRelationships(parts, ''), 'officeDocument') ?? 'xl/workbook.xml';
  const xml = partText(parts, main);
  if (xml == null) throw conversionFailed();
  const rels = readRelationships(parts, main);
  const strings = readSharedStrings(partText(parts, relOfType(rels, 'sharedStrings')));
  const styles = readStyles(partText(parts, relOfType(rels, 'styles')));
  const budget = new FlowBudget();
  const blocks: Block[] = [];
  const cur = new XmlCursor(xml);
  let date1904 = false;
  while (cur.next()) {
    if (cur.is('workbookPr')) date1904 = onOff(cur.attr('date1904'));
    if (!cur.is('sheet') || /hidden/i.test(cur.attr('state') ?? '')) continue;
    const part = rels.get(cur.attr('r:id') ?? '')?.target;
    const sheet = part ? partText(parts, part) : null;
    if (sheet == null) continue;
    const table = readSheet(sheet, { strings, styles, date1904, budget });
    if (!table.rows.length) continue;
    if (blocks.length) blocks.push({ kind: 'break' });
    blocks.push(table);
  }
  return blocks;
}

const onOff = (value: string | undefined): boolean => value === '1' || value === 'true';

// ---------------------------------------------------------------------------------------------------------
// Strings and styles

/** A run of text in one font; unset properties are the cell's. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** The shared strings (`<si>`), each as its runs: plain (`<t>`) or rich (`<r><rPr/><t/></r>`); phonetic guides skipped. */
function readSharedStrings(xml: string | null): Run[][] {
  const strings: Run[][] = [];
  if (!xml) return strings;
  const cur = new XmlCursor(xml);
  while (cur.next()) if (cur.is('si')) strings.push(cur.kind === 'open' ? readRuns(cur, 'si') : []);
  return strings;
}

/** The runs of a string item (`si` or an inline `is`), the cursor on its open tag. */
function readRuns(cur: XmlCursor, end: string): Run[] {
  const runs: Run[] = [];
  let props: Omit<Run, 'text'> = {};
  while (cur.next() && !cur.closes(end)) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'r':
        props = {};
        break;
      case 'rPr':
        props = cur.kind === 'open' ? readFont(cur, 'rPr') : {};
        break;
      case 't':
        if (cur.kind === 'open') runs.push({ text: cur.readText(), ...props });
        break;
      case 'rPh':
      case 'phoneticPr':
        if (cur.kind === 'open') cur.skip();
        break;
    }
  }
  return runs;
}

/** A font (`<font>` in the style sheet, `<rPr>` in a rich run): bold, italic, size. */
function readFont(cur: XmlCursor, end: string): Omit<Run, 'text'> {
  const font: Omit<Run, 'text'> = {};
  while (cur.next() && !cur.closes(end)) {
    if (cur.is('b')) font.bold = cur.attr('val') === undefined || onOff(cur.attr('val'));
    else if (cur.is('i')) font.italic = cur.attr('val') === undefined || onOff(cur.attr('val'));
    else if (cur.is('sz')) font.size = Number(cur.attr('val')) || undefined;
  }
  return font;
}

export interface CellFormat {
  font: Omit<Run, 'text'>;
  /** The number format's code when it shows a date. */
  dateFormat?: string;
  percent: boolean;
}

/** Built-in number formats that show dates (the codes are the en-US ones). */
export const BUILT_IN_DATES: Record<number, string> = { 14: 'm/d/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'm/d/yyyy' };

/** Cell formats (`cellXfs`) in order, each with its font and date format. */
function readStyles(xml: string | null): CellFormat[] {
  const formats: CellFormat[] = [];
  if (!xml) return formats;
  const codes = new Map<number, string>();
  const fonts: Array<Omit<Run, 'text'>> = [];
  const xfs: Array<{ fontId: number; numFmtId: number }> = [];
  const cur = new XmlCursor(xml);
  let section = '';
  while (cur.next()) {
    // Fonts and cell formats are read in their own lists only (differential formats have fonts too).
    if (cur.name === 'fonts' || cur.name === 'cellXfs' || cur.name === 'cellStyleXfs') section = cur.kind === 'open' ? cur.name : '';
    if (!cur.element) continue;
    if (cur.name === 'numFmt') codes.set(Number(cur.attr('numFmtId')), cur.attr('formatCode') ?? '');
    else if (cur.name === 'font' && section === 'fonts') fonts.push(cur.kind === 'open' ? readFont(cur, 'font') : {});
    else if (cur.name === 'xf' && section === 'cellXfs') xfs.push({ fontId: Number(cur.attr('fontId')) || 0, numFmtId: Number(cur.attr('numFmtId')) || 0 });
  }
  for (const xf of xfs) {
    const code = codes.get(xf.numFmtId) ?? BUILT_IN_DATES[xf.numFmtId] ?? '';
    formats.push({
      font: fonts[xf.fontId] ?? {},
      dateFormat: BUILT_IN_DATES[xf.numFmtId] || isDateFormat(code) ? code : undefined,
      percent: xf.numFmtId === 9 || xf.numFmtId === 10 || /%/.test(stripLiterals(code)),
    });
  }
  return formats;
}

/** A format code without its quoted text, escaped characters and bracketed parts (colours, locales, conditions). */
const stripLiterals = (code: string): string => code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');

export const isDateFormat = (code: string): boolean => /[dmy]/i.test(stripLiterals(code).split(';')[0] ?? '');

// ---------------------------------------------------------------------------------------------------------
// Sheets

interface SheetContext {
  strings: Run[][];
  styles: CellFormat[];
  date1904: boolean;
  budget: FlowBudget;
}

/** A cell with something printed in it. */
export interface RawCell {
  col: number;
  runs: Run[];
  font: Omit<Run, 'text'>;
}

export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** A merged range, 0-based, inclusive. */
export interface Merge {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

/** A `<col>` range (0-based, inclusive): its width in characters and whether it is hidden. */
interface ColumnRange {
  min: number;
  max: number;
  width?: number;
  hidden: boolean;
}

/** Merged ranges read per sheet, at most: a sheet that merges more is not a résumé. */
const MAX_MERGES = 1000;

function readSheet(xml: string, ctx: SheetContext): Table {
  const rows: RawRow[] = [];
  const merges: Merge[] = [];
  const columns: ColumnRange[] = [];
  let defaultWidth = DEFAULT_WIDTH;
  const cur = new XmlCursor(xml);
  let row: RawRow | null = null;
  let rowNumber = -1;
  let col = -1;
  while (cur.next()) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'sheetFormatPr':
        defaultWidth = Number(cur.attr('defaultColWidth')) || defaultWidth;
        break;
      case 'col': {
        const min = Math.min(MAX_COLUMN, Math.max(1, Number(cur.attr('min')) || 1)) - 1;
        columns.push({ min, max: Math.min(MAX_COLUMN, Math.max(min + 1, Number(cur.attr('max')) || 0)) - 1, width: Number(cur.attr('width')) || undefined, hidden: onOff(cur.attr('hidden')) });
        break;
      }
      case 'row': {
        // Rows and cells may leave out their `r`: they then follow the one before.
        const r = Number(cur.attr('r'));
        rowNumber = r >= 1 && r <= MAX_ROW ? r - 1 : rowNumber + 1;
        row = onOff(cur.attr('hidden')) ? null : { row: rowNumber, cells: [] };
        if (row) rows.push(row);
        col = -1;
        break;
      }
      case 'c': {
        const ref = cellRef(cur.attr('r'));
        col = ref ? ref.col : col + 1;
        const cell = readCell(cur, ctx);
        if (row && cell && ctx.budget.block()) row.cells.push({ col, ...cell });
        break;
      }
      case 'mergeCell': {
        const [a, b] = (cur.attr('ref') ?? '').split(':').map(cellRef);
        if (a && b && merges.length < MAX_MERGES) merges.push({ row0: Math.min(a.row, b.row), col0: Math.min(a.col, b.col), row1: Math.max(a.row, b.row), col1: Math.max(a.col, b.col) });
        break;
      }
      case 'worksheet':
      case 'sheetData':
      case 'cols':
      case 'mergeCells':
        break;
      default:
        // Views, conditional formats, validations, drawings, print settings: nothing printed in cells.
        if (cur.kind === 'open') cur.skip();
    }
  }
  const column = (c: number): ColumnRange => columns.find((r) => c >= r.min && c <= r.max) ?? { min: c, max: c, hidden: false };
  return buildTable(rows, merges, (c) => column(c).hidden, (c) => column(c).width ?? defaultWidth);
}

/** "B12" → 0-based column and row; undefined if it is not a cell reference. */
function cellRef(ref: string | undefined): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref ?? '');
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= MAX_COLUMN && row >= 1 && row <= MAX_ROW ? { col: col - 1, row: row - 1 } : undefined;
}

/** A `<c>` (the cursor on its tag): its text as printed, with its font; null when it prints nothing. */
function readCell(cur: XmlCursor, ctx: SheetContext): Omit<RawCell, 'col'> | null {
  const type = cur.attr('t') ?? 'n';
  const format = ctx.styles[Number(cur.attr('s')) || 0];
  if (cur.kind === 'empty') return null;
  let value: string | null = null;
  let inline: Run[] = [];
  while (cur.next() && !cur.closes('c')) {
    if (!cur.element) continue;
    if (cur.name === 'v') value = cur.kind === 'open' ? cur.readText() : '';
    else if (cur.name === 'is') inline = cur.kind === 'open' ? readRuns(cur, 'is') : [];
    // A formula (`f`) is not printed; its last result is the `v`.
    else if (cur.kind === 'open') cur.skip();
  }
  let runs: Run[];
  if (type === 'inlineStr') runs = inline;
  else if (value === null || type === 'e') return null;
  else if (type === 's') runs = ctx.strings[Number(value)] ?? [];
  else if (type === 'b') runs = [{ text: value === '1' ? 'TRUE' : 'FALSE' }];
  else if (type === 'str' || type === 'd') runs = [{ text: type === 'd' ? value.replace(/T00:00:00(\.0+)?Z?$/, '') : value }];
  else runs = [{ text: formatNumber(Number(value), format, ctx.date1904) }];
  if (!runs.some((r) => /\S/.test(r.text))) return null;
  return { runs, font: format?.font ?? {} };
}

/**
 * The table of a sheet: its rows with something printed, over the columns in use. A merged range is its
 * top-left cell spanning the columns in use it covers; the cells it covers are left empty.
 */
export function buildTable(rows: RawRow[], merges: Merge[], hidden: (col: number) => boolean, width: (col: number) => number): Table {
  const used = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.col)))].filter((c) => !hidden(c)).sort((a, b) => a - b);
  const table: Table = { kind: 'table', grid: used.map(width), rows: [], rowLines: true };
  for (const { row, cells } of rows.sort((a, b) => a.row - b.row)) {
    const byCol = new Map(cells.map((c) => [c.col, c]));
    const out: Cell[] = [];
    for (let i = 0; i < used.length; ) {
      const col = used[i]!;
      const raw = byCol.get(col);
      const merge = merges.find((m) => row >= m.row0 && row <= m.row1 && col >= m.col0 && col <= m.col1);
      if (merge && (merge.row0 !== row || merge.col0 !== col)) {
        out.push({ span: 1, blocks: [] });
        i++;
        continue;
      }
      const span = merge ? Math.max(1, used.filter((c) => c >= merge.col0 && c <= merge.col1).length) : 1;
      out.push({ span, blocks: raw ? [cellParagraph(raw)] : [] });
      i += span;
    }
    while (out.length && !out.at(-1)!.blocks.length) out.pop();
    if (out.length) table.rows.push(out);
  }
  return table;
}

/** A cell's text as one paragraph; line breaks typed in the cell (Alt+Enter) stay line breaks. */
function cellParagraph(cell: RawCell): Block {
  const items: Inline[] = [];
  for (const run of cell.runs) {
    run.text.split(/\r\n?|\n/).forEach((text, i) => {
      if (i > 0) items.push({ kind: 'br' });
      if (text) items.push({ kind: 'text', text, bold: run.bold ?? cell.font.bold ?? false, italic: run.italic ?? cell.font.italic ?? false, size: run.size ?? cell.font.size ?? DEFAULT_SIZE });
    });
  }
  return { kind: 'para', items, listItem: false, pageBreakBefore: false };
}

// ---------------------------------------------------------------------------------------------------------
// Numbers as their format shows them

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function formatNumber(value: number, format: CellFormat | undefined, date1904: boolean): string {
  if (!Number.isFinite(value)) return '';
  if (format?.dateFormat !== undefined && value >= 0 && value < 2958466) return formatDate(value, format.dateFormat, date1904);
  // Fifteen significant digits, as Excel shows them (0.1 + 0.2 is 0.3).
  if (format?.percent) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** A date serial number shown with a date format code's day, month and year parts (times are dropped). */
function formatDate(serial: number, code: string, date1904: boolean): string {
  // Excel's 1900 calendar counts a 29 February 1900 that never was: serials from 61 on are a day ahead.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 61 ? 31 : 30);
  const date = new Date(epoch + Math.floor(serial) * 86_400_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const section = (code.split(';')[0] ?? '').replace(/\[[^\]]*\]/g, '');
  const tokens = section.match(/"[^"]*"|\\.|_.|\*.|y+|m+|d+|h+|s+|AM\/PM|A\/P|./gi) ?? [];
  let out = '';
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (t.startsWith('_')) out += ' ';
    else if (t.startsWith('*') || /^[hs]/.test(lower) || /^a(m\/pm|\/p)$/.test(lower)) return;
    else if (lower.startsWith('y')) out += lower.length <= 2 ? String(y % 100).padStart(2, '0') : String(y);
    else if (lower.startsWith('d')) out += lower.length === 1 ? d : lower.length === 2 ? String(d).padStart(2, '0') : lower.length === 3 ? DAYS[date.getUTCDay()]!.slice(0, 3) : DAYS[date.getUTCDay()]!;
    else if (lower.startsWith('m')) {
      // Minutes when a time is around it ("h:mm", "mm:ss").
      const near = [tokens[i - 1], tokens[i - 2], tokens[i + 1], tokens[i + 2]].map((n) => n?.toLowerCase() ?? '');
      if (near.some((n) => /^[hs]/.test(n))) return;
      out += lower.length === 1 ? m + 1 : lower.length === 2 ? String(m + 1).padStart(2, '0') : lower.length === 3 ? MONTHS[m]!.slice(0, 3) : lower.length === 4 ? MONTHS[m]! : MONTHS[m]![0]!;
    } else if (t !== '@') out += t;
  });
  // Separators left dangling by dropped time parts.
  return out.replace(/[\s:.]+$/, '').trim();
}
