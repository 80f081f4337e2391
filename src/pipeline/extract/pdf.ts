/**
 * PDF → Layout with pdf.js (pdfjs-dist legacy build, in-process fake worker, fonts/cmaps/wasm from node_modules:
 * nothing is fetched). Per page: text runs become words (runs split by ligatures or kerning are glued back
 * together), words on one baseline become a line, and the lines are put in reading order by
 * `segment/reading-order.ts`.
 *
 * Coordinates: pdf.js gives user space with a bottom-left origin; the page viewport at scale 1 maps them
 * to top-left-origin points and applies the page's /Rotate and crop box offset.
 *
 * Images are located (box and pixel size); only those placed and sized like a candidate's photo are decoded,
 * and kept as PNG for understand/headshot.ts.
 */
import { createRequire } from 'node:module';
import { DocumentError } from '../doc.ts';
import { ocrUpright } from './orientation.ts';
import { photoShaped, pictureRegions } from './picture-regions.ts';
import { checkPdfExpansion } from './pdf-bombs.ts';
import { lineFromWords, type BBox, type ImageRef, type Layout, type Line, type Page, type Word } from '../layout.ts';
import { orderPage } from '../segment/reading-order.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type Matrix = number[];

/** A text item as pdf.js reports it (the subset we read). */
interface TextItem {
  str: string;
  transform: Matrix;
  width: number;
  fontName: string;
}

/** A piece of text on one baseline in page coordinates, before it is cut into words. */
interface Run {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  bold: boolean;
  italic: boolean;
}

// The modern build needs DOMMatrix (absent in Node 20); the legacy build runs as is. Imported once per process,
// on first use, so a process that never sees a PDF never pays for it and a warm parse skips the 100+ ms import.
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

let assetDir: string | undefined;
/** pdfjs-dist's own directory: standard fonts, cmaps and wasm decoders are read from disk, never downloaded. */
function pdfjsAssets(): string {
  return (assetDir ??= createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, ''));
}

/** Two runs whose gap is below this share a word: ligatures and kerning split words into touching runs. */
const WORD_GAP_EM = 0.12;
/** Runs whose baselines differ by less than this (× the smaller font size) share a line. */
const BASELINE_TOLERANCE_EM = 0.3;

/**
 * Starts loading a PDF as this extractor reads it (assets from node_modules, nothing fetched, no font faces);
 * the caller awaits `task.promise` and must `task.destroy()`. Page rendering (render/pdf.ts) opens PDFs so too.
 */
export async function openPdf(bytes: Uint8Array): Promise<ReturnType<PdfJs['getDocument']>> {
  const { getDocument } = await loadPdfJs();
  const dir = pdfjsAssets();
  return getDocument({
    data: new Uint8Array(bytes), // a copy, and a plain Uint8Array even when given a Buffer: pdf.js detaches the buffer it is given
    standardFontDataUrl: dir + 'standard_fonts/',
    cMapUrl: dir + 'cmaps/',
    cMapPacked: true,
    wasmUrl: dir + 'wasm/',
    iccUrl: dir + 'iccs/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

export async function extractPdf(bytes: Uint8Array, opts: { maxPages: number }): Promise<Omit<Layout, 'lines' | 'text'>> {
  checkPdfExpansion(bytes); // before pdf.js inflates a bomb
  const { OPS, Util } = await loadPdfJs();
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const count = Math.min(doc.numPages, Math.max(0, opts.maxPages));
    // Pages are requested together: pdf.js's in-thread worker spends much of its time waiting on its own
    // message queue, and concurrent requests fill those waits.
    const confidences: number[] = [];
    // OCR takes turns, one page at a time: tesseract runs single-threaded on purpose, and documents are
    // already parsed in parallel by the workers.
    let ocrTurn: Promise<unknown> = Promise.resolve();
    const pages = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const result = await readPage(page, i, OPS, Util);
        if (needsOcr(result)) {
          // A scanned page (or one whose text cannot be decoded): read the picture of it instead.
          const turn = ocrTurn.then(() => ocrInto(result, page));
          ocrTurn = turn.catch(() => {});
          const confidence = await turn;
          if (confidence != null) confidences.push(confidence);
        }
        page.cleanup();
        return result;
      }),
    );
    const isOcrd = confidences.length > 0;
    const ocrConfidence = isOcrd ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null;
    return { format: 'pdf', pages, isOcrd, ocrConfidence, sourcePageCount: doc.numPages };
  } catch (err) {
    throw asDocumentError(err);
  } finally {
    await task.destroy();
  }
}

