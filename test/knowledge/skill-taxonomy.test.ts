import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skillByName, skillKey } from '../../src/knowledge/skill-taxonomy.ts';
import { skillMentions, type ListedSkills } from '../../src/knowledge/skill-mentions.ts';

const NOTHING_LISTED: ListedSkills = { byKey: new Map(), byId: new Map() };
const found = (text: string, listed = NOTHING_LISTED): string[] => skillMentions(text, listed).map((m) => m.target.name);

test('printed names meet one canonical skill with a stable id', () => {
  for (const [printed, name, id] of [
    ['MS Excel', 'Microsoft Excel', 'onet:microsoft-excel'], ['Excel', 'Microsoft Excel', 'onet:microsoft-excel'], ['Microsoft Excel', 'Microsoft Excel', 'onet:microsoft-excel'],
    ['JS', 'JavaScript', 'onet:javascript'], ['Postgres', 'PostgreSQL', 'onet:postgresql'], ['AWS', 'Amazon Web Services', 'onet:amazon-web-services'],
    ['Photoshop', 'Adobe Photoshop', 'onet:adobe-photoshop'], ['The MathWorks MATLAB', 'MATLAB', 'onet:matlab'], ['Structured Query Language', 'SQL', 'onet:sql'],
    ['k8s', 'Kubernetes', 'vitae:kubernetes'], ['Health & Safety', 'Health and Safety', 'vitae:health-and-safety'],
    ['Organizational Skills', 'Organisational Skills', 'vitae:organisational-skills'], ['Time management', 'Time Management', 'esco:d9013e0e-e937-43d5-ab71-0e917ee882b8'],
  ] as const) {
    const skill = skillByName(printed);
    assert.equal(skill?.name, name, printed);
    assert.equal(skill?.id, id, printed);
  }
  assert.equal(skillByName('Blueprint Reading')?.type, 'hard_skill');
  assert.equal(skillByName('Frobnication'), null);
  assert.equal(skillKey('C++ / C#'), 'c++ c#');
});

test('skills are typed: soft (ESCO transversal skills and Vitae\'s list), hard, and tools among the hard', () => {
  for (const soft of ['Teamwork', 'Time Management', 'Leadership', 'Brainstorming', 'Conflict Resolution', 'Communication', 'Work Ethic']) assert.equal(skillByName(soft)?.type, 'soft_skill', soft);
  for (const tool of ['Python', 'Microsoft Excel', 'Kubernetes', 'Salesforce']) assert.deepEqual([skillByName(tool)?.type, skillByName(tool)?.tool], ['hard_skill', true], tool);
  for (const practice of ['Project Management', 'Budgeting', 'SQL', 'LinkedIn']) assert.deepEqual([skillByName(practice)?.type, skillByName(practice)?.tool], ['hard_skill', false], practice);
  assert.equal(skillByName('Brainstorming')?.name, 'Creativity', 'an ESCO alternative label leads to its concept');
});

test('skills in sentences: whole words and phrases, the longest name first', () => {
  assert.deepEqual(found('Migrated reporting from Microsoft SQL Server to PostgreSQL on AWS'), ['Microsoft SQL Server', 'PostgreSQL', 'Amazon Web Services']);
  assert.deepEqual(found('Built CI/CD pipelines with Jenkins; applied time management and stakeholder management'), ['CI/CD', 'Jenkins', 'Time Management', 'Stakeholder Management']);
  assert.deepEqual(found('Pythonic code, NoSQL stores'), ['NoSQL'], 'no part of a word');
});

test('short and ordinary-word names need their context: tool cues, lists, or the skills list', () => {
  assert.deepEqual(found('Excel at building client relationships'), []);
  assert.deepEqual(found('Built variance reports using Excel'), ['Microsoft Excel']);
  assert.deepEqual(found('built reports using excel'), [], 'not as the product is printed');
  assert.deepEqual(found('Analysed trial data in Python, R and SQL'), ['Python', 'R', 'SQL']);
  assert.deepEqual(found('Wrote the firmware in C'), ['C']);
  assert.deepEqual(found('Go-to-market plan for a swift response; R&D budget of C$250K'), []);
  assert.deepEqual(found('Presented to the C-suite'), []);
  assert.deepEqual(found('Go and Rust services'), [], 'ambiguous names with nothing sure beside them');
  assert.deepEqual(found('Services in Python, Go and Rust'), ['Python', 'Go', 'Rust'], 'a list that holds a sure name');
  const excel = skillByName('Excel')!;
  const listed: ListedSkills = { byKey: new Map([['excel', excel]]), byId: new Map([[excel.id, excel]]) };
  assert.deepEqual(found('Maintained the excel models for month-end', listed), ['Microsoft Excel'], 'listed by the candidate: any case');
});
