/** OCR end to end on scans the tests make: a PNG, an image-only PDF, a blank image. Needs tesseract-ocr. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume } from '../../src/index.ts';
import { extractImage, imageDpi } from '../../src/pipeline/extract/image.ts';
import { extractPdf } from '../../src/pipeline/extract/pdf.ts';
import { pageFromTsv, readGlyphs, repairShortYears } from '../../src/pipeline/extract/ocr.ts';
import type { Word } from '../../src/pipeline/layout.ts';
import { singleColumnPdf, sidebarPdf } from '../fixtures/pdf-fixtures.ts';
import { blankPng, imageOnlyPdf, renderPng } from '../fixtures/scan-fixtures.ts';

/** One word row of tesseract's TSV (level 5): block, line and word numbers, box in pixels, confidence 95. */
const tsvWord = (block: number, line: number, n: number, left: number, top: number, w: number, h: number, text: string): string[] =>
  ['5', '1', String(block), '1', String(line), String(n), String(left), String(top), String(w), String(h), '95', text];

test('a PNG résumé is read through OCR into the same fields', async () => {
  const png = await renderPng(await singleColumnPdf(), 200);
  const r = await parseResume(png, { referenceDate: new Date('2026-11-01') });
  assert.equal(r.error.errorCode, null);
  assert.equal(r.meta.isOcrd, true);
  assert.ok(r.meta.ocrConfidence! > 0.8, String(r.meta.ocrConfidence));
  const d = r.data!;
  assert.equal(d.name?.raw, 'Jane Whitfield');
  assert.deepEqual(d.emails, ['jane@example.com']);
  // The right-aligned dates stay with their titles.
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]), [
    ['Senior Software Engineer', 'Acme Corporation', '2019-01-01'],
    ['Software Engineer', 'Globex', '2015-06-01'],
  ]);
  assert.equal(d.education[0]?.organization, 'University of Leeds');
  // No resolution in the file: 150 dpi is assumed for its size in points.
  assert.equal(imageDpi(png), null);
  assert.equal(r.meta.pages[0]!.width, Math.round((Math.ceil((612 * 200) / 72) * 72) / 150));
});

test('an image-only PDF page is rendered and OCR’d; the text layer is used when there is one', async () => {
  const scan = await imageOnlyPdf(await renderPng(await sidebarPdf(), 150));
  const r = await parseResume(scan, { referenceDate: new Date('2026-11-01') });
  assert.equal(r.meta.isOcrd, true);
  assert.equal(r.data!.name?.raw, 'Jane Doe');
  assert.deepEqual(r.data!.emails, ['jane@example.com']);
  const text = await parseResume(await sidebarPdf());
  assert.equal(text.meta.isOcrd, false);
  assert.equal(text.meta.ocrConfidence, null);
});

test('a blank image has no text', async () => {
  const r = await parseResume(blankPng());
  assert.equal(r.data, null);
  assert.equal(r.error.errorCode, 'no_text_found');
});

test('bullets and separators misread by OCR get the glyphs a text layer has', () => {
  // Words of one 10pt row, left to right: [text, x0, x1]; a bullet sits a wide gap from its text.
  const row = (...words: [string, number, number][]): Word[] =>
    words.map(([text, x0, x1]) => ({ text, bbox: [x0, 100, x1, text === '-' ? 102 : 110], fontSize: 10, bold: false, italic: false, start: 0, end: 0 }));
  const texts = (words: Word[]): string[] => (readGlyphs(words), words.map((w) => w.text));
  assert.deepEqual(texts(row(['e', 50, 55], ['Managed', 70, 110], ['budgets', 113, 150])), ['• Managed', 'budgets']);
  assert.deepEqual(texts(row(['«', 50, 55], ['Led', 70, 90])), ['• Led']);
  assert.deepEqual(texts(row(['ETABS', 50, 80], ['«', 83, 87], ['AutoCAD', 90, 130], ['+', 133, 137])), ['ETABS', '•', 'AutoCAD', '•']);
  // Dashes of date ranges stay, and "e" as a word stays ("Rossi e Figli").
  assert.deepEqual(texts(row(['Mar', 50, 70], ['2024', 73, 95], ['-', 98, 102], ['Present', 105, 140])), ['Mar', '2024', '-', 'Present']);
  assert.deepEqual(texts(row(['Rossi', 50, 75], ['e', 78, 83], ['Figli', 86, 110])), ['Rossi', 'e', 'Figli']);
  // A rule before a field, read into its first word; a dash inside a row stays.
  assert.deepEqual(texts(row(['E-MAIL', 50, 90], ['—jo@example.com', 150, 230])), ['E-MAIL', 'jo@example.com']);
  assert.deepEqual(texts(row(['pages', 50, 80], ['—see', 83, 105])), ['pages', '—see']);
});

