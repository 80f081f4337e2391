/**
 * Which PDF pages go to OCR (extract/pdf.ts `needsOcr`): scans (a page-sized picture, hardly any text) and
 * font-garbled text layers (glyphs without a Unicode map come out as private-use or replacement characters, or as
 * runs of symbols no word is made of) — and not an ordinary page, a sparse page, or a page with a small logo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsOcr } from '../../src/pipeline/extract/pdf.ts';
import type { Line, Page } from '../../src/pipeline/layout.ts';

function page(texts: string[], pictures: Array<[number, number, number, number]> = []): Page {
  const lines = texts.map((text, i) => ({ text, bbox: [50, 50 + 14 * i, 300, 62 + 14 * i], words: [], fontSize: 11, bold: false, italic: false, pageIndex: 0, column: 0, block: i, role: 'body' }) as unknown as Line);
  return { index: 0, width: 612, height: 792, rotation: 0, lines, images: pictures.map((bbox) => ({ bbox }) as unknown as Page['images'][number]) };
}

const PROSE = ['Jordan Blake — Senior Software Engineer', 'Built the shipment tracking services in Go and PostgreSQL.', 'Oregon State University, B.S. Computer Science, 2015'];

test('an ordinary text page is read as it is', () => {
  assert.equal(needsOcr(page(PROSE)), false);
  assert.equal(needsOcr(page(PROSE, [[500, 40, 560, 100]])), false); // a small logo
});

test('a scan — a picture over the page and (almost) no text — is OCR’d; a sparse page without one is not', () => {
  assert.equal(needsOcr(page([], [[0, 0, 612, 792]])), true);
  assert.equal(needsOcr(page(['Page 2'], [[20, 20, 590, 770]])), true);
  assert.equal(needsOcr(page(['References available on request'])), false);
});

test('a text layer of unmapped glyphs (private-use or replacement characters) is OCR’d', () => {
  const privateUse = PROSE.map((l) => [...l].map((c) => (c === ' ' ? ' ' : String.fromCodePoint(0xe000 + (c.codePointAt(0)! % 200)))).join(''));
  assert.equal(needsOcr(page(privateUse)), true);
  const replacement = PROSE.map((l) => l.replace(/[a-z]/g, '\uFFFD'));
  assert.equal(needsOcr(page(replacement)), true);
});

test('a text layer of symbol soup (a font whose codes map to the wrong characters) is OCR’d', () => {
  const soup = PROSE.map((l) => [...l].map((c) => (c === ' ' ? ' ' : '#$%*^~|<>'[c.charCodeAt(0) % 9])).join(''));
  assert.equal(needsOcr(page(soup)), true);
});
