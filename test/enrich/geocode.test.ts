import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const parse = async (text: string, options = {}) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate: new Date('2026-11-15T00:00:00Z'), ...options });
  assert.equal(r.error, null);
  return r.data!;
};

const near = (actual: number | null, expected: number) => assert.ok(actual != null && Math.abs(actual - expected) < 0.3, `${actual} ≉ ${expected}`);

test('the candidate, each job and each school are geocoded, ambiguous towns in their own country', async () => {
  const d = await parse(`Jane Doe
jane@example.com | 12 Baker Street, London NW1 6XE, UK

EXPERIENCE
Senior Accountant | Deloitte | Manchester
Jan 2020 - Present
Accountant | KPMG | Perth, WA
Jan 2016 - Dec 2019

EDUCATION
BSc Accounting, University of Western Ontario, London, ON
2012 - 2015
`);
  near(d.location!.latitude, 51.5);
  near(d.location!.longitude, -0.13);
  assert.equal(d.location!.formatted, '12 Baker Street, London, NW1 6XE, United Kingdom');
  near(d.workExperience[0]!.location!.latitude, 53.48); // Manchester, England (not New Hampshire)
  near(d.workExperience[1]!.location!.longitude, 115.86); // Perth, Western Australia
  near(d.education[0]!.location!.latitude, 42.98); // London, Ontario
  assert.equal(d.education[0]!.location!.formatted, 'London, ON, Canada');
});

test('a US town is found in its state; a country alone gets no coordinates', async () => {
  const springfield = await parse('Sam Lee\nsam@example.com | Springfield, IL 62704\n');
  near(springfield.location!.latitude, 39.8);
  assert.equal(springfield.location!.formatted, 'Springfield, IL 62704, United States');
  const country = await parse('Sam Lee\nsam@example.com | Germany\n');
  assert.equal(country.location!.latitude, null);
  assert.equal(country.location!.formatted, 'Germany');
});
