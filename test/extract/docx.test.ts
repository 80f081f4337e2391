import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { extractDocx } from '../../src/pipeline/extract/docx.ts';
import { finalizeLayout, type Layout, type Line } from '../../src/pipeline/layout.ts';
import { DocumentError } from '../../src/pipeline/doc.ts';
import {
  headerFooterResume,
  plainResume,
  rawDocx,
  tableResume,
  textboxResume,
  wordFieldsDocx,
  wordTextboxDocx,
  zipBombDocx,
} from '../fixtures/docx-fixtures.ts';

const layoutOf = (bytes: Uint8Array): Layout => finalizeLayout(extractDocx(bytes));
const line = (layout: Layout, text: string): Line => {
  const found = layout.lines.find((l) => l.text === text);
  assert.ok(found, `no line ${JSON.stringify(text)} in ${JSON.stringify(layout.lines.map((l) => l.text))}`);
  return found;
};

test('plain résumé: lines, styles, headings, lists, tabs', async () => {
  const layout = layoutOf(await plainResume());
  assert.equal(layout.format, 'docx');
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    [
      'Ada Lovelace',
      'ada@example.com | ada.dev | lady@example.org',
      'Experience',
      'Senior Engineer\tJan 2019 – Present',
      'Analytical Engines Ltd, London',
      'Built the difference engine',
      'Wrote the first program',
      'Not a bullet',
      'SKILLS plain',
      'Kept added',
      '• Python co-op',
      'Education',
      'University of London',
      'BSc Mathematics',
    ],
  );
  const name = line(layout, 'Ada Lovelace');
  assert.equal(name.headingLevel, 1, 'Title style counts as a level-1 heading');
  assert.equal(name.fontSize, 28);
  const experience = line(layout, 'Experience');
  assert.equal(experience.headingLevel, 1);
  assert.equal(experience.role, 'heading');
  assert.equal(experience.fontSize, 16);
  assert.equal(line(layout, 'Education').headingLevel, 2);

  // The title is bold, the dates after the tab are not: the line is not bold, its first words are.
  const job = line(layout, 'Senior Engineer\tJan 2019 – Present');
  assert.equal(job.bold, false);
  assert.deepEqual(job.words.map((w) => w.bold), [true, true, false, false, false, false]);
  assert.ok(job.words[2]!.bbox[0] - job.words[1]!.bbox[2] > 10, 'a tab leaves a gap');
  assert.equal(job.headingLevel, undefined);
  assert.equal(job.listItem, undefined);

  // JobLine is based on Emphasis2 (bold, 12pt) and adds italics.
  const employer = line(layout, 'Analytical Engines Ltd, London');
  assert.equal(employer.bold, true);
  assert.equal(employer.italic, true);
  assert.equal(employer.fontSize, 12);

  const bullet = line(layout, 'Built the difference engine');
  assert.equal(bullet.listItem, true);
  assert.equal(bullet.role, 'list-item');
  assert.equal(line(layout, 'Not a bullet').listItem, undefined, "numbering with format 'none' prints no marker");
  assert.equal(line(layout, 'SKILLS plain').bold, false);

  // A soft line break splits a paragraph into lines of the same block; the empty paragraph before ends a block.
  const university = line(layout, 'University of London');
  const degree = line(layout, 'BSc Mathematics');
  assert.equal(university.block, degree.block);
  assert.ok(line(layout, '• Python co-op').block < line(layout, 'Education').block);
  assert.ok(degree.bbox[1] > university.bbox[1]);

  // Word offsets point into the text.
  for (const l of layout.lines) for (const w of l.words) assert.equal(layout.text.slice(w.start, w.end), w.text);
});

test('layout tables: sidebar | main read cell by cell, dates | entry row by row, nested tables', async () => {
  const layout = layoutOf(await tableResume());
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['CONTACT', 'ada@example.com', 'SKILLS', 'Python', 'Ada Lovelace', 'PROFILE', 'Mathematician and writer.', 'EXPERIENCE', '2019 – 2024', 'Engineer', 'Babbage & Co', '2015 – 2019', 'Analyst', 'Inner left', 'Inner right'],
  );
  const contact = line(layout, 'CONTACT');
  const skills = line(layout, 'SKILLS');
  const name = line(layout, 'Ada Lovelace');
  assert.equal(contact.role, 'table-cell');
  assert.deepEqual(contact.cell, [0, 0, 0]);
  assert.deepEqual(name.cell, [0, 0, 1]);
  assert.equal(contact.column, 0);
  assert.equal(name.column, 1);
  assert.equal(contact.block, skills.block, 'one cell, one block, empty paragraphs included');
  assert.notEqual(contact.block, name.block);
  // Side by side: the main column starts at the sidebar's top, 30 % of the way across.
  assert.equal(name.bbox[1], contact.bbox[1]);
  assert.ok(Math.abs(name.bbox[0] - (36 + 0.3 * 540)) < 1, `main column x ${name.bbox[0]}`);

  const heading = line(layout, 'EXPERIENCE');
  assert.equal(heading.role, 'body');
  assert.equal(heading.cell, undefined);
  assert.ok(heading.bbox[1] > line(layout, 'Mathematician and writer.').bbox[1]);

  assert.deepEqual(line(layout, '2019 – 2024').cell, [1, 0, 0]);
  assert.deepEqual(line(layout, 'Babbage & Co').cell, [1, 0, 1]);
  assert.deepEqual(line(layout, '2015 – 2019').cell, [1, 1, 0]);
  assert.ok(line(layout, '2015 – 2019').bbox[1] > line(layout, 'Babbage & Co').bbox[1], 'the next row starts below the tallest cell');
  const left = line(layout, 'Inner left');
  const right = line(layout, 'Inner right');
  assert.deepEqual(left.cell, [2, 0, 0]);
  assert.deepEqual(right.cell, [2, 0, 1]);
  assert.ok(left.bbox[0] >= line(layout, 'Analyst').bbox[0] && right.bbox[0] > left.bbox[0], 'a nested table sits inside its cell');
});