test('OCR font sizes come out close to the text layer\'s, per column (a sidebar heading beside the name)', async () => {
  const pdf = await sidebarPdf();
  const text = await extractPdf(pdf, { maxPages: 1 });
  const scan = await extractImage(await renderPng(pdf, 150), { maxPages: 1 });
  const scale = text.pages[0]!.width / scan.pages[0]!.width; // the PNG has no resolution: 150 dpi is assumed
  const key = (s: string): string => s.replace(/\W/g, '');
  let compared = 0;
  for (const line of scan.pages[0]!.lines) {
    const source = text.pages[0]!.lines.find((l) => key(l.text) === key(line.text));
    if (!source) continue;
    compared++;
    assert.ok(Math.abs((line.fontSize * scale) / source.fontSize - 1) < 0.2, `${line.text}: ${line.fontSize * scale} vs ${source.fontSize}`);
  }
  assert.ok(compared >= 8, `${compared} lines compared`);
});

test('a line tesseract read as one stays one line, though its short words sit lower than a sidebar line beside it', () => {
  // level, page, block, par, line, word, left, top, width, height, conf, text — pixels at 1 point each.
  const rows = [
    ['1', '1', '0', '0', '0', '0', '0', '0', '600', '800', '-1', ''],
    // The sidebar's skill, centred at y 100.
    tsvWord(1, 1, 1, 40, 94, 30, 12, 'Jira'),
    tsvWord(1, 1, 2, 74, 94, 30, 12, 'Unit'),
    tsvWord(1, 1, 3, 108, 94, 50, 12, 'Testing'),
    // The main column's line: "into" (x-height only) centred at 103.5, the others at 106.
    tsvWord(2, 1, 1, 250, 99, 90, 14, 'requirements'),
    tsvWord(2, 1, 2, 344, 100, 24, 7, 'into'),
    tsvWord(2, 1, 3, 372, 99, 50, 14, 'simple'),
    tsvWord(2, 1, 4, 426, 99, 40, 14, 'tested'),
  ];
  const texts = pageFromTsv(rows, 0, 1).lines.map((l) => l.text.replace(/\t/g, ' | '));
  assert.ok(texts.includes('requirements into simple tested'), JSON.stringify(texts));
});

test('sidebar lines beside a large name are rows of their own; a date a pixel off its title shares the title\'s row', () => {
  const rows = [
    ['1', '1', '0', '0', '0', '0', '0', '0', '600', '800', '-1', ''],
    // The name, 40 px tall, centred at y 100; the sidebar's lines, 12 px tall, at 88, 104 and 120.
    tsvWord(1, 1, 1, 250, 80, 120, 40, 'Rachel'),
    tsvWord(1, 1, 2, 380, 80, 140, 40, 'Williams'),
    tsvWord(2, 1, 1, 40, 82, 70, 12, 'CONTACT'),
    tsvWord(2, 2, 1, 40, 98, 60, 12, 'Hobart,'),
    tsvWord(2, 2, 2, 104, 98, 60, 12, 'Tasmania'),
    tsvWord(2, 3, 1, 40, 114, 50, 12, 'Phone:'),
    tsvWord(2, 3, 2, 94, 114, 70, 12, '0402323575'),
    // A title and its right-aligned date, which tesseract read as two lines one pixel apart.
    tsvWord(3, 1, 1, 250, 200, 60, 14, 'Android'),
    tsvWord(3, 1, 2, 314, 200, 80, 14, 'Developer'),
    tsvWord(4, 1, 1, 480, 201, 40, 13, 'July'),
    tsvWord(4, 1, 2, 524, 201, 40, 13, '2024'),
  ];
  const texts = pageFromTsv(rows, 0, 1).lines.map((l) => l.text.replace(/\t/g, ' | '));
  for (const t of ['Rachel Williams', 'CONTACT', 'Hobart, Tasmania', 'Phone: 0402323575', 'Android Developer | July 2024']) assert.ok(texts.includes(t), `${t}: ${JSON.stringify(texts)}`);
});

