import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differences, worstOf } from '../../bench/report.ts';

test('differences lists what a parse got wrong, field by field, and nothing when it is right', () => {
  const truth = {
    name: { raw: 'Ana Souza' },
    emails: ['ana@example.com'],
    location: { city: 'Porto' },
    workExperience: [
      { jobTitle: 'Nurse', organization: 'Hospital São João', dates: { startDate: '2020-01-01', endDate: null } },
      { jobTitle: 'Intern', organization: 'Clínica Sol', dates: { startDate: '2018-05-01', endDate: '2019-01-01' } },
    ],
    education: [{ organization: 'Universidade do Porto', accreditation: { education: 'Licenciatura em Enfermagem' }, dates: { completionDate: '2019-07-01' } }],
    skills: [{ name: 'Triage' }, { name: 'Wound care' }],
    languages: ['Portuguese'],
  };
  const parsed = {
    name: { raw: 'Ana Souza' },
    emails: ['ana@example.com'],
    location: { city: 'Porto' },
    workExperience: [
      { jobTitle: 'Hospital São João', organization: 'Nurse', dates: { startDate: '2020-01-01', endDate: null } },
      { jobTitle: null, organization: 'Responsibilities', dates: null },
    ],
    education: [{ organization: 'Universidade do Porto', accreditation: { education: 'Licenciatura em Enfermagem' }, dates: { completionDate: '2019-07-01' } }],
    skills: [{ name: 'Triage' }, { name: 'Excel' }],
    languages: ['Portuguese'],
  };
  assert.deepEqual(differences(truth, parsed), [
    'work[0].jobTitle: truth "Nurse", parsed "Hospital São João"',
    'work[0].organization: truth "Hospital São João", parsed "Nurse"',
    'work[1] missed: "Intern" at "Clínica Sol" from 2018-05-01',
    'work extra: — at "Responsibilities" from —',
    'skills missed: "Wound care"',
    'skills extra: "Excel"',
  ]);
  assert.deepEqual(differences(truth, { ...truth, workExperience: truth.workExperience.map((w) => ({ ...w, dates: { startDate: w.dates.startDate, endDate: w.dates.endDate } })), education: parsed.education }), []);
  assert.deepEqual(differences(truth, null), ['no data (the parse failed)']);
});

test('worstOf orders by overall score, then by id', () => {
  const s = (id: string, overall: number) => ({ id, overall, template: 't', format: 'pdf', errorCode: null });
  assert.deepEqual(worstOf([s('b', 0.5), s('a', 0.9), s('c', 0.5)], 2).map((x) => x.id), ['b', 'c']);
});
