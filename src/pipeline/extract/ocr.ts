/**
 * OCR with Debian's tesseract (`apt-get install tesseract-ocr`), run as a child process on one page
 * image: its TSV output gives every word with its box and confidence, which become the same lines and
 * words every other extractor produces. Single-threaded (OMP_THREAD_LIMIT=1): three times faster on
 * this hardware than letting it spawn threads, and documents are already parsed in parallel.
 */
import { spawn } from 'node:child_process';
import { DocumentError } from '../doc.ts';
import { lineFromWords, type Line, type Word } from '../layout.ts';
import { orderPage } from '../segment/reading-order.ts';
import { MONTH } from './text.ts';

/** What bullet glyphs come back as from tesseract: a stray symbol or two. */
const BULLET_READINGS = /^[^\p{L}\p{N}]{1,2}$/u;
/** A round bullet read as a letter: "e" or "o". */
const LETTER_BULLETS = /^[eo]$/;
/** Short words that open a name line: titles and particles ("Dr JOHN SMITH", "de LA CRUZ"). */
const NAME_WORDS = /^(?:dr|mr|mrs|ms|mx|de|da|di|do|du|la|le|van|von|del|al|el|st|bin|ibn)$/i;
/** Letters that reach below the baseline: a word's box bottom is its baseline only without them. */
const DESCENDERS = /[gjpqyQ,;()[\]{}|_@$§µ]/;

/** What "•" and "·" between list items come back as ("ETABS « Project Management * AutoCAD +"). */
const SEPARATOR_READINGS = /^[*«»©®¢+•·]$/;

export interface OcrPage {
  /** Page size in points. */
  width: number;
  height: number;
  lines: Line[];
  /** Mean word confidence, 0..1; null when no word was read. */
  confidence: number | null;
  words: number;
  /** How far the page's rows slope (radians, clockwise positive); the words were turned back by it. */
  skew: number;
}

const OCR_TIMEOUT_MS = 60_000;

/** Runs tesseract on an encoded image (PNG, JPEG, TIFF…) and returns its TSV. */
function tesseractTsv(image: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '--psm', '3', 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), OCR_TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new DocumentError('document_conversion_failed', 'OCR is not available: install tesseract-ocr.') : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new DocumentError('document_conversion_failed', `OCR failed: ${err.trim().split('\n').pop() ?? `exit ${code}`}`));
    });
    child.stdin.on('error', () => {}); // tesseract may close its input early on a bad image; `close` reports it
    child.stdin.end(image);
  });
}

/**
 * Gives bullets and list separators the glyphs a text layer has, so that later stages see one spelling.
 * A bullet starts a row or a field (a wide gap before it) and stands apart from its text: it joins the
 * next word as "• word", so the line stays one piece. A separator between items becomes "•".
 */
export function readGlyphs(words: Word[]): void {
  // The row's text height (a glyph's own box is no measure: a dash is two pixels tall).
  const heights = words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const em = heights[Math.floor(heights.length / 2)] ?? 0;
  const startsField = (i: number): boolean => i === 0 || words[i]!.bbox[0] - words[i - 1]!.bbox[2] > 1.5 * em;
  // A rule or box edge just before a field is read into its first word ("—jacob@…", "_https://…").
  words.forEach((w, i) => {
    if (startsField(i) && /^[—_|][\p{L}\p{N}]/u.test(w.text)) w.text = w.text.slice(1);
  });
  for (let i = 0; i < words.length - 1; i++) {
    const [w, next] = [words[i]!, words[i + 1]!];
    const apart = next.bbox[0] - w.bbox[2] > 0.6 * em;
    const glyph = startsField(i) ? iconReading(w, words.slice(i + 1), em, apart, i === 0) : null;
    const bullet = BULLET_READINGS.test(w.text) || (LETTER_BULLETS.test(w.text) && apart && /^\p{Lu}/u.test(next.text)) || glyph === 'bullet';
    if (glyph === 'icon') {
      words.splice(i, 1);
      i--;
    } else if (startsField(i) && bullet) {
      next.text = `• ${next.text}`;
      next.bbox = [w.bbox[0], next.bbox[1], next.bbox[2], next.bbox[3]];
      words.splice(i, 1);
    } else if (SEPARATOR_READINGS.test(w.text)) w.text = '•';
  }
  const last = words[words.length - 1];
  if (words.length > 1 && last && SEPARATOR_READINGS.test(last.text)) last.text = '•';
}

