/**
 * Pages of formats that have none of their own (word processors, HTML, spreadsheets, plain text): the layout
 * model drawn back — each word at its box, in its size and weight, black on white. It shows where the parser
 * put every word, which is what a reviewer checks against; it is not how Word would print the file.
 */
import type { Page, Word } from '../layout.ts';
import { fontOf, registerFonts } from './fonts.ts';
import { fitScale, imageOfCanvas, pixels, type PageImage } from './page-image.ts';
import type { PageRenderer } from './renderer.ts';

/** Where the baseline sits in a synthetic word box (top = y0, bottom = y0 + font size): Liberation Sans's ascent. */
const ASCENT = 0.8;

export async function syntheticRenderer(): Promise<PageRenderer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  await registerFonts();
  return {
    async render(page: Page): Promise<PageImage> {
      const scale = fitScale(page.width, page.height);
      const canvas = createCanvas(pixels(page.width, scale), pixels(page.height, scale));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#000000';
      context.textBaseline = 'alphabetic';
      for (const line of page.lines) {
        line.words.forEach((word, i) => drawWord(context, word, roomFor(word, line.words[i + 1], page.width), scale));
      }
      return imageOfCanvas(canvas);
    },
    close: async () => {},
  };
}

type Context = ReturnType<ReturnType<typeof import('@napi-rs/canvas').createCanvas>['getContext']>;

/**
 * The width a word may take (points): up to the next word of its line, less a space, else to the page's edge.
 * Synthetic boxes are estimates of the width (a fixed advance per character), so the word is drawn in its
 * own proportions from its box's left edge, and squeezed only where it would run into its neighbour.
 */
function roomFor(word: Word, next: Word | undefined, pageWidth: number): number {
  const end = next && next.bbox[0] > word.bbox[0] ? next.bbox[0] - SPACE_EM * word.fontSize : pageWidth;
  return Math.max(word.bbox[2] - word.bbox[0], end - word.bbox[0]);
}

/** A word space in Liberation Sans, in ems. */
const SPACE_EM = 0.28;

function drawWord(context: Context, word: Word, room: number, scale: number): void {
  context.font = fontOf(word, word.fontSize * scale);
  const baseline = word.baseline ?? word.bbox[1] + ASCENT * word.fontSize;
  context.fillText(word.text, word.bbox[0] * scale, baseline * scale, Math.max(1, room * scale));
}
