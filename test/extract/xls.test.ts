import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import { readSst, rkValue } from '../../src/pipeline/extract/xls.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { PERSON } from '../fixtures/flow-fixtures.ts';
import { biff8Workbook, XF, xlString } from '../fixtures/xls-fixtures.ts';
import { runCli } from '../cli/run-cli.ts';

const REFERENCE = new Date('2026-11-01');
const XLS_PATH = new URL('../fixtures/resume.xls', import.meta.url);
const resumeXls = (): Uint8Array => new Uint8Array(readFileSync(XLS_PATH));

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
const code = async (bytes: Uint8Array, fileName?: string): Promise<string | null> => (await runPipeline(bytes, { fileName })).error?.errorCode ?? null;

test('a résumé saved by LibreOffice as Excel 97: detected from the bytes, name, contacts, jobs with dates and school', async () => {
  const xls = resumeXls();
  assert.equal(detectKind(xls), 'xls');
  assert.equal(detectKind(xls, 'cv.doc'), 'xls', 'the bytes decide, not the name');
  const r = await parseResume(xls, { fileName: 'cv.xls', referenceDate: REFERENCE });
  assert.equal(r.error.errorCode, null, r.error.errorDetail ?? '');
  const d = r.data!;
  assert.equal(d.name?.raw, PERSON.name);
  assert.deepEqual(d.emails, [PERSON.email]);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    PERSON.jobs.map((j) => [j.title, j.org]),
  );
  assert.equal(d.workExperience[1]!.dates?.startDate, '2015-06-01', 'a date cell shown by its format ("Jun 2015")');
  assert.equal(d.education[0]!.organization, PERSON.school);
});

test('the sheet as a table: rows as lines across their columns, fonts from the cell format, the hidden sheet left out', async () => {
  const layout = await layoutOf(resumeXls());
  assert.equal(layout.format, 'xls');
  const name = line(layout, PERSON.name);
  assert.equal(name.bold, true);
  assert.equal(name.fontSize, 14);
  assert.equal(name.role, 'table-cell');
  const analyst = line(layout, 'Data Analyst\tJun 2015\tFeb 2019');
  assert.equal(analyst.words[0]!.bold, true);
  assert.equal(analyst.words[2]!.bold, false);
  line(layout, `${PERSON.degree}\t2015`);
  line(layout, 'Senior Data Engineer\tMar 2019 – Present');
  assert.ok(!layout.text.includes('Private notes'), 'hidden sheet');
  // Column B is empty and left out; C starts after A's width (3 inches in the source).
  const jun = analyst.words.find((w) => w.text === 'Jun')!;
  assert.ok(jun.bbox[0] > 200, `C at ${jun.bbox[0]}`);
});

test('BIFF8 records: shared strings across CONTINUE (Latin-1 then UTF-16), LABEL, NUMBER, RK, MULRK, booleans, formula strings, merges, hidden rows and columns, an embedded chart', async () => {
  const long = 'Ünïcode and a long shared string that breaks across a CONTINUE record — Łódź, 東京';
  const xls = biff8Workbook({
    sstChunk: 40,
    sheets: [
      {
        name: 'CV',
        chart: true,
        columns: [{ first: 0, last: 0, widthChars: 30 }, { first: 5, last: 5, widthChars: 10, hidden: true }],
        hiddenRows: [6],
        merges: [[0, 0, 0, 3]],
        cells: [
          { row: 0, col: 0, sst: 'Jordan Example', xf: XF.title },
          { row: 1, col: 0, sst: long },
          { row: 2, col: 0, label: 'Inline label' },
          { row: 2, col: 1, number: 0.1 + 0.2 },
          { row: 2, col: 2, number: 43466, xf: XF.date },
          { row: 3, col: 0, bool: true },
          { row: 3, col: 1, formulaText: 'From a formula' },
          { row: 3, col: 2, number: 2021, rk: true },
          { row: 5, col: 5, label: 'In a hidden column' },
          { row: 6, col: 0, label: 'In a hidden row' },
        ],
        mulrk: [{ row: 4, col: 0, values: [7, 8, 9] }],
      },
      { name: 'Hidden', hidden: true, cells: [{ row: 0, col: 0, label: 'Secret sheet' }] },
      { name: 'Second', cells: [{ row: 0, col: 0, sst: 'Second sheet' }] },
    ],
  });
  assert.equal(detectKind(xls), 'xls');
  const layout = await layoutOf(xls);
  const texts = layout.lines.map((l) => l.text);
  assert.deepEqual(texts, ['Jordan Example', long, 'Inline label\t0.3\tJan 2019', 'TRUE\tFrom a formula\t2021', '7\t8\t9', 'Second sheet']);
  assert.equal(layout.lines[0]!.bold, true);
  assert.equal(layout.lines[0]!.fontSize, 14);
  assert.ok(layout.pages.length >= 2, 'the next sheet starts a new page');
});

