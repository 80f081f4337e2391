import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { exactHeadingTopic, headingTopic } from '../../src/knowledge/headings.ts';
import { joinWrappedDates, splitLeadingHeadings, splitSections } from '../../src/pipeline/segment/sections.ts';
import { finalizeLayout, lineFromWords, type Line } from '../../src/pipeline/layout.ts';
import { laidOutLine, phrase } from '../fixtures/layout-fixtures.ts';

/** A row of 10-point words: each field's words 40 pt apart from its x, fields far enough apart to be tab-separated. */
const row = (fields: [string, number][], y: number) =>
  lineFromWords(fields.flatMap(([t, x]) => t.split(' ').map((w, k) => ({ text: w, bbox: [x + k * 40, y, x + k * 40 + 35, y + 10] as [number, number, number, number], fontSize: 10, bold: false, italic: false, start: 0, end: 0 }))), 0);

const sectionsOf = async (text: string) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate: new Date('2026-11-01') });
  assert.equal(r.error, null);
  return r.doc!.sections.map((s) => [s.topic, s.heading?.text.trim() ?? null]);
};

test('heading lexicon: casing, languages, decorations and compounds', () => {
  assert.equal(headingTopic('WORK HISTORY'), 'work');
  assert.equal(headingTopic('Employment History:'), 'work');
  assert.equal(headingTopic('Berufserfahrung'), 'work');
  assert.equal(headingTopic('Expérience professionnelle'), 'work');
  assert.equal(headingTopic('Formación académica'), 'education');
  assert.equal(headingTopic('Competenze'), 'skills');
  assert.equal(headingTopic('Werkervaring'), 'work');
  assert.equal(headingTopic('E X P E R I E N C E'), 'work');
  // Small capitals read back with a space after each larger first letter.
  assert.equal(headingTopic('P ROFESSIONAL E XPERIENCE'), 'work');
  assert.equal(exactHeadingTopic('E DUCATION'), 'education');
  assert.equal(headingTopic('S ENIOR P ROJECT M ANAGER'), null);
  // Praise opens a list item, not a heading.
  assert.equal(headingTopic('Computer skills'), 'skills');
  assert.equal(headingTopic('Strong analytical skills'), null);
  assert.equal(headingTopic('Excellent Communication Skills'), null);
  assert.equal(headingTopic('Outstanding Achievements'), 'achievements');
  assert.equal(headingTopic('Skills & Languages'), 'skills');
  assert.equal(headingTopic('Core Competencies'), 'skills');
  assert.equal(headingTopic('Professional References'), 'referees');
  assert.equal(headingTopic('Senior Software Engineer'), null);
  assert.equal(headingTopic('Led a team of five engineers across two sites'), null);
  // The head noun before a preposition names the topic; a degree's name is no heading.
  assert.equal(headingTopic('Related Experience in Education'), 'work');
  assert.equal(headingTopic('Experience in Teaching'), 'work');
  assert.equal(headingTopic('Diploma in Education'), null);
  assert.notEqual(headingTopic('Experience with European culture'), 'work');
  // Academic CVs list jobs as positions.
  assert.equal(headingTopic('Tenure-line Academic Positions'), 'work');
  assert.equal(headingTopic('Administrative Positions'), 'work');
  // Wordings common in Indian and Indeed résumés; "Academic Details" is schooling, not personal details.
  assert.equal(headingTopic('ACADEMIC DETAILS'), 'education');
  assert.equal(headingTopic('Education Details'), 'education');
  assert.equal(headingTopic('Scholastic Profile'), 'education');
  assert.equal(headingTopic('PERSONAL SUMMARY'), 'summary');
  assert.equal(headingTopic('Technical Proficiency'), 'skills');
  assert.equal(headingTopic('Areas of Interest'), 'interests');
  assert.equal(headingTopic('Project Details'), 'projects');
  assert.equal(headingTopic('LINKS'), 'personal');
  // A job title is no heading, though volunteering is a section's topic.
  assert.equal(headingTopic('Volunteer'), null);
});

