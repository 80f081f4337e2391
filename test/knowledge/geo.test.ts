import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citiesByName, countryByCode, countryByName, geoKey, subdivisionFromPostcode, subdivisionsByCode, subdivisionsByName } from '../../src/knowledge/geo.ts';

test('geoKey folds case, accents and dots', () => {
  assert.equal(geoKey(' Montréal '), 'montreal');
  assert.equal(geoKey('U.S.A.'), 'usa');
  assert.equal(geoKey('Straße'), 'strasse');
});

test('countries: every ISO code, common English names, aliases', () => {
  assert.equal(countryByCode('us')?.name, 'United States');
  assert.equal(countryByCode('GB')?.name, 'United Kingdom');
  assert.equal(countryByCode('ZW')?.name, 'Zimbabwe');
  assert.equal(countryByCode('XX'), null);
  for (const [name, code] of [['USA', 'US'], ['U.S.', 'US'], ['United States of America', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'], ['Deutschland', 'DE'], ['Türkiye', 'TR'], ['South Korea', 'KR'], ['Viet Nam', 'VN'], ['Czechia', 'CZ']] as const) {
    assert.equal(countryByName(name)?.code, code, name);
  }
  assert.equal(countryByName('Texas'), null);
});

test('subdivisions: names, codes and printed variants', () => {
  assert.deepEqual(subdivisionsByName('Bayern').map((s) => [s.country, s.name, s.code]), [['DE', 'Bavaria', 'BY']]);
  assert.deepEqual(subdivisionsByCode('WA').map((s) => s.country).sort(), ['AU', 'US']);
  assert.deepEqual(subdivisionsByCode('TS').map((s) => s.name), ['Telangana']);
  assert.equal(subdivisionsByName('Scotland')[0]?.code, null);
  assert.equal(subdivisionsByName('KwaZulu-Natal')[0]?.code, 'KZN');
});

test('cities: aliases and ambiguity order', () => {
  assert.equal(citiesByName('Bangalore')[0]?.name, 'Bengaluru');
  assert.equal(citiesByName('München')[0]?.name, 'Munich');
  assert.equal(citiesByName('Port Elizabeth')[0]?.name, 'Gqeberha');
  assert.deepEqual(citiesByName('Portland').map((c) => c.state), ['Oregon', 'Maine']);
  assert.deepEqual(citiesByName('London').map((c) => c.country), ['GB', 'CA']);
  assert.equal(citiesByName('Atlantis').length, 0);
});

test('postcodes that reveal the subdivision', () => {
  assert.equal(subdivisionFromPostcode('CA', 'V6B 4J9')?.code, 'BC');
  assert.equal(subdivisionFromPostcode('GB', 'BT7 6LD')?.name, 'Northern Ireland');
  assert.equal(subdivisionFromPostcode('GB', 'EH1 1AA')?.name, 'Scotland');
  assert.equal(subdivisionFromPostcode('GB', 'E1 6AN')?.name, 'England');
  assert.equal(subdivisionFromPostcode('AU', '2600')?.code, 'ACT');
  assert.equal(subdivisionFromPostcode('AU', '3000')?.code, 'VIC');
  assert.equal(subdivisionFromPostcode('DE', '10115'), null);
});
