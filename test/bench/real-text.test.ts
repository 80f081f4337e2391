// The real-text benchmark's matching and scoring rules (bench/real-text-score.ts), on hand-made values only:
// no dataset content here (DataTurks has no licence and real names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agree,
  compareAnyOf,
  compareSets,
  dedupe,
  nameKey,
  normText,
  sameName,
  sameUrl,
  sameYear,
  splitSkills,
  Tally,
  tokenSetSim,
  urlKey,
} from '../../bench/real-text-score.ts';

test('normText lowers, strips accents and punctuation, and keeps C, C++ and C# apart', () => {
  assert.equal(normText('  Zürich — Café, S.A. '), 'zurich cafe s a');
  assert.equal(normText('R&D'), 'r and d');
  assert.notEqual(normText('C++'), normText('C'));
  assert.notEqual(normText('C#'), normText('C'));
  assert.equal(normText('.NET'), 'dotnet');
});

test('tokenSetSim ignores word order and punishes extra words by their length', () => {
  assert.equal(tokenSetSim('software engineer senior', 'senior software engineer'), 1);
  assert.ok(tokenSetSim('cloud lending solutions inc', 'cloud lending solutions') >= 0.8);
  assert.ok(tokenSetSim('senior software engineer', 'software engineer') < 0.8);
  assert.equal(tokenSetSim('', 'x'), 0);
});

test('agree: whole-token containment or similarity, but not letters inside words nor run-on values', () => {
  assert.ok(agree('Oracle India Pvt Ltd', 'Oracle'));
  assert.ok(agree('Software Engineer', 'Senior Software Engineer'));
  assert.ok(agree('Universite de Montreal', 'Université de Montréal'));
  assert.equal(agree('Accenture', 'C'), false, 'a single letter is not contained in a word');
  assert.equal(agree('Infosys', 'Wipro'), false);
  assert.equal(agree('', 'Wipro'), false);
  // A "company" that swallowed the whole line does not find the company.
  assert.equal(agree('Oracle', 'Oracle - Bangalore, Karnataka January 2016 to Present'), false);
});

test('names agree on first and last token, in either order, ignoring middle names and titles', () => {
  assert.equal(nameKey('Dr. Anna Maria van Berg'), 'anna berg');
  assert.equal(nameKey('Anna Berg, PMP, M.B.A.'), 'anna berg');
  assert.equal(nameKey('Berg, Anna'), 'berg anna');
  assert.ok(sameName('Anna Berg', 'ANNA MARIA BERG'));
  assert.ok(sameName('Anna Berg', 'Berg Anna'));
  assert.equal(sameName('Anna Berg', 'Anna Bergson'), false);
  assert.equal(sameName('Anna Berg', 'Anna'), false);
});

test('years, e-mails and URLs are compared exactly, up to case and URL decoration', () => {
  assert.ok(sameYear('2005 - 2008', '2008-06-01'));
  assert.equal(sameYear('2005 - 2008', '2005'), false);
  assert.equal(sameYear('n/a', 'n/a'), false);
  assert.ok(sameUrl('indeed.com/r/Anna-Berg/0123abcd', 'https://www.indeed.com/r/Anna-Berg/0123abcd?isid=x'));
  assert.ok(sameUrl('Anna.Berg@Example.com', 'anna.berg@example.com'));
  assert.equal(urlKey('https://www.indeed.com/r/Anna- Berg/0123abcd?isid=x'), 'indeed.com/r/anna-berg/0123abcd');
  assert.equal(sameUrl('anna@example.com', 'berg@example.com'), false);
});

test('splitSkills cuts a skills block into items', () => {
  assert.deepEqual(splitSkills('C (Less than 1 year), SQL (3 years), MICROSOFT\nACCESS (1 year)'), ['C', 'SQL', 'MICROSOFT ACCESS']);
  assert.deepEqual(splitSkills('• Languages: C, C++, Java\n• Oracle PeopleSoft'), ['C', 'C++', 'Java', 'Oracle PeopleSoft']);
  assert.deepEqual(splitSkills('Python'), ['Python']);
  assert.deepEqual(splitSkills('I enjoy working with people from many different backgrounds and cultures'), []);
});

test('dedupe keeps one of values that are the same once normalised or nearly so', () => {
  assert.deepEqual(dedupe(['Oracle', 'oracle', ' ORACLE ', 'Infosys']), ['Oracle', 'Infosys']);
  assert.deepEqual(dedupe(['Cloud Lending Solutions INC', 'Cloud Lending Solutions']), ['Cloud Lending Solutions INC']);
  assert.deepEqual(dedupe(['Senior Software Engineer', 'Software Engineer']), ['Senior Software Engineer', 'Software Engineer']);
});

test('compareSets reports missed gold and wrong predictions per document', () => {
  const r = compareSets(['Oracle', 'Oracle', 'Infosys'], ['Oracle India', 'Bangalore']);
  assert.deepEqual(r.gold, ['Oracle', 'Infosys']);
  assert.deepEqual(r.missed, ['Infosys']);
  assert.deepEqual(r.wrong, ['Bangalore']);
});

test('compareAnyOf: one candidate location, right if it is any of the gold places', () => {
  const hit = compareAnyOf(['Pune', 'Bengaluru, Karnataka', 'Mumbai'], ['Bengaluru']);
  assert.equal(hit.gold.length, 1);
  assert.equal(hit.pred.length, 1);
  assert.deepEqual([hit.missed, hit.wrong], [[], []]);
  const miss = compareAnyOf(['Pune'], ['Chennai']);
  assert.equal(miss.missed.length, 1);
  assert.equal(miss.wrong.length, 1);
  const none = compareAnyOf(['Pune'], []);
  assert.deepEqual([none.pred, none.wrong, none.missed.length], [[], [], 1]);
});

test('Tally pools documents: recall over gold, precision over predictions', () => {
  const t = new Tally();
  t.add(compareSets(['Oracle', 'oracle', 'Infosys'], ['Oracle', 'Accenture']));
  t.add(compareSets(['TCS'], []));
  assert.equal(t.documents, 2);
  assert.equal(t.gold, 3);
  assert.equal(t.predicted, 2);
  assert.equal(t.recall, 1 / 3);
  assert.equal(t.precision, 1 / 2);
  assert.equal(t.f1, (2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3));
  const empty = new Tally();
  assert.equal(empty.precision, null);
  assert.equal(empty.f1, null);
});