/** Resolution pages without a scan (undecodable fonts) are rendered at for OCR. */
const OCR_DPI = 200;
/**
 * Bounds for rendering a scan at its own resolution: finer adds pixels, not detail. Measured on the dev
 * corpus's 150-dpi scans: rendered at 150/200/300 dpi they score the same (0.867/0.865/0.862) in
 * 1.27/1.61/2.09 s median per page.
 */
const SCAN_DPI_MIN = 150;
const SCAN_DPI_MAX = 300;

/** OCRs a page's picture into its lines; returns the mean word confidence. */
async function ocrInto(result: Page, page: PdfPage): Promise<number | null> {
  // The scan is a picture covering most of the page (not a headshot on a page of undecodable text).
  const scan = result.images.find((im) => area(im.bbox) > 0.5 * result.width * result.height);
  const scanDpi = scan ? (scan.width * 72) / Math.max(1, scan.bbox[2] - scan.bbox[0]) : OCR_DPI;
  const dpi = Math.round(Math.min(SCAN_DPI_MAX, Math.max(SCAN_DPI_MIN, scanDpi)));
  const png = await renderPng(page, dpi / 72);
  const ocr = await ocrUpright(png, result.index, 72 / dpi);
  result.lines = ocr.lines;
  // A photo printed on a scanned first page is part of the scan: found as a region holding no words.
  if (result.index === 0 && ocr.rotation === 0) result.images.push(...(await pictureRegions(png, ocr.lines, 0, 72 / dpi).catch(() => [])));
  if (ocr.rotation) {
    // Scanned sideways or upside down: the page is read, and reported, the right way up.
    result.width = ocr.width;
    result.height = ocr.height;
    result.rotation = (result.rotation + ocr.rotation) % 360;
  }
  return ocr.confidence;
}

function area(b: BBox): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

/**
 * A page to OCR: almost no text but a picture covering much of it (a scan), or text that is mostly
 * undecodable glyphs (a font without a Unicode map shows as private-use or replacement characters).
 */
