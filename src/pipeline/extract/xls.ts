/**
 * XLS (Excel 97–2003, BIFF8 records in an OLE compound file) → Layout, the way `xlsx.ts` lays out an XLSX:
 * each visible worksheet one flow table, a row a row, a cell a cell, merged ranges spanning their columns,
 * column widths from COLINFO, empty columns left out, numbers as their format shows them (dates as dates),
 * bold, italic and size from the cell's font.
 *
 * The container is read by `cfb` (SheetJS's compound-file reader); the records by the small reader below, which
 * knows only what prints in a cell: the shared strings (SST, with its CONTINUE records), LABELSST, LABEL,
 * RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA results (and their STRING), and BOUNDSHEET, FONT, FORMAT, XF,
 * DATEMODE, COLINFO, DEFCOLWIDTH, MERGEDCELLS, ROW for placing and styling them. Everything else (charts,
 * drawings, macros, print settings) is skipped by its length. Pure functions over the bytes; every read is
 * bounds-checked, so a truncated or corrupt workbook fails with `document_conversion_failed`, never loops.
 */
import CFB from 'cfb';
import { openCompoundFile } from './compound.ts';
import { DocumentError } from '../doc.ts';
import type { Layout } from '../layout.ts';
import { FlowBudget, flowLayout, type Block } from './flow.ts';
import { BUILT_IN_DATES, buildTable, DEFAULT_WIDTH, formatNumber, isDateFormat, type CellFormat, type Merge, type RawCell, type RawRow, type Run } from './xlsx.ts';

const conversionFailed = (detail: string): DocumentError => new DocumentError('document_conversion_failed', `Unable to convert Excel 97–2003 workbook: ${detail}`);

/** A record reader ran past its record: the workbook is truncated or corrupt. */
class BiffError extends Error {}

export function extractXls(bytes: Uint8Array, opts: { maxPages: number }): Omit<Layout, 'lines' | 'text'> {
  const stream = workbookStream(bytes);
  let blocks: Block[];
  try {
    blocks = readWorkbook(stream);
  } catch (err) {
    if (err instanceof BiffError) throw conversionFailed(err.message);
    throw err;
  }
  return flowLayout({ headers: [], body: blocks, footers: [] }, 'xls', opts.maxPages);
}

