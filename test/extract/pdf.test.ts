import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdf, fixSoftHyphens, isBoldFont, isItalicFont } from '../../src/pipeline/extract/pdf.ts';
import { DocumentError } from '../../src/pipeline/doc.ts';
import { parseResume } from '../../src/index.ts';
import type { Layout } from '../../src/pipeline/layout.ts';
import {
  corruptPdf,
  gutterPdf,
  imageOnlyPdf,
  MAIN_LINES,
  multiPagePdf,
  passwordProtectedPdf,
  SIDEBAR_LINES,
  sidebarPdf,
  singleColumnPdf,
  stackedNamePdf,
} from '../fixtures/pdf-fixtures.ts';

const texts = (layout: Omit<Layout, 'lines' | 'text'>, page = 0): string[] => layout.pages[page]!.lines.map((l) => l.text);

test('single column: lines top to bottom, the right-aligned date on its title line after a tab', async () => {
  const layout = await extractPdf(await singleColumnPdf(), { maxPages: 5 });
  assert.equal(layout.format, 'pdf');
  assert.equal(layout.sourcePageCount, 1);
  assert.equal(layout.isOcrd, false);
  assert.deepEqual(texts(layout), [
    'Jane Whitfield',
    'jane@example.com | +1 555 0100 | Seattle, WA',
    'EXPERIENCE',
    'Senior Software Engineer\tJan 2019 – Present',
    'Acme Corporation',
    '• Led the migration of the billing platform to event sourcing',
    '• Reduced p99 latency of the checkout API by 40%',
    'Software Engineer\tJun 2015 – Dec 2018',
    'Globex',
    '• Built the first version of the public REST API',
    'EDUCATION',
    'BSc Computer Science, University of Leeds\t2011 – 2015',
  ]);
});

test('single column: bold and italic from the font names, sizes and boxes in top-left points', async () => {
  const layout = await extractPdf(await singleColumnPdf(), { maxPages: 5 });
  const page = layout.pages[0]!;
  assert.equal(page.width, 612);
  assert.equal(page.height, 792);
  const line = (t: string) => page.lines.find((l) => l.text.startsWith(t))!;
  assert.equal(line('EXPERIENCE').bold, true);
  assert.equal(line('EXPERIENCE').fontSize, 12);
  assert.equal(line('Acme').italic, true);
  assert.equal(line('Acme').bold, false);
  assert.equal(line('• Led').bold, false);
  const name = line('Jane');
  assert.equal(name.bold, true);
  assert.equal(name.fontSize, 20);
  assert.deepEqual(name.words.map((w) => w.text), ['Jane', 'Whitfield']);
  // Baseline at y=60 from the top: the box straddles it, ascent above and descent below.
  assert.ok(name.bbox[1] > 40 && name.bbox[1] < 60 && name.bbox[3] > 60 && name.bbox[3] < 66, `${name.bbox}`);
  assert.equal(name.words[0]!.baseline, 60);
  assert.ok(Math.abs(name.bbox[0] - 50) < 0.5);
  const title = line('Senior');
  const date = title.words.find((w) => w.text === 'Present')!;
  assert.ok(Math.abs(date.bbox[2] - 562) < 1, `date ends at the right margin: ${date.bbox}`);
  assert.equal(date.bold, false);
  assert.ok(page.lines.every((l) => l.words.every((w) => w.text.trim() === w.text && w.text)), 'no whitespace words');
  assert.ok(!page.lines.some((l) => l.text.includes('hidden')), 'text drawn off the page is dropped');
});

test('sidebar: centred name first, then the sidebar as one flow, then the main column', async () => {
  const layout = await extractPdf(await sidebarPdf(), { maxPages: 5 });
  const page = layout.pages[0]!;
  assert.deepEqual(texts(layout), ['Jane Doe', ...SIDEBAR_LINES, ...MAIN_LINES]);
  const col = (t: string): number => page.lines.find((l) => l.text === t)!.column;
  assert.equal(col('Jane Doe'), 0);
  assert.ok(SIDEBAR_LINES.every((t) => col(t) === 1));
  assert.ok(MAIN_LINES.every((t) => col(t) === 2));
  // Sidebar headings start blocks; the two lines under "CONTACT" are one.
  const block = (t: string): number => page.lines.find((l) => l.text === t)!.block;
  assert.equal(block('jane@example.com'), block('+1 555 0100'));
  assert.notEqual(block('Jane Doe'), block('CONTACT'));
});

