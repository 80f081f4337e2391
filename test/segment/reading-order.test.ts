import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineFromWords, type Page, type Word } from '../../src/pipeline/layout.ts';
import { orderPage } from '../../src/pipeline/segment/reading-order.ts';
import { phrase, word as w } from '../fixtures/layout-fixtures.ts';

/** A page whose lines are built the way the PDF extractor builds them: every word on one baseline in one line. */
function page(...groups: Word[][]): Page {
  const byBaseline = new Map<number, Word[]>();
  for (const word of groups.flat()) byBaseline.set(word.baseline!, [...(byBaseline.get(word.baseline!) ?? []), word]);
  // Deliberately bottom-to-top, so that nothing passes by keeping the input order.
  const lines = [...byBaseline.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, ws]) => lineFromWords(ws.sort((a, b) => a.bbox[0] - b.bbox[0]), 0));
  return { index: 0, width: 612, height: 792, rotation: 0, lines, images: [] };
}

const texts = (p: Page): string[] => p.lines.map((l) => l.text);

test('single column: top to bottom, a larger gap starts a block', () => {
  const p = page(
    phrase('Jane Doe', 50, 60, 20, true),
    phrase('EXPERIENCE', 50, 110, 12, true),
    phrase('Built things at scale', 50, 125),
    phrase('Shipped more things', 50, 138),
    phrase('EDUCATION', 50, 180, 12, true),
    phrase('BSc Computer Science', 50, 195),
  );
  orderPage(p);
  assert.deepEqual(texts(p), ['Jane Doe', 'EXPERIENCE', 'Built things at scale', 'Shipped more things', 'EDUCATION', 'BSc Computer Science']);
  assert.ok(p.lines.every((l) => l.column === 0));
  const [, heading, first, second, nextHeading] = p.lines;
  assert.equal(first!.block, second!.block);
  assert.equal(heading!.block, first!.block);
  assert.notEqual(second!.block, nextHeading!.block);
});

test('a right-aligned date on a title baseline stays on the title line, after a tab', () => {
  const p = page(
    phrase('Senior Engineer', 50, 100, 10, true),
    phrase('Jan 2019 – Present', 480, 100),
    phrase('Acme Corp', 50, 113),
    phrase('Berlin, Germany', 490, 113),
    phrase('Designed and built the billing platform used by every team in the company', 60, 127),
    phrase('Staff Engineer', 50, 150, 10, true),
    phrase('2015 – 2018', 510, 150),
  );
  orderPage(p);
  assert.deepEqual(texts(p), [
    'Senior Engineer\tJan 2019 – Present',
    'Acme Corp\tBerlin, Germany',
    'Designed and built the billing platform used by every team in the company',
    'Staff Engineer\t2015 – 2018',
  ]);
});

test('sidebar: header, then the sidebar as one flow, then the main column, then the footer', () => {
  const sidebar = ['CONTACT', 'jane@example.com', '+1 555 0100', 'SKILLS', 'TypeScript', 'Go', 'PostgreSQL', 'Kubernetes', 'LANGUAGES', 'English', 'French'];
  const main = ['EXPERIENCE', 'Senior Engineer, Acme', 'Led the payments team of eight', 'Cut p99 latency by half', 'Engineer, Globex', 'Built the search service', 'Ran the on-call rotation', 'EDUCATION', 'BSc Computing, Leeds'];
  const p = page(
    phrase('Jane Doe — Platform Engineer', 160, 50, 20, true),
    // Sidebar at 13 pt pitch from y=100, main column at 14 pt from y=100: some baselines coincide (100, 182, 264),
    // and the extractor then puts sidebar and main text on one line, which reading order must pull apart.
    ...sidebar.map((t, i) => phrase(t, 36, 100 + i * 13.67, 9)),
    ...main.map((t, i) => phrase(t, 220, 100 + i * 15.2)),
    phrase('References available on request — this line runs across the whole page width', 36, 300),
  );
  orderPage(p);
  assert.deepEqual(texts(p), ['Jane Doe — Platform Engineer', ...sidebar, ...main, 'References available on request — this line runs across the whole page width']);
  const col = (t: string): number => p.lines.find((l) => l.text === t)!.column;
  assert.equal(col('Jane Doe — Platform Engineer'), 0);
  assert.equal(col('TypeScript'), 1);
  assert.equal(col('EXPERIENCE'), 2);
  assert.equal(col('BSc Computing, Leeds'), 2);
  assert.equal(new Set(sidebar.map(col)).size, 1);
});

