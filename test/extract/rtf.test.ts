import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { CERTIFICATIONS, PERSON, resumeRtf } from '../fixtures/flow-fixtures.ts';

const REFERENCE = new Date('2026-11-01');
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const layoutOf = async (rtf: string): Promise<Layout> => {
  const result = await runPipeline(bytes(rtf), { referenceDate: REFERENCE });
  assert.equal(result.error, null, JSON.stringify(result.error));
  return result.doc!.layout;
};
const line = (layout: Layout, text: string): Line => {
  const found = layout.lines.find((l) => l.text === text);
  assert.ok(found, `no line ${JSON.stringify(text)} in ${JSON.stringify(layout.lines.map((l) => l.text))}`);
  return found;
};

test('an RTF résumé: name, contacts, jobs and school, through parseResume', async () => {
  assert.equal(detectKind(bytes(resumeRtf())), 'rtf');
  const r = await parseResume(bytes(resumeRtf()), { fileName: 'cv.rtf', referenceDate: REFERENCE });
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

test('RTF structure: style-sheet headings, bold and sizes, list labels, a header, tables from \\cellx; skipped destinations', async () => {
  const layout = await layoutOf(resumeRtf());
  assert.equal(layout.format, 'rtf');
  const header = layout.lines[0]!;
  assert.equal(header.role, 'header');
  assert.equal(header.text, `${PERSON.name} – Curriculum Vitae`, '\\uN read, its fallback character skipped');
  const name = line(layout, PERSON.name);
  assert.equal(name.headingLevel, 1, 'style 1 is named "heading 1"');
  assert.equal(name.fontSize, 20, '\\fs40 is 20 points');
  assert.equal(name.bold, true);
  assert.equal(line(layout, 'EXPERIENCE').headingLevel, 1);
  assert.equal(line(layout, `San Francisco, CA • ${PERSON.email} • ${PERSON.phone}`).bold, false, '\\plain resets bold');
  const job = line(layout, `${PERSON.jobs[0]!.title}\t${PERSON.jobs[0]!.dates}`);
  assert.deepEqual(job.words.map((w) => w.bold), [true, true, true, false, false, false, false]);
  assert.equal(line(layout, `${PERSON.jobs[0]!.org}, San Francisco, CA`).words[0]!.italic, true);
  assert.equal(line(layout, 'Python').listItem, true, 'a \\listtext label makes a list item');
  assert.equal(line(layout, 'English, Español').listItem, undefined, "\\'f1 in code page 1252");
  for (const hidden of ['hidden text', 'Not printed', 'Nobody', '89504e47', 'Arial', 'Default Paragraph Font']) assert.ok(!layout.text.includes(hidden), hidden);

  // The layout row: two cells side by side at the \cellx proportions (3000 of 9000 twips), read cell by cell.
  const skills = line(layout, 'SKILLS');
  const experience = line(layout, 'EXPERIENCE');
  assert.deepEqual([skills.cell, experience.cell], [[0, 0, 0], [0, 0, 1]]);
  assert.ok(Math.abs(experience.bbox[0] - (36 + 540 / 3)) < 1, `x ${experience.bbox[0]}`);
  assert.equal(experience.bbox[1], skills.bbox[1]);
  // The grid: three columns, a row per certificate.
  const [first, second] = CERTIFICATIONS as [string[], string[]];
  const cells = first.map((text) => line(layout, text));
  assert.deepEqual(cells.map((l) => l.cell), [[1, 0, 0], [1, 0, 1], [1, 0, 2]]);
  assert.ok(cells[0]!.bbox[0] < cells[1]!.bbox[0] && cells[1]!.bbox[0] < cells[2]!.bbox[0]);
  assert.deepEqual(line(layout, second[2]!).cell, [1, 1, 2]);
});

test('RTF text: code pages, \\uN with \\ucN, surrogate pairs, symbols, \\line, \\tab, hidden and deleted text, Word text boxes', async () => {
  const cyrillic = await layoutOf("{\\rtf1\\ansi\\ansicpg1251 \\'c8\\'e2\\'e0\\'ed \\'cf\\'e5\\'f2\\'f0\\'ee\\'e2\\par}");
  assert.equal(cyrillic.text, 'Иван Петров');
  const japanese = await layoutOf("{\\rtf1\\ansi\\ansicpg932 \\'93\\'fa\\'96\\'7b\\par}");
  assert.equal(japanese.text, '日本');
  const cp1252 = await layoutOf("{\\rtf1\\ansi \\'93Quoted\\'94 \\'96 caf\\'e9\\par}");
  assert.equal(cp1252.text, '“Quoted” – café');
  const unicode = await layoutOf('{\\rtf1\\ansi\\uc2 Smile \\u-10179??\\u-8704?? {\\uc0\\u8364}5\\par}');
  assert.equal(unicode.text, 'Smile 😀 €5');
  const symbols = await layoutOf("{\\rtf1 \\bullet\\~A\\endash B\\emdash C \\{x\\} \\\\ {\\f1 \\u61623\\'b7} Item\\line Next\\tab Col {\\v Hidden}{\\deleted Gone}\\par}");
  assert.equal(symbols.text, '• A–B—C {x} \\ • Item\nNext\tCol');
  // Word writes a text box as a shape whose \shptxt holds its paragraphs, and a fallback (\shprslt) for older readers.
  const box = await layoutOf('{\\rtf1 Before\\par {\\shp{\\*\\shpinst\\shpleft0{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard Boxed line\\par}}{\\shprslt Fallback}} After\\par}');
  assert.deepEqual(box.lines.map((l) => [l.role, l.text]), [['body', 'Before'], ['text-box', 'Boxed line'], ['body', 'After']]);
});

test('hostile RTF: a 100 000-group nesting bomb, unclosed groups, a huge \\bin, a large picture, truncated and empty files', async () => {
  const timed = async (rtf: string) => {
    const started = performance.now();
    const r = await runPipeline(bytes(rtf));
    return { r, ms: performance.now() - started };
  };
  const bomb = await timed(`{\\rtf1 Before ${'{'.repeat(100_000)}deep${'}'.repeat(100_000)} after\\par}`);
  assert.equal(bomb.r.error, null);
  assert.equal(bomb.r.doc!.layout.text, 'Before deep after');
  assert.ok(bomb.ms < 15000, `${bomb.ms} ms`);

  const unclosed = await timed(`{\\rtf1 Kept ${'{\\b '.repeat(300_000)}bold`);
  assert.equal(unclosed.r.error, null);
  assert.ok(unclosed.r.doc!.layout.text.startsWith('Kept'));
  assert.ok(unclosed.ms < 15000, `${unclosed.ms} ms`);

  // \binN may not allocate more than the file holds.
  const bin = await timed('{\\rtf1 Before {\\bin2000000000 xyz} after\\par}');
  assert.equal(bin.r.error, null);
  assert.ok(bin.r.doc!.layout.text.startsWith('Before'));

  // A 2 MB picture in hex lines costs time in proportion to its size (Tokenize alone joins the lines: 17 s, growing with the square).
  const picture = await timed(`{\\rtf1 Name {\\pict\\pngblip ${'0123456789abcdef'.repeat(8).concat('\n').repeat(15_000)}} Here\\par}`);
  assert.equal(picture.r.error, null);
  assert.equal(picture.r.doc!.layout.text, 'Name Here');
  assert.ok(picture.ms < 10000, `${picture.ms} ms`);

  const truncated = await runPipeline(bytes(resumeRtf().slice(0, resumeRtf().indexOf('\\trowd') + 300)));
  assert.equal(truncated.error, null);
  assert.equal(truncated.data?.name?.raw, PERSON.name);
  assert.equal((await runPipeline(bytes('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}'))).error?.errorCode, 'no_text_found');
});
