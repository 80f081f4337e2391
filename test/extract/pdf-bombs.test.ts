import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseResume } from '../../src/index.ts';
import { checkPdfExpansion } from '../../src/pipeline/extract/pdf-bombs.ts';
import { DocumentError } from '../../src/pipeline/doc.ts';
import { deflateBombPdf, singleColumnPdf } from '../fixtures/pdf-fixtures.ts';

test('a PDF whose streams inflate past the budget fails at once, without pdf.js ever reading it', async () => {
  const bomb = await deflateBombPdf(300);
  assert.ok(bomb.length < 1024 * 1024, `the bomb is small: ${bomb.length} bytes`);
  assert.throws(() => checkPdfExpansion(bomb), (err: unknown) => err instanceof DocumentError && err.code === 'document_conversion_failed');
  const started = Date.now();
  const before = process.memoryUsage().rss;
  const r = await parseResume(bomb);
  assert.equal(r.error.errorCode, 'document_conversion_failed');
  assert.match(r.error.errorDetail!, /decompression bomb/);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  assert.ok(process.memoryUsage().rss - before < 400 * 1024 * 1024, 'memory stayed bounded');
});

test('ordinary PDFs pass the check', async () => {
  checkPdfExpansion(await singleColumnPdf());
  checkPdfExpansion(new Uint8Array(readFileSync(new URL('../../examples/resume.pdf', import.meta.url))));
  checkPdfExpansion(await deflateBombPdf(8)); // 8 MB of one content stream: large, but within the budget
});
