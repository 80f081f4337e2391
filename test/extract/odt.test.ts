import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { claimHugeEntry, encryptedOdt, odfPackage, PERSON, resumeOdt } from '../fixtures/flow-fixtures.ts';

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

test('an ODT résumé: name, contacts, jobs and school, through parseResume', async () => {
  const odt = resumeOdt();
  assert.equal(detectKind(odt), 'odt');
  assert.equal(detectKind(odt.subarray(0, 64 * 1024)), 'odt');
  const r = await parseResume(odt, { fileName: 'cv.odt', referenceDate: REFERENCE });
  assert.equal(r.error.errorCode, null);
  const d = r.data!;
  assert.equal(d.name?.raw, PERSON.name);
  assert.deepEqual(d.emails, [PERSON.email]);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    PERSON.jobs.map((j) => [j.title, j.org]),
  );
  assert.equal(d.education[0]!.organization, PERSON.school);
  const types = d.sections.map((s) => s.sectionType);
  for (const type of ['WorkExperience', 'Education', 'Skills']) assert.ok(types.includes(type), `${type} in ${types}`);
});

test('ODT structure: styles (inherited, relative sizes), headings, lists, spaces and tabs, a table by its column widths, header, footer, frame', async () => {
  const layout = await layoutOf(resumeOdt());
  assert.equal(layout.format, 'odt');
  assert.equal(layout.lines[0]!.role, 'header');
  assert.equal(layout.lines[0]!.text, `${PERSON.name} – Curriculum Vitae`);
  assert.equal(layout.lines.at(-1)!.role, 'footer');
  const name = line(layout, PERSON.name);
  assert.equal(name.headingLevel, 1);
  assert.equal(name.bold, true, 'bold from the parent style "Heading"');
  assert.equal(name.fontSize, 18.2, '130 % of the parent style\'s 14 pt');
  const skills = line(layout, 'Skills');
  assert.equal(skills.headingLevel, 2);
  assert.equal(skills.fontSize, 14);
  assert.equal(line(layout, `San Francisco, CA\t${PERSON.email}\t${PERSON.phone}`).bold, false, 'text:s of 3 spaces and text:tab separate fields');
  const job = line(layout, `${PERSON.jobs[0]!.title}\t${PERSON.jobs[0]!.dates}`);
  assert.deepEqual(job.words.map((w) => w.bold), [true, true, true, false, false, false, false]);
  assert.equal(line(layout, `${PERSON.jobs[0]!.org}, San Francisco, CA`).words[0]!.italic, true);
  assert.equal(line(layout, 'Python').listItem, true);
  assert.equal(line(layout, 'English, Spanish').listItem, undefined, 'a list level that prints no number is no list item');
  const city = line(layout, 'Seattle, WA');
  assert.equal(line(layout, `${PERSON.school},`).block, city.block, 'a line break keeps the paragraph');
  assert.equal(line(layout, 'References on request').role, 'text-box');
  for (const hidden of ['hidden words', 'Deleted words', 'Table']) assert.ok(!layout.text.includes(hidden), hidden);

  // Two cells side by side in proportion to their relative column widths (20000* : 50000*).
  const experience = line(layout, 'Experience');
  assert.deepEqual([skills.cell, experience.cell], [[0, 0, 0], [0, 0, 1]]);
  assert.ok(Math.abs(experience.bbox[0] - (36 + (540 * 2) / 7)) < 1, `x ${experience.bbox[0]}`);
  assert.equal(experience.bbox[1], skills.bbox[1]);
});

test('broken and hostile ODT: encrypted, zip bomb, truncated, no content.xml, a spreadsheet', async () => {
  const code = async (bytes: Uint8Array): Promise<string | undefined> => (await runPipeline(bytes)).error?.errorCode;
  assert.equal(await code(encryptedOdt()), 'password_protected');
  const started = performance.now();
  assert.equal(await code(claimHugeEntry(resumeOdt(), 'content.xml')), 'document_conversion_failed');
  assert.ok(performance.now() - started < 5000);
  assert.equal(await code(resumeOdt().subarray(0, 700)), 'document_conversion_failed');
  assert.equal(await code(odfPackage({ 'styles.xml': '<office:document-styles/>' })), 'document_conversion_failed');
  assert.equal(await code(odfPackage({ 'content.xml': '<office:document-content><office:body><office:text><text:p>5 < 7</text:p></office:text></office:body></office:document-content>' })), 'document_conversion_failed');
  const spreadsheet = odfPackage({ 'content.xml': '<office:document-content/>' }, 'application/vnd.oasis.opendocument.spreadsheet');
  assert.equal(detectKind(spreadsheet), 'zip');
  assert.equal(await code(spreadsheet), 'unsupported_file_type');
});
