import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { CERTIFICATIONS, PERSON, SIDEBAR_PERSON } from '../fixtures/flow-fixtures.ts';

/** resumeRtf() saved by LibreOffice as Word 97 (see test/fixtures/README.md). */
const DOC = readFileSync(new URL('../fixtures/resume.doc', import.meta.url));
const REFERENCE = new Date('2026-11-01');
const line = (layout: Layout, text: string): Line => {
  const found = layout.lines.find((l) => l.text === text);
  assert.ok(found, `no line ${JSON.stringify(text)} in ${JSON.stringify(layout.lines.map((l) => l.text))}`);
  return found;
};

test('a Word 97 résumé: name, contacts, jobs and school, through parseResume', async () => {
  assert.equal(detectKind(DOC), 'doc');
  const r = await parseResume(DOC, { fileName: 'cv.doc', referenceDate: REFERENCE });
  assert.equal(r.error.errorCode, null);
  const d = r.data!;
  assert.equal(d.name?.raw, PERSON.name);
  assert.deepEqual(d.emails, [PERSON.email]);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    PERSON.jobs.map((j) => [j.title, j.org]),
  );
  assert.equal(d.workExperience[0]!.dates?.isCurrent, true);
  assert.equal(d.education[0]!.organization, PERSON.school);
  const types = d.sections.map((s) => s.sectionType);
  for (const type of ['WorkExperience', 'Education', 'Skills']) assert.ok(types.includes(type), `${type} in ${types}`);
});

test('Word 97 text: a paragraph a line and a block, the header, dashes as typed, a layout row side by side, a grid of one-line cells as a table', async () => {
  const result = await runPipeline(DOC, { referenceDate: REFERENCE });
  const layout = result.doc!.layout;
  assert.equal(layout.format, 'doc');
  assert.equal(layout.lines[0]!.role, 'header');
  assert.equal(layout.lines[0]!.text, `${PERSON.name} – Curriculum Vitae`);
  const job = line(layout, `${PERSON.jobs[0]!.title}\t${PERSON.jobs[0]!.dates}`);
  assert.notEqual(job.block, line(layout, `${PERSON.jobs[0]!.org}, San Francisco, CA`).block);
  line(layout, 'English, Español');
  // The layout row (a sidebar of skills and languages beside the experience): its two cells side by side,
  // each read whole, as DOCX places them; no cell mark is left in the text as a tab.
  const sidebar = line(layout, 'SKILLS');
  const main = line(layout, 'EXPERIENCE');
  assert.ok(sidebar.cell && main.cell && sidebar.cell[0] === main.cell[0], 'one table');
  assert.deepEqual([sidebar.cell![2], main.cell![2]], [0, 1]);
  // (The text does not say where the table starts, so the name and contact lines above it open its first cell.)
  assert.equal(line(layout, 'Marisol Quenby').cell?.[2], 0);
  assert.ok(sidebar.bbox[0] < main.bbox[0] && main.bbox[1] <= sidebar.bbox[1], 'side by side');
  assert.ok(!layout.lines.some((l) => /\t$/.test(l.text) || l.text.includes('\uE007')), 'no cell marks left');
  const [first, second] = CERTIFICATIONS as [string[], string[]];
  const cells = first.map((text) => line(layout, text));
  const grid = cells[0]!.cell![0];
  assert.notEqual(grid, sidebar.cell![0]);
  assert.deepEqual(cells.map((l) => l.cell), [[grid, 0, 0], [grid, 0, 1], [grid, 0, 2]]);
  assert.ok(cells[0]!.bbox[0] < cells[1]!.bbox[0] && cells[1]!.bbox[0] < cells[2]!.bbox[0], 'side by side');
  assert.equal(cells[0]!.bbox[1], cells[2]!.bbox[1]);
  assert.deepEqual(line(layout, second[0]!).cell, [grid, 1, 0]);
  // The paragraph before the grid ("CERTIFICATIONS") is no part of its first cell.
  assert.equal(line(layout, 'CERTIFICATIONS').cell, undefined);
});

test('a Word 97 sidebar layout: the main cell is read beside the sidebar, its top line is the name, its school line a field', async () => {
  const bytes = readFileSync(new URL('../fixtures/sidebar.doc', import.meta.url));
  const r = await parseResume(bytes, { fileName: 'sidebar.doc', referenceDate: REFERENCE });
  const d = r.data!;
  assert.equal(d.name?.raw, SIDEBAR_PERSON.name);
  assert.deepEqual(d.emails, [SIDEBAR_PERSON.email]);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [[SIDEBAR_PERSON.job.title, SIDEBAR_PERSON.job.org]]);
  assert.deepEqual(d.education.map((e) => [e.organization, e.accreditation?.education]), [[SIDEBAR_PERSON.school, SIDEBAR_PERSON.degree]]);
});

test('broken and encrypted Word 97 files', async () => {
  const code = async (bytes: Uint8Array): Promise<string | undefined> => (await runPipeline(bytes)).error?.errorCode;
  assert.equal(await code(DOC.subarray(0, 4096)), 'document_conversion_failed');
  assert.equal(await code(DOC.subarray(0, 600)), 'document_conversion_failed');
  const scrambled = Buffer.from(DOC);
  for (let i = 1024; i < scrambled.length; i++) scrambled[i] = (i * 31) & 255;
  assert.equal(await code(scrambled), 'document_conversion_failed');
  // The file information block's fEncrypted bit.
  const encrypted = Buffer.from(DOC);
  let fib = 512;
  while (encrypted.readUInt16LE(fib) !== 0xa5ec) fib += 512;
  encrypted.writeUInt16LE(encrypted.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
  assert.equal(await code(encrypted), 'password_protected');
  // A password-protected .docx is a compound file holding an EncryptedPackage stream.
  const package_ = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(package_);
  Buffer.from('EncryptedPackage', 'utf16le').copy(package_, 1024);
  assert.equal(await code(package_), 'password_protected');
});