test('underlined, upper-case and plain headings split the text; the top is personal details', async () => {
  const s = await sectionsOf(`ANNA SMITH
anna@example.com

PROFESSIONAL SUMMARY
====================
Engineer with ten years of experience.

Employment
----------
Engineer | Acme | 2019 - 2021

Education

BSc Physics, University of Leeds, 2015

LANGUAGE SKILLS
English (native), German (B2)
`);
  assert.deepEqual(
    s.map((x) => x[0]),
    ['personal', 'summary', 'work', 'education', 'languages'],
  );
});

test('a skill that is also a heading word does not start a section', async () => {
  const s = await sectionsOf(`Bob Stone

SKILLS
Leadership, Training, Negotiation
Training
Budgeting
`);
  assert.deepEqual(s.map((x) => x[0]), ['personal', 'skills']);
});

test('running headers, footers and page numbers are not section content', async () => {
  const { dropRunningLines } = await import('../../src/pipeline/segment/sections.ts');
  const { lineFromWords } = await import('../../src/pipeline/layout.ts');
  const line = (text: string, page: number, y: number, role: 'body' | 'footer' = 'body') =>
    lineFromWords([{ text, bbox: [36, y, 36 + text.length * 5, y + 10], fontSize: 10, bold: false, italic: false, start: 0, end: 0 }], page, role);
  const lines = [
    line('Jane Doe – jane@example.com', 0, 20),
    line('EXPERIENCE', 0, 60),
    line('Page 1 of 2', 0, 760),
    line('Jane Doe – jane@example.com', 1, 20),
    line('EDUCATION', 1, 60),
    line('Page 2 of 2', 1, 760),
    line('+44 7911 123456', 1, 770, 'footer'),
  ];
  assert.deepEqual(dropRunningLines(lines).map((l) => l.text), ['+44 7911 123456', 'Jane Doe – jane@example.com', 'EXPERIENCE', 'EDUCATION']);
});

test('a heading with its content after a colon on the same line starts a section', async () => {
  const s = await sectionsOf(`Ann Lee
ann@example.com

SKILLS: Python, SQL, Excel

LANGUAGES: English, Spanish
`);
  assert.deepEqual(s.map((x) => x[0]), ['personal', 'skills', 'languages']);
  assert.deepEqual(s.map((x) => x[1]), [null, 'SKILLS', 'LANGUAGES']);
});

test('a date cell wrapped over two rows of a gutter is put back together', () => {
  const lines = [row([['SEPTEMBER 2022 TO', 40], ['Project Engineer', 200]], 100), row([['PRESENT', 40], ['Mott MacDonald, Croydon', 200]], 114), row([['Led the site team', 200]], 128)];
  const joined = joinWrappedDates(lines).map((l) => l.text);
  assert.deepEqual(joined, ['SEPTEMBER 2022 TO PRESENT\tProject Engineer', 'Mott MacDonald, Croydon', 'Led the site team']);
});

test('a contact label that is also a heading word ("WORK⇥+44 …") stays a label', async () => {
  const r = await runPipeline(new TextEncoder().encode('Jacob Ross\nMOBILE\t01224 473 621\nWORK\t+44 7711 726245\nE-MAIL\tjacob@example.com\n\nEDUCATION\nBSc Physiotherapy, University of Oxford, 2018\n'));
  assert.ok(!r.data!.sections.some((s) => s.sectionType === 'WorkExperience'));
  assert.deepEqual(r.data!.workExperience, []);
  assert.equal(r.data!.phoneNumbers.length, 2);
});

test('a date wrapped onto the next line after an OCR-garbled gap is put back together', () => {
  const lines = [row([['SEPTEMBER 2015 - JUNE', 40], ['BSc (Hons) Physiotherapy', 300]], 100), row([['2018 —_ University of Oxford, Oxford, UK', 40]], 114)];
  assert.deepEqual(joinWrappedDates(lines).map((l) => l.text), ['SEPTEMBER 2015 - JUNE 2018\tBSc (Hons) Physiotherapy', 'University of Oxford, Oxford, UK']);
});

