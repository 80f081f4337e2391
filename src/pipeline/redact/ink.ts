/**
 * Boxes widened to the ink they are meant to cover. Word boxes are estimates inside a text run — the PDF
 * extractor gives every character of a run the same width, flow formats a fixed advance per character, and the
 * drawn glyphs keep their own proportions — so a box can stop a letter or two short of its word's last glyph
 * ("jane@example.co|m"). Each side of a box moves outwards over the page's pixels while they hold ink, until a gap
 * as wide as a word space (or a limit): the whole word is covered, never its neighbour across a space. Pure.
 */

/** A box in pixels: [x0, y0, x1, y1), x1 and y1 exclusive. */
export type PixelBox = [number, number, number, number];

/** Darker than this (sum of R, G and B, 0–765) counts as ink: text, rules, pictures — not white paper or light tints. */
const INK = 3 * 170;

export function snapToInk(rgba: ArrayLike<number>, width: number, height: number, box: PixelBox): PixelBox {
  const [x0, y0, x1, y1] = clip(box, width, height);
  const band = Math.max(1, y1 - y0);
  // A word space is about a quarter of the box's height (a third of an em at 1.2 em a line); gaps inside words
  // are narrower. Boxes never grow by more than one and a half heights a side: a rule or a picture beside the
  // word must not pull the box across the page.
  const gap = Math.max(2, Math.round(band * 0.15));
  const reach = Math.round(band * 1.5);
  const inkAt = (x: number): boolean => {
    for (let y = y0; y < y1; y++) {
      const i = (y * width + x) * 4;
      if (rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < INK) return true;
    }
    return false;
  };
  const grow = (from: number, step: 1 | -1): number => {
    let last = from;
    let white = 0;
    for (let x = from + step, n = 1; x >= 0 && x < width && n <= reach && white < gap; x += step, n++) {
      if (inkAt(x)) {
        last = x;
        white = 0;
      } else {
        white++;
      }
    }
    return last;
  };
  // The box's own edge columns are its first and last; growth starts beside them.
  const left = grow(x0, -1);
  const right = grow(x1 - 1, 1);
  return [left, y0, right + 1, y1];
}

function clip([x0, y0, x1, y1]: PixelBox, width: number, height: number): PixelBox {
  const cx0 = Math.min(width - 1, Math.max(0, x0));
  const cy0 = Math.min(height - 1, Math.max(0, y0));
  return [cx0, cy0, Math.max(cx0 + 1, Math.min(width, x1)), Math.max(cy0 + 1, Math.min(height, y1))];
}
