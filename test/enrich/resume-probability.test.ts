import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';
import { singleColumnPdf, sidebarPdf } from '../fixtures/pdf-fixtures.ts';
import { ARTICLE, COVER_LETTER, INVOICE, JOB_ADVERT } from '../fixtures/not-resumes.ts';

const probability = async (bytes: Uint8Array): Promise<number> => {
  const r = await runPipeline(bytes);
  assert.equal(r.error, null);
  return r.data!.isResumeProbability!;
};
const text = (s: string) => new TextEncoder().encode(s);

test('résumés score above 80', async () => {
  for (const [name, bytes] of [
    ['examples/resume.pdf', new Uint8Array(readFileSync(new URL('../../examples/resume.pdf', import.meta.url)))],
    ['examples/resume.txt', new Uint8Array(readFileSync(new URL('../../examples/resume.txt', import.meta.url)))],
    ['a DOCX résumé', await plainResume()],
    ['a one-column PDF', await singleColumnPdf()],
    ['a PDF with a sidebar', await sidebarPdf()],
  ] as const) {
    const p = await probability(bytes);
    assert.ok(p > 80, `${name}: ${p}`);
  }
});

test('cover letters, job adverts, invoices and articles score below 30', async () => {
  for (const [name, doc] of Object.entries({ COVER_LETTER, JOB_ADVERT, INVOICE, ARTICLE })) {
    const p = await probability(text(doc));
    assert.ok(p < 30, `${name}: ${p}`);
  }
});