test('a date range that wrapped at its right tab stop gets its tail back; a year under an undated line does not join it', () => {
  const lines = [
    row([['Bachelor of Science in Mechanical Engineering', 40], ['August 2016 - May', 420]], 100),
    row([['2020', 40]], 112),
    row([['University of Central Florida, Orlando, FL', 40]], 124),
    row([['Dean’s List, every term', 40]], 162),
    row([['2019', 40]], 174),
    row([['University of Toronto', 40]], 200),
    row([['2019', 40]], 212),
  ];
  assert.deepEqual(joinWrappedDates(lines).map((l) => l.text), [
    'Bachelor of Science in Mechanical Engineering\tAugust 2016 - May 2020',
    'University of Central Florida, Orlando, FL',
    'Dean’s List, every term',
    '2019',
    'University of Toronto',
    '2019',
  ]);
});

test('in plain text, a title-case heading right after a bulleted list starts a section', async () => {
  const s = await sectionsOf(`Ravi Shankar
ravi@example.com

Academics
• B.Com from Lakeside Degree College, Mysore (2007)
• Pre University from Hillview PU College, Mysore (2004)
Projects & Accomplishments
Supplier Cleanup
- Cleaned 40 000 supplier records
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'education', 'projects']);
});

test('in plain text with no blank lines, a line that is only a heading starts a section; a school\'s name or the wrapped end of a sentence does not', async () => {
  const s = await sectionsOf(`Craig Wong
School of Social Work
200 Green Street, Charlotte, NC 28273
Competent in web development and database structures, with long experience of MySQL and of the LAMP stack, in
Technologies
Experience
PHP Developer, 2017 - 2019
Technology Development, Inc., Charlotte, NC
Built the backend and set up the database for the online platform of a rapidly expanding retail group in the
Southeast
Web Developer, 2013 - 2017
Ford Motor Company, Detroit, MI
Education and other Skills
BS Engineering, University of Michigan, 2013
`);
  assert.deepEqual(s, [
    ['personal', null],
    ['work', 'Experience'],
    ['education', 'Education and other Skills'],
  ]);
});

test('in plain text with no blank lines, a section\'s name word for word after a line of prose that ran to the margin starts its section', async () => {
  const s = await sectionsOf(`Maria Lopez
maria.lopez@example.com
Experience
Care Assistant, Northwind Care Homes, 2019 - 2024
Supported twelve residents with personal care, meals and daily activities, and kept their care plans
Education
Diploma in Health and Social Care, Leeds City College, 2018
Skills
Medication rounds
Dementia care
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'work', 'education', 'skills']);
});

test('in plain text with no blank lines, a heading word that a sentence runs on from and into is no heading', async () => {
  const s = await sectionsOf(`Arun Das
arun@example.com
Objective
To work in a challenging environment in a reputed organisation where I can enhance my technical
Skills
and contribute to the growth of the organisation with dedication and hard work in every project.
Experience
Engineer, Acme Corp, 2019 - 2021
Built the billing system
Education
BSc Physics, MIT, 2018
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'objective', 'work', 'education']);
});

test('in plain text with no blank lines, a heading right under an e-mail address as wide as the short lines around it starts a section', async () => {
  const s = await sectionsOf(`Jane Doe
jane.doe@example.com
Skills
Java
Communication
Project Management
Languages
English
French
Experience
Engineer, Acme Corp, 2019 - 2021
Built the billing system
Education
BSc Physics, MIT, 2018
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'skills', 'languages', 'work', 'education']);
});

