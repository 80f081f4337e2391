import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managementLevel } from '../../src/knowledge/management-level.ts';

test('management level from the title words', () => {
  const cases: [string, string][] = [
    ['Chief Executive Officer', 'Upper'], ['CFO', 'Upper'], ['VP Engineering', 'Upper'], ['Vice President, Sales', 'Upper'],
    ['Director of Engineering', 'Upper'], ['Head of Research', 'Upper'], ['Head Teacher', 'Upper'], ['Managing Director', 'Upper'],
    ['Co-Founder', 'Upper'], ['Owner', 'Upper'], ['Partner', 'Upper'], ['Principal', 'Upper'],
    ['Assistant Vice President', 'Mid'], ['Deputy Director', 'Mid'], ['Deputy Head Teacher', 'Mid'], ['Sales Manager', 'Mid'],
    ['Sr. Mgr, Sales', 'Mid'], ['Lead Developer', 'Mid'], ['Head Chef', 'Mid'], ['Superintendent', 'Mid'],
    ['Team Lead', 'Low'], ['Customer Service Team Leader', 'Low'], ['Shift Supervisor', 'Low'], ['Electrical Foreman', 'Low'], ['Assistant Manager', 'Low'], ['Head Waiter', 'Low'],
    ['Senior Accountant', 'None'], ['Principal Engineer', 'None'], ['Account Executive', 'None'], ['Product Owner', 'None'], ['HR Business Partner', 'None'], ['Registered Nurse', 'None'],
  ];
  for (const [title, level] of cases) assert.equal(managementLevel(title), level, title);
});
