import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  findDateRanges,
  parseDate,
  toIsoDate,
  monthsBetween,
  monthsInPosition,
  type DateRange,
  type PartialDate,
} from '../../src/pipeline/understand/dates.ts';

const opts = { referenceYear: 2026 };

/** "2019-03", "2019-03-15" or "2019" — compact form of a PartialDate. */
const fmt = (d: PartialDate | null): string | null =>
  d === null ? null : `${d.year}${d.month !== null ? '-' + String(d.month).padStart(2, '0') : ''}${d.day !== null ? '-' + String(d.day).padStart(2, '0') : ''}`;

interface Want {
  start: string | null;
  end?: string | null;
  isCurrent?: boolean;
  expected?: boolean;
  single?: boolean;
  yearOnly?: boolean;
  completion?: boolean;
  standalone?: boolean;
  /** Defaults to the whole input. */
  raw?: string;
  index?: number;
}

const view = (r: DateRange) => ({
  start: fmt(r.start),
  end: fmt(r.end),
  isCurrent: r.isCurrent,
  expected: r.expected,
  single: r.single,
  yearOnly: r.yearOnly,
  completion: r.completion,
  standalone: r.standalone,
  raw: r.raw,
  index: r.index,
});

/** Asserts that `text` holds exactly one match, equal to `want` (unspecified flags are false, raw is the whole text). */
function expectOne(text: string, want: Want): void {
  const found = findDateRanges(text, opts);
  assert.equal(found.length, 1, `${JSON.stringify(text)} → ${JSON.stringify(found.map((r) => r.raw))}`);
  const r = found[0]!;
  const raw = want.raw ?? text;
  assert.deepEqual(view(r), {
    start: want.start,
    end: want.end ?? null,
    isCurrent: want.isCurrent ?? false,
    expected: want.expected ?? false,
    single: want.single ?? false,
    yearOnly: want.yearOnly ?? false,
    completion: want.completion ?? false,
    standalone: want.standalone ?? true,
    raw,
    index: want.index ?? text.indexOf(raw),
  });
  assert.equal(r.length, r.raw.length);
  assert.equal(text.slice(r.index, r.index + r.length), r.raw);
}