export function needsOcr(page: Page): boolean {
  const text = page.lines.map((l) => l.text).join(' ');
  const words = text.split(/\s+/).filter(Boolean);
  const imageArea = page.images.reduce((a, im) => a + area(im.bbox), 0);
  if (words.length < 5) return imageArea > 0.3 * page.width * page.height;
  const garbled = (text.match(/[\uE000-\uF8FF\uFFFD]/g) ?? []).length;
  const wordlike = words.filter((w) => /^[\p{L}\p{N}][\p{L}\p{N}'’.,:;()/&+@-]*$/u.test(w)).length;
  return garbled > 0.2 * text.length || wordlike < 0.3 * words.length;
}

/** Renders a page to PNG with pdf.js on @napi-rs/canvas (fonts from pdfjs-dist; nothing fetched). */
async function renderPng(page: PdfPage, scale: number): Promise<Uint8Array> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  return canvas.toBuffer('image/png');
}

function asDocumentError(err: unknown): DocumentError {
  if (err instanceof DocumentError) return err;
  const { name, message } = (err ?? {}) as { name?: string; message?: string };
  // pdf.js 5 does not export PasswordException; its name is the stable part of the contract.
  if (name === 'PasswordException') return new DocumentError('password_protected', 'The PDF is password-protected.');
  return new DocumentError('document_conversion_failed', `The PDF could not be read${message ? `: ${message}` : '.'}`);
}

async function readPage(page: PdfPage, index: number, OPS: PdfJs['OPS'], Util: PdfJs['Util']): Promise<Page> {
  const viewport = page.getViewport({ scale: 1 });
  // Font names can only be looked up in commonObjs once the operator list has loaded the fonts; it also holds
  // the images. Both are requested at once (see above).
  const [ops, content] = await Promise.all([page.getOperatorList(), page.getTextContent()]);
  const width = viewport.width;
  const height = viewport.height;

  const fontStyle = fontStyles(page);
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const style = content.styles[item.fontName];
    const run = toRun(item, Util.transform(viewport.transform, item.transform), style, fontStyle(item.fontName));
    const cx = (run.x0 + run.x1) / 2;
    const cy = (run.top + run.bottom) / 2;
    if (cx < 0 || cx > width || cy < 0 || cy > height) continue; // drawn outside the page box: invisible
    runs.push(run);
  }

  const images = imagesFromOps(ops, viewport.transform, index, width, height, OPS, Util);
  const result: Page = {
    index,
    width,
    height,
    rotation: page.rotate,
    lines: linesFromRuns(runs, index),
    images: await Promise.all(images.map(({ objId, ...image }) => (objId && mayBePhoto(image, width) ? withPicture(image, objId, page) : image))),
  };
  orderPage(result);
  return result;
}

/**
 * Whether a placed image could be the candidate's photo, by its place and size alone: on the first two pages,
 * between an icon and a banner in size, not much wider than tall. Only those are decoded (understand/headshot.ts
 * decides from their pixels).
 */
export function mayBePhoto(image: ImageRef, pageWidth: number): boolean {
  const w = image.bbox[2] - image.bbox[0];
  const h = image.bbox[3] - image.bbox[1];
  return image.pageIndex < 2 && photoShaped(w, h, pageWidth) && image.width >= 40 && image.height >= 40;
}

/** pdf.js's decoded image (kind 1: 1 bit grey, 2: RGB, 3: RGBA), as it keeps it in the page's objects. */
interface PdfImage {
  width: number;
  height: number;
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The image with its pixels encoded as PNG, when pdf.js decoded them; as it was otherwise. */
async function withPicture(image: ImageRef, objId: string, page: PdfPage): Promise<ImageRef> {
  try {
    const objs = objId.startsWith('g_') ? page.commonObjs : page.objs;
    // Large or masked images are decoded after the operator list arrives: wait for them, briefly.
    const img = await new Promise<PdfImage | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), DECODE_WAIT_MS);
      objs.get(objId, (data: unknown) => {
        clearTimeout(timer);
        resolve(data as PdfImage | null);
      });
    });
    if (!img?.data || !img.width || !img.height || img.width * img.height > MAX_PHOTO_PIXELS) return image;
    const rgba = toRgba(img);
    if (!rgba) return image;
    const { createCanvas, ImageData } = await import('@napi-rs/canvas');
    const canvas = createCanvas(img.width, img.height);
    canvas.getContext('2d').putImageData(new ImageData(rgba, img.width, img.height), 0, 0);
    return { ...image, data: canvas.toBuffer('image/png'), mimeType: 'image/png' };
  } catch {
    return image; // a picture that cannot be decoded is no photo; the page still reads
  }
}

/** How long a photo candidate's pixels are waited for (pdf.js decodes them in its own time). */
const DECODE_WAIT_MS = 2000;
/** A photo larger than this (4 Mpx) is a scan or a background, and decoding it would only cost memory. */
const MAX_PHOTO_PIXELS = 4_000_000;

