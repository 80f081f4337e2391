import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameScore, splitName } from '../../src/pipeline/understand/name.ts';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const parts = (raw: string) => {
  const n = splitName(raw);
  return [n.title, n.first, n.middle, n.last].map((p) => p || null); // absent parts are ''
};

test('splitName: titles, middle initials, raw kept as printed', () => {
  assert.deepEqual(parts('Dr. Tim A. Smith'), ['Dr.', 'Tim', 'A.', 'Smith']);
  assert.deepEqual(parts('Dr Chukwuemeka Nwosu'), ['Dr', 'Chukwuemeka', null, 'Nwosu']);
  assert.deepEqual(parts('Prof. Dr. med. Anna Schmidt'), ['Prof. Dr. med.', 'Anna', null, 'Schmidt']);
  assert.deepEqual(parts('Mrs Jane Doe'), ['Mrs', 'Jane', null, 'Doe']);
  assert.deepEqual(parts('José Alejandro Cruz'), [null, 'José', 'Alejandro', 'Cruz']);
  assert.equal(splitName('  YASMIN   AL-SAYED ').raw, 'YASMIN AL-SAYED');
});

test('splitName: suffixes and post-nominals are not part of the name', () => {
  assert.deepEqual(parts('Hannah Sullivan, PhD'), [null, 'Hannah', null, 'Sullivan']);
  assert.deepEqual(parts('John Smith, MBA, CPA'), [null, 'John', null, 'Smith']);
  assert.deepEqual(parts('Robert Downey Jr.'), [null, 'Robert', null, 'Downey']);
  assert.deepEqual(parts('James Earl Carter III'), [null, 'James', 'Earl', 'Carter']);
  assert.deepEqual(parts('Mary Ellen Jones RN'), [null, 'Mary', 'Ellen', 'Jones']);
  // Two-letter degrees that are also surnames stay unless set off by a comma.
  assert.deepEqual(parts('Li Ma'), [null, 'Li', null, 'Ma']);
  assert.deepEqual(parts('Vy Q. Do'), [null, 'Vy', 'Q.', 'Do']);
});

test('splitName: surname first with a comma', () => {
  assert.deepEqual(parts('SMITH, John'), [null, 'John', null, 'Smith']);
  assert.deepEqual(parts('Garcia, Maria Elena'), [null, 'Maria', 'Elena', 'Garcia']);
});

test('splitName: all-caps names are title-cased, hyphens and apostrophes kept', () => {
  assert.deepEqual(parts('YASMIN AL-SAYED'), [null, 'Yasmin', null, 'Al-Sayed']);
  assert.deepEqual(parts("SEAN O'NEIL"), [null, 'Sean', null, "O'Neil"]);
  assert.deepEqual(parts('RONALD MCDONALD'), [null, 'Ronald', null, 'McDonald']);
  assert.deepEqual(parts('CHLOE M. HAMILTON'), [null, 'Chloe', 'M.', 'Hamilton']);
  // Mixed case is never changed.
  assert.deepEqual(parts('Min-jun Kim'), [null, 'Min-jun', null, 'Kim']);
});

test('splitName: particles belong to the surname', () => {
  assert.deepEqual(parts('Ludwig van der Berg'), [null, 'Ludwig', null, 'van der Berg']);
  assert.deepEqual(parts('Juan de la Cruz'), [null, 'Juan', null, 'de la Cruz']);
  assert.deepEqual(parts('Katrina Dela Cruz'), [null, 'Katrina', null, 'Dela Cruz']);
  assert.deepEqual(parts('Ahmad bin Ismail'), [null, 'Ahmad', null, 'bin Ismail']);
  assert.deepEqual(parts('Lucas Pereira da Silva'), [null, 'Lucas', 'Pereira', 'da Silva']);
  assert.deepEqual(parts('PIETER VAN DER BERG'), [null, 'Pieter', null, 'van der Berg']);
  // A surname that looks like a particle is still the surname.
  assert.deepEqual(parts('Meera S. Das'), [null, 'Meera', 'S.', 'Das']);
});