describe('ranges in English formats', () => {
  test('Jan 2019 – Present', () => expectOne('Jan 2019 – Present', { start: '2019-01', isCurrent: true }));
  test('January 2019 - March 2021', () => expectOne('January 2019 - March 2021', { start: '2019-01', end: '2021-03' }));
  test('01/2019 – 03/2021', () => expectOne('01/2019 – 03/2021', { start: '2019-01', end: '2021-03' }));
  test('1/2019-3/2021', () => expectOne('1/2019-3/2021', { start: '2019-01', end: '2021-03' }));
  test('2005 Present (the dash lost in a text export)', () => expectOne('2005 Present: Freelance Producer', { start: '2005', isCurrent: true, yearOnly: true, raw: '2005 Present' }));
  test('August 2012 May 2013 (two months with years, the dash lost)', () => expectOne('Perry, OH August 2012 May 2013', { start: '2012-08', end: '2013-05', raw: 'August 2012 May 2013', standalone: false }));
  test('8/08 to 1/09 (month and two-digit year)', () => expectOne('Junior Engineer, 8/08 to 1/09', { start: '2008-08', end: '2009-01', raw: '8/08 to 1/09', standalone: true }));
  test('1/09 to Present', () => expectOne('1/09 to Present', { start: '2009-01', isCurrent: true }));
  test('a month and two-digit year alone is no date (a score, a fraction)', () => {
    assert.equal(findDateRanges('Rated 9/10 by customers').length, 0);
    assert.equal(findDateRanges('1/09').length, 0);
  });
  test('two dates side by side out of order are no range', () => assert.equal(findDateRanges('Jan 2019 Dec 2018').length, 2));
  test('June 2019  Current', () => expectOne('June 2019  Current', { start: '2019-06', isCurrent: true }));
  test('2015 – 2017', () => expectOne('2015 – 2017', { start: '2015', end: '2017', yearOnly: true }));
  test('2015-2017', () => expectOne('2015-2017', { start: '2015', end: '2017', yearOnly: true }));
  test("May-Aug '18 (month without year takes the end's year)", () => expectOne("May-Aug '18", { start: '2018-05', end: '2018-08' }));
  test("Nov – Feb 2019 (a later month is the year before)", () => expectOne('Nov – Feb 2019', { start: '2018-11', end: '2019-02' }));
  test("May 2018 - Aug '19", () => expectOne("May 2018 - Aug '19", { start: '2018-05', end: '2019-08' }));
  test("'18–'20", () => expectOne("'18–'20", { start: '2018', end: '2020', yearOnly: true }));
  test('Mar. 2015 to Jun. 2017', () => expectOne('Mar. 2015 to Jun. 2017', { start: '2015-03', end: '2017-06' }));
  test('Sept. 2012 to June 2014', () => expectOne('Sept. 2012 to June 2014', { start: '2012-09', end: '2014-06' }));
  test('Sep. 2012 – Sept 2014', () => expectOne('Sep. 2012 – Sept 2014', { start: '2012-09', end: '2014-09' }));
  test('2015.03 - 2017.06', () => expectOne('2015.03 - 2017.06', { start: '2015-03', end: '2017-06' }));
  test('03.2015 – 06.2017', () => expectOne('03.2015 – 06.2017', { start: '2015-03', end: '2017-06' }));
  test('2019-01-01 — (open-ended ISO → current)', () => expectOne('2019-01-01 —', { start: '2019-01-01', isCurrent: true }));
  test('2019 – (dangling dash at the end of the text → current)', () => expectOne('2019 –', { start: '2019', isCurrent: true, yearOnly: true }));
  test('(2019 – ) in brackets', () => expectOne('(2019 – )', { start: '2019', isCurrent: true, yearOnly: true, raw: '2019 –' }));
  test('2019-01 – 2020-06', () => expectOne('2019-01 – 2020-06', { start: '2019-01', end: '2020-06' }));
  test('2019-01-15 — 2020-06-30', () => expectOne('2019-01-15 — 2020-06-30', { start: '2019-01-15', end: '2020-06-30' }));
  test('since 2020', () => expectOne('since 2020', { start: '2020', isCurrent: true, yearOnly: true }));
  test('Since March 2020', () => expectOne('Since March 2020', { start: '2020-03', isCurrent: true }));
  test('from 2018 to 2020', () => expectOne('from 2018 to 2020', { start: '2018', end: '2020', yearOnly: true }));
  test('2018 until 2020', () => expectOne('2018 until 2020', { start: '2018', end: '2020', yearOnly: true }));
  test('2016 through 2018', () => expectOne('2016 through 2018', { start: '2016', end: '2018', yearOnly: true }));
  test('Jun 2016 till Aug 2018', () => expectOne('Jun 2016 till Aug 2018', { start: '2016-06', end: '2018-08' }));
  test('Jan 2019 – today', () => expectOne('Jan 2019 – today', { start: '2019-01', isCurrent: true }));
  test('06/2025 — to date', () => expectOne('06/2025 — to date', { start: '2025-06', isCurrent: true }));
  test('Jan 2019 to date (the connector is in the phrase)', () => expectOne('Jan 2019 to date', { start: '2019-01', isCurrent: true }));
  test('2019 - Current', () => expectOne('2019 - Current', { start: '2019', isCurrent: true, yearOnly: true }));
  test('2019 – now', () => expectOne('2019 – now', { start: '2019', isCurrent: true, yearOnly: true }));
  test('Oct 2020 – Ongoing', () => expectOne('Oct 2020 – Ongoing', { start: '2020-10', isCurrent: true }));
  test('(2017-2019)', () => expectOne('(2017-2019)', { start: '2017', end: '2019', yearOnly: true, raw: '2017-2019' }));
  test('2017 to 2019', () => expectOne('2017 to 2019', { start: '2017', end: '2019', yearOnly: true }));
  test('2015–16 (two-digit end year)', () => expectOne('2015–16', { start: '2015', end: '2016', yearOnly: true }));
  test('2019/2020 (academic year)', () => expectOne('2019/2020', { start: '2019', end: '2020', yearOnly: true }));
  test('Jan-19 – Mar-21', () => expectOne('Jan-19 – Mar-21', { start: '2019-01', end: '2021-03' }));
  test('Summer 2019 – Fall 2020', () => expectOne('Summer 2019 – Fall 2020', { start: '2019-06', end: '2020-09' }));
  test('Q1 2020 – Q3 2021', () => expectOne('Q1 2020 – Q3 2021', { start: '2020-01', end: '2021-07' }));
});

