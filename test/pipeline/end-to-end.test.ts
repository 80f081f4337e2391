/**
 * The library end to end on documents the project draws itself: a two-column PDF, a Word file and the
 * shipped example, through `parseResume` with nothing mocked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseResume } from '../../src/index.ts';
import { sidebarPdf, corruptPdf, narrowColumnPdf, passwordProtectedPdf, rolesByTypePdf, twoPageSidebarPdf } from '../fixtures/pdf-fixtures.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';

test('a sidebar PDF: the name above, contacts and skills from the sidebar, entries from the main column', async () => {
  const r = await parseResume(await sidebarPdf(), { fileName: 'jane.pdf', referenceDate: new Date('2026-11-01') });
  assert.equal(r.error.errorCode, null);
  const d = r.data!;
  assert.equal(d.name?.raw, 'Jane Doe');
  assert.deepEqual(d.emails, ['jane@example.com']);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['Senior Engineer', 'Acme'], ['Engineer', 'Globex']]);
  assert.equal(d.workExperience[0]!.jobDescription, 'Led the payments team of eight engineers\nCut the p99 latency of checkout by half');
  assert.deepEqual(d.skills.map((s) => s.name), ['TypeScript', 'PostgreSQL', 'Kubernetes']);
  assert.deepEqual(d.languages, ['English', 'French']);
  assert.equal(d.education[0]!.organization, 'University of Leeds');
  assert.equal(d.education[0]!.accreditation?.educationLevel, 'bachelors');
  assert.equal(r.meta.pages.length, 1);
  assert.equal(r.meta.pages[0]!.width, 612);
  assert.equal(r.meta.fileName, 'jane.pdf');
});

test('a Word résumé: title and employer on separate lines, dates after a tab, bullets', async () => {
  const r = await parseResume(await plainResume(), { referenceDate: new Date('2026-11-01') });
  const d = r.data!;
  assert.equal(d.name?.raw, 'Ada Lovelace');
  const job = d.workExperience[0]!;
  assert.equal(job.jobTitle, 'Senior Engineer');
  assert.equal(job.organization, 'Analytical Engines Ltd');
  assert.equal(job.location?.city, 'London');
  assert.equal(job.dates?.startDate, '2019-01-01');
  assert.equal(job.dates?.isCurrent, true);
  assert.equal(d.education[0]!.organization, 'University of London');
});

test('the shipped example parses fully', async () => {
  const r = await parseResume(readFileSync(new URL('../../examples/resume.pdf', import.meta.url)));
  const d = r.data!;
  assert.ok(d.name?.first && d.name.last);
  assert.ok(d.emails.length === 1);
  assert.ok(d.workExperience.length >= 2);
  assert.ok(d.workExperience.every((w) => w.jobTitle && w.organization && w.dates?.startDate));
  assert.ok(d.education.length >= 1);
  assert.ok(d.skills.length >= 5);
});

test('broken documents fail with Affinda error codes, and data null', async () => {
  const corrupt = await parseResume(corruptPdf());
  assert.equal(corrupt.data, null);
  assert.equal(corrupt.meta.failed, true);
  assert.equal(corrupt.error.errorCode, 'document_conversion_failed');
  const locked = await parseResume(await passwordProtectedPdf());
  assert.equal(locked.error.errorCode, 'password_protected');
  const empty = await parseResume(new Uint8Array());
  assert.equal(empty.error.errorCode, 'document_conversion_failed');
  const binary = await parseResume(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 7]));
  assert.equal(binary.error.errorCode, 'unsupported_file_type');
});

test('a narrow column: a wrapped school name, a degree over its field, years stacked without a dash', async () => {
  const r = await parseResume(await narrowColumnPdf(), { fileName: 'arjun.pdf', referenceDate: new Date('2026-11-01') });
  const d = r.data!;
  assert.deepEqual(
    d.education.map((e) => [e.organization, e.accreditation?.education, e.dates?.completionDate]),
    [
      ['Indian Institute of Management Ahmedabad', 'Master of Science Economics', '2018-01-01'],
      ['Osmania University', 'B.Com', '2015-01-01'],
    ],
  );
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['Financial Analyst', 'Deccan Capital']]);
});

test('two pages with a sidebar: the work history runs on to page 2, a skill named "… Skills" stays a skill', async () => {
  const r = await parseResume(await twoPageSidebarPdf(), { fileName: 'maria.pdf', referenceDate: new Date('2026-11-01') });
  const d = r.data!;
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]),
    [
      ['Registered Nurse', 'Changi General Hospital', '2021-09-01'],
      ['Staff Nurse', 'National University Hospital', '2018-03-01'],
    ],
  );
  assert.deepEqual(d.languages, ['English', 'Tagalog']);
  assert.deepEqual(d.skills.map((s) => s.name), ['Care Planning', 'Attention to Detail', 'Presentation Skills']);
});

test('roles under one employer told apart by their type from entries that name a new employer', async () => {
  const r = await parseResume(await rolesByTypePdf(), { fileName: 'tom.pdf', referenceDate: new Date('2026-11-01') });
  assert.deepEqual(
    r.data!.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]),
    [
      ['Sales Representative', 'Sage Group', '2025-04-01'],
      ['Account Manager', 'Legal & General', '2024-07-01'],
      ['Sales Associate', 'Legal & General', '2023-01-01'],
      ['Business Development Representative', 'John Lewis Partnership', '2021-08-01'],
    ],
  );
});