test('gutter: dates in a narrow left column join the entry they are aligned with, a wrapped date stays whole', () => {
  const p = page(
    phrase('EXPERIENCE', 36, 100, 11, true),
    phrase('March 2022 to April', 36, 120, 9),
    phrase('2026', 36, 132, 9),
    phrase('Senior Engineer', 150, 120, 10, true),
    phrase('Acme Corp, Seattle', 150, 132.7),
    phrase('Rebuilt the billing pipeline end to end', 162, 146),
    phrase('Mentored four engineers', 162, 159),
    phrase('2017 – 2022', 36, 185, 9),
    phrase('Engineer', 150, 185, 10, true),
    phrase('Globex, Portland', 150, 197.7),
    phrase('Wrote the first version of the API', 162, 211),
    phrase('2013 – 2017', 36, 235, 9),
    phrase('Junior Engineer', 150, 235, 10, true),
    phrase('Initech, Austin', 150, 247.7),
  );
  orderPage(p);
  assert.deepEqual(texts(p), [
    'EXPERIENCE',
    'March 2022 to April 2026\tSenior Engineer',
    'Acme Corp, Seattle',
    'Rebuilt the billing pipeline end to end',
    'Mentored four engineers',
    '2017 – 2022\tEngineer',
    'Globex, Portland',
    'Wrote the first version of the API',
    '2013 – 2017\tJunior Engineer',
    'Initech, Austin',
  ]);
  assert.equal(new Set(p.lines.map((l) => l.column)).size, 1, 'a gutter is not a column of its own');
});

test('europass labels: aligned labels join their values, headings in the label column come before their section', () => {
  const p = page(
    phrase('PERSONAL INFORMATION', 60, 80, 9, true),
    phrase('ADDRESS', 130, 100, 9),
    phrase('Gold Coast, Queensland, Australia', 190, 100.5, 9.5),
    phrase('MOBILE', 137, 115, 9),
    phrase('0490 842 733', 190, 115.5, 9.5),
    phrase('E-MAIL', 140, 130, 9),
    phrase('stephen@example.com', 190, 130.5, 9.5),
    phrase('WORK EXPERIENCE', 90, 160, 9, true),
    phrase('APR 2024 — PRESENT', 80, 180, 9),
    phrase('Customer Service Representative', 190, 180.5, 9.5, true),
    phrase('Woolworths Group, Sydney', 190, 193, 9.5),
    phrase('Processed sales and returns and balanced tills at close', 200, 206, 9.5),
    phrase('Exceeded annual sales targets by ten percent', 200, 218, 9.5),
    phrase('Trained six new starters on the tills', 200, 230, 9.5),
  );
  orderPage(p);
  assert.deepEqual(texts(p), [
    'PERSONAL INFORMATION',
    'ADDRESS\tGold Coast, Queensland, Australia',
    'MOBILE\t0490 842 733',
    'E-MAIL\tstephen@example.com',
    'WORK EXPERIENCE',
    'APR 2024 — PRESENT\tCustomer Service Representative',
    'Woolworths Group, Sydney',
    'Processed sales and returns and balanced tills at close',
    'Exceeded annual sales targets by ten percent',
    'Trained six new starters on the tills',
  ]);
});

