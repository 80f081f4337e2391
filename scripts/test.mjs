#!/usr/bin/env node
// `npm test`: runs every test/**/*.test.ts with node:test under tsx.
// Node 20's `--test` has no glob, and given a folder it finds 0 tests and exits 0 (it only discovers .js/.mjs/.cjs),
// so the files are listed here, and finding none is an error rather than a silent pass.
// Extra arguments go to node before the files: `npm test -- --test-name-pattern=schema`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => path.join('test', file))
  .sort();
if (files.length === 0) {
  console.error('scripts/test.mjs: no test/**/*.test.ts files found — refusing to report success with zero tests.');
  process.exit(1);
}
// Two files at a time: the CI machines have two cores, and the CLI tests spawn child processes.
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...files];
const { status, signal } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (signal) console.error(`scripts/test.mjs: the test runner was killed by ${signal}.`);
process.exit(status ?? 1);
