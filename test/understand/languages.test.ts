import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLanguages } from '../../src/pipeline/understand/languages.ts';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const pairs = (text: string) => findLanguages(text).map((l) => `${l.name}:${l.code}`);

test('findLanguages: names with levels in the usual separators', () => {
  assert.deepEqual(pairs('English (native), French – C1, German: B2'), ['English:en', 'French:fr', 'German:de']);
  assert.deepEqual(pairs('Hindi | Tamil | Telugu'), ['Hindi:hi', 'Tamil:ta', 'Telugu:te']);
  assert.deepEqual(pairs('Mandarin (Mother tongue), English (Native), Cantonese'), ['Mandarin:zh', 'English:en', 'Cantonese:zh']);
});

test('findLanguages: multi-word names are one language', () => {
  assert.deepEqual(pairs('Mandarin Chinese – Fluent'), ['Mandarin:zh']);
  assert.deepEqual(pairs('Bahasa Indonesia, Bahasa Melayu'), ['Indonesian:id', 'Malay:ms']);
  assert.deepEqual(pairs('Brazilian Portuguese (C2)'), ['Portuguese:pt']);
});

test('findLanguages: native names map to English names', () => {
  assert.deepEqual(pairs('Deutsch (Muttersprache), Français, Español, Italiano, Português, Nederlands'), [
    'German:de', 'French:fr', 'Spanish:es', 'Italian:it', 'Portuguese:pt', 'Dutch:nl',
  ]);
  assert.deepEqual(pairs('isiZulu, Afrikaans, Farsi'), ['Zulu:zu', 'Afrikaans:af', 'Persian:fa']);
});

test('findLanguages: not programming languages, not verbs, each once, offsets right', () => {
  assert.deepEqual(pairs('Java, Go, Python, Rust, C++, R'), []);
  assert.deepEqual(pairs('Able to polish English texts'), ['English:en']);
  const text = 'Spanish, spanish, English';
  const found = findLanguages(text);
  assert.deepEqual(found.map((f) => f.name), ['Spanish', 'English']);
  assert.equal(text.slice(found[1]!.index, found[1]!.index + found[1]!.length), 'English');
});

test('languages listed on a contact line that landed under another heading', async () => {
  const r = await runPipeline(new TextEncoder().encode('Vy Do\n\nBACKGROUND\n\nvy@example.com\tVietnamese, English\n\nSKILLS\n\nSEO\n'));
  assert.deepEqual(r.data!.languages, ['Vietnamese', 'English']);
});

test('an icon read as a short word before the languages of a contact line is no part of the list', async () => {
  const r = await runPipeline(new TextEncoder().encode('Vy Do\nBaltimore, MD\t410 728 4863\tvy@example.com\tPay Vietnamese, English\n\nSKILLS\n\nSEO\n'));
  assert.deepEqual(r.data!.languages, ['Vietnamese', 'English']);
  // Not a list of languages: a short word before one language in a longer phrase.
  const other = await runPipeline(new TextEncoder().encode('Vy Do\nvy@example.com\tTop English Teacher\n\nSKILLS\n\nSEO\n'));
  assert.deepEqual(other.data!.languages, []);
});
