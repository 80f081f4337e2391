#!/usr/bin/env node
// `npm run build:web`: type-checks web/review/ (DOM types, its own tsconfig) and bundles it with esbuild into
// src/service/review/assets/, which is committed so that the server needs no build step. Run it after editing web/.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}web`], { stdio: 'inherit' });
await build({
  entryPoints: [`${root}web/review/main.ts`],
  outfile: `${root}src/service/review/assets/review.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(`${root}web/review/review.css`, `${root}src/service/review/assets/review.css`);
console.log('built src/service/review/assets/review.js and review.css');
