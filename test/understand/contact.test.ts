import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEmails, findPhones, findUrls, isLinkedIn, joinWrapped } from '../../src/pipeline/understand/contact.ts';
import { withNameBefore } from '../../src/pipeline/understand/personal.ts';

const values = (ms: { value: string }[]) => ms.map((m) => m.value);

test('findEmails: plain, mailto, trailing punctuation, each once', () => {
  const text = 'Contact: mailto:jane.doe@example.co.uk, or JANE.DOE@example.co.uk. Also j_smith+cv@gmx.de.';
  const found = findEmails(text);
  assert.deepEqual(values(found), ['jane.doe@example.co.uk', 'j_smith+cv@gmx.de']);
  assert.equal(text.slice(found[0]!.index, found[0]!.index + found[0]!.length), 'jane.doe@example.co.uk');
});

test('findEmails: addresses wrapped across lines in a narrow column', () => {
  const a = findEmails('Jennifer Evans\njennifer.evans@\ngmail.com\n+44 7825 720174');
  assert.deepEqual(values(a), ['jennifer.evans@gmail.com']);
  assert.equal(a[0]!.length, 'jennifer.evans@\ngmail.com'.length);
  assert.deepEqual(values(findEmails('name.sur-\nname@x.com')), ['name.sur-name@x.com']);
  // Two ordinary lines are not glued together.
  assert.deepEqual(values(findEmails('Skills: Java.\nbob@x.org')), ['bob@x.org']);
});

test('joinWrapped merges only wrapped contact fragments', () => {
  assert.deepEqual(joinWrapped(['Jane Doe', 'jane.doe@', 'gmail.com', 'London, UK']), ['Jane Doe', 'jane.doe@gmail.com', 'London, UK']);
  assert.deepEqual(joinWrapped(['https://linkedin.com/in/jennifer-', 'evans']), ['https://linkedin.com/in/jennifer-evans']);
  assert.deepEqual(joinWrapped(['Engineer -', 'Acme Corp']), ['Engineer -', 'Acme Corp']);
});

test('findUrls: websites as printed', () => {
  const text = 'linkedin.com/in/jane-doe | https://github.com/jdoe | www.site.dev | portfolio.io, jane@doe.com';
  assert.deepEqual(values(findUrls(text)), ['linkedin.com/in/jane-doe', 'https://github.com/jdoe', 'www.site.dev', 'portfolio.io']);
});

test('findUrls: not e-mails, file names, frameworks or abbreviations', () => {
  const text = 'Built with Node.js, ASP.NET and Vue.js (e.g. report.pdf, main.py); B.com graduate; i.e. U.S. based; mail bob@site.io';
  assert.deepEqual(values(findUrls(text)), []);
});

test('findUrls: trailing punctuation is not part of the URL; wrapped URL is joined', () => {
  assert.deepEqual(values(findUrls('See https://example.com/a/b).')), ['https://example.com/a/b']);
  assert.deepEqual(values(findUrls('https://linkedin.com/in/jennifer-\nevans')), ['https://linkedin.com/in/jennifer-evans']);
});

test('isLinkedIn', () => {
  assert.equal(isLinkedIn('www.linkedin.com/in/x'), true);
  assert.equal(isLinkedIn('https://uk.linkedin.com/in/x'), true);
  assert.equal(isLinkedIn('github.com/linkedin'), false);
  assert.equal(isLinkedIn('notlinkedin.com/in/x'), false);
});

test('findPhones: international forms libphonenumber alone misses', () => {
  const cases: [string, string | null, string][] = [
    ['Rennes, France | M: +33 (0)7 34 10 72 63 | y@gmail.com', null, '+33 (0)7 34 10 72 63'],
    ['Tel +44 (0) 20 7946 0958', null, '+44 (0) 20 7946 0958'],
    ['Phone: (02) 9876 5432', 'AU', '(02) 9876 5432'],
    ['Mobile: +91 98765 43210', null, '+91 98765 43210'],
    ['M: +27 82 123 4567', null, '+27 82 123 4567'],
    ['+65 9123 4567', null, '+65 9123 4567'],
    ['Tel. +49 (0)30 1234567', null, '+49 (0)30 1234567'],
    ['(704) 996-9966', 'US', '(704) 996-9966'],
    ['Cell: 704.996.9966', 'US', '704.996.9966'],
    ['(+91) 76686-86274', null, '(+91) 76686-86274'],
    ['Tel 040/59647033', 'DE', '040/59647033'],
    ['0412 632 636', 'AU', '0412 632 636'],
  ];
  for (const [text, country, want] of cases) assert.deepEqual(values(findPhones(text, country)), [want], text);
});

