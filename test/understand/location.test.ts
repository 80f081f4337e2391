import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLocations, parseLocation } from '../../src/pipeline/understand/location.ts';

/** [city, state, stateCode, countryCode, postalCode] */
const brief = (raw: string, hint: string | null = null) => {
  const l = parseLocation(raw, hint);
  return [l.city, l.state, l.stateCode, l.countryCode, l.postalCode];
};

test('parseLocation: United States', () => {
  assert.deepEqual(brief('San Francisco, CA 94105'), ['San Francisco', 'California', 'CA', 'US', '94105']);
  assert.deepEqual(brief('Austin, Texas'), ['Austin', 'Texas', 'TX', 'US', null]);
  assert.deepEqual(brief('Indianapolis, IN'), ['Indianapolis', 'Indiana', 'IN', 'US', null]);
  assert.deepEqual(brief('Brooklyn, New York, USA'), ['Brooklyn', 'New York', 'NY', 'US', null]);
  assert.deepEqual(brief('New York, NY'), ['New York', 'New York', 'NY', 'US', null]);
  assert.deepEqual(brief('Smallville, CA'), ['Smallville', 'California', 'CA', 'US', null]);
  assert.equal(parseLocation('Austin, Texas').country, 'United States');
});

test('parseLocation: United Kingdom', () => {
  assert.deepEqual(brief('London, UK'), ['London', 'England', null, 'GB', null]);
  assert.deepEqual(brief('Manchester M1 1AE, United Kingdom'), ['Manchester', 'England', null, 'GB', 'M1 1AE']);
  assert.deepEqual(brief('SW1A 1AA'), [null, 'England', null, 'GB', 'SW1A 1AA']);
  assert.deepEqual(brief('Aberdeen, AB10 4YH'), ['Aberdeen', 'Scotland', null, 'GB', 'AB10 4YH']);
  assert.deepEqual(brief('Chippenham, UK'), ['Chippenham', null, null, 'GB', null]);
  assert.equal(parseLocation('London, UK').country, 'United Kingdom');
});

test('parseLocation: Australia, India, Canada', () => {
  assert.deepEqual(brief('Sydney NSW 2000'), ['Sydney', 'New South Wales', 'NSW', 'AU', '2000']);
  assert.deepEqual(brief('Melbourne, VIC, Australia'), ['Melbourne', 'Victoria', 'VIC', 'AU', null]);
  assert.deepEqual(brief('Perth, WA'), ['Perth', 'Western Australia', 'WA', 'AU', null]);
  assert.deepEqual(brief('Bengaluru, Karnataka 560001'), ['Bengaluru', 'Karnataka', 'KA', 'IN', '560001']);
  assert.deepEqual(brief('Pune, Maharashtra, India'), ['Pune', 'Maharashtra', 'MH', 'IN', null]);
  assert.deepEqual(brief('Noida, UP, IN'), ['Noida', 'Uttar Pradesh', 'UP', 'IN', null]);
  assert.deepEqual(brief('Kolkata - 700097, West Bengal'), ['Kolkata', 'West Bengal', 'WB', 'IN', '700097']);
  assert.deepEqual(brief('Toronto, ON M5V 2T6'), ['Toronto', 'Ontario', 'ON', 'CA', 'M5V 2T6']);
  assert.deepEqual(brief('Toronto, ON CA'), ['Toronto', 'Ontario', 'ON', 'CA', null]);
  assert.deepEqual(brief('Halifax, Canada'), ['Halifax', 'Nova Scotia', 'NS', 'CA', null]);
  assert.deepEqual(brief('Vancouver, B.C.'), ['Vancouver', 'British Columbia', 'BC', 'CA', null]);
});

test('parseLocation: Germany, France, Singapore, South Africa', () => {
  assert.deepEqual(brief('10115 Berlin, Germany'), ['Berlin', 'Berlin', 'BE', 'DE', '10115']);
  assert.deepEqual(brief('München, Bayern'), ['München', 'Bavaria', 'BY', 'DE', null]);
  assert.deepEqual(brief('Hanover, NI 30122 DE'), ['Hanover', 'Lower Saxony', 'NI', 'DE', '30122']);
  assert.deepEqual(brief('75017 Paris, France'), ['Paris', 'Île-de-France', null, 'FR', '75017']);
  assert.deepEqual(brief('Singapore 049315'), ['Singapore', null, null, 'SG', '049315']);
  assert.deepEqual(brief('Cape Town, Western Cape 8001'), ['Cape Town', 'Western Cape', 'WC', 'ZA', '8001']);
  assert.deepEqual(brief('Johannesburg, Gauteng'), ['Johannesburg', 'Gauteng', 'GP', 'ZA', null]);
  assert.deepEqual(brief('Johannesburg, 2094'), ['Johannesburg', 'Gauteng', 'GP', 'ZA', '2094']);
});