function toRgba(img: PdfImage): Uint8ClampedArray | null {
  const n = img.width * img.height;
  const src = img.data!;
  const out = new Uint8ClampedArray(n * 4);
  if (img.kind === 3 && src.length >= n * 4) out.set(src.subarray(0, n * 4));
  else if (img.kind === 2 && src.length >= n * 3) {
    for (let i = 0; i < n; i++) {
      out[i * 4] = src[i * 3]!;
      out[i * 4 + 1] = src[i * 3 + 1]!;
      out[i * 4 + 2] = src[i * 3 + 2]!;
      out[i * 4 + 3] = 255;
    }
  } else return null; // 1-bit masks and line art are never photos
  return out;
}

/** Bold and italic from the embedded font's real name ("ABCDEF+Lato-BoldItalic"), looked up once per font. */
function fontStyles(page: PdfPage): (fontName: string) => { bold: boolean; italic: boolean } {
  const cache = new Map<string, { bold: boolean; italic: boolean }>();
  return (fontName) => {
    let style = cache.get(fontName);
    if (!style) {
      let name = '';
      try {
        name = String((page.commonObjs.get(fontName) as { name?: string } | undefined)?.name ?? '');
      } catch {
        // Not loaded (e.g. a Type3 font pdf.js could not translate): regular.
      }
      style = { bold: isBoldFont(name), italic: isItalicFont(name) };
      cache.set(fontName, style);
    }
    return style;
  };
}

/** TeX's Computer Modern / cm-super fonts say bold and italic in their short names (CMBX10, SFTI1000). */
export function isBoldFont(name: string): boolean {
  return /bold|black|heavy|semibold|demi/i.test(name) || /(^|\+)(cmbx|cmb\d|sfbx|lmroman\d+-bold)/i.test(name);
}

export function isItalicFont(name: string): boolean {
  return /italic|oblique/i.test(name) || /(^|\+)(cmti|cmsl|sfti|sfsl)/i.test(name);
}

/**
 * One pdf.js text item in page coordinates. `m` is its text matrix composed with the viewport transform: (m0, m1)
 * runs along the baseline, (m2, m3) points up the glyphs. The box is the run's extent from descent to ascent;
 * rotated text (a vertical sidebar label) gets the axis-aligned box around it and reading order places it.
 */
function toRun(item: TextItem, m: Matrix, style: { ascent?: number; descent?: number } | undefined, font: { bold: boolean; italic: boolean }): Run {
  const size = Math.hypot(m[2]!, m[3]!) || 1;
  const along = Math.hypot(m[0]!, m[1]!) || 1;
  const [dx, dy] = [m[0]! / along, m[1]! / along];
  const [ux, uy] = [m[2]! / size, m[3]! / size];
  // Font metrics from pdf.js when sane (some fonts report NaN); the usual 0.8/0.2 split otherwise.
  const ascent = metric(style?.ascent, 0.8, 0.5, 1.2) * size;
  const descent = metric(style?.descent === undefined ? undefined : -style.descent, 0.2, 0, 0.5) * size;
  const [x, y, w] = [m[4]!, m[5]!, item.width];
  const xs = [x + ux * ascent, x - ux * descent, x + dx * w + ux * ascent, x + dx * w - ux * descent];
  const ys = [y + uy * ascent, y - uy * descent, y + dy * w + uy * ascent, y + dy * w - uy * descent];
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const horizontal = Math.abs(dy) < 0.1;
  return { text: item.str, x0: Math.min(...xs), x1: Math.max(...xs), top, bottom, baseline: horizontal ? y : bottom, size, ...font };
}

const metric = (v: number | undefined, fallback: number, lo: number, hi: number): number =>
  v !== undefined && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
const round = (v: number): number => Math.round(v * 100) / 100;

/**
 * Groups runs into lines by baseline and cuts them into words. pdf.js items do not follow reading order and
 * break at arbitrary points (ligatures "fi", kerning pairs, styled spans), so words are rebuilt from geometry.
 */
