/**
 * Image documents (PNG, JPEG): the page image is the picture itself, turned the way OCR read it
 * (extract/orientation.ts) and scaled down past the pixel bound. An upright PNG within the bound is served
 * as uploaded. TIFF pages have no image: @napi-rs/canvas cannot decode TIFF (it crashes the process on one).
 */
import type { Page } from '../layout.ts';
import { detectKind } from '../detect.ts';
import { fitScale, imageOfCanvas, MAX_PIXELS, pixels, type PageImage } from './page-image.ts';
import type { PageRenderer } from './renderer.ts';

/** The renderer of a PNG or JPEG; null for TIFF, which has no page images. */
export async function imageRenderer(bytes: Uint8Array): Promise<PageRenderer | null> {
  const kind = detectKind(bytes);
  if (kind !== 'png' && kind !== 'jpeg') return null;
  return {
    async render(page: Page): Promise<PageImage> {
      const size = kind === 'png' ? pngSize(bytes) : null;
      if (size && page.rotation === 0 && size.width * size.height <= MAX_PIXELS) return { png: bytes, ...size };
      return redraw(bytes, page.rotation);
    },
    close: async () => {},
  };
}

/** Width and height from a PNG's IHDR chunk (always the first), or null if the bytes are no PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The picture decoded, turned clockwise by `rotation`, scaled to the pixel bound (never up), as PNG. */
async function redraw(bytes: Uint8Array, rotation: number): Promise<PageImage> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const source = await loadImage(bytes);
  const scale = fitScale(source.width, source.height, 1);
  const [w, h] = [pixels(source.width, scale), pixels(source.height, scale)];
  const sideways = rotation % 180 !== 0;
  const canvas = createCanvas(sideways ? h : w, sideways ? w : h);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff'; // a transparent PNG reads as black text on white, as OCR saw it
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((rotation * Math.PI) / 180); // y grows downwards: a positive angle turns clockwise
  context.drawImage(source, -w / 2, -h / 2, w, h);
  return imageOfCanvas(canvas);
}
