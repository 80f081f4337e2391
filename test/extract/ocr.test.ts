/** OCR end to end on scans the tests make: a PNG, an image-only PDF, a blank image. Needs tesseract-ocr. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume } from '../../src/index.ts';
import { imageDpi } from '../../src/pipeline/extract/image.ts';
import { singleColumnPdf, sidebarPdf } from '../fixtures/pdf-fixtures.ts';
import { blankPng, imageOnlyPdf, renderPng } from '../fixtures/scan-fixtures.ts';

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
