/**
 * The typeface synthetic pages are drawn in: Liberation Sans (SIL OFL), as shipped in pdfjs-dist's
 * `standard_fonts/`. Registered under a name of our own so that drawing never falls back to whatever
 * fonts the machine has, and nothing is fetched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const FONT_FAMILY = 'Vitae Sans';

const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'];

let registered: Promise<void> | undefined;

/** Registers the four faces once per thread (each worker thread has its own canvas module state). */
export function registerFonts(): Promise<void> {
  return (registered ??= (async () => {
    const { GlobalFonts } = await import('@napi-rs/canvas');
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
    for (const face of FACES) {
      if (!GlobalFonts.registerFromPath(path.join(dir, `LiberationSans-${face}.ttf`), FONT_FAMILY)) {
        throw new Error(`could not load LiberationSans-${face}.ttf from ${dir}`);
      }
    }
  })());
}

/** A CSS font shorthand for a word. */
export function fontOf(word: { bold: boolean; italic: boolean }, sizePx: number): string {
  return `${word.italic ? 'italic ' : ''}${word.bold ? 'bold ' : ''}${sizePx}px "${FONT_FAMILY}"`;
}
