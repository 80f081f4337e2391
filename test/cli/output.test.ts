import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputNames } from '../../src/cli/output.ts';

test('--out names: <name>.json, and a clash gets a numbered suffix', () => {
  assert.deepEqual(outputNames(['in/cv.pdf', 'in/cv.docx', 'in/x/CV.txt', 'in/other.txt', 'noext']), ['cv.json', 'cv-2.json', 'CV-3.json', 'other.json', 'noext.json']);
});
