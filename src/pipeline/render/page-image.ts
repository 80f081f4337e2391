/**
 * What rendering produces, and what every renderer shares: how large a page image is, and how a canvas becomes one.
 */
import { encodePng } from './png.ts';

/** A page drawn as PNG, sized in pixels. */
export interface PageImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Pixels per point: 2 (144 dpi) reads well on screens, high-density ones included. */
const SCALE = 2;
/** 4 Mpx per page bounds memory and file size: Letter and A4 at 2× take 2 Mpx, a poster page is scaled down. */
export const MAX_PIXELS = 4_000_000;
/** Skia refuses canvases past 32 767 px a side; a page 40 times as long as wide must still fit. */
const MAX_SIDE = 16_384;

/** The scale (pixels per unit) at which a page of `width` × `height` units is drawn, preferring `preferred`. */
export function fitScale(width: number, height: number, preferred = SCALE): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(preferred, Math.sqrt(MAX_PIXELS / (w * h)), MAX_SIDE / Math.max(w, h));
}

/** A canvas side in whole pixels, at least one. */
export const pixels = (units: number, scale: number): number => Math.max(1, Math.round(units * scale));

/** What `imageOfCanvas` needs of a canvas (@napi-rs/canvas's, structurally). */
interface Drawn {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** A drawn canvas as a page image (PNG by png.ts, several times faster than Skia's encoder). */
export function imageOfCanvas(canvas: Drawn): PageImage {
  const { width, height } = canvas;
  return { png: encodePng(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height), width, height };
}
