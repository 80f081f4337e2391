import { test } from 'node:test';
import assert from 'node:assert/strict';
import { occupationOf } from '../../src/knowledge/occupations.ts';
import { titleKey, titleWords } from '../../src/knowledge/job-titles.ts';
import { socClassification, socGroup } from '../../src/knowledge/soc.ts';
import { americanSpelling } from '../../src/knowledge/spelling.ts';

const soc = (title: string): number | null | undefined => occupationOf(title)?.soc;

test('titles are keyed the same whatever the order, abbreviations and spelling', () => {
  assert.deepEqual(titleWords('Sr. Mgr, Sales & Mktg'), ['sales', 'marketing', 'senior', 'manager']);
  assert.deepEqual(titleWords('Head of Learning and Development'), ['learning', 'development', 'head']);
  assert.deepEqual(titleWords('L&D Assistant'), ['learning', 'development', 'assistant']);
  assert.deepEqual(titleWords('Pharmacy Tech'), ['pharmacy', 'technician']);
  assert.deepEqual(titleWords('Tech Lead'), ['technical', 'lead']);
  assert.equal(titleKey(titleWords('Manager, Sales')), titleKey(titleWords('Sales Manager')));
  assert.equal(titleKey(titleWords('Front-End Developer')), titleKey(titleWords('Frontend Developer')));
  assert.equal(titleKey(titleWords('Paediatric Nurse (Bank)')), titleKey(titleWords('Pediatric Nurse')));
  for (const [uk, us] of [['organisational', 'organizational'], ['labourer', 'laborer'], ['centre', 'center'], ['counsellor', 'counselor'], ['analyse', 'analyze'], ['anaesthetist', 'anesthetist'], ['programme', 'program']]) assert.equal(americanSpelling(uk!), us, uk);
  for (const same of ['advise', 'supervise', 'hour', 'tour', 'practice']) assert.equal(americanSpelling(same), same);
});

test('printed titles map to UK SOC 2010 unit groups, rank and abbreviations aside', () => {
  const sr = occupationOf('Sr. Software Eng.')!;
  assert.equal(sr.soc, 2136);
  assert.equal(sr.normalized, 'Senior Software Engineer');
  assert.equal(sr.match, 'without-rank');
  assert.equal(soc('Software Engineer II'), 2136);
  assert.equal(soc('Jr. Web Developer'), 2137);
  const sales = occupationOf('Manager, Sales')!;
  assert.equal(sales.normalized, 'Sales Manager');
  assert.equal(sales.soc, 3545);
  assert.equal(soc('Sales Mgr'), 3545);
  assert.equal(soc('Registered Nurse'), 2231);
  assert.equal(soc('Paediatric Nurse'), 2231);
  assert.equal(soc('Organisational Psychologist'), 2212);
  assert.equal(soc('Solicitor'), 2413);
  assert.equal(soc('Trainee Electrician'), 5241);
  assert.equal(occupationOf('Trainee Electrician')?.normalized, 'Trainee Electrician');
  assert.equal(soc('HGV Driver'), 8211);
  assert.equal(soc('Chief Executive Officer (CEO)'), 1115);
  assert.equal(soc('Bookkeeper/Office Manager'), 4122);
});

test('"Head of X" and "X Lead" are read as director, leader or manager; a title known only by its last words is found by them', () => {
  const head = occupationOf('Head of Nursing')!;
  assert.equal(head.match, 'read');
  assert.equal(head.soc, 1181);
  const lead = occupationOf('Project Lead')!;
  assert.deepEqual([lead.normalized, lead.match], ['Project Leader', 'read']);
  const ed = occupationOf('Emergency Department Nurse')!;
  assert.equal(ed.match, 'last-words');
  assert.equal(ed.soc, 2231);
});

test('unknown and vague titles are null, not a guess', () => {
  assert.equal(occupationOf('Frobnicator of Widgets'), null);
  assert.equal(occupationOf('Customer Success Specialist'), null, '"specialist" alone names no occupation');
  assert.equal(occupationOf('Associate'), null);
  assert.equal(occupationOf('Senior Widget Wrangler'), null);
  assert.equal(occupationOf(''), null);
  // Known, but its sources disagree on the group: a normalised title and no code.
  const teacher = occupationOf('Teacher')!;
  assert.equal(teacher.normalized, 'Teacher');
  assert.equal(teacher.soc, null);
});

test('SOC 2010 classification in Affinda\'s shape: the unit group and its minor, sub-major and major groups', () => {
  assert.deepEqual(socClassification(2136), {
    title: 'Programmers and software development professionals',
    minorGroup: 'Information Technology and Telecommunications Professionals',
    subMajorGroup: 'SCIENCE, RESEARCH, ENGINEERING AND TECHNOLOGY PROFESSIONALS',
    majorGroup: 'PROFESSIONAL OCCUPATIONS',
    socCode: 2136,
    minorGroupCode: 213,
    subMajorGroupCode: 21,
    majorGroupCode: 2,
  });
  assert.equal(socClassification(213), null, 'only unit groups classify a job');
  assert.equal(socClassification(9999), null);
  assert.equal(socGroup(5)?.children.length, 4);
});
