import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, PHRASE_ROLES, phraseFeatures, phraseRoles, type PhraseModel, type PhraseRole } from '../../src/knowledge/phrase-roles.ts';

const best = (text: string): PhraseRole => {
  const p = phraseRoles(text);
  return PHRASE_ROLES.reduce((a, b) => (p[b] > p[a] ? b : a));
};

test('the shipped model tells the parts of an entry apart on phrases it was not trained on', () => {
  // Invented or generic phrases, not lines of the training corpus.
  assert.equal(best('Principal Data Engineer'), 'title');
  assert.equal(best('Assistant Store Manager'), 'title');
  assert.equal(best('Northwind Traders Pvt Ltd'), 'org');
  assert.equal(best('Contoso Technologies Inc.'), 'org');
  assert.equal(best('University of Eastbridge'), 'school');
  assert.equal(best('Bachelor of Engineering in Mechanical Engineering'), 'degree');
  assert.equal(best('M.Sc. Physics'), 'degree');
  assert.equal(best('Roles and Responsibilities'), 'other');
  assert.equal(best('Duration'), 'other');
  assert.equal(best('Designed and implemented REST services for the billing team.'), 'other');
  assert.equal(best('Java, Python, SQL, Docker'), 'other');
});

test('probabilities cover every role and sum to one', () => {
  const p = phraseRoles('Software Engineer');
  assert.deepEqual(Object.keys(p).sort(), [...PHRASE_ROLES].sort());
  assert.ok(Math.abs(Object.values(p).reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

test('classify is a softmax over the summed weights of the features present', () => {
  const roles = [...PHRASE_ROLES];
  const zero = () => roles.map(() => 0);
  const w = zero();
  w[roles.indexOf('org')] = 5;
  const model: PhraseModel = { roles, bias: zero(), weights: { 'w:acme': w } };
  assert.ok(classify(model, 'Acme').org > 0.95);
  // Without any known feature every role is equally likely.
  const flat = classify(model, 'Zzyzx');
  for (const r of roles) assert.ok(Math.abs(flat[r] - 1 / roles.length) < 1e-9);
});

test('features describe words, shape and punctuation', () => {
  const f = phraseFeatures('Designed the API.');
  assert.ok(f.includes('w:designed'));
  assert.ok(f.includes('first:designed'));
  assert.ok(f.includes('end:stop'));
  assert.ok(!phraseFeatures('Acme Inc.').includes('end:stop'), 'an abbreviation point does not end a sentence');
  assert.deepEqual(phraseFeatures('   '), ['empty']);
});