test('RK numbers and the shared string table as pure functions', () => {
  assert.equal(rkValue((1234 << 2) | 2), 1234);
  assert.equal(rkValue((-5 << 2) | 2), -5);
  assert.equal(rkValue((1234 << 2) | 3), 12.34);
  // A double keeps its top 30 bits: 1.5 is 0x3FF80000 00000000.
  assert.equal(rkValue(0x3ff80000), 1.5);
  assert.equal(rkValue(0x3ff80000 | 1), 0.015);
  const header = [2, 0, 0, 0, 2, 0, 0, 0];
  // "ab" in one record; "cdé" split after "c", its continuation switching to two bytes a character.
  const sst = readSst([Uint8Array.from([...header, ...xlString('ab'), 3, 0, 0, 0x63]), Uint8Array.from([1, 0x64, 0, 0xe9, 0])]);
  assert.deepEqual(sst, ['ab', 'cdé']);
  assert.throws(() => readSst([Uint8Array.from([...header, 5, 0, 0, 0x61])]), /mid-string/);
});

test('compound files: Word stays Word (even naming a workbook in its text), Excel 5 and encrypted workbooks refused with their codes', async () => {
  assert.equal(detectKind(new Uint8Array(readFileSync(new URL('../fixtures/resume.doc', import.meta.url)))), 'doc');
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'WordDocument', Buffer.concat([Buffer.alloc(600), Buffer.from('Workbook\0', 'utf16le'), Buffer.alloc(600)]));
  assert.equal(detectKind(new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer)), 'doc');

  const sheets = [{ name: 'CV', cells: [{ row: 0, col: 0, label: 'Jordan Example' }] }];
  assert.equal(await code(biff8Workbook({ sheets, encrypted: true })), 'password_protected');
  const book = biff8Workbook({ sheets, streamName: 'Book' });
  assert.equal(detectKind(book), 'xls');
  assert.equal(await code(book), 'unsupported_file_type');
});

test('broken XLS: truncated, corrupt records, an empty workbook each fail with an error code, quickly', async () => {
  const xls = resumeXls();
  const started = performance.now();
  assert.equal(await code(xls.subarray(0, 700), 'cv.xls'), 'document_conversion_failed');
  assert.equal(await code(xls.subarray(0, 3000)), 'document_conversion_failed');
  // A record claiming more bytes than the stream holds.
  const lying = biff8Workbook({ sheets: [{ name: 'CV', cells: [{ row: 0, col: 0, label: 'Jordan Example' }] }] });
  const at = Buffer.from(lying).indexOf(Buffer.from([0x04, 0x02])); // the LABEL record's type
  const broken = new Uint8Array(lying);
  broken[at + 2] = 0xff;
  broken[at + 3] = 0x7f;
  assert.equal(await code(broken), 'document_conversion_failed');
  assert.equal(await code(biff8Workbook({ sheets: [{ name: 'Empty', cells: [] }] })), 'no_text_found');
  assert.ok(performance.now() - started < 5000);
});

test('vitae parse reads an .xls: name, email and a job on stdout', async () => {
  const { code: exit, stdout, stderr } = await runCli(['parse', XLS_PATH.pathname]);
  assert.equal(exit, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.data.name.raw, PERSON.name);
  assert.deepEqual(r.data.emails, [PERSON.email]);
  assert.equal(r.data.workExperience[0].jobTitle, PERSON.jobs[0]!.title);
});