test('icons read as short words before a heading, a contact or an entry are dropped; a small digit before a list item is its bullet', () => {
  // Words of one row, left to right: [text, x0, x1, height]; the row's text is 10 px tall.
  const row = (...words: [string, number, number, number?][]): Word[] =>
    words.map(([text, x0, x1, h = 10]) => ({ text, bbox: [x0, 110 - h, x1, 110], fontSize: 10, bold: false, italic: false, start: 0, end: 0 }));
  const texts = (words: Word[]): string[] => (readGlyphs(words), words.map((w) => w.text));
  assert.deepEqual(texts(row(['iif', 50, 62], ['EDUCATION', 66, 130])), ['EDUCATION']);
  assert.deepEqual(texts(row(['En', 50, 62], ['WORK', 90, 120], ['EXPERIENCE', 124, 190])), ['WORK', 'EXPERIENCE']);
  assert.deepEqual(texts(row(['S', 50, 57], ['EDUCATION', 90, 150])), ['EDUCATION']);
  assert.deepEqual(texts(row(['S', 50, 65], ['EDUCATION', 75, 150])), ['EDUCATION']);
  assert.deepEqual(texts(row(['CLASS', 20, 44], ['X', 70, 77], ['CBSE', 110, 140], ['BOARD', 144, 180])), ['CLASS', 'X', 'CBSE', 'BOARD']);
  // (A word of the heading a space away stays: "A LEVELS".)
  assert.deepEqual(texts(row(['A', 50, 57], ['LEVELS', 62, 100])), ['A', 'LEVELS']);
  assert.deepEqual(texts(row(['1@', 50, 60], ['Bachelor', 64, 110], ['of', 113, 123], ['Nursing', 126, 170])), ['Bachelor', 'of', 'Nursing']);
  assert.deepEqual(texts(row(['7', 50, 55, 7], ['jo@example.com', 70, 150])), ['jo@example.com']);
  assert.deepEqual(texts(row(['4', 50, 55, 7], ['Coordinated', 70, 130], ['discharge', 133, 180])), ['• Coordinated', 'discharge']);
  // Words that are words stay: "L&D", a title before a name in capitals, an enumerator, a full-height digit.
  assert.deepEqual(texts(row(['L&D', 50, 70], ['Assistant', 73, 120])), ['L&D', 'Assistant']);
  assert.deepEqual(texts(row(['Dr', 50, 62], ['JOHN', 65, 95], ['SMITH', 98, 130])), ['Dr', 'JOHN', 'SMITH']);
  assert.deepEqual(texts(row(['a)', 50, 60], ['Leadership', 64, 120])), ['a)', 'Leadership']);
  assert.deepEqual(texts(row(['3', 50, 56], ['Years', 70, 100])), ['3', 'Years']);
  for (const t of ['C#', 'C++', 'A+', '5%', '(b)']) assert.deepEqual(texts(row([t, 50, 62], ['Programming', 66, 130])), [t, 'Programming']);
  assert.deepEqual(texts(row(['de', 50, 60], ['LA', 75, 88], ['CRUZ', 92, 120])), ['de', 'LA', 'CRUZ']);
  // A round bullet read as "o" before an item in capitals stays a bullet.
  assert.deepEqual(texts(row(['o', 50, 55], ['SQL', 70, 90], ['SERVER', 93, 130])), ['• SQL', 'SERVER']);
});

test('a bullet tesseract read as a line of its own joins the row of its text', () => {
  const rows = [
    ['1', '1', '0', '0', '0', '0', '0', '0', '600', '800', '-1', ''],
    tsvWord(1, 1, 1, 40, 102, 5, 5, '•'),
    tsvWord(2, 1, 1, 55, 100, 60, 12, 'Managed'),
    tsvWord(2, 1, 2, 120, 100, 40, 12, 'teams'),
    tsvWord(3, 1, 1, 40, 122, 5, 5, '•'),
    tsvWord(4, 1, 1, 55, 120, 40, 12, 'Hired'),
    tsvWord(4, 1, 2, 100, 120, 40, 12, 'staff'),
  ];
  assert.deepEqual(pageFromTsv(rows, 0, 1).lines.map((l) => l.text), ['• Managed teams', '• Hired staff']);
});

test('a row\'s baseline comes from its words\' bottoms, raised by a descender\'s depth, and not from a box a speck made tall', () => {
  const rows = [
    ['1', '1', '0', '0', '0', '0', '0', '0', '600', '800', '-1', ''],
    // "Engineer" reaches 2.4 below "Geotechnical": both sit on y 269.
    tsvWord(1, 1, 1, 190, 260, 60, 9, 'Geotechnical'),
    tsvWord(1, 1, 2, 254, 260, 40, 11.4, 'Engineer'),
    // "Gait" came back 28 tall (a speck below it); "Training" (with its descender) says where the row sits.
    tsvWord(1, 2, 1, 70, 368, 34, 28, 'Gait'),
    tsvWord(1, 2, 2, 112, 372, 74, 20, 'Training'),
  ];
  const lines = pageFromTsv(rows, 0, 1).lines;
  const base = (text: string): number => lines.find((l) => l.text === text)!.words[0]!.baseline!;
  assert.ok(Math.abs(base('Geotechnical Engineer') - 269) < 0.6, String(base('Geotechnical Engineer')));
  // "Training": bottom 392, less a descender of 0.21 em at the row's size (about 21.5).
  assert.ok(Math.abs(base('Gait Training') - 387.5) < 1, String(base('Gait Training')));
});

test('a two-digit year after a month read with letters for digits gets its digits back; other words keep their letters', () => {
  const words = (...texts: string[]): Word[] => texts.map((text, i) => ({ text, bbox: [10 * i, 0, 10 * i + 8, 10], fontSize: 10, bold: false, italic: false, start: 0, end: 0 }));
  const repaired = (...texts: string[]): string[] => {
    const ws = words(...texts);
    repairShortYears(ws);
    return ws.map((w) => w.text);
  };
  assert.deepEqual(repaired('Dec', "'ts", '-', 'Sep', "'22"), ['Dec', "'15", '-', 'Sep', "'22"]);
  assert.deepEqual(repaired('Apr', "'99", '-', "Apr'o7"), ['Apr', "'99", '-', "Apr'07"]);
  // Not after a month: "Rock 'n' roll", a quoted word.
  assert.deepEqual(repaired('Rock', "'ts", 'fine'), ['Rock', "'ts", 'fine']);
  assert.deepEqual(repaired('May', "'xx"), ['May', "'xx"]);
});