test('splitName: one word and empty input', () => {
  assert.deepEqual(parts('Madonna'), [null, 'Madonna', null, null]);
  assert.deepEqual(parts(''), [null, null, null, null]);
});

test('nameScore: names score high', () => {
  for (const n of ['Grace Zhang', 'YASMIN AL-SAYED', 'Ayşe Şahin', 'Dr. Andrés Herrera', 'Hannah Sullivan, PhD', "Sean O'Neil", 'Vikram A. Kapoor', 'Ludwig van der Berg', 'Vy Q. Do']) {
    assert.ok(nameScore(n) >= 0.7, `${n}: ${nameScore(n)}`);
  }
});

test('nameScore: headings, job titles, places and contact lines score low', () => {
  for (const t of [
    'Resume', 'Curriculum Vitae', 'PROFESSIONAL SUMMARY', 'Software Engineer', 'Territory Sales Manager', 'Clinical Nurse Manager',
    'San Francisco', 'New York', 'South Africa', 'Rennes, France', 'jane@doe.com', '+1 704 996 9966', 'University of Toronto',
    'Led the migration of our billing system to AWS', 'IT HR', 'Attorney',
  ]) {
    assert.ok(nameScore(t) < 0.4, `${t}: ${nameScore(t)}`);
  }
});

test('nameScore: a four-word name scores below a two-word one but still passes', () => {
  const four = nameScore('Mohammed Hamza Ali Sabbagh');
  assert.ok(four >= 0.5 && four < nameScore('Mohammed Sabbagh'));
});

/** The name parsed from a résumé whose top is `top`, over one job. */
async function nameOf(top: string): Promise<string | null> {
  const r = await runPipeline(new TextEncoder().encode(`${top}\n\nExperience\nAccountant, Acme Ltd, 2019 - 2022\n`), { referenceDate: new Date('2026-11-01') });
  return r.data?.name?.raw ?? null;
}

test('a name at the head of a line of other fields is found; a place or an address at the head is not a name', async () => {
  assert.equal(await nameOf('Meera Nair - Email me on Indeed: meera@example.com'), 'Meera Nair');
  assert.equal(await nameOf('Meera Nair, Kochi, Kerala - meera@example.com'), 'Meera Nair');
  assert.equal(await nameOf('Ivan Keeling 87 Some Example Street\nKansas City, MO 52364'), 'Ivan Keeling');
  assert.equal(await nameOf('Levi Wilderman,\nPhD student (Computer Science),'), 'Levi Wilderman');
  assert.equal(await nameOf('Resume\nHuntington Beach, CA 92648\n(123) 345-7890'), null);
  assert.equal(await nameOf('Resume\nEast Vill., New York City\n(123) 345-7890'), null);
  // Below the first line too, when the line goes on to an e-mail address.
  assert.equal(await nameOf('SAMPLE RESUME\nBA Elementary Education, New Grad\nIvory Beahan 122 South Michigan Avenue  Chicago, IL 60603  ivory@example.org'), 'Ivory Beahan');
});

test('nameScore: a five-word name passes, lower still; a field label ("Fathers Name") and a company form ("Grupo Odinsa S.A.") do not', () => {
  const five = nameScore('María José García López Ortega');
  assert.ok(five >= 0.5 && five < nameScore('Mohammed Hamza Ali Sabbagh'), String(five));
  for (const t of ['Fathers Name', 'JOB OBJECTIVES', 'Grupo Odinsa S.A.']) assert.ok(nameScore(t) < 0.4, `${t}: ${nameScore(t)}`);
});

