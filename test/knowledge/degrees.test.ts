import { test } from 'node:test';
import assert from 'node:assert/strict';
import { educationLevel, matchDegree } from '../../src/knowledge/degrees.ts';

test('qualifications in many countries’ wording get their level and the words that name them', () => {
  const cases: Array<[string, string, string]> = [
    ['Bachelor of Science, Mechanical Engineering, expected', 'Bachelor of Science', 'bachelors'],
    ['Bachelor of Science in Computer Science', 'Bachelor of Science', 'bachelors'],
    ['B.Tech in Electronics and Communication', 'B.Tech', 'bachelors'],
    ['BA (Hons) English Literature', 'BA', 'bachelors'],
    ['Licence en droit', 'Licence', 'bachelors'],
    ['Master of Business Administration (MBA)', 'Master of Business Administration', 'masters'],
    ['Diplom-Ingenieur Maschinenbau', 'Diplom-Ingenieur', 'masters'],
    ['Magister Artium', 'Magister', 'masters'],
    ['Doctor of Philosophy in Physics', 'Doctor of Philosophy', 'doctoral'],
    ['HND Computing', 'HND', 'certificate'],
    ['A-levels: Maths, Physics, Chemistry', 'A-levels', 'school'],
    ['Allgemeine Hochschulreife (Abitur)', 'Hochschulreife', 'school'],
    ['Associate of Applied Science', 'Associate of Applied Science', 'associates'],
  ];
  for (const [text, match, level] of cases) {
    assert.deepEqual(matchDegree(text), { match, level }, text);
    assert.equal(educationLevel(text), level, text);
  }
  assert.equal(matchDegree('Senior Software Engineer'), null);
});
