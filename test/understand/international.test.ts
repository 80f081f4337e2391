/**
 * Robustness across languages and countries: whole résumés written as people in France, Germany, Spain,
 * Portugal, Italy, the Netherlands, the UK, Australia, India, Canada, Singapore and South Africa write
 * them — their section headings, date formats, phone numbers and addresses — parsed end to end. The texts
 * are written for these tests (invented people and employers), not taken from the dev corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const referenceDate = new Date('2026-11-15T00:00:00Z');
const parse = async (text: string) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate });
  assert.equal(r.error, null);
  return r.data!;
};

interface Expect {
  name: string;
  email: string;
  phoneE164: string;
  city: string;
  countryCode: string;
  jobs: Array<{ title: string; org: string; start: string; end: string | null }>;
  school: string;
  sections: string[];
}

async function check(text: string, want: Expect): Promise<void> {
  const d = await parse(text);
  assert.equal(d.name?.raw, want.name);
  assert.deepEqual(d.emails, [want.email]);
  assert.deepEqual(
    d.phoneNumberDetails.map((p) => p.internationalCountryCode != null && `+${p.internationalCountryCode}${p.nationalNumber}`),
    [want.phoneE164],
  );
  assert.equal(d.location?.city, want.city);
  assert.equal(d.location?.countryCode, want.countryCode);
  assert.deepEqual(
    d.workExperience.map((w) => ({ title: w.jobTitle, org: w.organization, start: w.dates?.startDate ?? null, end: w.dates?.isCurrent ? null : (w.dates?.endDate ?? null) })),
    want.jobs,
  );
  assert.equal(d.education[0]?.organization, want.school);
  for (const s of want.sections) assert.ok(d.sections.some((x) => x.sectionType === s), `section ${s} in ${d.sections.map((x) => x.sectionType).join(', ')}`);
}

test('French: "Expérience professionnelle", "janv. 2019 – aujourd’hui", +33 numbers', () =>
  check(
    `Camille Rousseau
12 rue des Lilas, 69003 Lyon, France
+33 6 12 34 56 78 · camille.rousseau@exemple.fr

PROFIL
Ingénieure logiciel, huit ans d’expérience en systèmes embarqués.

EXPÉRIENCE PROFESSIONNELLE

Ingénieure logiciel senior — Valoris Systèmes
janv. 2019 – aujourd’hui
• Conception du firmware de capteurs industriels

Développeuse — Atelier Numérique SARL
sept. 2015 – déc. 2018
• Maintenance d’applications métier

FORMATION

Université Claude Bernard Lyon 1
Master Informatique, 2015

COMPÉTENCES
C, Rust, Linux embarqué

LANGUES
Français (langue maternelle), Anglais (courant)
`,
    {
      name: 'Camille Rousseau',
      email: 'camille.rousseau@exemple.fr',
      phoneE164: '+33612345678',
      city: 'Lyon',
      countryCode: 'FR',
      jobs: [
        { title: 'Ingénieure logiciel senior', org: 'Valoris Systèmes', start: '2019-01-01', end: null },
        { title: 'Développeuse', org: 'Atelier Numérique SARL', start: '2015-09-01', end: '2018-12-01' },
      ],
      school: 'Université Claude Bernard Lyon 1',
      sections: ['WorkExperience', 'Education', 'Skills/Interests/Languages'],
    },
  ));

test('German: "Berufserfahrung", "03/2018 – heute", +49 numbers, postcode before the town', () =>
  check(
    `Jonas Becker
Lindenstraße 14, 10969 Berlin
Telefon: +49 30 12345678
E-Mail: jonas.becker@beispiel.de

BERUFSERFAHRUNG

03/2018 – heute
Projektleiter, Nordlicht Logistik GmbH
- Leitung von Migrationsprojekten

10/2014 – 02/2018
Systemadministrator, Havel Daten AG
- Betrieb von 200 Servern

AUSBILDUNG

2010 – 2014
Technische Universität Berlin
Bachelor of Science Informatik

KENNTNISSE
SAP, Python, ITIL

SPRACHEN
Deutsch (Muttersprache), Englisch (fließend)
`,
    {
      name: 'Jonas Becker',
      email: 'jonas.becker@beispiel.de',
      phoneE164: '+493012345678',
      city: 'Berlin',
      countryCode: 'DE',
      jobs: [
        { title: 'Projektleiter', org: 'Nordlicht Logistik GmbH', start: '2018-03-01', end: null },
        { title: 'Systemadministrator', org: 'Havel Daten AG', start: '2014-10-01', end: '2018-02-01' },
      ],
      school: 'Technische Universität Berlin',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Spanish: "Experiencia laboral", "ene. 2017 – actualidad", +34 numbers', () =>
  check(
    `Lucía Fernández García
Calle Mayor 8, 28013 Madrid, España
Tel.: +34 612 345 678
lucia.fernandez@ejemplo.es

EXPERIENCIA LABORAL

Analista financiera | Banco Meridional S.A. | ene. 2017 – actualidad
- Modelos de riesgo de crédito

Auditora junior | Ibérica Auditores S.L. | sept. 2014 – dic. 2016
- Auditoría de cuentas anuales

FORMACIÓN ACADÉMICA

Universidad Complutense de Madrid
Grado en Economía, 2014

IDIOMAS
Español (nativo), Inglés (C1)
`,
    {
      name: 'Lucía Fernández García',
      email: 'lucia.fernandez@ejemplo.es',
      phoneE164: '+34612345678',
      city: 'Madrid',
      countryCode: 'ES',
      jobs: [
        { title: 'Analista financiera', org: 'Banco Meridional S.A.', start: '2017-01-01', end: null },
        { title: 'Auditora junior', org: 'Ibérica Auditores S.L.', start: '2014-09-01', end: '2016-12-01' },
      ],
      school: 'Universidad Complutense de Madrid',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Portuguese: "Experiência profissional", "fev 2016 – presente", +351 numbers', () =>
  check(
    `Rita Almeida Santos
Rua das Flores 21, 4050-262 Porto, Portugal
+351 912 345 678 | rita.santos@exemplo.pt

EXPERIÊNCIA PROFISSIONAL

Enfermeira especialista
Hospital da Boavista
fev 2016 – presente
• Cuidados intensivos pediátricos

Enfermeira
Clínica Ribeira Saúde
jul 2012 – jan 2016
• Consultas de enfermagem

FORMAÇÃO ACADÉMICA

Licenciatura em Enfermagem
Universidade do Porto, 2012

IDIOMAS
Português (nativo), Inglês (fluente)
`,
    {
      name: 'Rita Almeida Santos',
      email: 'rita.santos@exemplo.pt',
      phoneE164: '+351912345678',
      city: 'Porto',
      countryCode: 'PT',
      jobs: [
        { title: 'Enfermeira especialista', org: 'Hospital da Boavista', start: '2016-02-01', end: null },
        { title: 'Enfermeira', org: 'Clínica Ribeira Saúde', start: '2012-07-01', end: '2016-01-01' },
      ],
      school: 'Universidade do Porto',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Italian: "Esperienza lavorativa", "gennaio 2018 – oggi", +39 numbers', () =>
  check(
    `Marco Bianchi
Via Garibaldi 5, 20121 Milano
Cellulare: +39 312 345 6789
Email: marco.bianchi@esempio.it

ESPERIENZA LAVORATIVA

Responsabile marketing — Ortofrutta Lombarda S.p.A.
gennaio 2018 – oggi
• Campagne digitali per la grande distribuzione

Addetto commerciale — Tessili Como S.r.l.
marzo 2013 – dicembre 2017
• Gestione clienti esteri

ISTRUZIONE E FORMAZIONE

Università Bocconi
Laurea magistrale in Marketing, 2013

LINGUE
Italiano (madrelingua), Inglese (C1)
`,
    {
      name: 'Marco Bianchi',
      email: 'marco.bianchi@esempio.it',
      phoneE164: '+393123456789',
      city: 'Milano',
      countryCode: 'IT',
      jobs: [
        { title: 'Responsabile marketing', org: 'Ortofrutta Lombarda S.p.A.', start: '2018-01-01', end: null },
        { title: 'Addetto commerciale', org: 'Tessili Como S.r.l.', start: '2013-03-01', end: '2017-12-01' },
      ],
      school: 'Università Bocconi',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Dutch: "Werkervaring", "sep 2014 – heden", +31 numbers', () =>
  check(
    `Sanne de Vries
Keizersgracht 120, 1015 CW Amsterdam
06-12345678 | sanne.devries@voorbeeld.nl

WERKERVARING

Data-analist, Polder Energie B.V.
sep 2014 – heden
- Dashboards voor netbeheer

Stagiair, Grachten Consultancy
feb 2013 – aug 2014
- Marktonderzoek

OPLEIDING

Universiteit van Amsterdam
MSc Econometrie, 2014

TALEN
Nederlands (moedertaal), Engels (vloeiend)
`,
    {
      name: 'Sanne de Vries',
      email: 'sanne.devries@voorbeeld.nl',
      phoneE164: '+31612345678',
      city: 'Amsterdam',
      countryCode: 'NL',
      jobs: [
        { title: 'Data-analist', org: 'Polder Energie B.V.', start: '2014-09-01', end: null },
        { title: 'Stagiair', org: 'Grachten Consultancy', start: '2013-02-01', end: '2014-08-01' },
      ],
      school: 'Universiteit van Amsterdam',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('UK: national mobile number, postcode, "Sept 2019 – Present", "Career history"', () =>
  check(
    `Oliver Bennett
14 Queen Street, Leeds LS1 2TW
07911 123456 | oliver.bennett@example.co.uk

CAREER HISTORY

Senior Quantity Surveyor, Harrow & Kent Construction Ltd
Sept 2019 – Present
• Cost plans for schools and hospitals

Assistant Quantity Surveyor, Pennine Build plc
Jul 2015 – Aug 2019
• Valuations and final accounts

EDUCATION

University of Leeds
BSc (Hons) Quantity Surveying, 2015
`,
    {
      name: 'Oliver Bennett',
      email: 'oliver.bennett@example.co.uk',
      phoneE164: '+447911123456',
      city: 'Leeds',
      countryCode: 'GB',
      jobs: [
        { title: 'Senior Quantity Surveyor', org: 'Harrow & Kent Construction Ltd', start: '2019-09-01', end: null },
        { title: 'Assistant Quantity Surveyor', org: 'Pennine Build plc', start: '2015-07-01', end: '2019-08-01' },
      ],
      school: 'University of Leeds',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Australia: 04xx mobile, state abbreviation, "Employment History"', () =>
  check(
    `Chloe Nguyen
Parramatta NSW 2150
0412 345 678
chloe.nguyen@example.com.au

EMPLOYMENT HISTORY

Registered Nurse | Westmead Private Clinic | Feb 2018 – Current
- Surgical ward, 28 beds

Assistant in Nursing | Harbourside Aged Care | Mar 2015 – Jan 2018
- Personal care for residents

EDUCATION

Western Sydney University
Bachelor of Nursing, 2017
`,
    {
      name: 'Chloe Nguyen',
      email: 'chloe.nguyen@example.com.au',
      phoneE164: '+61412345678',
      city: 'Parramatta',
      countryCode: 'AU',
      jobs: [
        { title: 'Registered Nurse', org: 'Westmead Private Clinic', start: '2018-02-01', end: null },
        { title: 'Assistant in Nursing', org: 'Harbourside Aged Care', start: '2015-03-01', end: '2018-01-01' },
      ],
      school: 'Western Sydney University',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('India: +91 number, "Professional Experience" with "Till date", B.Tech', () =>
  check(
    `Priya Venkatesh
Chennai, Tamil Nadu
+91 98765 43210
priya.venkatesh@example.in

PROFESSIONAL EXPERIENCE

Senior Software Engineer - Kaveri Infotech Pvt Ltd
June 2019 - Till date
• Payment gateway integrations

Software Engineer - Coromandel Soft Solutions
July 2016 - May 2019
• Web services in Java

EDUCATION

Anna University
B.Tech in Information Technology, 2016
`,
    {
      name: 'Priya Venkatesh',
      email: 'priya.venkatesh@example.in',
      phoneE164: '+919876543210',
      city: 'Chennai',
      countryCode: 'IN',
      jobs: [
        { title: 'Senior Software Engineer', org: 'Kaveri Infotech Pvt Ltd', start: '2019-06-01', end: null },
        { title: 'Software Engineer', org: 'Coromandel Soft Solutions', start: '2016-07-01', end: '2019-05-01' },
      ],
      school: 'Anna University',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Canada: (xxx) xxx-xxxx, province, company first and dates on the left', () =>
  check(
    `Étienne Tremblay
Montréal, QC H2X 1Y4
(514) 555-0142 · etienne.tremblay@example.ca

WORK EXPERIENCE

2020 – Present    Laurentide Aerospace Inc.
                  Structural Analyst
2016 – 2020       Saint-Laurent Engineering
                  Junior Engineer

EDUCATION

McGill University
Bachelor of Engineering, Mechanical, 2016
`,
    {
      name: 'Étienne Tremblay',
      email: 'etienne.tremblay@example.ca',
      phoneE164: '+15145550142',
      city: 'Montréal',
      countryCode: 'CA',
      jobs: [
        { title: 'Structural Analyst', org: 'Laurentide Aerospace Inc.', start: '2020-01-01', end: null },
        { title: 'Junior Engineer', org: 'Saint-Laurent Engineering', start: '2016-01-01', end: '2020-01-01' },
      ],
      school: 'McGill University',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Singapore: +65 number, two roles under one employer', () =>
  check(
    `Tan Wei Ling
Singapore 560123
+65 9123 4567 | weiling.tan@example.sg

EXPERIENCE

Straits Harbour Bank
Vice President, Operations | Jan 2021 – Present
Assistant Vice President, Operations | Apr 2017 – Dec 2020

EDUCATION

National University of Singapore
Bachelor of Business Administration, 2017
`,
    {
      name: 'Tan Wei Ling',
      email: 'weiling.tan@example.sg',
      phoneE164: '+6591234567',
      city: 'Singapore',
      countryCode: 'SG',
      jobs: [
        { title: 'Vice President, Operations', org: 'Straits Harbour Bank', start: '2021-01-01', end: null },
        { title: 'Assistant Vice President, Operations', org: 'Straits Harbour Bank', start: '2017-04-01', end: '2020-12-01' },
      ],
      school: 'National University of Singapore',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('South Africa: 0xx national number, day-first dates "15/01/2016 – 28/02/2019"', () =>
  check(
    `Thabo Mokoena
Sandton, Johannesburg, 2196
082 555 1234
thabo.mokoena@example.co.za

WORK EXPERIENCE

Mining Engineer
Highveld Platinum (Pty) Ltd
01/03/2019 – current

Graduate Engineer
Karoo Minerals Ltd
15/01/2016 – 28/02/2019

EDUCATION

University of the Witwatersrand
BSc Mining Engineering, 2015
`,
    {
      name: 'Thabo Mokoena',
      email: 'thabo.mokoena@example.co.za',
      phoneE164: '+27825551234',
      city: 'Johannesburg',
      countryCode: 'ZA',
      jobs: [
        { title: 'Mining Engineer', org: 'Highveld Platinum (Pty) Ltd', start: '2019-03-01', end: null },
        // Affinda gives employment dates to the month ("YYYY-MM-01") even when a day is printed.
        { title: 'Graduate Engineer', org: 'Karoo Minerals Ltd', start: '2016-01-01', end: '2019-02-01' },
      ],
      school: 'University of the Witwatersrand',
      sections: ['WorkExperience', 'Education'],
    },
  ));

test('Indian schooling without dates: each degree with its own school; short degree names; a misspelled heading', async () => {
  const d = await parse(`Ravi Kumar
Hyderabad, Telangana

ACADEMEIC CREDENTIALS

MCA

Osmania University

B.com

Nizam College

H.S.C

Narayana Junior College
`);
  assert.deepEqual(
    d.education.map((e) => [e.accreditation?.education, e.organization, e.accreditation?.educationLevel]),
    [
      ['MCA', 'Osmania University', 'masters'],
      ['B.com', 'Nizam College', 'bachelors'],
      ['H.S.C', 'Narayana Junior College', 'school'],
    ],
  );
});

test('a capitalised employer above its dates is not a section heading, even where headings are capitals too', async () => {
  const d = await parse(`Meera Nair

WORK EXPERIENCE

Functional Consultant

SAP AG -

July 2014 to January 2016

Quality Engineer

INFOSYS LIMITED -

July 2010 to June 2014

EDUCATION

B.E in Computer Science
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    [
      ['Functional Consultant', 'SAP AG'],
      ['Quality Engineer', 'INFOSYS LIMITED'],
    ],
  );
});
