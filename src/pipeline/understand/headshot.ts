/**
 * The candidate's photo (`data.headShot`): of the pictures the extractor kept (those placed and sized like a
 * photo, encoded as PNG or JPEG), the largest on the earliest page whose pixels look like a photograph.
 *
 * A photograph is continuous-tone: many distinct colours over most of its area, and, in colour, some skin
 * tones. A logo or an icon is a few flat colours on a plain ground; a chart or a QR code is two or three.
 * Greyscale portraits have no skin tones but many grey levels. The thresholds were set on pictures made for
 * the tests (test/understand/headshot.test.ts), not on any résumé.
 */
import type { Component } from '../doc.ts';
import type { ImageRef } from '../layout.ts';

/** Pixels sampled per side: enough to count colours, cheap on any photo. */
const GRID = 64;

export interface PhotoStats {
  /** Distinct colours among the opaque, non-background samples, each channel cut to 5 bits. */
  colours: number;
  /** Distinct grey levels (8 bits) among the same samples: what tells a grey photo from grey line art. */
  greyLevels: number;
  /** Share of the samples that are opaque and not near-white: the picture's own area. */
  filled: number;
  /** Share of the picture's own area in skin tones (YCbCr box of Chai & Ngan). */
  skin: number;
  /** Whether the picture's own area is grey (channels within a few levels of each other). */
  grey: boolean;
}

/** Statistics of an RGBA picture, sampled on a GRID × GRID lattice. */
export function photoStats(rgba: ArrayLike<number>, width: number, height: number): PhotoStats {
  const colours = new Set<number>();
  const levels = new Set<number>();
  let samples = 0;
  let filled = 0;
  let skin = 0;
  let coloured = 0;
  const stepX = Math.max(1, width / GRID);
  const stepY = Math.max(1, height / GRID);
  for (let y = stepY / 2; y < height; y += stepY) {
    for (let x = stepX / 2; x < width; x += stepX) {
      const at = (Math.floor(y) * width + Math.floor(x)) * 4;
      const [r, g, b, a] = [rgba[at]!, rgba[at + 1]!, rgba[at + 2]!, rgba[at + 3]!];
      samples++;
      if (a < 128 || (r > 235 && g > 235 && b > 235)) continue;
      filled++;
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      levels.add(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
      if (Math.max(r, g, b) - Math.min(r, g, b) > 12) coloured++;
      const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
      const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      if (cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173) skin++;
    }
  }
  return {
    colours: colours.size,
    greyLevels: levels.size,
    filled: samples ? filled / samples : 0,
    skin: filled ? skin / filled : 0,
    grey: filled > 0 && coloured < 0.05 * filled,
  };
}

/** Whether the statistics are a photograph's rather than a logo's, an icon's or a chart's. */
export function looksLikePhoto(s: PhotoStats): boolean {
  if (s.filled < 0.5) return false;
  return s.grey ? s.greyLevels >= 96 : s.colours >= 200 && s.skin >= 0.08;
}

async function pixelsOf(image: ImageRef): Promise<{ data: Uint8ClampedArray; width: number; height: number } | null> {
  if (!image.data) return null;
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const picture = await loadImage(Buffer.from(image.data));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  return context.getImageData(0, 0, picture.width, picture.height);
}

export const headshot: Component = {
  name: 'headshot',
  stage: 'understand',
  creates: 'data.headShot: the candidate photo as base64, from the pictures the extractor kept',
  async run(doc) {
    const candidates = doc.layout.pages
      .flatMap((p) => p.images)
      .filter((im) => im.data && im.pageIndex < 2)
      .sort((a, b) => a.pageIndex - b.pageIndex || area(b) - area(a));
    for (const image of candidates) {
      try {
        const pixels = await pixelsOf(image);
        if (pixels && looksLikePhoto(photoStats(pixels.data, pixels.width, pixels.height))) {
          doc.data.headShot = Buffer.from(image.data!).toString('base64');
          return;
        }
      } catch {
        // An undecodable picture is no photo.
      }
    }
  },
};

const area = (im: ImageRef): number => (im.bbox[2] - im.bbox[0]) * (im.bbox[3] - im.bbox[1]);