test('two equal columns whose rows line up (two referees) are read one after the other', () => {
  const p = page(
    phrase('Prof. Paolo Ricci', 50, 100),
    phrase('Professor of Literature, Birmingham', 50, 114),
    phrase('paolo@example.ac.uk', 50, 128),
    phrase('Prof. Liam Stewart', 300, 100),
    phrase('Associate Professor, Birmingham', 300, 114),
    phrase('liam@example.ac.uk', 300, 128),
  );
  orderPage(p);
  assert.deepEqual(texts(p), [
    'Prof. Paolo Ricci',
    'Professor of Literature, Birmingham',
    'paolo@example.ac.uk',
    'Prof. Liam Stewart',
    'Associate Professor, Birmingham',
    'liam@example.ac.uk',
  ]);
  assert.notEqual(p.lines[0]!.column, p.lines[3]!.column);
});

test('an empty page stays empty', () => {
  const p = page();
  orderPage(p);
  assert.deepEqual(p.lines, []);
});

test('a sidebar set hard against the main column (a word space apart) is told by the main column\'s edge', () => {
  const sidebar = ['Complaint Handling, Ticket', 'Management, CRM', 'Management, Record Keeping,', 'Decision Making, Relationship', 'Building, Mentoring'];
  const main = ['Customer Service Team Leader', 'HSBC, London', 'Supervised a team of five support agents', 'Content Marketing Specialist', 'Coles Group, Melbourne'];
  const p = page(
    phrase('SKILLS', 50, 100, 10, true),
    ...sidebar.map((t, i) => phrase(t, 50, 113.5 + 13.5 * i)),
    phrase('EXPERIENCE', 198, 100, 10, true),
    // "Content Marketing Specialist" shares the baseline of "Decision Making, Relationship", which ends 3 pt before it.
    ...main.map((t, i) => phrase(t, 198, i === 3 ? 154 : 114 + 14 * i)),
  );
  orderPage(p);
  assert.deepEqual(texts(p), ['SKILLS', ...sidebar, 'EXPERIENCE', ...main]);
});

test('a word that lands on an indent of its own column is not cut off there', () => {
  const p = page(
    phrase('Junior Mechanical Engineer', 50, 100, 10, true),
    phrase('August 2023 - November 2024', 420, 100),
    phrase('Jacobs Engineering, Dallas', 50, 113),
    [w('•', 68, 126)], phrase('Mentored three graduate engineers', 85, 126),
    phrase('Designed test rigs and analysed results', 85, 139),
    phrase('Graduate Mechanical Engineer', 50, 160, 10, true),
    phrase('December 2020 - March 2023', 425, 160),
    phrase('Honeywell Aerospace, Charlotte', 50, 173),
    [w('•', 68, 186)], phrase('Ran design reviews for components', 85, 186),
    phrase('Qualified suppliers for critical parts', 85, 199),
    phrase('Performed finite element analysis', 85, 212),
    phrase('Validated designs against load cases', 85, 225),
    phrase('Bachelor of Science in Mechanical Engineering', 50, 246),
  );
  orderPage(p);
  assert.equal(texts(p)[0], 'Junior Mechanical Engineer\tAugust 2023 - November 2024');
  assert.equal(texts(p)[1], 'Jacobs Engineering, Dallas');
});

test('a sidebar item that runs to within a hair of the main column still leaves the column gap', () => {
  const sidebar = ['Jira', 'Unit Testing', 'Decision Making, Relationship', 'Playwright', 'Prometheus', 'Flutter'];
  const main = ['Rachel Holly Williams', 'Android Developer', 'ACADEMIC BACKGROUND', 'MSc Information Systems December 2019', 'University of Sydney, Sydney, NSW', 'Bachelor of Science in Electrical Engineering'];
  // "Decision Making, Relationship" ends at x 195; the main column starts at 195.2.
  const p = page(...sidebar.map((t, i) => phrase(t, 50, 100 + 13.5 * i)), ...main.map((t, i) => phrase(t, 195.2, 96 + 15 * i)));
  orderPage(p);
  assert.deepEqual(texts(p), [...sidebar, ...main]);
});

