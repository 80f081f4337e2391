/**
 * Plain text → Layout. Encoding from the BOM (UTF-8, UTF-16 LE/BE), else UTF-8, else Windows-1252.
 * Each source line becomes a line with a synthetic box; pages are split every 56 lines (a letter page at 14pt).
 */
import { INVISIBLE, LETTER, lineFromWords, type Layout, type Line, type Page, type Word } from '../layout.ts';
import { textDecoder } from './charset.ts';

const LINE_HEIGHT = 14;
const LINES_PER_PAGE = Math.floor((LETTER.height - 72) / LINE_HEIGHT);
const CHAR_WIDTH = 6;

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return textDecoder('windows-1252')(bytes);
  }
}

export function extractText(bytes: Uint8Array): Omit<Layout, 'lines' | 'text'> {
  // (Zero-width characters go first, so a line of nothing else is blank and a field's edge is found.)
  const source = decodeText(bytes).replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const pages: Page[] = [];
  let page: Page | null = null;
  let row = 0;
  let block = 0;
  for (const raw of unflatten(source).split('\n')) {
    if (!page || row >= LINES_PER_PAGE) {
      page = { index: pages.length, width: LETTER.width, height: LETTER.height, rotation: 0, lines: [], images: [] };
      pages.push(page);
      row = 0;
    }
    const y = 36 + row * LINE_HEIGHT;
    row++;
    const text = raw.replace(/\s+$/, '');
    if (!text.trim()) {
      block++;
      continue;
    }
    const line = textLine(text, page.index, y);
    line.block = block;
    page.lines.push(line);
  }
  return { format: 'txt', pages, isOcrd: false, ocrConfidence: null, sourcePageCount: pages.length };
}

/**
 * Text exported from a form or a spreadsheet cell often arrives flattened: the whole résumé on one line,
 * its line breaks turned into runs of two or more spaces. Such a line gets its breaks back.
 */
export function unflatten(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.length > 300 && (line.match(/\S {2,}(?=\S)/g) ?? []).length >= 5
        ? line.replace(/ {2,}/g, (gap, at: number) => (rangeAcross(line.slice(Math.max(0, at - 16), at), line.slice(at + gap.length, at + gap.length + 16)) ? ' ' : '\n'))
        : line,
    )
    .join('\n');
}

/** A month's name, whole or shortened (a regular expression's source, case-insensitive). */
export const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_END = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${MONTH}\\s+)?(?:19|20)\\d{2}$`, 'iu');
const DATE_START = new RegExp(`^(?:(?:${MONTH}\\s+)?(?:19|20)\\d{2}(?!\\d)|(?:present|current|now|till|to date)(?!\\p{L}))`, 'iu');

/**
 * A gap inside a date range whose dash the export dropped ("2005  Present", "2001  2005"): not a line break.
 * Given the 16 characters either side (a month and a year at most), so that a long line costs no more per gap.
 */
const rangeAcross = (before: string, after: string): boolean => DATE_END.test(before) && DATE_START.test(after);

/** One line of monospaced text: words keep their column, so runs of spaces survive as gaps (tabs in the line). */
function textLine(text: string, pageIndex: number, y: number): Line {
  const words: Word[] = [];
  const expanded = text.replace(/\t/g, '    ');
  for (const m of expanded.matchAll(/\S+/g)) {
    const x0 = 36 + m.index * CHAR_WIDTH;
    words.push({ text: m[0], bbox: [x0, y, x0 + m[0].length * CHAR_WIDTH, y + 10], fontSize: 10, bold: false, italic: false, start: 0, end: 0 });
  }
  const line = lineFromWords(words, pageIndex);
  return line;
}