test('an employer whose name ends in a heading word ("Aricent Technologies") on a line of its own is no heading', async () => {
  const s = await sectionsOf(`Jane Doe
jane.doe@example.com

WORK EXPERIENCE

Principal System Engineer

Aricent Technologies

2014 - Present

EDUCATION

BSc Physics, MIT, 2013
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'work', 'education']);
});

test('in plain text with no blank lines, a heading that the word lists take for an employer ("Information Technology Professional Experience") still starts a section', async () => {
  const s = await sectionsOf(`Jane Doe
Interim Director of Information Technology
University of Minnesota Duluth
jane.doe@example.com
123-345-7890
Duluth, MN 55812
Information Technology Professional Experience
Interim Director, Information Technology
University of Minnesota Duluth (May 2014 - Present)
Oversee administrative and operational activities of the department.
Direct a complex annual budget and the work of forty professionals.
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'work']);
});

test('an entry\'s own sub-headings in capitals ("ROLES AND RESPONSIBILITIES", "TEAM SIZE 20") start no section of their own', async () => {
  const s = await sectionsOf(`Jane Doe
jane.doe@example.com

WORK EXPERIENCE

Lead Engineer - Automation & Testing
Cisco Systems - Chennai
January 2014 to June 2015
TEAM SIZE 20
ROLES AND RESPONSIBILITIES
• Wrote the test plans
DESCRIPTION
• IPv6 conformance testing

EDUCATION

B.E in CSE
Anna University
2011
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'work', 'education']);
});

test('a heading over a row of items in two columns takes the right-hand item, read after the column beside it', () => {
  let n = 0;
  const line = (text: string, x: number, y: number, column: number, block: number, heading = false) => {
    const words = text.split(' ').map((t, i) => ({ text: t, bbox: [x + i * 40, y, x + i * 40 + 35, y + (heading ? 14 : 10)] as [number, number, number, number], fontSize: heading ? 14 : 10, bold: heading, italic: false, start: n, end: (n += t.length + 1) - 1 }));
    return { ...lineFromWords(words, 0), column, block };
  };
  const lines = [
    line('Skills', 190, 250, 1, 1, true),
    line('Outreach', 190, 294, 1, 2),
    line('Pipedrive', 190, 318, 1, 2),
    line('Languages', 190, 430, 1, 3, true),
    line('Marathi', 190, 454, 1, 4),
    line('Native', 190, 478, 1, 4),
    line('Key Skills', 383, 250, 2, 5, true),
    line('Negotiation', 383, 294, 2, 6),
    line('Territory Planning', 383, 415, 2, 6),
    line('English', 383, 454, 2, 7),
    line('Fluent', 383, 478, 2, 7),
  ];
  const sections = splitSections(lines);
  const of = (topic: string) => sections.filter((s) => s.topic === topic).flatMap((s) => s.lines.map((l) => l.text));
  assert.deepEqual(of('languages'), ['Marathi', 'Native', 'English', 'Fluent']);
  assert.deepEqual(of('skills'), ['Outreach', 'Pipedrive', 'Negotiation', 'Territory Planning']);
});

test('a letter-spaced heading ("L A N G U AG E S S P O K E N") is never taken for an employer\'s name', async () => {
  const s = await sectionsOf(`Jane Doe
jane.doe@example.com

S K I L L S
Python, SQL

L A N G U AG E S S P O K E N
Portuguese (Native), English (Fluent)
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'skills', 'languages']);
});

test('an ambiguous "Qualifications" heading over a degree whose dates wrapped onto a second line is education', async () => {
  const s = await sectionsOf(`Julian Berger
julian@example.com

Qualifications
Bachelor of Science in Mechanical Engineering\tAugust 2016 - May
2020
University of Central Florida, Orlando, FL
`);
  assert.deepEqual(s.find(([, heading]) => heading === 'Qualifications'), ['education', 'Qualifications']);
});

