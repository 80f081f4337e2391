import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume } from '../../src/index.ts';
import { occupationFor } from '../../src/pipeline/enrich/occupations.ts';

test('a job title becomes Affinda\'s occupation: normalised title, level, SOC classification', () => {
  assert.deepEqual(occupationFor('Mgr, Sales'), {
    jobTitle: 'Mgr, Sales',
    jobTitleNormalized: 'Sales Manager',
    emsiId: '11-2022.00',
    managementLevel: 'Mid',
    classification: {
      title: 'Sales accounts and business development managers',
      minorGroup: 'Sales, Marketing and Related Associate Professionals',
      subMajorGroup: 'BUSINESS AND PUBLIC SERVICE ASSOCIATE PROFESSIONALS',
      majorGroup: 'ASSOCIATE PROFESSIONAL AND TECHNICAL OCCUPATIONS',
      socCode: 3545,
      minorGroupCode: 354,
      subMajorGroupCode: 35,
      majorGroupCode: 3,
    },
  });
  const unknown = occupationFor('Chief Widget Wrangler')!;
  assert.deepEqual([unknown.jobTitleNormalized, unknown.classification, unknown.managementLevel], [null, null, 'Upper']);
  assert.equal(occupationFor(null), null);
});

test('through the pipeline: each job classified, the profession normalised, skills found in the jobs', async () => {
  const text = `Priya Raman
priya.raman@example.com | +44 20 7946 0958 | Leeds, UK

EXPERIENCE
Sr. Software Eng. | Northwind Ltd | Jan 2021 – Present
- Moved the billing service to Kubernetes and PostgreSQL
Emergency Department Nurse | Leeds General Infirmary | Mar 2015 – Dec 2020
- Triage and patient care in a busy department

SKILLS
Python, PostgreSQL, Teamwork
`;
  const r = await parseResume(new TextEncoder().encode(text), { fileName: 'cv.txt', referenceDate: new Date('2026-11-01') });
  const d = r.data!;
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.socCode, w.socName, w.occupation?.jobTitleNormalized]), [
    ['Sr. Software Eng.', '2136', 'Programmers and software development professionals', 'Senior Software Engineer'],
    ['Emergency Department Nurse', '2231', 'Nurses', 'Nurse'],
  ]);
  assert.equal(d.profession, 'Senior Software Engineer');
  const postgres = d.skills.find((s) => s.name === 'PostgreSQL')!;
  assert.deepEqual([postgres.emsiId, postgres.count, postgres.lastUsed, postgres.numberOfMonths], ['onet:postgresql', 2, '2026-11-01', 70]);
  assert.deepEqual(d.skills.map((s) => s.name), ['Python', 'PostgreSQL', 'Teamwork', 'Kubernetes']);
});