describe('connectors, spacing, case', () => {
  for (const [text, label] of [
    ['Jan 2019–Mar 2021', 'en dash, no spaces'],
    ['Jan 2019 – Mar 2021', 'en dash, spaces'],
    ['Jan 2019—Mar 2021', 'em dash, no spaces'],
    ['Jan 2019 — Mar 2021', 'em dash, spaces'],
    ['Jan 2019-Mar 2021', 'hyphen, no spaces'],
    ['Jan 2019 - Mar 2021', 'hyphen, spaces'],
    ['Jan 2019 ‑ Mar 2021', 'non-breaking hyphen'],
    ['Jan 2019 to Mar 2021', 'to'],
    ['Jan 2019 through Mar 2021', 'through'],
    ['Jan 2019 till Mar 2021', 'till'],
    ['Jan 2019 until Mar 2021', 'until'],
    ['Jan\u00a02019\u00a0–\u00a0Mar\u00a02021', 'non-breaking spaces'],
    ['Jan\u202f2019 \u2013 Mar\u20092021', 'narrow and thin spaces'],
    ['JAN 2019 - MAR 2021', 'capitals'],
  ]) test(label!, () => expectOne(text!, { start: '2019-01', end: '2021-03' }));
  for (const p of ['Present', 'present', 'PRESENT', 'PreSent'])
    test(`"${p}" in any case`, () => expectOne(`Mar 2020 - ${p}`, { start: '2020-03', isCurrent: true }));
});

describe('single dates', () => {
  test('Summer 2019 → June', () => expectOne('Summer 2019', { start: '2019-06', single: true }));
  test('Spring 2019 → March', () => expectOne('Spring 2019', { start: '2019-03', single: true }));
  test('Fall 2019 → September', () => expectOne('Fall 2019', { start: '2019-09', single: true }));
  test('Autumn 2019 → September', () => expectOne('Autumn 2019', { start: '2019-09', single: true }));
  test('Winter 2019 → January (a term early in that year)', () => expectOne('Winter 2019', { start: '2019-01', single: true }));
  test('Expected 2027', () => expectOne('Expected 2027', { start: '2027', single: true, expected: true, isCurrent: true, yearOnly: true, completion: true }));
  test('Expected May 2027', () => expectOne('Expected May 2027', { start: '2027-05', single: true, expected: true, isCurrent: true, completion: true }));
  test('Anticipated graduation: 2026', () =>
    expectOne('Anticipated graduation: 2026', { start: '2026', single: true, expected: true, isCurrent: true, yearOnly: true, completion: true }));
  test('May 2027 (expected)', () => expectOne('May 2027 (expected)', { start: '2027-05', single: true, expected: true, isCurrent: true, completion: true }));
  test('exp. 2026', () => expectOne('exp. 2026', { start: '2026', single: true, expected: true, isCurrent: true, yearOnly: true, completion: true }));
  test('Graduated 2019', () => expectOne('Graduated 2019', { start: '2019', single: true, yearOnly: true, completion: true }));
  test('Class of 2020', () => expectOne('Class of 2020', { start: '2020', single: true, yearOnly: true, completion: true }));
  test("Class of '20", () => expectOne("Class of '20", { start: '2020', single: true, yearOnly: true, completion: true }));
  test('June 2021 alone', () => expectOne('June 2021', { start: '2021-06', single: true }));
  test('2021 alone (single, yearOnly)', () => expectOne('2021', { start: '2021', single: true, yearOnly: true }));
  test('2019/03', () => expectOne('2019/03', { start: '2019-03', single: true }));
  test('Q1 2020 → January', () => expectOne('Q1 2020', { start: '2020-01', single: true }));
  test('2020 Q4 → October', () => expectOne('2020 Q4', { start: '2020-10', single: true }));
  test('15 March 2019', () => expectOne('15 March 2019', { start: '2019-03-15', single: true }));
  test('March 15, 2019', () => expectOne('March 15, 2019', { start: '2019-03-15', single: true }));
  test('1er janvier 2019', () => expectOne('1er janvier 2019', { start: '2019-01-01', single: true }));
  test('1 de enero de 2019', () => expectOne('1 de enero de 2019', { start: '2019-01-01', single: true }));
});