test('gutter: each date stays with its entry, a wrapped date is joined, no separate column', async () => {
  const layout = await extractPdf(await gutterPdf(), { maxPages: 5 });
  assert.deepEqual(texts(layout), [
    'Hiroshi Sato',
    'EMPLOYMENT HISTORY',
    'March 2022 to April 2026\tSenior Special Education Teacher',
    'Houston Independent School District',
    '• Introduced restorative practices that cut referrals by 12%',
    '• Co-taught in inclusive classrooms',
    '2017 – 2022\tSpecial Education Teacher',
    'Seattle Public Schools',
    '• Mentored seven student teachers',
    '2014 – 2017\tTutor',
    'New York City Department of Education',
  ]);
  assert.equal(new Set(layout.pages[0]!.lines.map((l) => l.column)).size, 1);
});

test('maxPages: only the first pages are read, the source count is kept', async () => {
  const layout = await extractPdf(await multiPagePdf(3), { maxPages: 2 });
  assert.equal(layout.pages.length, 2);
  assert.equal(layout.sourcePageCount, 3);
  assert.deepEqual(layout.pages.map((p) => p.lines.map((l) => l.text)), [['Page 1 of 3'], ['Page 2 of 3']]);
  assert.deepEqual(layout.pages.map((p) => p.index), [0, 1]);
});

test('image-only page: no lines, the image located with its pixel size', async () => {
  const layout = await extractPdf(await imageOnlyPdf(), { maxPages: 5 });
  const page = layout.pages[0]!;
  assert.equal(page.lines.length, 0);
  assert.equal(page.images.length, 1);
  const image = page.images[0]!;
  assert.deepEqual([image.width, image.height], [4, 3]);
  assert.deepEqual(image.bbox.map(Math.round), [100, 200, 244, 308]);
});

test('password-protected PDF → password_protected', async () => {
  const bytes = await passwordProtectedPdf();
  await assert.rejects(extractPdf(bytes, { maxPages: 5 }), (err: unknown) => err instanceof DocumentError && err.code === 'password_protected');
});

test('corrupt or truncated PDF → document_conversion_failed', async () => {
  await assert.rejects(extractPdf(corruptPdf(), { maxPages: 5 }), (err: unknown) => err instanceof DocumentError && err.code === 'document_conversion_failed');
  const valid = await singleColumnPdf();
  // Cut before the page tree and the cross-reference table: nothing recoverable is left.
  await assert.rejects(extractPdf(valid.slice(0, 200), { maxPages: 5 }), (err: unknown) => err instanceof DocumentError && err.code === 'document_conversion_failed');
});

test('the caller keeps its bytes (pdf.js would detach the buffer it is given)', async () => {
  const bytes = await multiPagePdf(1);
  await extractPdf(bytes, { maxPages: 1 });
  assert.equal(bytes.byteLength > 0, true);
  const again = await extractPdf(bytes, { maxPages: 1 });
  assert.deepEqual(texts(again), ['Page 1 of 1']);
});

test('font names → bold / italic, soft hyphens', () => {
  assert.equal(isBoldFont('ABCDEF+Lato-Bold'), true);
  assert.equal(isBoldFont('ABCDEF+OpenSans-SemiBold'), true);
  assert.equal(isBoldFont('Arial-BlackMT'), true);
  assert.equal(isBoldFont('CMBX10'), true);
  assert.equal(isBoldFont('ABCDEF+Lato-Regular'), false);
  assert.equal(isBoldFont('Helvetica-Oblique'), false);
  assert.equal(isItalicFont('Helvetica-Oblique'), true);
  assert.equal(isItalicFont('ABCDEF+LiberationSerif-Italic'), true);
  assert.equal(isItalicFont('CMTI10'), true);
  assert.equal(isItalicFont('ABCDEF+Lato-Bold'), false);
  assert.equal(fixSoftHyphens('pro\u00ADfi\u00ADciency'), 'proficiency');
  assert.equal(fixSoftHyphens('develop\u00AD'), 'develop-');
});

test('a name in large type over two lines is one name, and one personal section', async () => {
  const r = await parseResume(await stackedNamePdf(), { referenceDate: new Date('2026-11-01') });
  assert.equal(r.data!.name?.raw, 'Ana Lopes');
  assert.deepEqual(r.data!.phoneNumbers, ['(718) 555-0100']);
  assert.equal(r.data!.sections.filter((s) => s.sectionType === 'PersonalDetails').length, 1);
  assert.equal(r.data!.workExperience[0]?.organization, 'The Phone Company');
});
