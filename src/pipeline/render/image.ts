/**
 * Image documents (PNG, JPEG, TIFF): the page image is the picture itself, turned the way OCR read it
 * (extract/orientation.ts) and scaled down past the pixel bound. An upright PNG within the bound is served
 * as uploaded. TIFF pages (a scanner's multi-page file: bilevel CCITT G3/G4, LZW, PackBits, Deflate or JPEG)
 * are decoded by utif2, one page at a time, since @napi-rs/canvas cannot decode TIFF (it crashes the process
 * on one); each layout page is the TIFF page of its index, as tesseract read them in order.
 */
import type { Page } from '../layout.ts';
import { detectKind } from '../detect.ts';
import { encodePng } from './png.ts';
import { fitScale, imageOfCanvas, MAX_PIXELS, pixels, type PageImage } from './page-image.ts';
import type { PageRenderer } from './renderer.ts';

/** The renderer of a PNG, JPEG or TIFF; null for other bytes. */
export async function imageRenderer(bytes: Uint8Array): Promise<PageRenderer | null> {
  const kind = detectKind(bytes);
  if (kind === 'tiff') return tiffRenderer(bytes);
  if (kind !== 'png' && kind !== 'jpeg') return null;
  return {
    async render(page: Page): Promise<PageImage> {
      const size = kind === 'png' ? pngSize(bytes) : null;
      if (size && page.rotation === 0 && size.width * size.height <= MAX_PIXELS) return { png: bytes, ...size };
      const { loadImage } = await import('@napi-rs/canvas');
      return redraw(await loadImage(bytes), page.rotation);
    },
    close: async () => {},
  };
}

/**
 * Pixels a TIFF page may have to be decoded at all: 64 Mpx (256 MB as RGBA) holds A4 at 900 dpi. A page that
 * declares more (a damaged or hostile header) gets no image rather than an allocation that could exhaust the
 * worker's memory.
 */
export const MAX_TIFF_PIXELS = 64_000_000;

interface TiffPage {
  [tag: string]: unknown;
  data: Uint8Array;
  width: number;
  height: number;
}

interface Utif {
  decode(buffer: ArrayBuffer): TiffPage[];
  decodeImage(buffer: ArrayBuffer, ifd: TiffPage): void;
  toRGBA8(ifd: TiffPage): Uint8Array;
}

const tag = (ifd: TiffPage, id: number): number => {
  const value = ifd[`t${id}`];
  return Number(Array.isArray(value) ? value[0] : value) || 0;
};

async function tiffRenderer(bytes: Uint8Array): Promise<PageRenderer> {
  const UTIF = ((await import('utif2')) as unknown as { default: Utif }).default;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Pages are the directories with an image, less reduced-resolution copies (NewSubfileType bit 0: thumbnails).
  const pages = UTIF.decode(buffer).filter((ifd) => tag(ifd, 256) > 0 && tag(ifd, 257) > 0 && (tag(ifd, 254) & 1) === 0);
  return {
    async render(page: Page): Promise<PageImage> {
      const ifd = pages[page.index];
      if (!ifd) throw new Error(`the TIFF has no page ${page.index + 1}`);
      const [width, height] = [tag(ifd, 256), tag(ifd, 257)];
      if (width * height > MAX_TIFF_PIXELS) throw new Error(`the TIFF page is ${width}×${height} pixels, more than ${MAX_TIFF_PIXELS} to decode`);
      UTIF.decodeImage(buffer, ifd);
      try {
        const rgba = UTIF.toRGBA8(ifd);
        if (rgba.length < width * height * 4) throw new Error('the TIFF page holds fewer pixels than it declares');
        if (page.rotation === 0 && width * height <= MAX_PIXELS) return { png: encodePng(rgba, width, height), width, height };
        const { createCanvas } = await import('@napi-rs/canvas');
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        const pixelData = context.createImageData(width, height);
        pixelData.data.set(rgba.subarray(0, width * height * 4));
        context.putImageData(pixelData, 0, 0);
        return redraw(canvas, page.rotation);
      } finally {
        ifd.data = new Uint8Array(0); // one decoded page in memory at a time
      }
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

/** A decoded picture (an image or a canvas), turned clockwise by `rotation`, scaled to the pixel bound (never up), as PNG. */
async function redraw(source: { width: number; height: number } & Parameters<Context['drawImage']>[0], rotation: number): Promise<PageImage> {
  const { createCanvas } = await import('@napi-rs/canvas');
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

type Context = ReturnType<ReturnType<typeof import('@napi-rs/canvas').createCanvas>['getContext']>;