function linesFromRuns(runs: Run[], pageIndex: number): Line[] {
  const sorted = dedupe(runs).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const ref = group?.[0];
    if (group && ref && Math.abs(run.baseline - ref.baseline) < BASELINE_TOLERANCE_EM * Math.min(run.size, ref.size)) group.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    const words = wordsFromRuns(group.sort((a, b) => a.x0 - b.x0));
    if (words.length) lines.push(lineFromWords(words, pageIndex));
  }
  return lines;
}

/**
 * Drops a run drawn twice at (almost) the same place — the "fake bold" trick of some generators, which
 * would otherwise double the text — and marks the survivor bold.
 */
function dedupe(runs: Run[]): Run[] {
  const kept: Run[] = [];
  for (const run of runs) {
    const twin = kept.find((k) => k.text === run.text && Math.abs(k.x0 - run.x0) < 1.5 && Math.abs(k.baseline - run.baseline) < 1.5);
    if (twin) twin.bold = true;
    else kept.push(run);
  }
  return kept;
}

/** A word under construction: character counts keep bold/italic honest when styled runs are glued together. */
interface Draft {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  boldChars: number;
  italicChars: number;
  /** The word ended at the end of its run, with no space after it: the next run may continue it. */
  open: boolean;
}

function wordsFromRuns(runs: Run[]): Word[] {
  const drafts: Draft[] = [];
  for (const run of runs) {
    // pdf.js gives one width per run; words inside it are placed by character count, which is close enough
    // for word boxes and keeps wide runs of spaces inside a run visible as gaps.
    const charWidth = (run.x1 - run.x0) / Math.max(1, run.text.length);
    for (const m of run.text.matchAll(/\S+/g)) {
      const x0 = run.x0 + m.index * charWidth;
      const piece: Draft = {
        text: m[0],
        x0,
        x1: x0 + m[0].length * charWidth,
        top: run.top,
        bottom: run.bottom,
        baseline: run.baseline,
        size: run.size,
        boldChars: run.bold ? m[0].length : 0,
        italicChars: run.italic ? m[0].length : 0,
        open: m.index + m[0].length === run.text.length,
      };
      const prev = drafts[drafts.length - 1];
      if (prev && prev.open && m.index === 0 && x0 - prev.x1 < WORD_GAP_EM * Math.min(prev.size, run.size)) {
        prev.text += piece.text;
        prev.x1 = Math.max(prev.x1, piece.x1);
        prev.top = Math.min(prev.top, piece.top);
        prev.bottom = Math.max(prev.bottom, piece.bottom);
        prev.size = Math.max(prev.size, piece.size);
        prev.boldChars += piece.boldChars;
        prev.italicChars += piece.italicChars;
        prev.open = piece.open;
      } else {
        drafts.push(piece);
      }
    }
  }
  const words: Word[] = [];
  for (const d of drafts) {
    // Control characters come from glyphs with no Unicode mapping (often bullets drawn from a symbol font).
    const text = fixSoftHyphens(d.text.replace(/[\u0000-\u001F\u007F]/g, ''));
    if (!text || ICON_ONLY.test(text)) continue;
    words.push({
      text,
      bbox: [round(d.x0), round(d.top), round(d.x1), round(d.bottom)],
      fontSize: Math.round(d.size * 10) / 10,
      baseline: round(d.baseline),
      bold: d.boldChars * 2 >= d.text.length,
      italic: d.italicChars * 2 >= d.text.length,
      start: 0,
      end: 0,
    });
  }
  return joinLetterSpaced(words);
}

/**
 * Letter-spaced headings ("K E Y   S K I L L S") arrive as one-letter words. In a run of three or more of
 * them, a gap not much wider than the narrowest one is letter spacing; a clearly wider one is a word space.
 */
