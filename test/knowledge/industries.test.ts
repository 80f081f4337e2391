/** Employers' industries, from made-up organisations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { industryOf, industryOfName, industryOfSoc } from '../../src/knowledge/industries.ts';

test('the organisation name says the industry, the most telling word first', () => {
  const cases: Array<[string, string | null]> = [
    ['Northwind Freight Systems', 'Logistics and Transportation'],
    ['St. Brendan University Hospital', 'Hospital and Health Care'],
    ['Lakeview State University', 'Education'],
    ['Harbour Institute of Technology', 'Education'],
    ['First Meridian Bank', 'Banking and Financial Services'],
    ['Kestrel Mutual Insurance', 'Insurance'],
    ['Ortega & Lyle Solicitors', 'Legal Services'],
    ['Department of Transport', 'Government and Public Administration'],
    ['Blue Heron Hotels & Resorts', 'Hospitality and Food Service'],
    ['Quantix Software', 'Information Technology and Software'],
    ['T-Mobile', 'Telecommunications'],
    ['Vireo Therapeutics', 'Pharmaceuticals and Biotechnology'],
    ['Royal Air Force', 'Armed Forces'],
    ['Greenfield Farms', 'Agriculture'],
    // Generic names say nothing; words inside other words are not cues.
    ['Acme Corp', null],
    ['Globex Solutions', null],
    ['Barrington Partners', null],
    ['Airwick Holdings', null],
    // Brands whose words belong to another trade.
    ['State Farm', null],
    ['Virginia Tech', null],
  ];
  for (const [name, industry] of cases) assert.equal(industryOfName(name), industry, name);
});

test('an occupation bound to one industry decides when the name of the employer says nothing', () => {
  assert.equal(industryOfSoc('2231'), 'Hospital and Health Care');
  assert.equal(industryOfSoc('2136'), null);
  assert.equal(industryOf({ organization: 'Acme Corp', socCode: '2314' }), 'Education');
  assert.equal(industryOf({ organization: 'Quantix Software', socCode: '2314' }), 'Information Technology and Software');
  assert.equal(industryOf({ organization: null, socCode: null }), null);
});