const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');
/** Letters OCR reads for digits in a small typeface. */
const DIGIT_LOOKALIKES: Record<string, string> = { o: '0', O: '0', D: '0', l: '1', I: '1', i: '1', t: '1', s: '5', S: '5', B: '8', g: '9', Z: '2', z: '2' };

/**
 * A two-digit year after a month ("Dec '15", "Apr'07") read with letters for digits ("Dec 'ts", "Apr'o7"): the
 * apostrophe after a month says a year follows, so its two characters are put back as digits.
 */
export function repairShortYears(words: Word[]): void {
  words.forEach((w, i) => {
    const m = /^(\p{L}+\.?)?(['‘’])(\w{2})([,.;)]?)$/u.exec(w.text);
    if (!m || /^\d{2}$/.test(m[3]!)) return;
    const month = m[1] ?? (i > 0 ? words[i - 1]!.text : '');
    if (!MONTH_WORD.test(month)) return;
    const digits = [...m[3]!].map((c) => (/\d/.test(c) ? c : DIGIT_LOOKALIKES[c] ?? '')).join('');
    if (digits.length === 2) w.text = `${m[1] ?? ''}${m[2]}${digits}${m[4]}`;
  });
}

/**
 * An icon before a heading, a contact or an entry, read as a short "word" ("iif EDUCATION", "En⇥WORK
 * EXPERIENCE", "1@ Bachelor of Nursing", "7 jnavarro@…"), is no part of the text: letters or digits mixed
 * with symbols no word holds; a scrap of letters before a heading in capitals (lower-case, or set apart); a
 * lone digit shorter than the text before a contact. The same digit before a capital, apart from it, is a
 * list's bullet ("4 Coordinated …").
 */
function iconReading(w: Word, rest: Word[], em: number, apart: boolean, first: boolean): 'icon' | 'bullet' | null {
  const t = w.text;
  const next = rest[0]!;
  if (t.length > 3) return null;
  // (Not "L&D", "C#", "C++", "A+", "5%", "$5", nor an enumerator, "a)", "(b)" or "2.".)
  if (/[\p{L}\p{N}]/u.test(t) && /[@©®§¢°*~^=<>{}[\]|\\()€£¥!?]/u.test(t) && !/^\(?[\p{L}\p{N}][.)]$/u.test(t)) return 'icon';
  // (Not a round bullet read as a letter, "o SQL SERVER", nor a title or a name's particle, "Dr JOHN SMITH".)
  if (LETTER_BULLETS.test(t) || NAME_WORDS.test(t)) return null;
  const heading = rest.every((r) => /\p{Lu}{2}/u.test(r.text) && r.text === r.text.toUpperCase());
  if (heading && (/^\p{Ll}{1,3}$/u.test(t) || (apart && /^\p{L}{1,3}$/u.test(t) && t !== t.toUpperCase()))) return 'icon';
  // A lone capital opening the row, set apart before a heading, a tab's width off or wider than any letter
  // ("S⇥EDUCATION": an icon read as the letter it looks like most; not "CLASS X⇥CBSE BOARD").
  const wide = w.bbox[2] - w.bbox[0] > 1.2 * (w.bbox[3] - w.bbox[1]);
  if (first && heading && /^\p{Lu}$/u.test(t) && apart && (wide || next.bbox[0] - w.bbox[2] > 1.5 * em)) return 'icon';
  if (!apart || !/^\p{N}$/u.test(t) || w.bbox[3] - w.bbox[1] >= 0.85 * em) return null;
  if (/@|^(?:https?:|www\.)/.test(next.text)) return 'icon';
  return /^\p{Lu}/u.test(next.text) ? 'bullet' : null;
}

/** A word's ink height in ems: cap or ascender height, or x-height alone, plus any descender. */
function inkHeight(text: string): number {
  const top = /[\p{Lu}\p{N}bdfhklt]/u.test(text) ? 0.72 : 0.52;
  const bottom = DESCENDERS.test(text) ? 0.21 : 0;
  return top + bottom;
}

/**
 * Font sizes from ink heights. Tesseract's boxes are tight around the ink: a word spans the x-height
 * (~0.52 em), or the cap and ascender height (~0.72 em) when it has capitals, digits or ascenders, plus
 * descenders (~0.21 em). A row of a scan can hold several columns (a sidebar heading beside the name), so
 * each run of words between wide gaps gets its own size: the median of its words' estimates, rounded to
 * half a point so that lines of one style share a size, as they do in a PDF.
 */
function setFontSizes(words: Word[]): void {
  const estimate = (w: Word): number | null => (/[\p{L}\p{N}]/u.test(w.text) ? (w.bbox[3] - w.bbox[1]) / inkHeight(w.text) : null);
  let run: Word[] = [];
  const flush = (): void => {
    const sizes = run.map(estimate).filter((e): e is number => e != null).sort((a, b) => a - b);
    const fallback = Math.max(...run.map((w) => w.bbox[3] - w.bbox[1])) / 0.93;
    const size = Math.round((sizes[Math.floor((sizes.length - 1) / 2)] ?? fallback) * 2) / 2;
    for (const w of run) w.fontSize = size;
    run = [];
  };
  for (const w of words) {
    const prev = run[run.length - 1];
    if (prev && w.bbox[0] - prev.bbox[2] > 1.5 * Math.max(prev.bbox[3] - prev.bbox[1], w.bbox[3] - w.bbox[1])) flush();
    run.push(w);
  }
  flush();
}

/**
 * OCRs one page image. `pointsPerPixel` converts the image's pixels to points (72 / dpi), so OCR'd pages
 * share the coordinate system of text PDFs.
 */
export async function ocrPage(image: Uint8Array, pageIndex: number, pointsPerPixel: number): Promise<OcrPage> {
  const [page] = await ocrPages(image, pointsPerPixel, pageIndex);
  return page ?? { width: 0, height: 0, lines: [], confidence: null, words: 0, skew: 0 };
}

/** OCRs every page of an image (tesseract reads all pages of a multi-page TIFF), numbered from `firstIndex`. */
export async function ocrPages(image: Uint8Array, pointsPerPixel: number, firstIndex = 0): Promise<OcrPage[]> {
  const byPage = new Map<string, string[][]>();
  for (const row of (await tesseractTsv(image)).split('\n').slice(1)) {
    const r = row.split('\t');
    if (r.length < 12) continue;
    const rows = byPage.get(r[1]!) ?? [];
    rows.push(r);
    byPage.set(r[1]!, rows);
  }
  return [...byPage.values()].map((rows, i) => pageFromTsv(rows, firstIndex + i, pointsPerPixel));
}

/** Skew below this (radians, ~0.3°) is left alone: rows of words stay within the row tolerance. */
const MIN_SKEW = 0.005;
/** Beyond this (~15°) the page is turned, not skewed: orientation.ts deals with it. */
const MAX_SKEW = 0.26;

/**
 * A page scanned or photographed a few degrees off square: its rows of words slope, and rows rebuilt by
 * geometry would break apart. Tesseract reads each sloping row as one line despite the skew, so the skew is
 * the median slope of its lines (least squares through the word centres of lines of three words or more),
 * and every word's centre is turned back by it about the page centre, its box keeping its size.
 */
export function straighten(words: Array<{ word: Word; line: string }>, cx: number, cy: number): number {
  const byLine = new Map<string, Word[]>();
  for (const { word, line } of words) byLine.set(line, [...(byLine.get(line) ?? []), word]);
  const slopes: number[] = [];
  for (const ws of byLine.values()) {
    if (ws.length < 3) continue;
    const pts = ws.map((w) => [(w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2] as const);
    const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
    const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    const sxx = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
    if (Math.sqrt(sxx / pts.length) < 20) continue; // too short to measure a slope on
    slopes.push(pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx);
  }
  if (slopes.length < 3) return 0;
  slopes.sort((a, b) => a - b);
  const angle = Math.atan(slopes[Math.floor(slopes.length / 2)]!);
  if (Math.abs(angle) < MIN_SKEW || Math.abs(angle) > MAX_SKEW) return 0;
  const [cos, sin] = [Math.cos(-angle), Math.sin(-angle)];
  for (const { word } of words) {
    const [x, y] = [(word.bbox[0] + word.bbox[2]) / 2 - cx, (word.bbox[1] + word.bbox[3]) / 2 - cy];
    const [nx, ny] = [cx + x * cos - y * sin, cy + x * sin + y * cos];
    const [hw, hh] = [(word.bbox[2] - word.bbox[0]) / 2, (word.bbox[3] - word.bbox[1]) / 2];
    word.bbox = [nx - hw, ny - hh, nx + hw, ny + hh];
  }
  return angle;
}

/** One page of tesseract's TSV rows → lines in reading order, sized in points. */
export function pageFromTsv(rows: string[][], pageIndex: number, pointsPerPixel: number): OcrPage {
  let width = 0;
  let height = 0;
  // Words into rows by geometry, as for PDFs: tesseract splits a title from its right-aligned date (and
  // a gutter date from its entry) into separate "lines"; the reading order decides what a wide gap means.
  const words: { word: Word; conf: number; line: string }[] = [];
  for (const r of rows) {
    const [level, , block, par, lineNum, , left, top, w, h, conf, ...textParts] = r;
    const n = (s: string | undefined): number => Number(s);
    if (level === '1') {
      width = n(w) * pointsPerPixel;
      height = n(h) * pointsPerPixel;
      continue;
    }
    const text = textParts.join('\t').trim();
    if (level !== '5' || !text || n(conf) < 0) continue;
    const x0 = n(left) * pointsPerPixel;
    const y0 = n(top) * pointsPerPixel;
    words.push({ word: { text, bbox: [x0, y0, x0 + n(w) * pointsPerPixel, y0 + n(h) * pointsPerPixel], fontSize: 0, bold: false, italic: false, start: 0, end: 0 }, conf: n(conf) / 100, line: `${block}.${par}.${lineNum}` });
  }
  const skew = straighten(words, width / 2, height / 2);
  // Tesseract's own lines stay whole (its words of one line differ in height — "into" against "Testing" — and,
  // placed one by one, could land in two rows); then lines whose middles align share a row. "Align" is
  // measured against the smaller line: a title and its date a pixel apart share a row, while the sidebar
  // lines beside a large name, or beside a main column set at another pitch, do not (measured against
  // the larger, three sidebar lines joined the name's row and every sidebar read as a gutter of dates).
  // bench:formats, TIFF of the corpus's Word résumés: 0.872 → 0.966.
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const tessLines = new Map<string, { words: Word[]; conf: number[] }>();
  for (const { word, conf, line } of words) {
    const l = tessLines.get(line) ?? { words: [], conf: [] };
    l.words.push(word);
    l.conf.push(conf);
    tessLines.set(line, l);
  }
  const measured = [...tessLines.values()].map((l) => ({ ...l, centre: median(l.words.map((w) => (w.bbox[1] + w.bbox[3]) / 2)), height: median(l.words.map((w) => w.bbox[3] - w.bbox[1])) }));
  const groups: { words: Word[]; conf: number[]; centre: number; height: number }[] = [];
  // The smaller line's height; a glyph alone (a bullet tesseract put on a line of its own) is measured by
  // the text beside it.
  const hasText = (l: { words: Word[] }): boolean => l.words.some((w) => /[\p{L}\p{N}]/u.test(w.text));
  const rowHeight = (a: { words: Word[]; height: number }, b: { words: Word[]; height: number }): number =>
    hasText(a) && hasText(b) ? Math.min(a.height, b.height) : hasText(a) ? a.height : hasText(b) ? b.height : Math.max(a.height, b.height);
  for (const l of measured.sort((a, b) => a.centre - b.centre)) {
    const row = groups.find((g) => Math.abs(g.centre - l.centre) < 0.2 * rowHeight(g, l));
    if (row) {
      row.words.push(...l.words);
      row.conf.push(...l.conf);
    } else groups.push({ ...l, words: [...l.words], conf: [...l.conf] });
  }
  for (const g of groups) g.words.sort((a, b) => a.bbox[0] - b.bbox[0]);
  const lines: Line[] = [];
  const confidences: number[] = [];
  for (const { words, conf } of groups) {
    readGlyphs(words);
    repairShortYears(words);
    if (words.length === 1 && BULLET_READINGS.test(words[0]!.text)) continue;
    setFontSizes(words);
    // One baseline per row (the median of its words' estimates), so that the reading order sees a title and
    // its right-aligned or gutter date as one row, as it does in a PDF. (Two columns whose rows happen to
    // align in a scan are read as one: tesseract's boxes are too coarse to tell their baselines apart.)
    // Each word gives its own estimate: its bottom, raised by a descender's depth where it has one
    // ("Engineer" reaches lower than "OCT 2023" on the same baseline); a box much taller than its letters
    // at the row's size (a speck or a rule read into it: "Gait" twice its height) gives none.
    const sound = words.filter((w) => w.bbox[3] - w.bbox[1] <= 1.3 * w.fontSize * inkHeight(w.text));
    const baseline = median((sound.length ? sound : words).map((w) => w.bbox[3] - (DESCENDERS.test(w.text) ? 0.21 * w.fontSize : 0)));
    for (const w of words) w.baseline = baseline;
    lines.push(lineFromWords(words, pageIndex));
    confidences.push(...conf);
  }
  const page = { index: pageIndex, width, height, rotation: 0, lines, images: [] };
  orderPage(page);
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null;
  return { width, height, lines: page.lines, confidence, words: confidences.length, skew };
}
