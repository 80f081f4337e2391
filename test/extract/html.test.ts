import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume, runPipeline } from '../../src/pipeline/pipeline.ts';
import { detectKind } from '../../src/pipeline/detect.ts';
import type { Layout, Line } from '../../src/pipeline/layout.ts';
import { PERSON, resumeHtml } from '../fixtures/flow-fixtures.ts';

const REFERENCE = new Date('2026-11-01');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
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

test('an HTML résumé: name, contacts, jobs and school, through parseResume', async () => {
  const r = await parseResume(utf8(resumeHtml()), { fileName: 'cv.html', referenceDate: REFERENCE });
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
  assert.deepEqual(d.skills.map((s) => s.name).slice(0, 3), PERSON.skills);
  const types = d.sections.map((s) => s.sectionType);
  for (const type of ['WorkExperience', 'Education', 'Skills']) assert.ok(types.includes(type), `${type} in ${types}`);
});

test('HTML structure: headings, bold and lists kept; head, scripts and hidden elements skipped; a layout table read as columns', async () => {
  const layout = await layoutOf(utf8(resumeHtml()));
  assert.equal(layout.format, 'html');
  const name = line(layout, PERSON.name);
  assert.equal(name.headingLevel, 1);
  assert.equal(name.bold, true);
  assert.equal(name.fontSize, 24);
  assert.equal(line(layout, 'Experience').headingLevel, 2);
  assert.equal(line(layout, 'Experience').role, 'table-cell');
  // <b> and an inline font-weight make the title bold, not the dates after the tab.
  for (const job of PERSON.jobs) {
    const l = line(layout, `${job.title}\t${job.dates}`);
    assert.deepEqual(
      l.words.map((w) => w.bold),
      l.text.split(/\s+/).map((_, i) => i < job.title.split(' ').length),
    );
  }
  assert.equal(line(layout, `${PERSON.jobs[0]!.org}, San Francisco, CA`).words[0]!.italic, true);
  assert.equal(line(layout, 'Python').listItem, true);
  assert.equal(line(layout, 'English, Spanish').listItem, undefined);
  // Entities decode; white space collapses.
  assert.ok(layout.lines.some((l) => l.text === `San Francisco, CA · ${PERSON.email} · ${PERSON.phone}`));
  for (const hidden of ['Not printed', 'Hidden note', 'Enable JavaScript', 'teal', 'Marisol Quenby – CV']) {
    assert.ok(!layout.text.includes(hidden), `${hidden} is not printed`);
  }

  // The sidebar cell is read before the main cell, and sits left of it (col widths 30 % | 70 %).
  const skills = line(layout, 'Skills');
  const experience = line(layout, 'Experience');
  assert.deepEqual([skills.cell, experience.cell], [[0, 0, 0], [0, 0, 1]]);
  assert.ok(Math.abs(experience.bbox[0] - (36 + 0.3 * 540)) < 1, `main column x ${experience.bbox[0]}`);
  assert.equal(experience.bbox[1], skills.bbox[1]);
  const lastLeft = layout.lines.findLastIndex((l) => l.cell?.[2] === 0);
  const firstRight = layout.lines.findIndex((l) => l.cell?.[2] === 1);
  assert.ok(lastLeft < firstRight);
});

test('HTML is told from its bytes without a doctype, and its character set from a BOM, a meta tag or an XML declaration', async () => {
  const fragment = utf8('<div><p>Jo&atilde;o Silva</p><p>jo&#227;o@example.com &amp; more &#8211; dash</p></div>');
  assert.equal(detectKind(fragment), 'html');
  assert.ok((await layoutOf(fragment)).text.includes('João Silva\njoão@example.com & more – dash'));

  const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const httpEquiv = latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Espa\xf1ol \x96 fluent</p></body></html>');
  assert.ok((await layoutOf(httpEquiv)).text.includes('Español – fluent'));
  const metaCharset = latin1('<!-- generated --><html><meta charset="iso-8859-1"><p>Z\xfcrich</p></html>');
  assert.equal(detectKind(metaCharset), 'html');
  assert.ok((await layoutOf(metaCharset)).text.includes('Zürich'));
  // No declaration: UTF-8 when it decodes as such, else windows-1252 (its curly quotes too).
  assert.ok((await layoutOf(latin1('<p>\x93Caf\xe9\x94 Owner</p>'))).text.includes('“Café” Owner'));

  const xhtml = latin1(
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body><p>Gen\xe8ve</p><br/><p>Next</p></body></html>',
  );
  assert.equal(detectKind(xhtml), 'html');
  assert.ok((await layoutOf(xhtml)).text.includes('Genève\nNext'));

  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('<html><body><p>Łódź résumé</p></body></html>', 'utf16le'))]);
  assert.equal(detectKind(utf16), 'html');
  assert.ok((await layoutOf(utf16)).text.includes('Łódź résumé'));
  assert.equal(detectKind(utf8('Plain text that mentions <html> later')), 'txt');
});

test('hostile HTML is read in bounded time: nesting bombs, deep tables, stray tags, a huge paragraph, nothing printed', async () => {
  const timed = async (html: string) => {
    const started = performance.now();
    const r = await runPipeline(utf8(html));
    return { r, ms: performance.now() - started };
  };
  // The text before a 200 000-level nesting bomb is read; what is past the bound is dropped.
  const bomb = await timed(`<html><body><p>Before the bomb</p>${'<div>'.repeat(200_000)}deep</body></html>`);
  assert.equal(bomb.r.error, null);
  assert.ok(bomb.r.doc!.layout.text.startsWith('Before the bomb'));
  assert.ok(bomb.ms < 15000, `${bomb.ms} ms`);

  const tables = await timed(`<p>Top</p>${'<table><tr><td>'.repeat(5000)}cell`);
  assert.equal(tables.r.error, null);
  assert.ok(tables.ms < 15000, `${tables.ms} ms`);

  const stray = await timed(`<p>Kept</p>${'<b>'.repeat(1000)}x${'</i>'.repeat(200_000)}`);
  assert.equal(stray.r.error, null);
  assert.ok(stray.ms < 15000, `${stray.ms} ms`);

  const huge = await timed(`<p>${'word '.repeat(200_000)}</p>`);
  assert.equal(huge.r.error, null);
  assert.ok(huge.ms < 30000, `${huge.ms} ms`);

  const empty = await runPipeline(utf8('<html><head><title>Only a title</title><script>alert(1)</script></head><body>  </body></html>'));
  assert.equal(empty.error?.errorCode, 'no_text_found');

  // Cut in the middle of a tag: what came before is read.
  const truncated = await runPipeline(utf8(resumeHtml().slice(0, resumeHtml().indexOf('<table') + 40)));
  assert.equal(truncated.error, null);
  assert.equal(truncated.data?.name?.raw, PERSON.name);
});