test('a heading that closes a page keeps the lines at the top of the next page, though the section above has lines at their indent', () => {
  let n = 0;
  const line = (text: string, x: number, y: number, page: number, heading = false) => {
    const words = text.split(' ').map((t, i) => ({ text: t, bbox: [x + i * 40, y, x + i * 40 + 35, y + (heading ? 14 : 10)] as [number, number, number, number], fontSize: heading ? 14 : 10, bold: heading, italic: false, start: n, end: (n += t.length + 1) - 1 }));
    return { ...lineFromWords(words, page), block: page };
  };
  const lines = [
    line('Experience', 40, 100, 0, true),
    line('Instructor, Johns Hopkins University, 2023 – Present', 40, 124, 0),
    line('• Taught undergraduate modules in History', 70, 140, 0),
    line('• Served on the curriculum committee', 70, 156, 0),
    line('Certifications', 40, 740, 0, true),
    line('CELTA – Cambridge English (2022)', 70, 40, 1),
    line('TESOL Certificate – Trinity College London (2018)', 70, 56, 1),
  ];
  const sections = splitSections(lines);
  const of = (topic: string) => sections.filter((s) => s.topic === topic).flatMap((s) => s.lines.map((l) => l.text));
  assert.deepEqual(of('certifications'), ['CELTA – Cambridge English (2022)', 'TESOL Certificate – Trinity College London (2018)']);
  assert.equal(of('work').length, 3);
});

test('an ambiguous "Qualifications" heading over a degree with its dates a word space away is education', async () => {
  const s = await sectionsOf(`Julian Berger
julian@example.com

Qualifications
Bachelor of Science in Mechanical Engineering August 2016 - May 2020
University of Central Florida, Orlando, FL — Cumulative GPA:
3.92/4.00
`);
  assert.deepEqual(s.find(([, heading]) => heading === 'Qualifications'), ['education', 'Qualifications']);
});

test('an ambiguous heading over one-line dated jobs is work, though one line names a degree', async () => {
  const s = await sectionsOf(`Ann Lee
ann@example.com

Career Summary
Software Engineer, Acme Corp, 2019 - 2021
Developer, Globex Corporation, 2016 - 2019
Junior Developer, Initech, 2015 - 2016
BSc Computer Science, University of Leeds, 2012 - 2015
`);
  assert.deepEqual(s.find(([, heading]) => heading === 'Career Summary'), ['work', 'Career Summary']);
});

test("a form's labels set in capitals are no headings: a column of labels, or a label over a lone colon", async () => {
  const text = `MARY WANJIRU
PERSONAL DETAILS
GENDER
:
Female
RELIGION
:
Christian

SKILLS
Budgeting, payroll

EMPLOYMENT HISTORY
NAME OF EMPLOYER
POSITION
PERIOD
:
:
:
Kijani Foods Ltd
Finance Officer
March 2015 to Present
Prepared the monthly management accounts.

TRAVEL
Hiking
`;
  const s = await sectionsOf(text);
  // Still headings: the section names, and an unknown heading in their style that has content under it.
  assert.deepEqual(s, [
    ['personal', null],
    ['personal', 'PERSONAL DETAILS'],
    ['skills', 'SKILLS'],
    ['work', 'EMPLOYMENT HISTORY'],
    ['additional', 'TRAVEL'],
  ]);
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate: new Date('2026-11-01') });
  assert.deepEqual(r.data!.workExperience.map((w) => [w.jobTitle, w.organization]), [['Finance Officer', 'Kijani Foods Ltd']]);
  // Headings and entries in capitals with no column of colons after them are no form.
  const caps = await sectionsOf(`JOHN SMITH
john.smith@example.com

EXPERIENCE & PROJECTS
ACME CORPORATION
SENIOR SOFTWARE ENGINEER
Jan 2018 - Present
- Built the billing platform

EDUCATION & CERTIFICATIONS
UNIVERSITY OF LEEDS
BSC COMPUTER SCIENCE
2010 - 2013
`);
  assert.deepEqual(caps.map(([topic]) => topic), ['personal', 'work', 'education']);
});