describe('numeric full dates', () => {
  test('13/04/2019 is day-first whatever the option', () => expectOne('13/04/2019', { start: '2019-04-13', single: true }));
  test('04/13/2019 is month-first whatever the option', () => expectOne('04/13/2019', { start: '2019-04-13', single: true }));
  test('03/04/2019 is ambiguous: day-first by default (3 April)', () => expectOne('03/04/2019', { start: '2019-04-03', single: true }));
  test('03/04/2019 with dayFirst: false is 4 March', () => {
    assert.equal(fmt(findDateRanges('03/04/2019', { dayFirst: false })[0]!.start), '2019-03-04');
  });
  test('03.04.2019 with dots is always day-first', () => {
    assert.equal(fmt(findDateRanges('03.04.2019', { dayFirst: false })[0]!.start), '2019-04-03');
  });
  test('01/03/2019 – 30/06/2021', () => expectOne('01/03/2019 – 30/06/2021', { start: '2019-03-01', end: '2021-06-30' }));
});

describe('two-digit years', () => {
  test("'18 → 2018", () => expectOne("'18", { start: '2018', single: true, yearOnly: true }));
  test("'99 → 1999 (after reference year + 5)", () => expectOne("'99", { start: '1999', single: true, yearOnly: true }));
  test("'31 → 2031 (up to reference year + 5)", () => expectOne("'31", { start: '2031', single: true, yearOnly: true }));
  test("'32 → 1932", () => expectOne("'32", { start: '1932', single: true, yearOnly: true }));
  test("curly apostrophe: May ’18 – Aug ’19", () => expectOne('May ’18 – Aug ’19', { start: '2018-05', end: '2019-08' }));
});

describe('other languages', () => {
  const cases: [string, string, string | null][] = [
    // [text, start, end] (end null = current)
    ["janv. 2019 – aujourd'hui", '2019-01', null],
    ['févr. 2018 – mars 2020', '2018-02', '2020-03'],
    ['avr. 2017 – juin 2018', '2017-04', '2018-06'],
    ['mai 2016 à juil. 2017', '2016-05', '2017-07'],
    ['août 2015 – sept. 2016', '2015-08', '2016-09'],
    ['oct. 2014 - nov. 2015', '2014-10', '2015-11'],
    ['déc. 2013 – présent', '2013-12', null],
    ['janvier 2019 - à ce jour', '2019-01', null],
    ['septembre 2020 – en cours', '2020-09', null],
    ['fevrier 2018 - decembre 2019', '2018-02', '2019-12'],
    ['Januar 2019 – heute', '2019-01', null],
    ['Jän. 2019 bis heute', '2019-01', null],
    ['März 2018 – Mai 2019', '2018-03', '2019-05'],
    ['Okt. 2016 - Dez. 2017', '2016-10', '2017-12'],
    ['seit 2020 – derzeit', '2020', null],
    ['03/2021 – aktuell', '2021-03', null],
    ['enero 2019 - actualidad', '2019-01', null],
    ['ene. 2018 – abril 2019', '2018-01', '2019-04'],
    ['agosto de 2017 a dic. 2018', '2017-08', '2018-12'],
    ['mayo 2019 - presente', '2019-05', null],
    ['junio 2020 – actual', '2020-06', null],
    ['janeiro 2019 - atual', '2019-01', null],
    ['fev. 2017 – maio 2018', '2017-02', '2018-05'],
    ['set. 2016 - out. 2017', '2016-09', '2017-10'],
    ['dez. 2015 – presente', '2015-12', null],
    ['gennaio 2018 - oggi', '2018-01', null],
    ['febbraio 2016 – maggio 2017', '2016-02', '2017-05'],
    ['giugno 2015 - luglio 2016', '2015-06', '2016-07'],
    ['agosto 2014 – settembre 2015', '2014-08', '2015-09'],
    ['ottobre 2013 - novembre 2014', '2013-10', '2014-11'],
    ['dicembre 2019 – in corso', '2019-12', null],
    ['januari 2019 - heden', '2019-01', null],
    ['februari 2017 – maart 2018', '2017-02', '2018-03'],
    ['mei 2016 tot juni 2017', '2016-05', '2017-06'],
    ['juli 2015 - oktober 2016', '2015-07', '2016-10'],
    ['augustus 2020 – nu', '2020-08', null],
    ['december 2021 - huidig', '2021-12', null],
  ];
  for (const [text, start, end] of cases) {
    test(text, () => {
      const found = findDateRanges(text, opts);
      assert.equal(found.length, 1, JSON.stringify(found.map((r) => r.raw)));
      const r = found[0]!;
      assert.equal(fmt(r.start), start);
      assert.equal(fmt(r.end), end);
      assert.equal(r.isCurrent, end === null);
      assert.equal(r.single, false);
    });
  }
});

