import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agree, dedupe, Tally } from '../../bench/real-text-score.ts';

test('values agree by containment or shared tokens, not by accident', () => {
  assert.ok(agree('Oracle India Pvt Ltd', 'Oracle India'));
  assert.ok(agree('B.E.', 'B.E'));
  assert.ok(agree('Senior Software Engineer', 'senior software engineer'));
  assert.equal(agree('Infosys', 'Wipro'), false);
  assert.equal(agree('', 'Wipro'), false);
});

test('tallies pool documents as sets: duplicates count once, precision and recall apart', () => {
  const t = new Tally();
  t.add(['Oracle', 'oracle', 'Infosys'], ['Oracle', 'Accenture']);
  t.add(['TCS'], []);
  assert.deepEqual(dedupe(['Oracle', 'oracle', ' ORACLE ']), ['Oracle']);
  assert.equal(t.gold, 3);
  assert.equal(t.predicted, 2);
  assert.equal(t.recall, 1 / 3);
  assert.equal(t.precision, 1 / 2);
  assert.equal(t.f1, (2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3));
});
