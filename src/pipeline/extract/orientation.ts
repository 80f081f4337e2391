/**
 * Pages scanned sideways or upside down. Tesseract's page segmentation reads a page turned by 90° or 270°
 * (but returns tall word boxes in the turned frame, which breaks rows and reading order) and reads a page
 * turned by 180° as junk. So: OCR as it comes; only when the result looks turned (poor confidence, or
 * mostly tall words), ask tesseract's orientation detection (`--psm 0`, osd.traineddata, ~0.7 s a page),
 * turn the image upright and OCR it again. Upright pages, nearly all of them, cost nothing extra. Pages
 * skewed by more than a couple of degrees are turned straight and read again too.
 */
import { execFile } from 'node:child_process';
import { detectKind } from '../detect.ts';
import { ocrPage, type OcrPage } from './ocr.ts';

export type Rotation = 0 | 90 | 180 | 270;

const OSD_TIMEOUT_MS = 30_000;
/** Below this mean word confidence (0..1) a page may be upside down; upright scans measure 0.85–0.95. */
const POOR_CONFIDENCE = 0.6;

/** OCRs a page image the right way up. `rotation` is how far (clockwise) the image was turned to read it. */
export async function ocrUpright(image: Uint8Array, pageIndex: number, pointsPerPixel: number): Promise<OcrPage & { rotation: Rotation }> {
  const first = await ocrPage(image, pageIndex, pointsPerPixel);
  // Only PNG and JPEG are turned: @napi-rs/canvas cannot decode TIFF (it crashes the process on one).
  const kind = detectKind(image);
  if (kind !== 'png' && kind !== 'jpeg') return { ...first, rotation: 0 };
  if (!looksTurned(first)) return { ...(await deskewed(image, first, pageIndex, pointsPerPixel)), rotation: 0 };
  const rotation = await detectRotation(image);
  if (rotation === 0) return { ...first, rotation };
  const again = await ocrPage(await rotatePng(image, rotation), pageIndex, pointsPerPixel);
  // Orientation detection can be wrong on sparse pages: keep the turned reading only if it reads upright.
  const better = !looksTurned(again) || (again.confidence ?? 0) > (first.confidence ?? 0);
  return better ? { ...again, rotation } : { ...first, rotation: 0 };
}

/**
 * Skew of a few degrees: the rows were already straightened from the word boxes (ocr.ts), but tesseract
 * reads sloping glyphs worse; past REREAD_SKEW the image itself is turned straight and read again, and the
 * reading with the better confidence is kept.
 */
const REREAD_SKEW = (2 * Math.PI) / 180;

async function deskewed(image: Uint8Array, first: OcrPage, pageIndex: number, pointsPerPixel: number): Promise<OcrPage> {
  if (Math.abs(first.skew) < REREAD_SKEW) return first;
  const again = await ocrPage(await turnPng(image, -first.skew), pageIndex, pointsPerPixel);
  return (again.confidence ?? 0) > (first.confidence ?? 0) ? again : first;
}

/** Turns an encoded image clockwise by `angle` radians about its centre, on white, keeping its size. */
function turnPng(image: Uint8Array, angle: number): Promise<Uint8Array> {
  return drawTurned(image, angle, { sideways: false, white: true });
}

/** A reading of a turned page: poor confidence, or most words taller than wide (text running vertically). */
export function looksTurned(page: OcrPage): boolean {
  if (page.confidence == null) return false; // nothing read: a blank page, not a turned one
  if (page.confidence < POOR_CONFIDENCE) return true;
  const words = page.lines.flatMap((l) => l.words).filter((w) => w.text.length >= 3);
  const tall = words.filter((w) => w.bbox[3] - w.bbox[1] > w.bbox[2] - w.bbox[0]).length;
  return words.length > 0 && tall > 0.5 * words.length;
}

/**
 * Tesseract's orientation detection: how far to turn the image clockwise to make it upright. 0 when it
 * cannot tell (too few characters: it exits with an error) — the page is then read as it is.
 */
export function detectRotation(image: Uint8Array): Promise<Rotation> {
  return new Promise((resolve) => {
    const child = execFile(
      'tesseract',
      ['stdin', 'stdout', '--psm', '0'],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, timeout: OSD_TIMEOUT_MS, encoding: 'utf8' },
      (err, stdout) => {
        const rotate = Number(/^Rotate: (\d+)/m.exec(stdout)?.[1]);
        resolve(!err && (rotate === 90 || rotate === 180 || rotate === 270) ? rotate : 0);
      },
    );
    child.stdin?.on('error', () => {}); // tesseract may stop reading early; the callback reports the outcome
    child.stdin?.end(image);
  });
}

/** Turns an encoded image clockwise by `rotation` and returns it as PNG. */
export function rotatePng(image: Uint8Array, rotation: Rotation): Promise<Uint8Array> {
  return drawTurned(image, (rotation * Math.PI) / 180, { sideways: rotation % 180 !== 0, white: false });
}

/**
 * Draws an encoded image turned clockwise by `angle` radians about its centre, as PNG: on a canvas with its sides
 * swapped when turned sideways, and on white where the turned image leaves corners uncovered.
 */
async function drawTurned(image: Uint8Array, angle: number, { sideways, white }: { sideways: boolean; white: boolean }): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const source = await loadImage(image);
  const canvas = createCanvas(sideways ? source.height : source.width, sideways ? source.width : source.height);
  const context = canvas.getContext('2d');
  if (white) {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate(angle); // y grows downwards: a positive angle turns clockwise
  context.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas.toBuffer('image/png');
}
