/**
 * Pictures inside a page image (a scan, a phone photo of a résumé): the candidate's photo is printed on the page,
 * so OCR reads around it. This finds the regions that are inked but hold no word: the page is cut into small
 * cells, cells under OCR'd words or near-white are dropped, and each connected patch of what is left that is
 * shaped and sized like a photo is cropped out as PNG, for understand/headshot.ts to judge by its pixels.
 */
import type { BBox, ImageRef, Line } from '../layout.ts';

/** Cell side in pixels: small enough to follow a photo's edge, large enough to be cheap on a 300-dpi page. */
const CELL = 8;
/** A cell whose mean is this light on every channel is paper. */
const PAPER = 232;
/** A patch must fill this much of its bounding box (a photo is a solid rectangle or an oval). */
const SOLID = 0.55;

/**
 * Whether a picture of this size on the page (points) is shaped like a candidate's photo: bigger than an icon,
 * smaller than a banner or a scan, not much wider than tall. Every extractor decodes only such pictures.
 */
export function photoShaped(width: number, height: number, pageWidth: number): boolean {
  return width >= 30 && height >= 30 && width <= 0.45 * pageWidth && height / width >= 0.6 && height / width <= 2;
}

/**
 * Photo-shaped regions of an encoded page image (PNG or JPEG) with no OCR'd word on them, as images in page
 * points (`pointsPerPixel`), each with its pixels as PNG.
 */
export async function pictureRegions(image: Uint8Array, lines: Line[], pageIndex: number, pointsPerPixel: number): Promise<ImageRef[]> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const source = await loadImage(Buffer.from(image));
  const [width, height] = [source.width, source.height];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.drawImage(source, 0, 0);
  const { data } = context.getImageData(0, 0, width, height);

  const cols = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const inked = new Uint8Array(cols * rows);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let [r, g, b, n] = [0, 0, 0, 0];
      for (let y = cy * CELL; y < Math.min(height, (cy + 1) * CELL); y += 2) {
        for (let x = cx * CELL; x < Math.min(width, (cx + 1) * CELL); x += 2) {
          const at = (y * width + x) * 4;
          r += data[at]!;
          g += data[at + 1]!;
          b += data[at + 2]!;
          n++;
        }
      }
      if (r / n < PAPER || g / n < PAPER || b / n < PAPER) inked[cy * cols + cx] = 1;
    }
  }
  // Words are text, not picture: their cells (and a cell's margin around them) are cleared.
  for (const word of lines.flatMap((l) => l.words)) {
    const [x0, y0, x1, y1] = word.bbox.map((v) => v / pointsPerPixel) as BBox;
    for (let cy = Math.max(0, Math.floor(y0 / CELL) - 1); cy <= Math.min(rows - 1, Math.floor(y1 / CELL) + 1); cy++) {
      for (let cx = Math.max(0, Math.floor(x0 / CELL) - 1); cx <= Math.min(cols - 1, Math.floor(x1 / CELL) + 1); cx++) inked[cy * cols + cx] = 0;
    }
  }

  const regions: ImageRef[] = [];
  const seen = new Uint8Array(cols * rows);
  for (let start = 0; start < inked.length; start++) {
    if (!inked[start] || seen[start]) continue;
    const patch = floodFill(inked, seen, cols, rows, start);
    const [x0, y0, x1, y1] = [patch.x0 * CELL, patch.y0 * CELL, Math.min(width, (patch.x1 + 1) * CELL), Math.min(height, (patch.y1 + 1) * CELL)];
    const bbox: BBox = [x0 * pointsPerPixel, y0 * pointsPerPixel, x1 * pointsPerPixel, y1 * pointsPerPixel];
    const [w, h] = [bbox[2] - bbox[0], bbox[3] - bbox[1]];
    const solid = patch.cells / ((patch.x1 - patch.x0 + 1) * (patch.y1 - patch.y0 + 1));
    if (w < 40 || h < 40 || !photoShaped(w, h, width * pointsPerPixel) || solid < SOLID) continue;
    const crop = createCanvas(x1 - x0, y1 - y0);
    crop.getContext('2d').drawImage(canvas, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0);
    regions.push({ pageIndex, bbox, width: x1 - x0, height: y1 - y0, data: crop.toBuffer('image/png'), mimeType: 'image/png' });
  }
  return regions;
}

/** The 4-connected patch of inked cells around `start`, marking them seen; iterative (a page can be all ink). */
function floodFill(inked: Uint8Array, seen: Uint8Array, cols: number, rows: number, start: number) {
  const patch = { x0: cols, y0: rows, x1: 0, y1: 0, cells: 0 };
  const stack = [start];
  seen[start] = 1;
  while (stack.length) {
    const at = stack.pop()!;
    const [x, y] = [at % cols, Math.floor(at / cols)];
    patch.x0 = Math.min(patch.x0, x);
    patch.y0 = Math.min(patch.y0, y);
    patch.x1 = Math.max(patch.x1, x);
    patch.y1 = Math.max(patch.y1, y);
    patch.cells++;
    for (const next of [x > 0 ? at - 1 : -1, x < cols - 1 ? at + 1 : -1, y > 0 ? at - cols : -1, y < rows - 1 ? at + cols : -1]) {
      if (next >= 0 && inked[next] && !seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return patch;
}
