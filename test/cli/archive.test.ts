/** `vitae parse` on ZIP archives, run as a user would: the résumés inside are parsed as files of a folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bombZip, encryptedZip, lyingBombZip, manyEntriesZip, resumesZip, traversalZip, ZIP_NAMES } from '../fixtures/zip-fixtures.ts';
import { runCli } from './run-cli.ts';

test('an archive named alone: an array of its résumés in archive order, labelled archive/entry; junk and nested ZIPs skipped', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vitae-zip-'));
  const archive = path.join(dir, 'cvs.zip');
  await writeFile(archive, await resumesZip());
  const { code, stdout, stderr } = await runCli(['parse', archive]);
  assert.equal(code, 0, stderr);
  const resumes = JSON.parse(stdout);
  assert.ok(Array.isArray(resumes));
  assert.deepEqual(resumes.map((r: any) => r.meta.fileName), ['cv1.pdf', 'cv2.docx']);
  assert.deepEqual(resumes.map((r: any) => r.data?.name?.raw), [ZIP_NAMES.pdf, ZIP_NAMES.docx]);
  // junk.bin and inner.zip; the folder, the hidden file and the macOS fork are not documents at all.
  assert.match(stderr, /2 documents, 2 succeeded, 0 failed, 2 skipped/);

  const out = path.join(dir, 'out');
  assert.equal((await runCli(['parse', archive, '--out', out])).code, 0);
  assert.deepEqual((await readdir(out)).sort(), ['cv1.json', 'cv2.json']);
});

test('hostile archives in a folder each fail on their own, quickly; the good archive beside them is parsed', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vitae-zip-'));
  const folder = path.join(dir, 'in');
  await mkdir(folder);
  const files: Record<string, Uint8Array> = {
    'a.zip': await resumesZip(),
    'bomb.zip': bombZip(50),
    'encrypted.zip': await encryptedZip(),
    'lying.zip': lyingBombZip(50),
    'many.zip': manyEntriesZip(10_000),
    'traversal.zip': await traversalZip(),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(folder, name), bytes);
  const started = performance.now();
  const { code, stdout, stderr } = await runCli(['parse', folder]);
  assert.ok(performance.now() - started < 60_000, `took ${performance.now() - started} ms`);
  assert.equal(code, 1, stderr);
  const resumes = JSON.parse(stdout);
  assert.deepEqual(
    resumes.map((r: any) => [r.meta.fileName, r.error.errorCode]),
    [
      ['cv1.pdf', null],
      ['cv2.docx', null],
      ['bomb.zip', 'document_conversion_failed'],
      ['encrypted.zip', 'password_protected'],
      ['lying.zip', 'document_conversion_failed'],
      ['many.zip', 'document_conversion_failed'],
      ['traversal.zip', 'document_conversion_failed'],
    ],
  );
  assert.match(resumes[5].error.errorDetail, /10000 entries; at most 100/);
  assert.match(resumes[6].error.errorDetail, /unsafe entry name/);
  assert.match(stderr, /7 documents, 2 succeeded, 5 failed/);
  assert.match(stderr, new RegExp(`failed: ${path.join(folder, 'traversal.zip').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(document_conversion_failed\\)`));
});
