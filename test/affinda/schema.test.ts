/**
 * Vitae's output is schema-exact Affinda v2: it validates against the derived v2 JSON Schema, and every key the
 * schema lists for Resume, Meta and ResumeData is present (null or [] when unknown), as Affinda's responses are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseResume } from '../../src/pipeline/pipeline.ts';
import { failedResume } from '../../src/workers/parse-file.ts';
import type { Resume } from '../../src/affinda/types.ts';

// Vendored copy (see test/fixtures/README.md), so the test does not depend on ../shared.
const schema = JSON.parse(readFileSync(new URL('../fixtures/affinda-v2-derived-schemas.json', import.meta.url), 'utf8'));
// strict: false because the derived schema carries annotations ajv does not know; formats are not checked.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validateResume = ajv.compile({ $schema: schema.$schema, $defs: schema.$defs, $ref: '#/$defs/Resume' });

const RESUME_TEXT = `Priya N. Raman
priya.raman@example.com | +44 20 7946 0958 | Manchester, United Kingdom

PROFILE
Data engineer with six years of experience in retail analytics.

EXPERIENCE
Senior Data Engineer | Jan 2022 – Present
Example Retail Group, Manchester
• Built the nightly sales pipeline in Python and Airflow.

Data Analyst | Sep 2019 – Dec 2021
Example Insights Ltd, Leeds
• Automated weekly reporting with SQL and dbt.

EDUCATION
MSc Data Science | 2018 – 2019
University of Leeds

SKILLS
Python, SQL, Airflow, dbt, Spark

LANGUAGES
English, Tamil
`;

function assertSchemaExact(resume: Resume): void {
  const valid = validateResume(resume);
  assert.ok(valid, ajv.errorsText(validateResume.errors, { separator: '\n' }));
  const expectKeys = (value: object, def: string) => {
    const missing = Object.keys(schema.$defs[def].properties).filter((key) => !(key in value));
    assert.deepEqual(missing, [], `${def} lacks keys the schema lists`);
  };
  expectKeys(resume, 'Resume');
  expectKeys(resume.meta, 'Meta');
  if (resume.data) expectKeys(resume.data, 'ResumeData');
}

test('parseResume of a plain-text résumé is schema-exact Affinda v2', async () => {
  const resume = await parseResume(new TextEncoder().encode(RESUME_TEXT), { fileName: 'priya.txt' });
  assert.equal(resume.error.errorCode, null, resume.error.errorDetail ?? '');
  assert.ok(resume.data, 'data is present for a parsed document');
  assertSchemaExact(resume);
});

test('a failed document is schema-exact too: data null, error filled, meta complete', async () => {
  const unsupported = await parseResume(Uint8Array.from({ length: 512 }, (_, i) => i % 7), { fileName: 'blob.bin' });
  assert.equal(unsupported.data, null);
  assert.equal(unsupported.error.errorCode, 'unsupported_file_type');
  assertSchemaExact(unsupported);
  // The CLI builds failures outside the pipeline (timeouts, crashed workers) itself.
  assertSchemaExact(failedResume({ fileName: 'slow.pdf' }, 'processing_timeout', 'Parsing took longer than 1 ms.'));
});