test('side headings: each heading of a narrow margin column, wrapped or not, comes before the paragraph level with it', () => {
  const body = (y: number, n: number): Word[][] => Array.from({ length: n }, (_, k) => phrase(`Line ${y + k} of the section text runs on`, 160, y + k * 14, 9.8));
  // (Headings wrapped over two lines: more rows than a third of the text's, in four runs.)
  const p = page(
    phrase('LINDSEY DUNBAR', 190, 40, 24, true),
    // Headings right-aligned in the margin, a little smaller than the text beside them and not on its baseline.
    phrase('Career', 90, 131.4, 9.6, true),
    phrase('Objective', 70, 144.9, 9.6, true),
    ...body(130, 2),
    phrase('Relevant', 92, 171.5, 9.6, true),
    phrase('Experience', 80, 185, 9.6, true),
    ...body(170, 8),
    phrase('Studies', 99, 301.5, 9.6, true),
    ...body(300, 3),
    phrase('Spoken', 90, 361.5, 9.6, true),
    phrase('Languages', 70, 375, 9.6, true),
    ...body(360, 1),
  );
  orderPage(p);
  const t = texts(p);
  assert.deepEqual(
    t.filter((x) => !x.startsWith('Line')),
    ['LINDSEY DUNBAR', 'Career Objective', 'Relevant Experience', 'Studies', 'Spoken Languages'],
  );
  assert.equal(t[t.indexOf('Relevant Experience') + 1], 'Line 170 of the section text runs on');
  assert.equal(t[t.indexOf('Studies') - 1], 'Line 177 of the section text runs on');
  assert.equal(t[t.indexOf('Spoken Languages') + 1], 'Line 360 of the section text runs on');
});

test('boxes side by side, each under its own heading on one baseline, are read one after the other', () => {
  const p = page(
    phrase('Academic qualifications', 34, 25, 11, true),
    phrase('Languages', 218, 25, 11, true),
    phrase('PGDM', 34, 44, 8.9),
    phrase('English', 218, 44, 8.9),
    phrase('Indian Institute of Technology', 34, 57, 8.9),
    phrase('Dec 2009', 34, 70, 8.3),
    phrase('BBA', 34, 90, 9.8),
    phrase('Anna University', 34, 103, 8.9),
  );
  orderPage(p);
  assert.deepEqual(texts(p), ['Academic qualifications', 'PGDM', 'Indian Institute of Technology', 'Dec 2009', 'BBA', 'Anna University', 'Languages', 'English']);
});

test('boxes side by side under bold headings the size of their text; a bracket opens no heading', async () => {
  const { runPipeline } = await import('../../src/pipeline/pipeline.ts');
  const p = page(
    phrase('EDUCATION', 34, 553, 9.8, true),
    phrase('LANGUAGES', 218, 553, 9.8, true),
    phrase('Bachelor of Science', 34, 573, 9.8),
    phrase('English', 218, 573, 9.8),
    phrase('(Honours) in Human', 34, 586.5, 9.8),
    phrase('Resource Management', 34, 600, 9.8),
    phrase('Nanyang Technological University', 34, 612.5, 8.9),
  );
  orderPage(p);
  assert.deepEqual(texts(p), ['EDUCATION', 'Bachelor of Science', '(Honours) in Human', 'Resource Management', 'Nanyang Technological University', 'LANGUAGES', 'English']);
  const text = texts(p).join('\n');
  const r = await runPipeline(new TextEncoder().encode(`Darren Koh\ndarren@example.com\n\n${text}\n`), { fileName: 'x.txt' });
  assert.deepEqual(r.data!.sections.map((s) => s.sectionType), ['PersonalDetails', 'Education', 'Skills/Interests/Languages']);
});