describe('in context', () => {
  test('dates after the employer, with index and standalone', () => {
    const text = 'Google, Mountain View, CA  Jan 2019 – Present';
    expectOne(text, { start: '2019-01', isCurrent: true, raw: 'Jan 2019 – Present', index: 27 });
  });
  test('pipe-separated line', () => {
    const text = 'University of Strasbourg, Strasbourg, France | 09/2019 — 09/2021 | Mention Assez Bien';
    expectOne(text, { start: '2019-09', end: '2021-09', raw: '09/2019 — 09/2021' });
  });
  test('several ranges left to right, not overlapping', () => {
    const found = findDateRanges('2015 – 2017 | Jan 2018 - Mar 2019 | since 2020', opts);
    assert.deepEqual(found.map((r) => r.raw), ['2015 – 2017', 'Jan 2018 - Mar 2019', 'since 2020']);
  });
  test('a year inside prose is single and not standalone', () =>
    expectOne('Led the 2019 migration to AWS', { start: '2019', single: true, yearOnly: true, standalone: false, raw: '2019' }));
  test('a range glued to the next word by PDF extraction', () =>
    expectOne('Dec 2009 – Sep 2016Research Associate', { start: '2009-12', end: '2016-09', standalone: false, raw: 'Dec 2009 – Sep 2016' }));
  test('a date of birth after its label', () =>
    expectOne('Date of Birth: 19.12.2004', { start: '2004-12-19', single: true, raw: '19.12.2004' }));
  test('publication year', () =>
    expectOne('Journal of Neuroscience. 2020;21(12):545-559.', { start: '2020', single: true, yearOnly: true, standalone: false, raw: '2020' }));
  test('a month without a year is not a date', () => assert.deepEqual(findDateRanges('May – Aug', opts), []));
  test('an end before the start is not a range', () =>
    assert.deepEqual(findDateRanges('2019 – 2015', opts).map((r) => r.single), [true, true]));
});

describe('not dates', () => {
  for (const text of [
    '+1 (704) 996-9966',
    '(704) 996-2015',
    '0412 632 636',
    '07700 900123',
    '+44 20 7946 0958',
    '30%',
    'grew sales 2019%',
    '€2.5M',
    '$1,200',
    '$2019',
    '1,200 employees',
    'a team of 2000 employees',
    '50+ roles',
    '2000+ users',
    'Python 3.11',
    'Python 3.2019',
    'ISO 27001',
    'ISO 9001:2015',
    'Windows 2000',
    'Microsoft Office 2019',
    '75017 Paris',
    'SW1A 1AA',
    'NSW 2000',
    'Sydney NSW 2000, Australia',
    'GPA 3.8/4.0',
    'GPA: 3.9/4.0',
    'Page 2 of 3',
    'page 12',
    'abc2019def',
    'FY2019',
    'the 1990s',
    "the '90s",
    '1600 Amphitheatre Pkwy',
    '2000 Pennsylvania Ave NW',
    '2019 Main Street',
    'Mayor of London',
    'Marketing Manager',
    'Decision making',
    'May – Present',
    '',
    'no digits here at all',
  ]) test(JSON.stringify(text), () => assert.deepEqual(findDateRanges(text, opts).map((r) => r.raw), []));
});

describe('parseDate', () => {
  test('month and year', () => assert.deepEqual(parseDate('Jan 2019'), { year: 2019, month: 1, day: null }));
  test('full date, day-first', () => assert.deepEqual(parseDate('27/07/1999'), { year: 1999, month: 7, day: 27 }));
  test('full date with month name', () => assert.deepEqual(parseDate('October 24, 1999'), { year: 1999, month: 10, day: 24 }));
  test('ISO', () => assert.deepEqual(parseDate('2003-03-24'), { year: 2003, month: 3, day: 24 }));
  test('year before 1950 when a month is printed', () => assert.deepEqual(parseDate('March 1942'), { year: 1942, month: 3, day: null }));
  test('surrounding punctuation ignored', () => assert.deepEqual(parseDate(' (Sept. 2012) '), { year: 2012, month: 9, day: null }));
  test('a range is not one date', () => assert.equal(parseDate('2015 – 2017'), null));
  test('prose is not a date', () => assert.equal(parseDate('born in 1999'), null));
  test('a month alone is not a date', () => assert.equal(parseDate('May'), null));
  test('present is not a date', () => assert.equal(parseDate('Present'), null));
});