export function joinLetterSpaced(words: Word[]): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && /^\p{L}$/u.test(words[j]!.text)) j++;
    if (j - i < 3) {
      out.push(words[i]!);
      i++;
      continue;
    }
    const run = words.slice(i, j);
    const gaps = run.slice(1).map((w, k) => w.bbox[0] - run[k]!.bbox[2]);
    const narrow = Math.min(...gaps);
    // Evenly spaced letters give no word boundaries to find: leave them for the heading matcher.
    if (Math.max(...gaps) - narrow < 0.2 * run[0]!.fontSize) {
      out.push(...run);
      i = j;
      continue;
    }
    let cur = { ...run[0]! };
    run.slice(1).forEach((w, k) => {
      if (gaps[k]! <= narrow + 0.2 * w.fontSize) {
        cur.text += w.text;
        cur.bbox = [cur.bbox[0], Math.min(cur.bbox[1], w.bbox[1]), w.bbox[2], Math.max(cur.bbox[3], w.bbox[3])];
      } else {
        out.push(cur);
        cur = { ...w };
      }
    });
    out.push(cur);
    i = j;
  }
  return out;
}

/**
 * Words made only of Private Use Area characters are icon-font glyphs (phone, envelope, map pin…): their codes
 * mean something only inside that font, and as text they would form a column of noise beside the contact lines.
 */
const ICON_ONLY = /^[\uE000-\uF8FF\u{F0000}-\u{10FFFF}]+$/u;

/**
 * A soft hyphen (U+00AD) inside a word is an invisible break opportunity: drop it. At the end of a word it was
 * printed as a hyphen where the word wrapped: keep a real one.
 */
export function fixSoftHyphens(text: string): string {
  return text.replace(/\u00AD+$/, '-').replace(/\u00AD/g, '');
}

/**
 * Images from the operator list: the current transformation matrix maps the unit square to the image's place.
 * Only what is drawn is recorded (pixel size from the operator arguments); decoding is left to whoever needs pixels.
 */
function imagesFromOps(
  ops: { fnArray: number[]; argsArray: unknown[] },
  viewportTransform: Matrix,
  pageIndex: number,
  width: number,
  height: number,
  OPS: PdfJs['OPS'],
  Util: PdfJs['Util'],
): Array<ImageRef & { objId?: string }> {
  const images: Array<ImageRef & { objId?: string }> = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const place = (m: Matrix, w: number, h: number): void => {
    const bbox = unitSquareBox(Util.transform(viewportTransform, m) as Matrix);
    const inside = bbox[2] > 0 && bbox[0] < width && bbox[3] > 0 && bbox[1] < height;
    if (inside && bbox[2] - bbox[0] >= 1 && bbox[3] - bbox[1] >= 1) images.push({ pageIndex, bbox, width: w, height: h, ...(objId ? { objId } : {}) });
  };
  let objId: string | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const args = ops.argsArray[i] as any[];
    switch (ops.fnArray[i]) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = Util.transform(ctm, args) as Matrix;
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (args[0]) ctm = Util.transform(ctm, Array.from(args[0] as ArrayLike<number>)) as Matrix;
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.paintImageXObject:
        objId = typeof args[0] === 'string' ? args[0] : undefined;
        place(ctm, Number(args[1]) || 0, Number(args[2]) || 0);
        objId = undefined;
        break;
      case OPS.paintInlineImageXObject:
        place(ctm, Number(args[0]?.width) || 0, Number(args[0]?.height) || 0);
        break;
      case OPS.paintImageXObjectRepeat: {
        // pdf.js folds runs of one image drawn at several places into [objId, scaleX, scaleY, positions].
        const [, sx, sy, positions] = args as [string, number, number, ArrayLike<number>];
        for (let p = 0; p + 1 < positions.length; p += 2) place(Util.transform(ctm, [sx, 0, 0, sy, positions[p]!, positions[p + 1]!]) as Matrix, 0, 0);
        break;
      }
    }
  }
  return images;
}

function unitSquareBox(m: Matrix): BBox {
  const xs = [m[4]!, m[4]! + m[0]!, m[4]! + m[2]!, m[4]! + m[0]! + m[2]!];
  const ys = [m[5]!, m[5]! + m[1]!, m[5]! + m[3]!, m[5]! + m[1]! + m[3]!];
  return [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))];
}
