import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, extractText, unflatten } from '../../src/pipeline/extract/text.ts';
import { finalizeLayout } from '../../src/pipeline/layout.ts';
import { laidOutLine } from '../fixtures/layout-fixtures.ts';

test('text that is not UTF-8 is read as windows-1252, curly quotes and dashes included', () => {
  const bytes = Uint8Array.from('\x93Caf\xe9\x94 \x96 \x80 5 \x85', (c) => c.charCodeAt(0));
  assert.equal(decodeText(bytes), '“Café” – € 5 …');
  assert.equal(decodeText(new TextEncoder().encode('“Café” – €')), '“Café” – €');
});

test('a flattened résumé gets its line breaks back, but a date range whose dash was dropped stays on one line', () => {
  const lines = [
    'Jane Roe',
    'Experience',
    '2005 Present: Freelance Music Producer',
    'Recorded and mixed albums for emerging jazz artists across the north-east region',
    'Negotiated contracts, royalties and copyright ownership with labels and their lawyers',
    'June 2001 2005: Assistant Producer, Bluenote Studios',
    'Education',
    '1996 2001: BSc Electronics, State University',
  ];
  // Flattened as exports do it: every line break, and the gap where a range's dash was, become two spaces.
  const flat = lines.map((l) => l.replace(/(\d{4}) (Present|\d{4})/, '$1  $2')).join('  ');
  assert.deepEqual(unflatten(flat).split('\n'), lines);
  // A line that is not flattened (short, or with few wide gaps) is left as it is.
  assert.equal(unflatten('Skills  Java  SQL'), 'Skills  Java  SQL');
});

test('zero-width characters leave the text: a line of nothing else is dropped, words keep their offsets', () => {
  const page = { index: 0, width: 612, height: 792, rotation: 0, images: [], lines: [laidOutLine('Lead Engineer, \u200B', 36, 50), laidOutLine('\u200B', 36, 64), laidOutLine('Acme\u200D Ltd', 36, 78)] };
  const layout = finalizeLayout({ format: 'pdf', pages: [page], isOcrd: false, ocrConfidence: null, sourcePageCount: 1 });
  assert.deepEqual(layout.lines.map((l) => l.text), ['Lead Engineer,', 'Acme Ltd']);
  for (const l of layout.lines) for (const w of l.words) assert.equal(layout.text.slice(w.start, w.end), w.text);
  // Plain text: a line holding only a zero-width space is a blank line, which ends a block.
  const txt = finalizeLayout(extractText(new TextEncoder().encode('Skills\nJava\n\u200B\nEducation\nBSc Physics')));
  assert.deepEqual(txt.lines.map((l) => l.block), [0, 0, 1, 1]);
});

test('Markdown: heading levels, bold and italic words, links and table cells are read; the marks leave the text', () => {
  const layout = extractText(
    new TextEncoder().encode(`# Joanne Ong

_Enterprise Account Manager_ · [linkedin.com/in/joanne-ong](https://linkedin.com/in/joanne-ong) · john_doe@example.com

## Relevant Experience

### Account Manager - Razer
*2023 - Present*

- **Closed S$5.7M** in new revenue, 2*3 deals

| Language | Level |
|----------|-------|
| English | Native |
`),
  );
  const lines = layout.pages.flatMap((p) => p.lines);
  assert.deepEqual(lines.map((l) => l.text), [
    'Joanne Ong',
    'Enterprise Account Manager · linkedin.com/in/joanne-ong https://linkedin.com/in/joanne-ong · john_doe@example.com',
    'Relevant Experience',
    'Account Manager - Razer',
    '2023 - Present',
    '- Closed S$5.7M in new revenue, 2*3 deals',
    'Language\tLevel',
    'English\tNative',
  ]);
  assert.deepEqual(lines.map((l) => l.headingLevel ?? null), [1, null, 2, 3, null, null, null, null]);
  assert.equal(lines[4]!.italic, true);
  assert.deepEqual(lines[5]!.words.filter((w) => w.bold).map((w) => w.text), ['Closed', 'S$5.7M']);
  assert.deepEqual(lines[1]!.words.filter((w) => w.italic).map((w) => w.text), ['Enterprise', 'Account', 'Manager']);
});

test('text with a lone "#" or stars is not read as Markdown', () => {
  const lines = extractText(new TextEncoder().encode('Jane Doe\n# 1 in regional sales\n*** SKILLS ***\nSQL, _Python_\n')).pages.flatMap((p) => p.lines);
  assert.deepEqual(lines.map((l) => l.text), ['Jane Doe', '# 1 in regional sales', '*** SKILLS ***', 'SQL, _Python_']);
});
