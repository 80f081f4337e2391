/**
 * Images (PNG, JPEG, TIFF) → Layout through OCR: a page per image (per TIFF page), sized from the image's
 * resolution (150 dpi when the file does not say, the usual resolution of scanned and photographed
 * documents). PNG and JPEG pages scanned sideways or upside down are turned upright; TIFF pages are not.
 * Regions of the first page that are inked but hold no words are kept as pictures (a photo, perhaps).
 */
import { detectKind } from '../detect.ts';
import type { Layout, Page } from '../layout.ts';
import { ocrPages, type OcrPage } from './ocr.ts';
import { ocrUpright } from './orientation.ts';
import { pictureRegions } from './picture-regions.ts';

const DEFAULT_DPI = 150;

/** Dots per inch written in the file: PNG `pHYs` (per metre) or JPEG JFIF density; null when absent. */
export function imageDpi(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    for (let at = 8; at + 8 < bytes.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'pHYs' && bytes[at + 16] === 1) return Math.round(view.getUint32(at + 8) * 0.0254);
      if (type === 'IDAT') break;
      at += 12 + length;
    }
    return null;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && String.fromCharCode(...bytes.subarray(6, 10)) === 'JFIF') {
    const unit = bytes[13];
    const density = view.getUint16(14);
    if (unit === 1 && density > 1) return density;
    if (unit === 2 && density > 1) return Math.round(density * 2.54);
  }
  if (detectKind(bytes) === 'tiff') return tiffDpi(bytes, view);
  return null;
}

/** TIFF XResolution (tag 282, a rational) of the first page, in ResolutionUnit (296: 2 inch, 3 cm). */
function tiffDpi(bytes: Uint8Array, view: DataView): number | null {
  const little = bytes[0] === 0x49;
  const u16 = (at: number): number => view.getUint16(at, little);
  const u32 = (at: number): number => view.getUint32(at, little);
  const ifd = u32(4);
  if (ifd + 2 > bytes.length) return null;
  let resolution: number | null = null;
  let unit = 2;
  for (let i = 0, at = ifd + 2; i < u16(ifd) && at + 12 <= bytes.length; i++, at += 12) {
    const tag = u16(at);
    if (tag === 296) unit = u16(at + 8);
    if (tag === 282 && u32(at + 8) + 8 <= bytes.length) resolution = u32(u32(at + 8)) / Math.max(1, u32(u32(at + 8) + 4));
  }
  if (!resolution || resolution <= 1 || unit === 1) return null;
  return Math.round(unit === 3 ? resolution * 2.54 : resolution);
}

export async function extractImage(bytes: Uint8Array, opts: { maxPages: number }): Promise<Omit<Layout, 'lines' | 'text'>> {
  const pointsPerPixel = 72 / Math.max(50, Math.min(1200, imageDpi(bytes) ?? DEFAULT_DPI));
  const read: (OcrPage & { rotation?: number })[] =
    detectKind(bytes) === 'tiff' ? await ocrPages(bytes, pointsPerPixel) : [await ocrUpright(bytes, 0, pointsPerPixel)];
  const kept = read.slice(0, Math.max(1, opts.maxPages));
  const pages: Page[] = kept.map((p, index) => ({ index, width: p.width, height: p.height, rotation: p.rotation ?? 0, lines: p.lines, images: [] }));
  // A photo printed on the page (PNG and JPEG read as they came; canvas cannot decode TIFF).
  const first = pages[0];
  if (first && first.rotation === 0 && detectKind(bytes) !== 'tiff') first.images = await pictureRegions(bytes, first.lines, 0, pointsPerPixel).catch(() => []);
  // Mean word confidence over all pages kept, each word counting once.
  const words = kept.reduce((n, p) => n + p.words, 0);
  const ocrConfidence = words ? kept.reduce((sum, p) => sum + (p.confidence ?? 0) * p.words, 0) / words : null;
  return { format: 'image', pages, isOcrd: true, ocrConfidence, sourcePageCount: read.length };
}
