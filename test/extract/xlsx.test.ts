import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { claimHugeEntry, PERSON, resumeXlsx, xlsxPackage } from '../fixtures/flow-fixtures.ts';

const REFERENCE = new Date('2026-11-01');
const layoutOf = async (bytes: Uint8Array): Promise<Layout> => {
  const result = await runPipeline(bytes, { referenceDate: REFERENCE });
  assert.equal(result.error, null, JSON.stringify(result.error));
  return result.doc!.layout;
};
const line = (layout: Layout, text: string): Line => {
  const found = layout.lines.find((l) => l.text === text);
  assert.ok(found, `no line ${JSON.stringify(text)} in ${JSON.stringify(layout.lines.map((l) => l.text))}`);
  return found;
};
const sheet = (rows: string): string => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

test('a résumé laid out in a spreadsheet: name, contacts, jobs and school, through parseResume', async () => {
  const xlsx = resumeXlsx();
  assert.equal(detectKind(xlsx), 'xlsx');
  const r = await parseResume(xlsx, { fileName: 'cv.xlsx', referenceDate: REFERENCE });
  assert.equal(r.error.errorCode, null);
  const d = r.data!;
  assert.equal(d.name?.raw, PERSON.name);
  assert.deepEqual(d.emails, [PERSON.email]);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    PERSON.jobs.map((j) => [j.title, j.org]),
  );
  assert.equal(d.workExperience[1]!.dates?.startDate, '2015-06-01', 'a date serial shown by its format');
  assert.equal(d.education[0]!.organization, PERSON.school);
});

test('a sheet is a table: each row a line across its columns, merged cells, widths from <cols>, fonts, hidden sheets skipped', async () => {
  const layout = await layoutOf(resumeXlsx());
  assert.equal(layout.format, 'xlsx');
  const name = line(layout, PERSON.name);
  assert.equal(name.bold, true);
  assert.equal(name.fontSize, 14);
  assert.deepEqual(name.cell, [0, 0, 0]);
  // Shared and inline strings, dates as "mmm yyyy", a plain number.
  const analyst = line(layout, 'Data Analyst\tJun 2015\tFeb 2019');
  assert.equal(analyst.role, 'table-cell');
  assert.equal(analyst.words[0]!.bold, true);
  assert.equal(analyst.words[2]!.bold, false);
  line(layout, `${PERSON.degree}\t2015`);
  // Column B holds nothing and is left out; C starts after A's 40 characters of 40 + 14 + 14.
  const from = (l: Line, text: string): number => l.words.find((w) => w.text === text)!.bbox[0];
  assert.ok(Math.abs(from(analyst, 'Jun') - (36 + (540 * 40) / 68)) < 1, `C at ${from(analyst, 'Jun')}`);
  assert.ok(Math.abs(from(analyst, 'Feb') - (36 + (540 * 54) / 68)) < 1, `D at ${from(analyst, 'Feb')}`);
  assert.ok(!layout.text.includes('Private notes'), 'hidden sheet');
  assert.equal(layout.lines.filter((l) => l.text.includes(PERSON.email)).length, 1, 'a merged range is one cell');
});

test('cell values as Excel shows them: rich text, booleans, formulas, errors, percentages, dates, line breaks; sparse and far columns', async () => {
  const rows =
    '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> plain</t></r></is></c><c r="B1" t="b"><v>1</v></c></row>' +
    '<row r="2"><c r="A2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" s="4"><v>0.125</v></c><c r="D2"><v>0.30000000000000004</v></c></row>' +
    '<row r="3"><c r="A3" s="3"><v>43466</v></c><c r="B3" s="5"><v>43466.5</v></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t>Line one\nLine two</t></is></c></row>' +
    '<row r="5" hidden="1"><c r="A5" t="inlineStr"><is><t>Hidden row</t></is></c></row>' +
    '<row><c t="inlineStr"><is><t>No reference</t></is></c><c t="inlineStr"><is><t>Next cell</t></is></c></row>' +
    '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>Far away</t></is></c></row>';
  const layout = await layoutOf(xlsxPackage({ Data: sheet(rows) }, []));
  const texts = layout.lines.map((l) => l.text);
  assert.deepEqual(texts, ['Bold plain\tTRUE', 'ab\t12.5%\t0.3', '1/1/2019\tsince January 1, 2019', 'Line one', 'Line two', 'No reference\tNext cell', 'Far away']);
  assert.deepEqual(layout.lines[0]!.words.map((w) => w.bold), [true, false, false]);
  // 16384 columns are addressed, but only the five in use are laid out.
  assert.ok(layout.lines.at(-1)!.words[0]!.bbox[0] > 400);
});

test('broken and hostile XLSX: zip bomb, truncated, no sheet, a broken .xls workbook', async () => {
  const code = async (bytes: Uint8Array, fileName?: string): Promise<string | undefined> => (await runPipeline(bytes, { fileName })).error?.errorCode;
  const started = performance.now();
  assert.equal(await code(claimHugeEntry(resumeXlsx(), 'xl/worksheets/sheet1.xml')), 'document_conversion_failed');
  assert.ok(performance.now() - started < 5000);
  assert.equal(await code(resumeXlsx().subarray(0, 900)), 'document_conversion_failed');
  assert.equal(await code(xlsxPackage({ Empty: sheet('') }, [])), 'no_text_found');
  assert.equal(await code(xlsxPackage({ Broken: '<worksheet><sheetData><row><c t="inlineStr"><is><t>x</t></is' }, [])), 'document_conversion_failed');
  // An OLE compound file whose directory names a Workbook stream, and nothing else of a compound file:
  // read as XLS (extract/xls.ts, tested in xls.test.ts), it fails as a broken workbook.
  const xls = new Uint8Array(2048);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  xls.set(new Uint8Array(Buffer.from('Workbook\0', 'utf16le')), 1024);
  xls.set([18, 0, 2], 1024 + 64);
  assert.equal(detectKind(xls), 'xls');
  const r = await parseResume(xls);
  assert.equal(r.error.errorCode, 'document_conversion_failed');
  assert.match(r.error.errorDetail ?? '', /Excel 97/);
});
