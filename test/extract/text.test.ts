import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../src/pipeline/extract/text.ts';

test('text that is not UTF-8 is read as windows-1252, curly quotes and dashes included', () => {
  const bytes = Uint8Array.from('\x93Caf\xe9\x94 \x96 \x80 5 \x85', (c) => c.charCodeAt(0));
  assert.equal(decodeText(bytes), '“Café” – € 5 …');
  assert.equal(decodeText(new TextEncoder().encode('“Café” – €')), '“Café” – €');
});
