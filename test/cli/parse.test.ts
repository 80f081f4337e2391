import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_TXT, runCli } from './run-cli.ts';

const EXAMPLE_PDF = fileURLToPath(new URL('../../examples/resume.pdf', import.meta.url));

/** Random-looking bytes that detectKind calls 'unknown' (no signature, lots of control characters). */
const BOGUS = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);

/** folder/{a.txt, deeper/b.txt, bogus.bin, .hidden.txt, old.json} and a loose bogus file next to it. */
async function fixtureTree(): Promise<{ root: string; folder: string; looseBogus: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'vitae-cli-'));
  const folder = path.join(root, 'in');
  await mkdir(path.join(folder, 'deeper'), { recursive: true });
  await copyFile(EXAMPLE_TXT, path.join(folder, 'a.txt'));
  await copyFile(EXAMPLE_TXT, path.join(folder, 'deeper', 'b.txt'));
  await copyFile(EXAMPLE_TXT, path.join(folder, '.hidden.txt'));
  await writeFile(path.join(folder, 'old.json'), '{}');
  await writeFile(path.join(folder, 'bogus.bin'), BOGUS);
  const looseBogus = path.join(root, 'named.bin');
  await writeFile(looseBogus, BOGUS);
  return { root, folder, looseBogus };
}

test('one file: a single Affinda v2 Resume object on stdout, exit 0', async () => {
  const { code, stdout, stderr } = await runCli(['parse', EXAMPLE_TXT]);
  assert.equal(code, 0, stderr);
  const resume = JSON.parse(stdout);
  assert.ok(!Array.isArray(resume));
  assert.deepEqual(Object.keys(resume).sort(), ['data', 'error', 'meta']);
  assert.equal(resume.error.errorCode, null);
  assert.equal(resume.meta.fileName, 'resume.txt');
  assert.equal(resume.meta.failed, false);
  assert.match(stderr, /1 document, 1 succeeded, 0 failed/);
});

test('the CLI draws no page images: pages keep their size in points and no image', async () => {
  const { code, stdout, stderr } = await runCli(['parse', EXAMPLE_PDF]);
  assert.equal(code, 0, stderr);
  assert.deepEqual(JSON.parse(stdout).meta.pages, [{ id: 1, pageIndex: 0, image: null, imageTranslated: null, width: 612, height: 792, rotation: 0 }]);
});

test('folder + named file with --out and --concurrency 2: walked files written, unknown ones skipped, named bogus file fails', async () => {
  const { root, folder, looseBogus } = await fixtureTree();
  const out = path.join(root, 'out');
  const { code, stdout, stderr } = await runCli(['parse', folder, looseBogus, '--out', out, '--concurrency', '2']);
  assert.equal(code, 1, stderr);
  assert.equal(stdout, '');
  assert.deepEqual((await readdir(out)).sort(), ['a.json', 'b.json', 'named.json']);
  for (const name of ['a.json', 'b.json']) {
    const resume = JSON.parse(await readFile(path.join(out, name), 'utf8'));
    assert.equal(resume.error.errorCode, null, name);
  }
  const failed = JSON.parse(await readFile(path.join(out, 'named.json'), 'utf8'));
  assert.equal(failed.data, null);
  assert.equal(failed.meta.failed, true);
  assert.equal(failed.error.errorCode, 'unsupported_file_type');
  assert.match(stderr, /3 documents, 2 succeeded, 1 failed \(unsupported_file_type 1\), 1 skipped/);
  assert.match(stderr, /failed: .*named\.bin \(unsupported_file_type\)/);
});

test('a folder prints a JSON array in input order; --ndjson prints one line per document', async () => {
  const { folder } = await fixtureTree();
  const array = await runCli(['parse', folder]);
  assert.equal(array.code, 0, array.stderr);
  assert.deepEqual(JSON.parse(array.stdout).map((r: { meta: { fileName: string } }) => r.meta.fileName), ['a.txt', 'b.txt']);
  const ndjson = await runCli(['parse', folder, '--ndjson', '-j', '2']);
  assert.equal(ndjson.code, 0, ndjson.stderr);
  const names = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line).meta.fileName).sort();
  assert.deepEqual(names, ['a.txt', 'b.txt']);
});

test('--timeout: documents over the limit fail with processing_timeout and the run still finishes', async () => {
  const { folder } = await fixtureTree();
  // 1 ms is less than a worker needs to start, so every document misses it; each miss retires a worker.
  const { code, stdout, stderr } = await runCli(['parse', folder, '--timeout', '1', '-j', '2']);
  assert.equal(code, 1, stderr);
  const resumes = JSON.parse(stdout);
  assert.deepEqual(resumes.map((r: { error: { errorCode: string } }) => r.error.errorCode), ['processing_timeout', 'processing_timeout']);
  assert.match(stderr, /2 failed \(processing_timeout 2\)/);
});

test('usage errors exit with 2 and say what is wrong', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['parse'], /name at least one file or folder/],
    [['parse', EXAMPLE_TXT, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['parse', EXAMPLE_TXT, '--concurrency', '0'], /--concurrency must be a positive integer/],
    [['parse', 'no/such/file.pdf'], /no such file or folder/],
    [['parse', EXAMPLE_TXT, '--ndjson', '--out', 'x'], /cannot be combined with --out/],
    [['parse', EXAMPLE_TXT, '--region-bias', '{"country":1}'], /"country" has the wrong type/],
    [['unknown-command'], /unknown command "unknown-command"/],
    [[], /Usage: vitae <command>/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await runCli(args);
    assert.equal(code, 2, `vitae ${args.join(' ')}`);
    assert.equal(stdout, '', `vitae ${args.join(' ')}`);
    assert.match(stderr, message);
  }
});

test('--help and --version', async () => {
  const help = await runCli(['parse', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: vitae parse/);
  const version = await runCli(['--version']);
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(version.stdout.trim(), pkg.version);
});
