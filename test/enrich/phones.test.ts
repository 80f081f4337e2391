import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferCountry, phoneDetails } from '../../src/pipeline/enrich/phones.ts';

test('phoneDetails: national number read in the résumé country', () => {
  assert.deepEqual(phoneDetails('(704) 996-9966', 'US'), {
    rawText: '(704) 996-9966',
    formattedNumber: '+1 704 996 9966',
    countryCode: 'US',
    internationalCountryCode: 1,
    nationalNumber: '7049969966',
  });
  const au = phoneDetails('0412 632 636', 'AU');
  assert.equal(au.formattedNumber, '+61 412 632 636');
  assert.equal(au.countryCode, 'AU');
  assert.equal(au.nationalNumber, '412632636');
});

test('phoneDetails: international prefixes win over the résumé country; trunk (0) dropped', () => {
  const fr = phoneDetails('+33 (0)7 34 10 72 63', 'US');
  assert.equal(fr.formattedNumber, '+33 7 34 10 72 63');
  assert.equal(fr.countryCode, 'FR');
  assert.equal(fr.internationalCountryCode, 33);
  assert.equal(phoneDetails('(+91) 76686-86274', null).formattedNumber, '+91 76686 86274');
  assert.equal(phoneDetails('+44 (0)141 7906870', null).countryCode, 'GB');
  assert.equal(phoneDetails('0044 20 7946 0958', null).internationalCountryCode, 44);
});

test('phoneDetails: a Canadian area code under +1 is CA', () => {
  assert.equal(phoneDetails('(416) 262-2729', 'CA').countryCode, 'CA');
  assert.equal(phoneDetails('+1 (416) 262-2729', null).countryCode, 'CA');
});

test('phoneDetails: no country — only a grouping that a single calling code prints that way', () => {
  assert.equal(phoneDetails('07868 930 227', null).formattedNumber, '+44 7868 930227');
  assert.equal(phoneDetails('984-313-1890', null).internationalCountryCode, 1);
  // Valid and grouped alike in Britain and Germany: nothing is assumed.
  assert.equal(phoneDetails('07534 803747', null).formattedNumber, null);
});

test('phoneDetails: nulls when unparseable', () => {
  const d = phoneDetails('not a phone', 'US');
  assert.deepEqual(d, { rawText: 'not a phone', formattedNumber: null, countryCode: null, internationalCountryCode: null, nationalNumber: null });
  assert.equal(phoneDetails('12', 'GB').formattedNumber, null);
});

test('inferCountry: location first, then an international phone prefix, then regionBias, else null', () => {
  assert.equal(inferCountry({ locationCountry: 'FR', phones: ['+44 7911 123456'], regionBias: { country: 'US' } }), 'FR');
  assert.equal(inferCountry({ locationCountry: 'Deutschland' }), 'DE');
  assert.equal(inferCountry({ locationCountry: null, phones: ['0412 632 636', '+61 412 632 636'], regionBias: { country: 'US' } }), 'AU');
  assert.equal(inferCountry({ phones: ['(+91) 76686-86274'] }), 'IN');
  assert.equal(inferCountry({ phones: ['(704) 996-9966'], regionBias: { countries: ['ca'] } }), 'CA');
  assert.equal(inferCountry({ phones: ['(704) 996-9966'] }), null);
  assert.equal(inferCountry({}), null);
});
