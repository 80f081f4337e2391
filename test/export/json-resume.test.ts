import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { runCli } from '../cli/run-cli.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';
import type { JsonResume } from '../../src/export/json-resume.ts';

const schema = JSON.parse(readFileSync(new URL('../fixtures/jsonresume-schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
const validate = ajv.compile(schema);

test('vitae parse --format json-resume writes documents valid against the JSON Resume schema', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vitae-jr-'));
  const docx = path.join(dir, 'resume.docx');
  writeFileSync(docx, await plainResume());
  const pdf = new URL('../../examples/resume.pdf', import.meta.url).pathname;
  const r = await runCli(['parse', pdf, docx, '--format', 'json-resume']);
  assert.equal(r.code, 0, r.stderr);
  const docs = JSON.parse(r.stdout) as JsonResume[];
  assert.equal(docs.length, 2);
  for (const doc of docs) assert.ok(validate(doc), JSON.stringify(validate.errors));
  const [elena] = docs;
  assert.equal(elena!.basics.name, 'Elena M. Varga');
  assert.equal(elena!.basics.email, 'elena.varga@example.com');
  assert.equal(elena!.basics.profiles[0]?.network, 'LinkedIn');
  assert.deepEqual(elena!.work.slice(0, 2).map((w) => [w.position, w.name, w.startDate, w.endDate]), [
    ['Senior Software Engineer', 'Northwind Freight Systems', '2021-03', undefined],
    ['Software Engineer', 'Cascade Ledger Co.', '2017-06', '2021-02'],
  ]);
  assert.ok(elena!.work[0]!.highlights.length >= 2);
  assert.ok(elena!.education.length >= 1 && elena!.education[0]!.institution);
  assert.ok(elena!.skills.some((s) => s.name === 'PostgreSQL'));
});

test('--format rejects an unknown format; a failed document keeps its error', async () => {
  const bad = await runCli(['parse', 'x.pdf', '--format', 'hr-xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be affinda or json-resume/);
  const dir = mkdtempSync(path.join(tmpdir(), 'vitae-jr-'));
  const empty = path.join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = await runCli(['parse', empty, '--format', 'json-resume']);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).error.errorCode, 'document_conversion_failed');
});
