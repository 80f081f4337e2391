import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyResumeData, type ResumeData, type Skill, type WorkExperience } from '../../src/affinda/types.ts';
import { enrichSkills, weighting } from '../../src/pipeline/enrich/skills.ts';

const REFERENCE = new Date('2026-11-15T00:00:00Z');

function job(id: number, description: string, startDate: string, endDate: string | null): WorkExperience {
  return { id, jobTitle: 'Analyst', socCode: null, socName: null, organization: null, industry: null, location: null, jobDescription: description, dates: { startDate, endDate, monthsInPosition: null, isCurrent: endDate == null, rawText: '' }, occupation: null };
}

function listed(names: string[]): Skill[] {
  return names.map((name, i) => ({ id: i + 1, emsiId: null, name, lastUsed: null, numberOfMonths: null, type: 'hard_skill', count: 1, weighting: null, sources: [{ section: 'Skills', position: i, workExperienceId: null }] }));
}

function resume(skills: string[], work: WorkExperience[], summary: string | null = null): ResumeData {
  return { ...emptyResumeData(), skills: listed(skills), workExperience: work, summary };
}

test('listed skills keep their printed names and get the taxonomy\'s id and type; synonyms listed twice are one', () => {
  const out = enrichSkills(resume(['MS Excel', 'Teamwork', 'Excel', 'Blueprint Reading', 'Underwater Basket Weaving'], []), REFERENCE);
  assert.deepEqual(out.map((s) => [s.id, s.name, s.emsiId, s.type, s.count]), [
    [1, 'MS Excel', 'onet:microsoft-excel', 'hard_skill', 2],
    [2, 'Teamwork', 'esco:60c78287-22eb-4103-9c8c-28deaa460da0', 'soft_skill', 1],
    [3, 'Blueprint Reading', 'vitae:blueprint-reading', 'hard_skill', 1],
    [4, 'Underwater Basket Weaving', null, 'hard_skill', 1],
  ]);
});

test('skills named in job descriptions: counted, sourced to the job, dated by it', () => {
  const work = [
    job(1, 'Automated month-end reporting in Python\nBuilt dashboards in Tableau for the sales team', '2022-03-01', null),
    job(2, 'Maintained budget models in Excel and wrote Python scripts', '2018-01-01', '2022-02-01'),
    job(3, 'Excel at customer care; answered 60 calls a day', '2015-06-01', '2017-12-01'),
  ];
  const out = enrichSkills(resume(['Python', 'Excel', 'Stakeholder Management'], work, 'Analyst fluent in Python.'), REFERENCE);
  const by = (name: string): Skill => out.find((s) => s.name === name)!;

  const python = by('Python');
  assert.equal(python.count, 4, 'listed, the summary, two jobs');
  assert.deepEqual(python.sources, [
    { section: 'Skills', position: 0, workExperienceId: null },
    { section: 'Summary', position: null, workExperienceId: null },
    { section: 'WorkExperience', position: 0, workExperienceId: 1 },
    { section: 'WorkExperience', position: 1, workExperienceId: 2 },
  ]);
  assert.equal(python.lastUsed, '2026-11-01', 'a current job: the reference month');
  assert.equal(python.numberOfMonths, 105, 'Jan 2018 to Feb 2022 and Mar 2022 to Nov 2026');

  const excel = by('Excel');
  assert.equal(excel.count, 2, '"Excel at customer care" is no mention of the product');
  assert.equal(excel.lastUsed, '2022-02-01');
  assert.equal(excel.numberOfMonths, 49);

  const unused = by('Stakeholder Management');
  assert.deepEqual([unused.count, unused.lastUsed, unused.numberOfMonths, unused.weighting], [1, null, null, 0.2]);

  // Tableau is a tool the list lacks: added under the taxonomy's name, from the job that names it.
  const tableau = out.at(-1)!;
  assert.deepEqual([tableau.name, tableau.emsiId, tableau.count, tableau.lastUsed, tableau.numberOfMonths], ['Tableau', 'onet:tableau', 1, '2026-11-01', 56]);
  assert.deepEqual(tableau.sources, [{ section: 'WorkExperience', position: 0, workExperienceId: 1 }]);
  assert.deepEqual(out.map((s) => s.id), [1, 2, 3, 4]);
});

test('with a skills list the prose adds only tools; without one, every taxonomy skill it names', () => {
  const work = [job(1, 'Led stakeholder management and budget planning for the migration to Kubernetes', '2020-01-01', null)];
  assert.deepEqual(enrichSkills(resume(['Python'], work), REFERENCE).map((s) => s.name), ['Python', 'Kubernetes']);
  assert.deepEqual(enrichSkills(resume([], work), REFERENCE).map((s) => s.name), ['Stakeholder Management', 'Budgeting', 'Kubernetes']);
});

test('ordinary words in sentences do not become skills', () => {
  const work = [job(1, 'Go-to-market plan delivered with a swift response to R&D requests; met the regional sales Teams and the C-suite; budgeting', '2020-01-01', null)];
  assert.deepEqual(enrichSkills(resume([], work), REFERENCE).map((s) => s.name), []);
});

test('weighting: mentions and recency', () => {
  assert.equal(weighting(3, '2026-11-01', REFERENCE), 1);
  assert.equal(weighting(1, null, REFERENCE), 0.2);
  assert.equal(weighting(6, '2021-11-01', REFERENCE), 0.8, 'five years ago: half the recency');
  assert.equal(weighting(2, '2006-01-01', REFERENCE), 0.4, 'over ten years ago: no recency');
});
