/**
 * One test per field family, on plain-text résumés written here: what each understand/enrich component
 * must find, in the forms résumés print it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { listItems } from '../../src/pipeline/understand/lists.ts';
import type { Line } from '../../src/pipeline/layout.ts';
import { laidOutLine } from '../fixtures/layout-fixtures.ts';

const referenceDate = new Date('2026-11-15T00:00:00Z');
const parse = async (text: string, options = {}) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate, ...options });
  assert.equal(r.error, null);
  return r.data!;
};

test('personal details: name parts, contacts with details, location, date of birth, links', async () => {
  const d = await parse(`Dr. Priya R. Sharma
Bengaluru, Karnataka 560001 | +91 98765 43210 | priya.sharma@example.com | linkedin.com/in/priya-sharma | github.com/psharma
Date of birth: 12 March 1990

SUMMARY
Data scientist with eight years of experience.
`);
  assert.equal(d.name?.raw, 'Dr. Priya R. Sharma');
  assert.deepEqual([d.name?.title, d.name?.first, d.name?.middle, d.name?.last], ['Dr.', 'Priya', 'R.', 'Sharma']);
  assert.deepEqual(d.emails, ['priya.sharma@example.com']);
  assert.deepEqual(d.phoneNumbers, ['+91 98765 43210']);
  assert.equal(d.phoneNumberDetails[0]?.countryCode, 'IN');
  assert.equal(d.phoneNumberDetails[0]?.internationalCountryCode, 91);
  assert.equal(d.phoneNumberDetails[0]?.nationalNumber, '9876543210');
  assert.equal(d.location?.city, 'Bengaluru');
  assert.equal(d.location?.countryCode, 'IN');
  assert.equal(d.location?.postalCode, '560001');
  assert.equal(d.dateOfBirth, '1990-03-12');
  assert.equal(d.linkedin, 'linkedin.com/in/priya-sharma');
  assert.ok(d.websites.includes('github.com/psharma'));
  assert.equal(d.summary, 'Data scientist with eight years of experience.');
});

test('national phone numbers are read in the résumé’s own country, or the region bias', async () => {
  const uk = await parse(`Tom Baker\nLeeds, United Kingdom | 07911 123456 | tom@example.com\n`);
  assert.equal(uk.phoneNumberDetails[0]?.formattedNumber, '+44 7911 123456');
  const biased = await parse(`Tom Baker\n0412 632 636 | tom@example.com\n`, { regionBias: { country: 'AU' } });
  assert.equal(biased.phoneNumberDetails[0]?.formattedNumber, '+61 412 632 636');
});

test('education: school, qualification and level, grade, place, dates; expected completion', async () => {
  const d = await parse(`Ana Costa

EDUCATION

Master of Science in Data Science
University of Edinburgh, Edinburgh, UK | Sep 2025 – Expected 2027

BSc (Hons) Computer Science, University of Nottingham, Nottingham, UK | 2018–2021 | First Class Honours

Allgemeine Hochschulreife (Abitur)
Humboldt-Gymnasium | 2010 - 2018 | Final grade 1.7
`);
  assert.equal(d.education.length, 3);
  const [msc, bsc, abitur] = d.education;
  assert.equal(msc!.organization, 'University of Edinburgh');
  assert.equal(msc!.accreditation?.educationLevel, 'masters');
  assert.equal(msc!.dates?.isCurrent, true);
  assert.equal(msc!.dates?.completionDate?.slice(0, 4), '2027');
  assert.equal(msc!.location?.city, 'Edinburgh');
  assert.equal(bsc!.accreditation?.education, 'BSc (Hons) Computer Science');
  assert.equal(bsc!.accreditation?.inputStr, 'BSc (Hons) Computer Science');
  assert.equal(bsc!.accreditation?.matchStr, 'BSc');
  assert.equal(msc!.accreditation?.matchStr, 'Master of Science');
  assert.equal(bsc!.accreditation?.educationLevel, 'bachelors');
  assert.equal(bsc!.organization, 'University of Nottingham');
  assert.equal(bsc!.grade?.raw, 'First Class Honours');
  assert.equal(abitur!.accreditation?.educationLevel, 'school');
  assert.equal(abitur!.organization, 'Humboldt-Gymnasium');
  assert.equal(abitur!.grade?.value, '1.7');
});

test('education: a degree named with honours is no grade and no heading; all-lower-case undated schooling', async () => {
  const d = await parse(`Priya Nair
priya.nair@example.com

EDUCATION

B Tech Honors

College of Engineering -  Roorkee, Uttarakhand

August 2007 to May 2011

b.tech in computer science

sunder deep group of institution -  Noida, Uttar Pradesh

SKILLS

Sales
`);
  assert.deepEqual(
    d.education.map((e) => [e.accreditation?.education, e.organization]),
    [['B Tech Honors', 'College of Engineering'], ['b.tech in computer science', 'sunder deep group of institution']],
  );
  assert.equal(d.education[0]!.grade, null);
  assert.ok(!d.sections.some((s) => s.sectionType === 'Achievements'));
});

test('education: an examination board is not the school', async () => {
  const d = await parse(`Meena Iyer
meena.iyer@example.com

EDUCATION

B.Sc in Mathematics
Ramakrishna College, Coimbatore
2012 - 2015

HSC
State Board
2012
`);
  const orgs = d.education.map((e) => e.organization);
  assert.ok(orgs.includes('Ramakrishna College'), JSON.stringify(orgs));
  assert.ok(!orgs.includes('State Board'), JSON.stringify(orgs));
});

test('a "Languages:" group of programming languages under a skills heading is skills; "Interests:" is not', async () => {
  const d = await parse(`Sam Lee
sam@example.com

TECHNICAL SKILLS
Languages: Python, Go, TypeScript
Tools: Docker, Terraform
Interests: Chess, Cycling
`);
  const names = d.skills.map((s) => s.name);
  for (const skill of ['Python', 'Go', 'TypeScript', 'Docker', 'Terraform']) assert.ok(names.includes(skill), `${skill} missing: ${names}`);
  assert.ok(!names.includes('Chess'), String(names));
  assert.deepEqual(d.languages, []);
});

test('a phone typeset with an en dash is a phone', async () => {
  const d = await parse(`Sam Lee
(718) 555–0100 | sam@example.com
`);
  assert.deepEqual(d.phoneNumbers, ['(718) 555–0100']);
});

test('skills: labelled groups, wrapped lists, bullets, levels dropped, no sub-headings or languages', async () => {
  const d = await parse(`Kim Park

KEY SKILLS
Tools: MIG Welding, CNC Programming, TIG Welding
Core Skills: Site Safety, Blueprint Reading, Quality Inspection, Troubleshooting, Forklift Operation, Health and Safety, Metal
Cutting, Hand and Power Tools
• Python (Expert)
• Kahoot!
Languages: English, Korean
`);
  const names = d.skills.map((s) => s.name);
  assert.deepEqual(names, [
    'MIG Welding', 'CNC Programming', 'TIG Welding', 'Site Safety', 'Blueprint Reading', 'Quality Inspection',
    'Troubleshooting', 'Forklift Operation', 'Health and Safety', 'Metal Cutting', 'Hand and Power Tools', 'Python', 'Kahoot!',
  ]);
  assert.deepEqual(d.languages, ['English', 'Korean']);
  assert.deepEqual(d.languageCodes, ['en', 'ko']);
});

test('languages with levels, in their own section or a Europass grid; nationality is not a language', async () => {
  const d = await parse(`Jan Novak
Nationality: Czech

LANGUAGE SKILLS
Czech (native), German – C1, Français: B2
`);
  assert.deepEqual(d.languages, ['Czech', 'German', 'French']);
  assert.deepEqual(d.languageCodes, ['cs', 'de', 'fr']);
});

test('certifications without their years; publications over several lines; referees as blocks', async () => {
  const d = await parse(`Lee Chen

CERTIFICATIONS
- AWS Certified Developer – Associate (2024)
- PMP, 2019

PUBLICATIONS
[1] Chen, L., Smith, J. Modelling gut microbiome composition in type 2 diabetes.
    Computers & Education. 2018;103(1):567-581.
[2] Chen, L. A second paper on things. Nature. 2020.

REFERENCES

Victoria Long
Senior Manager, Hilton
victoria.long@hilton.com
215.886.3390

Santiago Gómez
Team Lead, Progressive Insurance
santiago.gomez@example.com
(267) 554-7437
`);
  assert.deepEqual(d.certifications, ['AWS Certified Developer – Associate', 'PMP']);
  assert.equal(d.publications.length, 2);
  assert.match(d.publications[0]!, /type 2 diabetes\. Computers & Education/);
  assert.equal(d.referees.length, 2);
  assert.equal(d.referees[0]!.name, 'Victoria Long');
  assert.equal(d.referees[0]!.position, 'Senior Manager, Hilton');
  assert.equal(d.referees[0]!.email, 'victoria.long@hilton.com');
  assert.equal(d.referees[1]!.number, '(267) 554-7437');
  // Referees' contacts are not the candidate's.
  assert.deepEqual(d.emails, []);
});

test('objective, sections with types and boxes, raw and redacted text', async () => {
  const d = await parse(`Maria Silva
maria@example.com | +351 912 345 678

CAREER OBJECTIVE
Seeking a trainee accountant position.

EXPERIENCE
Accountant | PwC | Lisbon, Portugal
2020 - 2023
`);
  assert.equal(d.objective, 'Seeking a trainee accountant position.');
  assert.deepEqual(d.sections.map((s) => s.sectionType), ['PersonalDetails', 'Summary', 'WorkExperience']);
  for (const s of d.sections) {
    assert.equal(s.bbox.length, 4);
    assert.ok(s.bbox[2]! > s.bbox[0]! && s.bbox[3]! > s.bbox[1]!);
  }
  assert.match(d.rawText, /^Maria Silva\n/);
  assert.doesNotMatch(d.redactedText, /Maria|Silva|maria@example\.com|912 345 678/);
  assert.match(d.redactedText, /Seeking a trainee accountant position/);
  assert.equal(d.workExperience[0]!.dates?.monthsInPosition, 36);
  assert.equal(d.totalYearsExperience, 3);
});

test('the document language is detected for meta.language unless given', async () => {
  const { detectLanguage } = await import('../../src/pipeline/enrich/language.ts');
  assert.equal(detectLanguage('Led the migration of the billing platform to Kubernetes and cut costs by a third with the team.'), 'en');
  assert.equal(detectLanguage('Responsable de la migration des systèmes et de la formation des équipes pour le client.'), 'fr');
  assert.equal(detectLanguage('Verantwortlich für die Migration der Systeme und die Schulung der Teams bei dem Kunden.'), 'de');
  assert.equal(detectLanguage('Responsable de la migración de los sistemas y de la formación de los equipos para el cliente.'), 'es');
  assert.equal(detectLanguage('Python, SQL'), null);
  const r = await runPipeline(new TextEncoder().encode('Jan Jansen\nVerantwoordelijk voor de migratie van het platform en de opleiding van een team met een klant.'), { language: 'nl' });
  assert.equal(r.meta.language, 'nl');
});

test('flattened text (line breaks turned into double spaces) gets its lines back', async () => {
  const { unflatten } = await import('../../src/pipeline/extract/text.ts');
  const lines = ['Hal Doyle', '123 Main St.', 'New York, NY', 'hal@example.com', 'EXPERIENCE', 'Sales Manager | Acme Corp', 'Jan 2019 - Present', 'Led a team of twelve account executives across the region', 'EDUCATION', 'BA Economics, New York University, 2012'];
  const flat = lines.join('  ') + ' '.repeat(3) + 'x'.repeat(120);
  assert.deepEqual(unflatten(flat).split('\n').slice(0, lines.length), lines);
  const d = await parse(lines.join('  ') + '  ' + 'Additional details about volunteering and community work in the city. '.repeat(3));
  assert.equal(d.name?.raw, 'Hal Doyle');
  assert.equal(d.workExperience[0]?.organization, 'Acme Corp');
  // Short lines with double spaces are left alone.
  assert.equal(unflatten('Python  Java  SQL'), 'Python  Java  SQL');
});

test('regionBias decides an ambiguous home town and how its phone number is read', async () => {
  const text = 'Sam Lee\nCambridge | sam@example.com | 617 555 0134\n';
  const us = await parse(text, { regionBias: { country: 'us' } });
  assert.equal(us.location?.countryCode, 'US');
  assert.equal(us.phoneNumberDetails[0]?.formattedNumber, '+1 617 555 0134');
  const gb = await parse(text, { regionBias: { country: 'gb' } });
  assert.equal(gb.location?.countryCode, 'GB');
});

test('education: a bulleted list of "qualification from school, town (year)" lines, closed by a title-case heading', async () => {
  const d = await parse(`Ravi Shankar
ravi@example.com

Academics
• Bachelors in Commerce (B.Com) from Lakeside Degree College, Mysore (2007)
• Pre University from Hillview PU College, Mysore (2004)
• Dean's List, 2006
Functional & Technical Expertise
- Supplier data quality in the purchasing registry
- Migration of supplier records between releases
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education ?? null, e.organization]), [
    ['Bachelors in Commerce (B.Com)', 'Lakeside Degree College'],
    ['Pre University', 'Hillview PU College'],
  ]);
  assert.ok(!d.education.some((e) => /Expertise|Supplier/.test(`${e.organization} ${e.accreditation?.education}`)), JSON.stringify(d.education));
});

test('education: a sentence, a street address or a fragment is no school; a German "am" or a lower-case school name still is', async () => {
  const d = await parse(`Lena Weber
lena@example.com

EDUCATION
Gymnasium am Rotenbühl, 2013 - 2015
Allgemeine Hochschulreife (Abitur)
sunder deep group of institution, 2015 - 2019
b.tech in computer science
2136 G Street NW, 2019 - 2021
Responsibilities include overseeing all college assessment and the reporting of results to the board, 2021 - 2022
`);
  assert.deepEqual(d.education.map((e) => e.organization), ['Gymnasium am Rotenbühl', 'sunder deep group of institution']);
});

test('education: a campus named after its town stays in the school name when the address repeats the town; a city-state does not', async () => {
  const d = await parse(`Lena Weber
lena@example.com

EDUCATION
Bachelor of Fine Arts in Graphic Design, 2012 - 2016
University of California, Berkeley, Berkeley, United States
Bachelor of Business Administration, 2008 - 2012
Vietnam National University, Hanoi · Hanoi, Vietnam
Master of Science, 2016 - 2017
National University of Singapore, Singapore, Singapore
`);
  assert.deepEqual(d.education.map((e) => e.organization), ['University of California, Berkeley', 'Vietnam National University, Hanoi', 'National University of Singapore']);
});

test('education: a qualification that opens with a word like a verb ("Advanced Diploma of …") is still the entry\'s degree', async () => {
  const d = await parse(`Lena Weber
lena@example.com

EDUCATION
Munich University of Applied Sciences\t2016 - 2018
Advanced Diploma of Hospitality Management
Gymnasium am Rotenbühl\t2013 - 2015
Allgemeine Hochschulreife (Abitur)
`);
  assert.deepEqual(d.education.map((e) => [e.organization, e.accreditation?.education]), [
    ['Munich University of Applied Sciences', 'Advanced Diploma of Hospitality Management'],
    ['Gymnasium am Rotenbühl', 'Allgemeine Hochschulreife (Abitur)'],
  ]);
});

test('a list wrapped in a narrow sidebar: a comma list broke where the next word would not fit, a bullet\'s item goes on under its text', () => {
  // Lines of 10 pt words laid out on a page (with baselines), half an em a character, in a column 130 pt wide
  // (from x 30 to 160).
  const line = (text: string, y: number, x0 = 30): Line => laidOutLine(text, x0, y);
  const lines = ['Complaint Handling, Ticket', 'Management, CRM', 'Management, Go-to-', 'Market Strategy,', 'Conversion Rate', 'Optimisation, Mentoring'].map((t, i) => line(t, 100 + 12 * i));
  assert.deepEqual(listItems(lines), ['Complaint Handling', 'Ticket Management', 'CRM Management', 'Go-to-Market Strategy', 'Conversion Rate Optimisation', 'Mentoring']);
  // One item a line, not a comma list: short lines stay items of their own.
  const column = ['Patient Assessment', 'Hydrotherapy', 'Manual Therapy', 'Clinical Documentation'].map((t, i) => line(t, 100 + 12 * i));
  assert.deepEqual(listItems(column), ['Patient Assessment', 'Hydrotherapy', 'Manual Therapy', 'Clinical Documentation']);
  // A bullet's item wrapped under its text (not under its glyph) is one item.
  const bulleted = [line('● Performance', 100), line('Management', 112, 40), line('● Payroll', 124), line('● Emotional', 136), line('Intelligence', 148, 40), line('Mentoring', 160)];
  assert.deepEqual(listItems(bulleted), ['Performance Management', 'Payroll', 'Emotional Intelligence', 'Mentoring']);
  // Skills in boxes, their edges read by OCR as brackets that pair nothing; a bracketed note stays.
  const pills = ['RF Scanners } [ Manhattan WMS', '[Cost Reduction [Communication', '{Work Ethic }', 'Python [advanced]'].map((t, i) => line(t, 100 + 12 * i));
  assert.deepEqual(listItems(pills), ['RF Scanners', 'Manhattan WMS', 'Cost Reduction', 'Communication', 'Work Ethic', 'Python [advanced]']);
  // Pairs side by side are left whole, not half-stripped ("Python] [Java").
  assert.deepEqual(listItems([line('[Python] [Java] [SQL]', 100)]), ['[Python] [Java] [SQL]']);
  // …or edges read as underscores, alone or against a dash; an underscore inside a name stays.
  assert.deepEqual(listItems([line('Canva_—Hootsuite', 100), line('Speechwriting _ Internal Communications', 112), line('snake_case', 124)]), ['Canva', 'Hootsuite', 'Speechwriting', 'Internal Communications', 'snake_case']);
});

test('education: a school line that ends in a spaced dash, its next field wrapped onto the line below, is the school, not prose', async () => {
  const d = await parse(`Kunal Menon
kunal@example.com

ACADEMIC QUALIFICATIONS
Master of Public Health (MPH)\tExpected 2027
Indian Institute of Technology Madras, Chennai, India
B.Sc. in Biochemistry\t2025
Birla Institute of Technology and Science, Pilani, Pilani, India —
Percentage: 63%
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Master of Public Health (MPH)', 'Indian Institute of Technology Madras'],
    ['B.Sc. in Biochemistry', 'Birla Institute of Technology and Science, Pilani'],
  ]);
});

test('a home address wrapped in a narrow column is read across the break', async () => {
  const d = await parse(`Ethan Ashworth
121 Victoria Road, Manchester, United
Kingdom M4 8SJ
ethan@example.com

EXPERIENCE
Sales Assistant, Marks & Spencer, 2019 - 2022
`);
  assert.equal(d.location?.city, 'Manchester');
  assert.equal(d.location?.postalCode, 'M4 8SJ');
  assert.equal(d.location?.countryCode, 'GB');
  // Broken inside the town's name: the first line alone names another town.
  const e = await parse('Pranav Bose\n66 Grove Road, Newcastle\nupon Tyne, NE2 1XS\np.bose@example.com\n\nEXPERIENCE\nCall Centre Agent, NatWest Group, 2023 - 2024\n');
  assert.equal(e.location?.city, 'Newcastle upon Tyne');
  assert.equal(e.location?.postalCode, 'NE2 1XS');
});

test('education: "Degree, School." written as a sentence under its dates is the entry, the school without the full stop', async () => {
  const d = await parse(`Tomas Reyes
tomas@example.com

Education
2016-2018
Master of Science in Supply Chain Management, Northwind School of Business.
2012-2015
Bachelor of Commerce in Accounting and Finance, University of Leeds.
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization, e.dates?.completionDate?.slice(0, 4)]), [
    ['Master of Science in Supply Chain Management', 'Northwind School of Business', '2018'],
    ['Bachelor of Commerce in Accounting and Finance', 'University of Leeds', '2015'],
  ]);
});

test('education: undated "Degree, Field, School" lines are one entry each; a university under its college is the same entry', async () => {
  const d = await parse(`Priya Nair
priya@example.com

EDUCATION
Masters, Business Administration, University of Florida
3.7 GPA while working full-time
Bachelors, Computer Science, University of California
3.4 GPA while competing with the swimming team

CERTIFICATIONS
Certified Scrum Master
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Masters, Business Administration', 'University of Florida'],
    ['Bachelors, Computer Science', 'University of California'],
  ]);
  const one = await parse(`Priya Nair
priya@example.com

EDUCATION
B.S. Mechanical Engineering, College of Engineering
Stanford University
GPA 3.9
`);
  assert.equal(one.education.length, 1);
  assert.equal(one.education[0]!.accreditation?.education, 'B.S. Mechanical Engineering');
});

test('education: "Professional Development" over a university and a bachelor\'s degree is schooling; a long "School, place - Degree, year" line is its heading', async () => {
  const d = await parse(`Erin Stehr
erin@example.com

EXPERIENCE
Senior Project Manager, Quality Builders Inc, 2005 - 2020

PROFESSIONAL DEVELOPMENT
STATE UNIVERSITY OF NORTH TEXAS at DENTON, Denton, TX - Bachelor of Science in Civil Engineering, 1996

CERTIFICATIONS
Certified Scrum Master, 2019
`);
  assert.deepEqual(d.education.map((e) => [e.organization, e.accreditation?.education, e.dates?.completionDate?.slice(0, 4)]), [
    ['STATE UNIVERSITY OF NORTH TEXAS at DENTON', 'Bachelor of Science in Civil Engineering', '1996'],
  ]);
  assert.deepEqual(d.certifications, ['Certified Scrum Master']);
  // "Degree from School, place" over its years, long as a sentence.
  const from = await parse(`Priya Raman
priya@example.com

Education
Bachelor of Engineering in Computer Science from Northwind Engineering College, Salem, India
Year: 1996-1999
Diploma in Electronics and Communication Engineering from NIT, Coimbatore, India
Year: 1992-1995
`);
  assert.deepEqual(from.education.map((e) => [e.organization, e.accreditation?.education, e.dates?.completionDate?.slice(0, 4)]), [
    ['Northwind Engineering College', 'Bachelor of Engineering in Computer Science', '1999'],
    ['NIT', 'Diploma in Electronics and Communication Engineering', '1995'],
  ]);
});

test('education: "Degree: School" is a degree and its school', async () => {
  const d = await parse(`Kim Carter
kim@example.com

EDUCATION
2013 - 2016
Bachelor of Education (Honours): Monash University
2011
Victorian Certificate of Education: John Paul College
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Bachelor of Education (Honours)', 'Monash University'],
    ['Victorian Certificate of Education', 'John Paul College'],
  ]);
});

test('education: a state code is no degree, a colon in brackets cuts nothing, a sentence about a thesis is no entry; certifications stay certifications', async () => {
  const d = await parse(`Ana Ruiz
ana@example.com

EDUCATION
Bachelor of Arts in English
Boston College, Chestnut Hill, MA
2010
MBA (GPA: 3.8), Kellogg School of Management, Northwestern University, 2018
Master thesis on supplier risk in the wind industry, written with Vestas at Copenhagen Business School, graded 12.

LICENSES & CERTIFICATIONS
Master Black Belt, Villanova University, 2019
Certified Quality Engineer (CQE), American Society for Quality, 2016
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Bachelor of Arts in English', 'Boston College, Chestnut Hill'],
    ['MBA (GPA: 3.8)', 'Kellogg School of Management, Northwestern University'],
  ]);
  assert.equal(d.certifications.length, 2);
});

test('education: "Degree in Field from School" is cut at "from"; "Degree: School, year" keeps its degree', async () => {
  const d = await parse(`Ana Ruiz
ana@example.com

EDUCATION
Bachelor of Science in Nursing from Johns Hopkins University, 2012
Master of Arts: University of Toronto, 2015
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Bachelor of Science in Nursing', 'Johns Hopkins University'],
    ['Master of Arts', 'University of Toronto'],
  ]);
});

test('education: a title-case "From" cuts degree from school; a training company is the school of its diploma', async () => {
  const d = await parse(`Ravi Kumar
ravi@example.com

EDUCATION
B.Tech From Annamacharya Institute of Technology - 2015
Diploma in Networking, Infosys Limited - 2016
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['B.Tech', 'Annamacharya Institute of Technology'],
    ['Diploma in Networking', 'Infosys Limited'],
  ]);
});

test('education: a degree abbreviation parted from its school by its full stop only', async () => {
  const d = await parse(`Ravi Kumar
ravi@example.com

EDUCATION
M.Tech. Visvesvaraya Technological University, India.
B.E. (Electronics and Communication), Karnataka University, India.
B.S. Journalism, Washington University, 2009.
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['M.Tech.', 'Visvesvaraya Technological University'],
    ['B.E. (Electronics and Communication)', 'Karnataka University'],
    ['B.S. Journalism', 'Washington University'],
  ]);
});

test('education: a degree named inside a sentence of an entry that gave none as a field', async () => {
  const d = await parse(`Ana Howell
ana@example.com

Education
Rutgers University, New Brunswick
Junior pursuing a Bachelor of Science in Computer Science, expected May 2015.
Notable Coursework: Introduction to Artificial Intelligence, Compilers
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [['Bachelor of Science in Computer Science', 'Rutgers University']]);
  assert.equal(d.education[0]?.accreditation?.educationLevel, 'bachelors');
});

test('education: "BA in Finance and accounting, School" is an entry, and a closing line of prose no field of study', async () => {
  const d = await parse(`Burl Schmitt
burl@example.com

Education:
2001-2002
MBA in Finance, University of Utah, US
1997-2000
BA in Finance and accounting, University of New Mexico, US

2005
Southern University
Bachelor of Science
References furnished upon request
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['MBA in Finance', 'University of Utah'],
    ['BA in Finance and accounting', 'University of New Mexico'],
    ['Bachelor of Science', 'Southern University'],
  ]);
});

test('education: a sentence under a dated degree is no school', async () => {
  const d = await parse(`Ana Ruiz
ana@example.com

EDUCATION
MBA, 2016
Focused on corporate strategy.
BA Economics, 2012
Minored in history.
`);
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['MBA', null],
    ['BA Economics', null],
  ]);
});

test('a sidebar of contact details with each label over its value: no label is the place or a heading', async () => {
  const d = await parse(`Maximilian Krüger
Senior Supply Chain Analyst

Professional background
Senior Supply Chain Analyst
BASF
Jan 2022 – Present

Qualifications
Diploma, Visual Communication
British Columbia Institute of Technology
2017–2019

Contact
EMAIL
max.kruger@example.de
LINKEDIN
www.linkedin.com/in/max-kruger
PORTFOLIO
maxkruger.design
MOBILE
0157/78278312
ADDRESS
Rosenstraße 231, 80331 Munich
`);
  assert.equal(d.location?.city, 'Munich');
  assert.deepEqual(d.phoneNumbers, ['0157/78278312']);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['Senior Supply Chain Analyst', 'BASF']]);
  assert.equal(d.education[0]?.accreditation?.education, 'Diploma, Visual Communication');
  assert.ok(!d.sections.some((s) => s.sectionType === 'Projects'));
  assert.ok(d.sections.some((s) => s.sectionType === 'WorkExperience'));
});

test('a bulleted "- Address:" line is the place; a bulleted "Degree (Honours) …, School (dates)" is an entry', async () => {
  const d = await parse(`Zhihao Ong

- Email: zhihao.ong@example.com
- Address: 12 George Street, Sydney NSW 2000

Education
- Bachelor of Science (Honours) in Supply Chain Management, Singapore University of Technology and Design (Aug 2017 – Jun 2020)
- GCE A-Level, Hwa Chong Institution (May 2017)
`);
  assert.equal(d.location?.city, 'Sydney');
  assert.deepEqual(d.education.map((e) => [e.accreditation?.education, e.organization]), [
    ['Bachelor of Science (Honours) in Supply Chain Management', 'Singapore University of Technology and Design'],
    ['GCE A-Level', 'Hwa Chong Institution'],
  ]);
});
