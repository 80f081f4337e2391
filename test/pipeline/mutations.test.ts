/**
 * Damaged documents never crash or hang the parser: seeded random mutations (flipped bytes, truncation,
 * spliced garbage) of real documents of each format must each come back as a Resume — parsed or failed
 * with an error code — in bounded time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseResume } from '../../src/index.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';

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

for (const [format, load] of [
  ['pdf', async () => new Uint8Array(readFileSync(new URL('../../examples/resume.pdf', import.meta.url)))],
  ['docx', async () => plainResume()],
  ['txt', async () => new Uint8Array(readFileSync(new URL('../../examples/resume.txt', import.meta.url)))],
] as const) {
  test(`40 damaged ${format} files: each parses or fails cleanly, none crashes or hangs`, async () => {
    const original = await load();
    const rnd = random(format.length * 7919);
    for (let i = 0; i < 40; i++) {
      const bytes = mutate(original, rnd);
      const started = Date.now();
      const r = await parseResume(bytes);
      assert.ok(Date.now() - started < 10_000, `case ${i} took too long`);
      assert.deepEqual(Object.keys(r).sort(), ['data', 'error', 'meta']);
      if (r.data === null) assert.ok(CODES.has(r.error.errorCode!), `case ${i}: ${r.error.errorCode} ${r.error.errorDetail}`);
      else assert.equal(r.error.errorCode, null);
    }
  });
}