describe('toIsoDate', () => {
  test('month and day default to 01', () => assert.equal(toIsoDate({ year: 2019, month: null, day: null }), '2019-01-01'));
  test('month kept', () => assert.equal(toIsoDate({ year: 2019, month: 3, day: null }), '2019-03-01'));
  test('day kept', () => assert.equal(toIsoDate({ year: 2019, month: 3, day: 15 }), '2019-03-15'));
  test('monthOnly drops the day', () => assert.equal(toIsoDate({ year: 2019, month: 3, day: 15 }, { monthOnly: true }), '2019-03-01'));
});

describe('monthsBetween and monthsInPosition (the rule of the dev corpus truth)', () => {
  const d = (year: number, month: number | null = null): PartialDate => ({ year, month, day: null });
  test('Jan 2019 → Mar 2021 = 26', () => assert.equal(monthsBetween(d(2019, 1), d(2021, 3)), 26));
  test('same month = 0', () => assert.equal(monthsBetween(d(2019, 1), d(2019, 1)), 0));
  test('Nov 2021 → Apr 2023 = 17', () => assert.equal(monthsBetween(d(2021, 11), d(2023, 4)), 17));
  test('year only: 2015 → 2017 = 24', () => assert.equal(monthsBetween(d(2015), d(2017)), 24));
  test('days are ignored', () => assert.equal(monthsBetween({ year: 2019, month: 1, day: 31 }, { year: 2019, month: 2, day: 1 }), 1));
  test('never negative', () => assert.equal(monthsBetween(d(2020, 5), d(2019, 5)), 0));
  const asOf = d(2026, 11);
  const at = (text: string) => monthsInPosition(findDateRanges(text, opts)[0]!, asOf);
  test('current role counts to the reference month: Jun 2025 – Present as of Nov 2026 = 17', () => assert.equal(at('06/2025 — to date'), 17));
  test('current year-only role counts to January: 2025 – Present as of Nov 2026 = 12', () => assert.equal(at('2025 – Present'), 12));
  test('ended role', () => assert.equal(at('Mar 2024 – Mar 2025'), 12));
  test('a Date as the reference', () => assert.equal(monthsInPosition(findDateRanges('Jan 2026 – Present', opts)[0]!, new Date('2026-11-15T00:00:00Z')), 10));
  test('a single date has no months', () => assert.equal(at('June 2021'), null));
});

describe('performance', () => {
  // Guards against pathological slowness (regex backtracking), with room for a loaded CI machine; the
  // speed itself is measured by `npm run bench`.
  test('a typical line takes well under 200 µs', () => {
    const line = 'Senior Software Engineer, Google, Mountain View  Jan 2019 – Present';
    for (let i = 0; i < 2000; i++) findDateRanges(line);
    const n = 20000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) findDateRanges(line);
    const us = ((performance.now() - t0) / n) * 1000;
    assert.ok(us < 200, `${us.toFixed(2)} µs per line`);
  });
  test('10 kB of garbage finishes in < 500 ms', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabets = ["0123456789 -–/.'", 'Jan 2019 - – Present ', '1 2 3 ’ / . - Q H de of to ', '2019 '];
    for (const a of alphabets) {
      const g = Array.from({ length: 10_000 }, () => a[Math.floor(rand() * a.length)]).join('');
      const t0 = performance.now();
      findDateRanges(g);
      const ms = performance.now() - t0;
      assert.ok(ms < 500, `${ms.toFixed(1)} ms for ${JSON.stringify(a)}`);
    }
    for (const g of ['1'.repeat(10_000), ' '.repeat(9_996) + '2019', '2019 ' + '– '.repeat(5_000), 'Jan '.repeat(2_500) + '2019']) {
      const t0 = performance.now();
      findDateRanges(g);
      assert.ok(performance.now() - t0 < 500);
    }
  });
});