test('findPhones: national numbers without a known country still found when valid somewhere', () => {
  assert.deepEqual(values(findPhones('Call (704) 996-9966', null)), ['(704) 996-9966']);
});

test('findPhones: several numbers on one line, a number printed twice counted once', () => {
  assert.deepEqual(values(findPhones('215 645 4857 | 215-815-2856 | (215) 645-4857', 'US')), ['215 645 4857', '215-815-2856']);
});

test('findPhones: never dates, years, postcodes, GPA or money', () => {
  const text = [
    '2019-2021', '01/2019 – 03/2021', '03/2025 – 09/2026', 'Jan 2019 - Mar 2021', '2015.03 - 2017.06',
    '2019-01-01 —', 'San Francisco, CA 94105-1234', 'Singapore 049315', 'GPA 3.85/4.00', 'Budget $1,250,000',
    'Revenue €2.5M', 'Since 1998', 'Kolkata - 700097',
  ].join('\n');
  assert.deepEqual(values(findPhones(text, 'US')), []);
  assert.deepEqual(values(findPhones(text, null)), []);
});

test('findPhones: offsets point at the printed number', () => {
  const text = 'Leeds | Phone: +44 7590 300979 | x@y.com';
  const [m] = findPhones(text, 'GB');
  assert.equal(text.slice(m!.index, m!.index + m!.length), '+44 7590 300979');
});

// A guard against pathological slowness with room for a loaded CI machine; `npm run bench` measures speed.
test('contact finders on a 40-line header take under 20 ms', () => {
  const header = Array.from({ length: 40 }, (_, i) =>
    i % 4 === 0 ? `Jane Doe ${i} | +1 (704) 996-99${String(i).padStart(2, '0')} | jane${i}@example.com | linkedin.com/in/jane-${i}` : `Line ${i}: Led a team of 12 engineers from 2019-2021 at Acme, saving $1.2M`,
  ).join('\n');
  for (let i = 0; i < 20; i++) (findPhones(header, 'US'), findEmails(header), findUrls(header));
  const n = 50;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) (findPhones(header, 'US'), findEmails(header), findUrls(header));
  const ms = (performance.now() - t0) / n;
  assert.ok(ms < 20, `${ms.toFixed(2)} ms`);
});

test('a tab ends a phone number: a postcode in the field before it is not its first digits', () => {
  assert.deepEqual(
    findPhones('Baltimore, MD, US, 21221\t410 728 4863', 'US').map((m) => m.value),
    ['410 728 4863'],
  );
});

test('an e-mail address cut inside its last domain label ("…@yahoo.co.i" / "n") is joined back', () => {
  assert.deepEqual(joinWrapped(['neha@yahoo.co.i', 'n', 'Skills']), ['neha@yahoo.co.in', 'Skills']);
  assert.deepEqual(joinWrapped(['Visit a.b.c', 'in']), ['Visit a.b.c', 'in'], 'not an e-mail address');
});

test('an e-mail address whose dot OCR read as a space gets the candidate\'s name before it back', () => {
  const text = 'Nashville, TN • victoria hall@icloud.com • linkedin.com/in/vh';
  const at = text.indexOf('hall@');
  const m = withNameBefore({ value: 'hall@icloud.com', index: at, length: 15 }, text, 'Victoria Hall');
  assert.deepEqual(m, { value: 'victoria.hall@icloud.com', index: text.indexOf('victoria'), length: 24 });
  // A word that is none of the candidate's names stays out ("email hall@…").
  const other = 'email hall@icloud.com';
  assert.equal(withNameBefore({ value: 'hall@icloud.com', index: 6, length: 15 }, other, 'Victoria Hall').value, 'hall@icloud.com');
  // …nor a name printed before an address that is not made of names ("jane smith jsmith@…").
  assert.equal(withNameBefore({ value: 'jsmith@gmail.com', index: 11, length: 16 }, 'jane smith jsmith@gmail.com', 'Jane Smith').value, 'jsmith@gmail.com');
});