test('parseLocation: a city alone gets its country; aliases keep the printed name', () => {
  assert.deepEqual(brief('Paris'), ['Paris', 'Île-de-France', null, 'FR', null]);
  assert.deepEqual(brief('Bangalore'), ['Bangalore', 'Karnataka', 'KA', 'IN', null]);
  assert.deepEqual(brief('Munich'), ['Munich', 'Bavaria', 'BY', 'DE', null]);
  assert.deepEqual(brief('Köln'), ['Köln', 'North Rhine-Westphalia', 'NW', 'DE', null]);
  assert.deepEqual(brief('Bombay, India'), ['Bombay', 'Maharashtra', 'MH', 'IN', null]);
  assert.deepEqual(brief('Dubai'), ['Dubai', null, null, 'AE', null]);
});

test('parseLocation: the hint decides between namesakes, never overrides printed evidence', () => {
  assert.equal(parseLocation('London').countryCode, 'GB');
  assert.equal(parseLocation('London', 'CA').countryCode, 'CA');
  assert.equal(parseLocation('Paris, France', 'US').countryCode, 'FR');
  assert.equal(parseLocation('Richmond, BC').countryCode, 'CA');
  assert.equal(parseLocation('Issaquah').countryCode, null);
});

test('parseLocation: street address before the city', () => {
  const a = parseLocation('221B Baker Street, London NW1 6XE');
  assert.deepEqual([a.streetNumber, a.street, a.city, a.postalCode, a.countryCode], ['221B', 'Baker Street', 'London', 'NW1 6XE', 'GB']);
  const b = parseLocation('68 Main Street, Apt 5B, Phoenix, AZ 85012');
  assert.deepEqual([b.streetNumber, b.street, b.apartmentNumber, b.city, b.stateCode, b.postalCode], ['68', 'Main Street', '5B', 'Phoenix', 'AZ', '85012']);
  const c = parseLocation('Hauptstraße 31, 10578 Berlin');
  assert.deepEqual([c.street, c.streetNumber, c.city, c.postalCode], ['Hauptstraße', '31', 'Berlin', '10578']);
  const d = parseLocation('Flat 41, Lake View Towers Kolkata, WB 700013 IN');
  assert.deepEqual([d.city, d.stateCode, d.countryCode, d.postalCode], ['Kolkata', 'WB', 'IN', '700013']);
  // Unit numbers are not postcodes.
  const e = parseLocation('142 Queen Street West, Unit 2397, Montreal, Canada H3H 5R5');
  assert.deepEqual([e.city, e.postalCode, e.apartmentNumber], ['Montreal', 'H3H 5R5', '2397']);
  assert.equal(parseLocation('1600 Pennsylvania Avenue, Washington, DC').postalCode, null);
});

test('parseLocation: raw kept, empty input safe', () => {
  assert.equal(parseLocation('Rennes, France').rawInput, 'Rennes, France');
  const empty = parseLocation('   ');
  assert.deepEqual([empty.city, empty.country], [null, null]);
});

test('findLocations: the place segment of a contact line', () => {
  const line = 'Rennes, France | M: +33 (0)7 34 10 72 63 | yalsayed@gmail.com';
  const [m] = findLocations(line);
  assert.equal(m!.value, 'Rennes, France');
  assert.equal(line.slice(m!.index, m!.index + m!.length), 'Rennes, France');
  assert.deepEqual(findLocations('Leeds LS11 4TW | Phone: +44 7590 300979 | x@icloud.com').map((x) => x.value), ['Leeds LS11 4TW']);
  assert.deepEqual(findLocations('Address: 221B Baker Street, London NW1 6XE').map((x) => x.value), ['221B Baker Street, London NW1 6XE']);
  assert.deepEqual(findLocations('Bengaluru, Karnataka - Email me on Indeed: x@y.com').map((x) => x.value), ['Bengaluru, Karnataka']);
});

test('findLocations: names, titles and contact details are not places', () => {
  for (const line of ['YASMIN AL-SAYED', 'Territory Sales Manager', 'jane@doe.com | +1 704 996 9966', 'linkedin.com/in/x', 'Austin Miller', 'Results-driven professional with 5+ years of experience.']) {
    assert.deepEqual(findLocations(line), [], line);
  }
});

test('"St." in a town\'s name is not the end of a sentence', () => {
  assert.deepEqual(findLocations('358 Elm Street, St. Louis, MO 63109').map((m) => m.value), ['358 Elm Street, St. Louis, MO 63109']);
});

test('punctuation alone is no place', async () => {
  const { placeScore } = await import('../../src/pipeline/understand/places.ts');
  assert.equal(placeScore(', ,'), 0);
  assert.equal(placeScore(','), 0);
});