test('a name is found at the top of the document whatever section it fell in, run into the next field, or after "Resume of"', async () => {
  // "RESUME" reads as a summary heading and takes the name with it.
  assert.equal(await nameOf('RESUME\nAllan Koepp\nQualification: Degree in Engineering (Metallurgy)\nHome Tel: 91-44-8260905'), 'Allan Koepp');
  assert.equal(await nameOf('Allen Neal King ESB Integration Developer - Cisco Systems\nHyderabad, Telangana'), 'Allen Neal King');
  assert.equal(await nameOf('Melani Feil University Communications, University at Buffalo, Buffalo, New York'), 'Melani Feil');
  assert.equal(await nameOf('Tanna Cummerata B t.cummerata@example.com\tÍ www.example.edu/~tc'), 'Tanna Cummerata');
  assert.equal(await nameOf('RESUME OF Darell Cormier\nLOS ANGELES\nd.cormier@example.com'), 'Darell Cormier');
  // A quote left by a CSV export before the label, and "CV" with no "of".
  assert.equal(await nameOf('"RESUME OF Darell Cormier\nLOS ANGELES\nd.cormier@example.com'), 'Darell Cormier');
  assert.equal(await nameOf('CV Terrell Nam O\'Keefe\n1. Position:\nLegal Manager'), "Terrell Nam O'Keefe");
  assert.equal(await nameOf('Name:\tJohn Smith\nj.smith@example.com'), 'John Smith');
});

test('a name typed partly in lower case is taken from the first line only; empty bullet lines do not push a labelled name out of reach', async () => {
  assert.equal(await nameOf('Vamsi krishna\nHyderabad, Telangana - Email me on Indeed: vk@example.com'), 'Vamsi krishna');
  assert.equal(await nameOf('Syed Sadath ali\nBengaluru, Karnataka'), 'Syed Sadath ali');
  // Not below the first line: there it is a phrase of the text, not the name.
  assert.equal(await nameOf('Curriculum Vitae\nSenior accountant\nPune'), null);
  assert.equal(await nameOf('RESUME\nAsha rao\nPune'), null);
  // A column of bullets with no text, as a PDF export leaves them, before "Name:".
  assert.equal(await nameOf(`Personal Details\n${'•\n'.repeat(9)}Name: Demarcus Eleni Ledner\nNationality: Palestinian`), 'Demarcus Eleni Ledner');
});

test("a name before its state on one line is found; a form's bare labels above the name do not push it out of reach", async () => {
  assert.equal(await nameOf('Mei Ruthanne Schuppe, Telangana - Email me on Indeed: m.schuppe@example.com'), 'Mei Ruthanne Schuppe');
  // A town before its state is still a place, not a name.
  assert.equal(await nameOf('Resume\nHuntington Beach, California\n(123) 345-7890'), null);
  assert.equal(await nameOf('arjun ks\nBangalore City, Karnataka - Email me on Indeed: a.ks@example.com'), 'arjun ks');
  const form = 'Example of a Resume\nPERSONAL DETAILS\nName:\nDate of Birth:\nAddress:\nTelephone:\nMarital Status:\nTrevor Keeling\n22 August 1990';
  assert.equal(await nameOf(form), 'Trevor Keeling');
});

test("a name over its contact lines is found below a sample's preamble; a town before its postcode is no name", async () => {
  // Plain text without blank lines, as a job site exports it: the preamble falls under "Education".
  const cv = async (top: string) => {
    const text = `Sample Resume\nEducation\nDO NOT COPY: You are advised not to\ncopy this sample, but to use it to generate\nideas to create your own resume.\n${top}\nEDUCATION\n2013 - 2016\nBachelor of Education (Honours): Monash University\nEXPERIENCE\nTeacher, Princeton Primary School, 2016 - 2020\nPlanned and taught lessons for a class of twenty-five pupils\n`;
    const r = await runPipeline(new TextEncoder().encode(text), { referenceDate: new Date('2026-11-01') });
    return r.data?.name?.raw ?? null;
  };
  assert.equal(await cv('Kirra Lawson\n790 Brown St\nTraralgon VIC 3844\nPh: 03 5177 7777 (H)'), 'Kirra Lawson');
  assert.equal(await cv('Curriculum vitae\n24 Lisbon Street\nGlen Waverley, 3150\nMobile: 0412 345 678'), null);
});