test('headers first and footers last, each text once; fields print their result, not their instruction', async () => {
  const layout = layoutOf(await headerFooterResume());
  const texts = layout.lines.map((l) => l.text);
  assert.deepEqual(texts, ['Ada Lovelace – Curriculum Vitae', 'First page body', 'Second page body', 'Third section body', 'ada@example.com Page']);
  assert.equal(layout.lines[0]!.role, 'header');
  assert.equal(layout.lines.at(-1)!.role, 'footer');
  assert.equal(line(layout, 'First page body').role, 'body');
  // The page break and the section break (next page) each start a page.
  assert.deepEqual(
    layout.lines.map((l) => l.pageIndex),
    [0, 0, 1, 2, 2],
  );
  assert.equal(layout.sourcePageCount, 3);
  assert.doesNotMatch(layout.text, /PAGE/);
});

test('a VML text box and a picture', async () => {
  const layout = layoutOf(await textboxResume());
  assert.deepEqual(
    layout.lines.map((l) => [l.text, l.role]),
    [
      ['Before the box', 'body'],
      ['Boxed contact line', 'text-box'],
      ['After the box', 'body'],
    ],
  );
  const images = layout.pages[0]!.images;
  assert.equal(images.length, 1);
  // 100 × 120 px at 96 dpi = 75 × 90 pt.
  assert.equal(images[0]!.width, 75);
  assert.equal(images[0]!.height, 90);
  assert.equal(images[0]!.bbox[2] - images[0]!.bbox[0], 75);
});

test("Word's text box: the mc:Choice copy is read, the mc:Fallback copy is not, after the text it is anchored in", () => {
  const layout = layoutOf(wordTextboxDocx());
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['Main heading', 'Anchor text', 'Sidebar first line', 'Sidebar second line', 'After'],
  );
  const box = line(layout, 'Sidebar first line');
  assert.equal(box.role, 'text-box');
  assert.equal(box.block, line(layout, 'Sidebar second line').block);
  assert.notEqual(box.block, line(layout, 'After').block);
  assert.equal(layout.pages[0]!.images.length, 0, 'a text box shape is not a picture');
});

test('complex fields, hidden text, bold off, character styles, style inheritance, page breaks in runs, content controls', () => {
  const layout = layoutOf(wordFieldsDocx());
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['WORK HISTORY', 'Mail: ada@example.com', 'Relocating', 'Not bold', 'Strong words', 'R&D <lab>', 'On page two', 'In a content control'],
  );
  const heading = line(layout, 'WORK HISTORY');
  assert.equal(heading.headingLevel, 1, 'outline level inherited from Heading 1');
  assert.equal(heading.bold, true);
  assert.equal(heading.fontSize, 16);
  assert.equal(line(layout, 'Not bold').bold, false);
  assert.equal(line(layout, 'Not bold').fontSize, 11, 'size from the document defaults');
  assert.equal(line(layout, 'Strong words').bold, true);
  assert.equal(line(layout, 'R&D <lab>').pageIndex, 0);
  assert.equal(line(layout, 'On page two').pageIndex, 1);
  assert.equal(line(layout, 'In a content control').pageIndex, 1);
  assert.doesNotMatch(layout.text, /HYPERLINK|mailto|SECRET|Paris|MERGEFIELD/);
});

test('symbols, non-breaking hyphens and literal tabs in run text', () => {
  const layout = layoutOf(
    rawDocx(
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0A7"/><w:t xml:space="preserve"> Co</w:t><w:noBreakHyphen/><w:t>founder</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">Engineer\t2019 – 2021</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">Name     Date</w:t></w:r></w:p>',
    ),
  );
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['▪ Co-founder', 'Engineer\t2019 – 2021', 'Name\tDate'],
  );
});

test('synthetic pagination: a long document runs onto further pages', () => {
  const body = Array.from({ length: 120 }, (_, i) => `<w:p><w:r><w:t>Line ${i}</w:t></w:r></w:p>`).join('');
  const layout = layoutOf(rawDocx(body));
  assert.equal(layout.lines.length, 120);
  assert.ok(layout.pages.length >= 3, `${layout.pages.length} pages`);
  for (const page of layout.pages) for (const l of page.lines) assert.ok(l.bbox[3] <= page.height);
});

test('corrupt files and zip bombs fail with the conversion error', () => {
  const conversion = (err: unknown): boolean => err instanceof DocumentError && err.code === 'document_conversion_failed' && err.message === 'Unable to convert word document';
  assert.throws(() => extractDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7])), conversion);
  assert.throws(() => extractDocx(zipSync({ 'word/readme.txt': strToU8('not a document') })), conversion);
  assert.throws(() => extractDocx(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p <<') })), conversion);
  assert.throws(() => extractDocx(zipBombDocx()), conversion);
  // The same package with its honest size is fine.
  assert.equal(layoutOf(rawDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>')).text, 'x');
});
