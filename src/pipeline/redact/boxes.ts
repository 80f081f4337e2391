/**
 * Where to paint: spans of `layout.text` (targets.ts) become boxes on the pages — every word a span touches,
 * whole (a value that starts inside a word, "Email:jane@x.com", takes the word with it), runs of neighbouring
 * words on a line joined into one box — and the headshot becomes its picture's box. Points, top-left origin,
 * as the layout. Pure.
 */
import type { BBox, Layout } from '../layout.ts';
import type { Span, TextCategory } from './targets.ts';

export type BoxCategory = TextCategory | 'headshot';

export interface RedactionBox {
  pageIndex: number;
  bbox: BBox;
  category: BoxCategory;
}

/** Points added around each box: anti-aliased glyph edges, accents and descenders stay inside it. */
const PAD = 1.5;

export function wordBoxes(layout: Layout, spans: readonly Span[]): RedactionBox[] {
  if (!spans.length) return [];
  const boxes: RedactionBox[] = [];
  for (const line of layout.lines) {
    if (!spans.some((s) => s.start < line.end && s.end > line.start)) continue;
    // Per word, the category of the first span over it; consecutive hit words of one category make one box.
    let run: { bbox: BBox; category: TextCategory } | null = null;
    const flush = (): void => {
      if (run) boxes.push({ pageIndex: line.pageIndex, bbox: pad(run.bbox), category: run.category });
      run = null;
    };
    for (const word of line.words) {
      const hit = spans.find((s) => s.start < word.end && s.end > word.start);
      if (!hit) {
        flush();
        continue;
      }
      const b = word.bbox;
      // Words of a line are left to right; a line that wraps back (rare in extracted layouts) starts a new box.
      if (run && run.category === hit.category && b[0] >= run.bbox[0]) {
        run.bbox = [run.bbox[0], Math.min(run.bbox[1], b[1]), Math.max(run.bbox[2], b[2]), Math.max(run.bbox[3], b[3])];
      } else {
        flush();
        run = { bbox: [...b] as BBox, category: hit.category };
      }
    }
    flush();
  }
  return boxes;
}

/** The box of the picture the parser took for the candidate's photo (`data.headShot`, base64 of its bytes). */
export function headshotBoxes(layout: Layout, headShot: string | null): RedactionBox[] {
  if (!headShot) return [];
  const boxes: RedactionBox[] = [];
  for (const page of layout.pages) {
    for (const image of page.images) {
      if (image.data && Buffer.from(image.data).toString('base64') === headShot) boxes.push({ pageIndex: page.index, bbox: pad(image.bbox), category: 'headshot' });
    }
  }
  return boxes;
}

function pad(b: BBox): BBox {
  return [b[0] - PAD, b[1] - PAD, b[2] + PAD, b[3] + PAD];
}
