/**
 * Damaged documents never crash or hang the parser: seeded random mutations (flipped bytes, truncation,
 * spliced garbage) of real documents of every format Vitae reads must each come back as a Resume — parsed or
 * failed with an error code — in bounded time and memory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseResume } from '../../src/index.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';
import { resumeHtml, resumeOdt, resumeRtf, resumeXlsx } from '../fixtures/flow-fixtures.ts';
import { singleColumnPdf } from '../fixtures/pdf-fixtures.ts';
import { renderPng } from '../fixtures/scan-fixtures.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  switch (Math.floor(rnd() * 3)) {
    case 0: // flip bytes
      for (let i = 0; i < 1 + rnd() * 40; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
      return out;
    case 1: // truncate
      return out.subarray(0, Math.floor(rnd() * out.length));
    default: {
      // splice garbage into the middle
      const at = Math.floor(rnd() * out.length);
      const junk = Uint8Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256));
      return new Uint8Array([...out.subarray(0, at), ...junk, ...out.subarray(at)]);
    }
  }
}

const CODES = new Set(['document_conversion_failed', 'unsupported_file_type', 'password_protected', 'no_text_found']);

/** Resident memory the process may reach while parsing damaged files: bounded, whatever the damage. */
const MAX_RSS = 1.5 * 1024 * 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

for (const [format, load, cases] of [
  ['pdf', async () => new Uint8Array(readFileSync(new URL('../../examples/resume.pdf', import.meta.url))), 40],
  ['docx', async () => plainResume(), 40],
  ['txt', async () => new Uint8Array(readFileSync(new URL('../../examples/resume.txt', import.meta.url))), 40],
  ['html', async () => text(resumeHtml()), 30],
  ['rtf', async () => text(resumeRtf()), 30],
  ['odt', async () => resumeOdt(), 30],
  ['doc', async () => new Uint8Array(readFileSync(new URL('../fixtures/resume.doc', import.meta.url))), 30],
  ['xlsx', async () => resumeXlsx(), 30],
  ['xls', async () => new Uint8Array(readFileSync(new URL('../fixtures/resume.xls', import.meta.url))), 40],
  // OCR'd: fewer cases, each can take a second or two.
  ['png', async () => renderPng(await singleColumnPdf(), 100), 6],
] as const) {
  test(`${cases} damaged ${format} files: each parses or fails cleanly, none crashes, hangs or runs away with memory`, async () => {
    const original = await load();
    // The first parse of a format loads its libraries and the knowledge tables (seconds on a busy machine): done
    // once, untimed, so the time limit below measures what the damage costs.
    await parseResume(original);
    const rnd = random(format.length * 7919);
    for (let i = 0; i < cases; i++) {
      const bytes = mutate(original, rnd);
      const started = Date.now();
      const r = await parseResume(bytes);
      assert.ok(Date.now() - started < 10_000, `case ${i} took too long`);
      assert.ok(process.memoryUsage().rss < MAX_RSS, `case ${i}: ${process.memoryUsage().rss} bytes resident`);
      assert.deepEqual(Object.keys(r).sort(), ['data', 'error', 'meta']);
      if (r.data === null) assert.ok(CODES.has(r.error.errorCode!), `case ${i}: ${r.error.errorCode} ${r.error.errorDetail}`);
      else assert.equal(r.error.errorCode, null);
    }
  });
}
