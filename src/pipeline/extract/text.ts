/**
 * Plain text → Layout. Encoding from the BOM (UTF-8, UTF-16 LE/BE), else UTF-8, else Windows-1252.
 * Each source line becomes a line with a synthetic box; pages are split every 56 lines (a letter page at 14pt).
 */
import { INVISIBLE, LETTER, lineFromWords, type Layout, type Line, type Page, type Word } from '../layout.ts';
import { textDecoder } from './charset.ts';
import { isMarkdown, readMarkdownLine, type MarkdownLine } from './markdown.ts';

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
  const rows = unflatten(source).split('\n');
  const markdown = isMarkdown(rows);
  for (const raw of rows) {
    // (In Markdown, a table's rule line draws and says nothing: it takes no row.)
    const md = markdown && raw.trim() ? readMarkdownLine(raw.replace(/\s+$/, '')) : null;
    if (markdown && raw.trim() && (!md || !md.text.trim())) continue;
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
    const line = textLine(md?.text ?? text, page.index, y, md);
    if (md?.headingLevel) line.headingLevel = md.headingLevel;
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

/**
 * One line of monospaced text: words keep their column, so runs of spaces survive as gaps (tabs in the line).
 * A Markdown line's bold and italic ranges style the words inside them.
 */
function textLine(text: string, pageIndex: number, y: number, marks: MarkdownLine | null = null): Line {
  const words: Word[] = [];
  const expanded = text.replace(/\t/g, '    ');
  // (The words of the text and of its expanded copy are the same, in the same order: tabs are spaces to \S+.)
  const at = [...text.matchAll(/\S+/g)].map((m) => m.index);
  const within = (ranges: Array<[number, number]>, from: number, to: number): boolean => ranges.some(([a, b]) => a <= from && to <= b);
  for (const [k, m] of [...expanded.matchAll(/\S+/g)].entries()) {
    const x0 = 36 + m.index * CHAR_WIDTH;
    const from = at[k]!;
    const bold = !!marks && within(marks.bold, from, from + m[0].length);
    const italic = !!marks && within(marks.italic, from, from + m[0].length);
    words.push({ text: m[0], bbox: [x0, y, x0 + m[0].length * CHAR_WIDTH, y + 10], fontSize: 10, bold, italic, start: 0, end: 0 });
  }
  const line = lineFromWords(words, pageIndex);
  return line;
}
