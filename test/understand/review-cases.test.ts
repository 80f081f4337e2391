/**
 * Inputs a review of this session's rules found them catching wrongly: each must read as a person would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const parse = async (text: string) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate: new Date('2026-11-15T00:00:00Z') });
  assert.equal(r.error, null);
  return r.data!;
};
const jobs = (d: Awaited<ReturnType<typeof parse>>) => d.workExperience.map((w) => [w.jobTitle, w.organization]);
const schooling = (d: Awaited<ReturnType<typeof parse>>) => d.education.map((e) => [e.accreditation?.education ?? null, e.organization]);

test('list items bulleted with symbols are no decorated headings', async () => {
  const d = await parse(`Jane Doe
jane@example.com

KEY SKILLS
-- Leadership
-- Communication
-- Training

WORK EXPERIENCE
Teacher, Oak Primary School
2019 - Present
> Teaching
> Leadership
Teaching Assistant, Elm School
2016 - 2019
`);
  assert.deepEqual(jobs(d), [['Teacher', 'Oak Primary School'], ['Teaching Assistant', 'Elm School']]);
  for (const skill of ['Leadership', 'Communication', 'Training']) assert.ok(d.skills.some((s) => s.name === skill), skill);
  assert.ok(!d.sections.some((s) => s.sectionType === 'Extracurriculars' || s.sectionType === 'Training/Certifications'));
});

test('titles and employers that open with a verb are names, not descriptions', async () => {
  const d = await parse(`Jane Doe
jane@example.com

EXPERIENCE
Support Services Team Leader
Acme Ltd
2020 - Present
Test and Evaluation Engineer
Globex Inc
2017 - 2020
Plan International, Programme Officer
2015 - 2017
`);
  assert.deepEqual(jobs(d), [
    ['Support Services Team Leader', 'Acme Ltd'],
    ['Test and Evaluation Engineer', 'Globex Inc'],
    ['Programme Officer', 'Plan International'],
  ]);
});

test('a school named by initials keeps them; "Degree, Status" and a wrapped school name are no field of study', async () => {
  const d = await parse(`Jane Doe
jane@example.com

EDUCATION
B.S. Abdur Rahman University, Chennai
2012 - 2016
B.Tech in Information Technology

MSc, Part Time
King's College London
2017
`);
  assert.equal(d.education[0]?.organization, 'B.S. Abdur Rahman University');
  assert.ok(schooling(d).some(([degree]) => degree === 'B.Tech in Information Technology'));
  assert.deepEqual(schooling(d).at(-1), ['MSc', "King's College London"]);
});

test("a degree the sentence only mentions is not the entry's", async () => {
  const d = await parse(`Jane Doe
jane@example.com

EDUCATION
Santa Monica College, 2014 - 2016
Completed general education courses, then transferred to UCLA for the Bachelor of Arts in Economics.
`);
  assert.equal(d.education[0]?.accreditation?.education ?? null, null);
});

test('text bulleted with "#" is not Markdown; a heading between an e-mail and a web address is a heading', async () => {
  const d = await parse(`Jane Doe
jane@example.com
PROJECTS
github.com/janedoe/resume-parser

SKILLS
# Leadership
# Customer service
# Budgeting
`);
  assert.ok(d.sections.some((s) => s.sectionType === 'Projects'));
  // ("#" bullets its items: no "Leadership" section, no "#" in a skill.)
  assert.deepEqual(d.skills.map((s) => s.name).slice(0, 3), ['Leadership', 'Customer service', 'Budgeting']);
  assert.ok(!d.sections.some((s) => s.sectionType === 'Extracurriculars'));
});