test('a word in large type on a later page (sized by OCR from a tall box) opens no personal-details part; the name on the first page does', () => {
  const line = (text: string, y: number, size: number, page: number, bold = false): Line => laidOutLine(text, 40, y, { size, bold, page });
  const lines = [
    line('Andrea Herrera', 60, 20, 0),
    line('a.herrera@example.com', 90, 10, 0),
    line('EXPERIENCE', 130, 11, 0, true),
    line('Research Scientist, Fabrikam Labs', 150, 10, 0),
    line('Jan 2019 - Present', 165, 10, 0),
    line('Ran the assay programme for two product lines', 180, 10, 0),
    line('EDUCATION', 220, 11, 0, true),
    line('BSc Biology, Contoso University, 2018', 240, 10, 0),
    line('REFEREES', 60, 11, 1, true),
    line('Prof. Tomas Wojcik', 80, 10, 1),
    line('Professor of Biology, University of', 95, 10, 1),
    line('Manitoba', 110, 19.5, 1),
    line('t.wojcik@example.ca', 125, 10, 1),
  ];
  const sections = splitSections(lines);
  assert.deepEqual(sections.map((s) => [s.topic, s.heading?.text ?? null]), [
    ['personal', null],
    ['work', 'EXPERIENCE'],
    ['education', 'EDUCATION'],
    ['referees', 'REFEREES'],
  ]);
});

test('text flattened to one line: "EDUCATION: School" and a heading over dates after a comma open their sections', async () => {
  const lines = [
    'Gregory Jones',
    'Bowling Green, Kentucky 42101',
    'greg.jones@example.com',
    'OBJECTIVE',
    'To obtain an entry-level position as a Mechanical Engineer.',
    'EXPERIENCE',
    '2011 - 2013: Intern, Lord Corporation, Bowling Green',
    'Created manufacturing standards that were adopted throughout the facility,',
    'Education',
    '2007 - 2011: Bachelor of Arts in Journalism, University of Idaho',
    'EDUCATION: Western Kentucky University, Bowling Green, Kentucky',
    'Bachelor of Science in Mechanical Engineering, May 2012',
    'SKILLS',
    'Solid Works, Math CAD, Matlab',
  ];
  // A form field's export: every line break turned into two spaces.
  const s = await sectionsOf(lines.join('  '));
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'objective', 'work', 'education', 'education', 'skills']);
});

test('plain-text headings drawn with symbols around them open their sections', async () => {
  const s = await sectionsOf(`SHREYA NAIDU
Email: shreya@example.com

--- Executive Profile ---
Data scientist with nine years of experience.

*** WHERE I'VE WORKED ***
Lead Data Scientist, State Bank of India, Mumbai (01/2021 - Present)
• Built a demand forecasting model

[ Studies ]
B.Sc. Mathematics, Christ University (2016)

>> Toolkit
R, pandas, Python

== Spoken Languages ==
Hindi, English
`);
  assert.deepEqual(s.map(([topic]) => topic), ['personal', 'summary', 'work', 'education', 'skills', 'languages']);
  assert.equal(s[2]![1], "*** WHERE I'VE WORKED ***");
});

test('a heading in a gutter is cut off its row, a row of list items is not ("› Leadership⇥› Pipedrive")', () => {
  const row = (left: string, right: string) => lineFromWords([...phrase(left, 40, 100), ...phrase(right, 160, 100)], 0);
  const page = { index: 0, width: 612, height: 792, rotation: 0, images: [], lines: [row('Experience', 'Senior Engineer, Acme'), row('› Leadership', '› Pipedrive')] };
  const [gutter, items] = finalizeLayout({ format: 'pdf', pages: [page], isOcrd: false, ocrConfidence: null, sourcePageCount: 1 }).lines;
  assert.deepEqual(splitLeadingHeadings([gutter!]).map((l) => l.text), ['Experience', 'Senior Engineer, Acme']);
  assert.deepEqual(splitLeadingHeadings([items!]).map((l) => l.text), ['› Leadership\t› Pipedrive']);
});