/** The `Workbook` stream of the compound file (BIFF8); an encrypted package or an Excel 5/95 `Book` is refused. */
export function workbookStream(bytes: Uint8Array): Uint8Array {
  const container = openCompoundFile(bytes, conversionFailed);
  const names = new Set(container.FileIndex.map((e) => e.name));
  if (names.has('EncryptedPackage')) throw new DocumentError('password_protected', 'The workbook is encrypted and needs a password.');
  const entry = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  if (!entry || entry.type !== 2) throw conversionFailed('the file holds no workbook stream');
  if (entry.name === 'Book') throw new DocumentError('unsupported_file_type', 'Excel 5.0/95 workbooks are not supported: save the file as .xlsx.');
  const content = entry.content as Uint8Array | number[] | undefined;
  if (!content || content.length === 0) throw conversionFailed('the workbook stream is empty');
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

// ---------------------------------------------------------------------------------------------------------
// Records

/** Record types read (MS-XLS 2.3). */
const R = {
  BOF: 0x809,
  EOF: 0x0a,
  CONTINUE: 0x3c,
  FILEPASS: 0x2f,
  DATEMODE: 0x22,
  BOUNDSHEET: 0x85,
  SST: 0xfc,
  FONT: 0x31,
  FORMAT: 0x41e,
  XF: 0xe0,
  LABELSST: 0xfd,
  LABEL: 0x204,
  RSTRING: 0xd6,
  NUMBER: 0x203,
  RK: 0x27e,
  MULRK: 0xbd,
  BOOLERR: 0x205,
  FORMULA: 0x06,
  STRING: 0x207,
  COLINFO: 0x7d,
  DEFCOLWIDTH: 0x55,
  MERGEDCELLS: 0xe5,
  ROW: 0x208,
} as const;

export interface BiffRecord {
  type: number;
  /** Offset of the record's header in the stream. */
  at: number;
  data: Uint8Array;
  /** 1 in the substream that starts at `start`; 2 and more inside a substream nested in it (a chart in a sheet). */
  depth: number;
}

/**
 * The records of the substream that starts at `start` (a BOF), through its EOF, or to the end of the stream.
 * A chart embedded in a worksheet is a BOF…EOF substream of its own inside the sheet's: it is passed through at
 * depth 2 rather than taken for the sheet's end. A record cut short by the end of the stream is an error.
 */
export function* records(stream: Uint8Array, start = 0): Generator<BiffRecord> {
  let depth = 0;
  for (let at = start; at + 4 <= stream.length; ) {
    const type = stream[at]! | (stream[at + 1]! << 8);
    const length = stream[at + 2]! | (stream[at + 3]! << 8);
    if (at + 4 + length > stream.length) throw new BiffError(`record ${type.toString(16)} at ${at} runs past the end of the stream`);
    if (type === R.BOF) depth++;
    yield { type, at, data: stream.subarray(at + 4, at + 4 + length), depth: Math.max(1, depth) };
    if (type === R.EOF && --depth <= 0) return;
    at += 4 + length;
  }
}

/** Little-endian reads that fail as a corrupt workbook, not as an out-of-range read. */
class Reader {
  constructor(readonly data: Uint8Array, public at = 0) {}
  need(n: number): void {
    if (this.at + n > this.data.length) throw new BiffError('a record is shorter than its contents');
  }
  u8(): number {
    this.need(1);
    return this.data[this.at++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.data[this.at]! | (this.data[this.at + 1]! << 8);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = new DataView(this.data.buffer, this.data.byteOffset + this.at, 4).getUint32(0, true);
    this.at += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = new DataView(this.data.buffer, this.data.byteOffset + this.at, 8).getFloat64(0, true);
    this.at += 8;
    return v;
  }
  /** `count` characters, one byte each (the low bytes of UTF-16, i.e. Latin-1) or two (UTF-16LE). */
  chars(count: number, wide: boolean): string {
    const n = wide ? count * 2 : count;
    this.need(n);
    const text = new TextDecoder(wide ? 'utf-16le' : 'latin1').decode(this.data.subarray(this.at, this.at + n));
    this.at += n;
    return text;
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
}

/** XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit): count, flags (bit 0: two-byte characters), characters. */
function unicodeString(r: Reader, countBytes: 1 | 2): string {
  const count = countBytes === 1 ? r.u8() : r.u16();
  return r.chars(count, (r.u8() & 1) !== 0);
}

/**
 * The shared string table: XLUnicodeRichExtendedStrings packed into the SST record and its CONTINUE records.
 * A string's characters may break across a record boundary; the next record then starts with a fresh flags
 * byte saying whether the rest is one byte or two a character. Rich-text runs and phonetic data are skipped
 * (possibly across boundaries too). Returns as many strings as the bytes hold, whatever the count claims.
 */
export function readSst(segments: Uint8Array[]): string[] {
  const strings: string[] = [];
  let seg = 0;
  let at = 8; // cstTotal, cstUnique
  const left = (): number => (segments[seg]?.length ?? 0) - at;
  const nextSegment = (): boolean => {
    seg++;
    at = 0;
    return seg < segments.length;
  };
  /** Bytes that may cross a boundary with no flags byte in between. */
  const bytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let got = 0; got < n; ) {
      if (left() <= 0 && !nextSegment()) throw new BiffError('the shared strings end mid-string');
      const take = Math.min(n - got, left());
      out.set(segments[seg]!.subarray(at, at + take), got);
      got += take;
      at += take;
    }
    return out;
  };
  const u16 = (): number => {
    const b = bytes(2);
    return b[0]! | (b[1]! << 8);
  };
  while (seg < segments.length) {
    if (left() <= 0) {
      if (!nextSegment()) break;
      continue;
    }
    const count = u16();
    const flags = bytes(1)[0]!;
    let wide = (flags & 1) !== 0;
    const runs = flags & 8 ? u16() : 0;
    const ext = flags & 4 ? new DataView(bytes(4).buffer).getUint32(0, true) : 0;
    let text = '';
    for (let remaining = count; remaining > 0; ) {
      if (left() <= 0) {
        if (!nextSegment()) throw new BiffError('the shared strings end mid-string');
        wide = (bytes(1)[0]! & 1) !== 0;
        continue;
      }
      const take = Math.min(remaining, Math.floor(left() / (wide ? 2 : 1)));
      if (take === 0) throw new BiffError('a shared string splits a character');
      text += new TextDecoder(wide ? 'utf-16le' : 'latin1').decode(segments[seg]!.subarray(at, at + take * (wide ? 2 : 1)));
      at += take * (wide ? 2 : 1);
      remaining -= take;
    }
    skipAcross(runs * 4 + ext);
    strings.push(text);
  }
  return strings;

  function skipAcross(n: number): void {
    for (let skipped = 0; skipped < n; ) {
      if (left() <= 0 && !nextSegment()) throw new BiffError('the shared strings end mid-string');
      const take = Math.min(n - skipped, left());
      skipped += take;
      at += take;
    }
  }
}

/**
 * An RK number (MS-XLS 2.5.217): 30 bits of either a signed integer or the high bits of an IEEE double,
 * bit 0 says "divide by 100", bit 1 "integer".
 */
export function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    value = view.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

// ---------------------------------------------------------------------------------------------------------
// The workbook

interface Globals {
  strings: string[];
  formats: CellFormat[];
  date1904: boolean;
  sheets: Array<{ offset: number; visible: boolean; worksheet: boolean }>;
}

type Font = Omit<Run, 'text'>;

function readGlobals(stream: Uint8Array): Globals {
  const fonts: Font[] = [];
  const codes = new Map<number, string>();
  const xfs: Array<{ font: number; format: number }> = [];
  const sheets: Globals['sheets'] = [];
  let date1904 = false;
  let sst: Uint8Array[] | null = null;
  let last = -1;
  let first = true;
  for (const rec of records(stream)) {
    const r = new Reader(rec.data);
    if (first) {
      first = false;
      // BOF: version 0x0600 is BIFF8; the globals substream has type 5.
      if (rec.type !== R.BOF || r.u16() !== 0x600) throw new BiffError('the workbook is not in the Excel 97 (BIFF8) format');
      continue;
    }
    if (rec.type === R.CONTINUE && last === R.SST && sst) sst.push(rec.data);
    else {
      switch (rec.type) {
        case R.FILEPASS:
          throw new DocumentError('password_protected', 'The workbook is encrypted and needs a password.');
        case R.DATEMODE:
          date1904 = r.u16() === 1;
          break;
        case R.FONT: {
          const height = r.u16();
          const flags = r.u16();
          r.skip(2);
          const weight = r.u16();
          fonts.push({ size: height / 20 || undefined, bold: weight >= 600, italic: (flags & 2) !== 0 });
          break;
        }
        case R.FORMAT: {
          const id = r.u16();
          codes.set(id, unicodeString(r, 2));
          break;
        }
        case R.XF:
          xfs.push({ font: r.u16(), format: r.u16() });
          break;
        case R.SST:
          sst = [rec.data];
          break;
        case R.BOUNDSHEET: {
          const offset = r.u32();
          const state = r.u8() & 3;
          const type = r.u8();
          sheets.push({ offset, visible: state === 0, worksheet: type === 0 });
          break;
        }
      }
    }
    // A CONTINUE keeps the record it continues as "the last" one.
    if (rec.type !== R.CONTINUE) last = rec.type;
  }
  const formats = xfs.map(({ font, format }): CellFormat => {
    const code = codes.get(format) ?? BUILT_IN_DATES[format] ?? '';
    return {
      // Font index 4 does not exist in BIFF: indices past it are one less in the list.
      font: fonts[font >= 4 ? font - 1 : font] ?? {},
      dateFormat: BUILT_IN_DATES[format] || (format >= 164 && isDateFormat(code)) ? code : undefined,
      percent: format === 9 || format === 10 || /%/.test(code.replace(/"[^"]*"|\\./g, '')),
    };
  });
  return { strings: sst ? readSst(sst) : [], formats, date1904, sheets };
}

/** Rows (of 65 536) and columns (of 256) a BIFF8 sheet can address. */
const MAX_ROW = 0xffff;
const MAX_COL = 0xff;
/** Merged ranges read per sheet, at most (as xlsx.ts). */
const MAX_MERGES = 1000;

function readWorkbook(stream: Uint8Array): Block[] {
  const globals = readGlobals(stream);
  const budget = new FlowBudget();
  const blocks: Block[] = [];
  const seen = new Set<number>();
  for (const sheet of globals.sheets) {
    // Two sheets claiming one substream would be read twice; an offset out of the stream is a corrupt entry.
    if (!sheet.visible || !sheet.worksheet || seen.has(sheet.offset)) continue;
    if (sheet.offset >= stream.length) throw new BiffError('a sheet lies outside the workbook stream');
    seen.add(sheet.offset);
    const table = readSheet(stream, sheet.offset, globals, budget);
    if (!table.rows.length) continue;
    if (blocks.length) blocks.push({ kind: 'break' });
    blocks.push(table);
  }
  return blocks;
}

function readSheet(stream: Uint8Array, offset: number, g: Globals, budget: FlowBudget): ReturnType<typeof buildTable> {
  const rows = new Map<number, RawRow>();
  const hiddenRows = new Set<number>();
  const merges: Merge[] = [];
  const columns: Array<{ min: number; max: number; width: number; hidden: boolean }> = [];
  let defaultWidth = DEFAULT_WIDTH;
  /** The FORMULA whose string result the next STRING record holds. */
  let pendingFormula: { row: number; col: number; xf: number } | null = null;
  const put = (row: number, col: number, xf: number, text: string, number?: number): void => {
    if (row > MAX_ROW || col > MAX_COL || !budget.block()) return;
    const format = g.formats[xf];
    const shown = number === undefined ? text : formatNumber(number, format, g.date1904);
    if (!/\S/.test(shown)) return;
    let raw = rows.get(row);
    if (!raw) rows.set(row, (raw = { row, cells: [] }));
    const cell: RawCell = { col, runs: [{ text: shown }], font: format?.font ?? {} };
    const i = raw.cells.findIndex((c) => c.col === col);
    if (i >= 0) raw.cells[i] = cell;
    else raw.cells.push(cell);
  };
  let first = true;
  for (const rec of records(stream, offset)) {
    const r = new Reader(rec.data);
    if (first) {
      first = false;
      if (rec.type !== R.BOF) throw new BiffError('a sheet does not start where the workbook says');
      continue;
    }
    if (rec.depth > 1) continue; // an embedded chart's records
    const pending = pendingFormula;
    pendingFormula = null;
    switch (rec.type) {
      case R.LABELSST: {
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        put(row, col, xf, g.strings[r.u32()] ?? '');
        break;
      }
      case R.LABEL:
      case R.RSTRING: {
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        put(row, col, xf, unicodeString(r, 2));
        break;
      }
      case R.NUMBER: {
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        put(row, col, xf, '', r.f64());
        break;
      }
      case R.RK: {
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        put(row, col, xf, '', rkValue(r.u32()));
        break;
      }
      case R.MULRK: {
        const [row, firstCol] = [r.u16(), r.u16()];
        const count = Math.floor((rec.data.length - 6) / 6);
        for (let i = 0; i < count; i++) {
          const xf = r.u16();
          put(row, firstCol + i, xf, '', rkValue(r.u32()));
        }
        break;
      }
      case R.BOOLERR: {
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        const [value, isError] = [r.u8(), r.u8()];
        if (!isError) put(row, col, xf, value ? 'TRUE' : 'FALSE');
        break;
      }
      case R.FORMULA: {
        // The last result: a double, or (0xFFFF in the top bytes) a string in the next STRING record, a boolean, an error or "".
        const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
        r.need(8);
        const result = rec.data.subarray(6, 14);
        if (result[6] === 0xff && result[7] === 0xff) {
          if (result[0] === 0) pendingFormula = { row, col, xf };
          else if (result[0] === 1) put(row, col, xf, result[2] ? 'TRUE' : 'FALSE');
        } else put(row, col, xf, '', r.f64());
        break;
      }
      case R.STRING:
        if (pending) put(pending.row, pending.col, pending.xf, unicodeString(r, 2));
        break;
      case R.COLINFO: {
        const [min, max, width] = [r.u16(), r.u16(), r.u16()];
        r.skip(2);
        const flags = r.u16();
        if (min <= MAX_COL) columns.push({ min, max: Math.min(MAX_COL, Math.max(min, max)), width: width / 256 || DEFAULT_WIDTH, hidden: (flags & 1) !== 0 });
        break;
      }
      case R.DEFCOLWIDTH:
        defaultWidth = r.u16() || defaultWidth;
        break;
      case R.MERGEDCELLS: {
        const count = r.u16();
        for (let i = 0; i < count && merges.length < MAX_MERGES; i++) {
          const [row0, row1, col0, col1] = [r.u16(), r.u16(), r.u16(), r.u16()];
          merges.push({ row0: Math.min(row0, row1), row1: Math.max(row0, row1), col0: Math.min(col0, col1), col1: Math.max(col0, col1) });
        }
        break;
      }
      case R.ROW: {
        const row = r.u16();
        r.skip(10);
        if (r.u16() & 0x20) hiddenRows.add(row); // fDyZero: the row is hidden
        break;
      }
    }
  }
  const column = (c: number) => columns.find((range) => c >= range.min && c <= range.max);
  const shown = [...rows.values()].filter((row) => !hiddenRows.has(row.row));
  return buildTable(shown, merges, (c) => column(c)?.hidden ?? false, (c) => column(c)?.width ?? defaultWidth);
}
