/**
 * Images (PNG, JPEG, TIFF) → Layout through OCR: one page, sized from the image's resolution (150 dpi
 * when the file does not say, the usual resolution of scanned and photographed documents).
 */
import type { Layout } from '../layout.ts';
import { ocrUpright } from './orientation.ts';

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
  return null;
}

export async function extractImage(bytes: Uint8Array): Promise<Omit<Layout, 'lines' | 'text'>> {
  const dpi = imageDpi(bytes) ?? DEFAULT_DPI;
  const page = await ocrUpright(bytes, 0, 72 / Math.max(50, Math.min(1200, dpi)));
  return {
    format: 'image',
    pages: [{ index: 0, width: page.width, height: page.height, rotation: page.rotation, lines: page.lines, images: [] }],
    isOcrd: true,
    ocrConfidence: page.confidence,
    sourcePageCount: 1,
  };
}
