/**
 * The pure parts of search: expressions, distances, per-criterion scores, parameter reading and the SQL
 * pre-filter box. The end-to-end behaviour is search.test.ts; these pin the arithmetic it rests on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, hasTerm, parseExpression, positiveTerms, ExpressionError } from '../../src/service/search/expression.ts';
import { haversineKm, managementScore, placeScore, prepareCriteria, preparePlace, titleSimilarity, yearsScore } from '../../src/service/search/scoring.ts';
import { DEFAULT_WEIGHT, parseSearchParameters } from '../../src/service/search/params.ts';
import { fold, socWithParents, titleKeys } from '../../src/service/search/projection.ts';
import { box } from '../../src/service/search/service.ts';

test('search expressions: precedence, implicit AND, NOT, phrases, whole words', () => {
  const text = fold('Built services in Go and PostgreSQL; some JavaScript. Machine learning with Python.');
  const holds = (e: string): boolean => evaluate(parseExpression(e), text);
  assert.equal(holds('go postgresql'), true, 'a space is AND');
  assert.equal(holds('go AND rust'), false);
  assert.equal(holds('rust OR python'), true);
  assert.equal(holds('rust OR go AND python'), true, 'AND binds tighter than OR');
  assert.equal(holds('(rust OR go) AND php'), false);
  assert.equal(holds('python -php'), true);
  assert.equal(holds('python NOT javascript'), false);
  assert.equal(holds('"machine learning"'), true);
  assert.equal(holds('"learning machine"'), false);
  assert.equal(holds('java'), false, 'not a word of "javascript"');
  assert.equal(holds('and'), true, 'lower-case "and" is a word, not the operator');
  assert.deepEqual(positiveTerms(parseExpression('python AND (django OR flask) -php')), ['python', 'django', 'flask']);
  assert.throws(() => parseExpression('(python OR'), ExpressionError);
  assert.throws(() => parseExpression('python )'), ExpressionError);
  assert.throws(() => parseExpression('   '), ExpressionError);
  assert.equal(hasTerm('c++ and c#', 'c#'), true);
});

test('haversine distances and the radius', () => {
  const portland = { latitude: 45.52345, longitude: -122.67621 };
  const seattle = { latitude: 47.60621, longitude: -122.33207 };
  assert.ok(Math.abs(haversineKm(portland, seattle) - 233) < 2);
  assert.equal(haversineKm(portland, portland), 0);
  const resume = { formatted: 'Seattle', places: ['seattle', 'wa', 'us'], latitude: seattle.latitude, longitude: seattle.longitude };
  const at = (km: number) => preparePlace({ asked: {}, name: '', latitude: portland.latitude, longitude: portland.longitude, radiusKm: km });
  assert.equal(placeScore(at(250), resume), 1);
  assert.ok(Math.abs(placeScore(at(200), resume) - (1 - 33 / 200)) < 0.02, 'fades past the radius');
  assert.equal(placeScore(at(100), resume), 0, 'nothing at twice the radius');
  const byCountry = preparePlace({ asked: {}, name: 'United States', latitude: null, longitude: null, radiusKm: 100 });
  assert.equal(byCountry.countryCode, 'US');
  assert.equal(placeScore(byCountry, resume), 1);
  const named = preparePlace({ asked: {}, name: 'Portland, OR', latitude: null, longitude: null, radiusKm: 100 });
  assert.ok(named.point && Math.abs(named.point.latitude - 45.52) < 0.1, 'Portland, Oregon, not Maine');
});

test('the pre-filter box holds the whole radius', () => {
  const centre = { latitude: 51.5, longitude: -0.12 };
  const b = box(centre, 50);
  for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
    // A point 49.9 km away in each direction is inside the box.
    const d = 49.9 / 6371.0088;
    const lat1 = (centre.latitude * Math.PI) / 180;
    const lon1 = (centre.longitude * Math.PI) / 180;
    const t = (bearing * Math.PI) / 180;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(t));
    const lon2 = lon1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    const p = { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
    assert.ok(p.lat >= b.minLat && p.lat <= b.maxLat && p.lon >= b.minLon && p.lon <= b.maxLon, `bearing ${bearing}`);
  }
  assert.deepEqual([box({ latitude: 89.9, longitude: 10 }, 50).minLon, box({ latitude: 89.9, longitude: 10 }, 50).maxLon], [-180, 180], 'near a pole: every longitude');
});

test('years, management level and title similarity', () => {
  assert.equal(yearsScore(7, 5, 10), 1);
  assert.equal(yearsScore(4, 5, 10), 0.8);
  assert.equal(yearsScore(20, 5, 10), 0.5);
  assert.equal(yearsScore(null, 5, 10), 0);
  assert.equal(yearsScore(0, 0, null), 1);
  assert.equal(managementScore('Mid', 'Mid'), 1);
  assert.equal(managementScore('Mid', 'Upper'), 0.5);
  assert.equal(managementScore('None', 'Upper'), 0);
  assert.equal(managementScore('Low', null), 0);

  const [asked] = prepareCriteria(parseSearchParameters({ indices: ['x'], jobTitles: ['Software Engineer'] }, true).criteria).titles;
  const job = (title: string, soc: number | null = null) => ({ ...titleKeys(title), normalized: null, soc });
  assert.equal(titleSimilarity(asked!, job('Engineer, Software')), 1, 'word order does not matter');
  assert.equal(titleSimilarity(asked!, job('Sr. Software Engineer')), 0.9, 'a rank is nearly the same title');
  assert.equal(titleSimilarity(asked!, job('Backend Software Engineer')), 0.8, 'more specific');
  assert.equal(titleSimilarity(asked!, job('Data Engineer', 2136)), 0.5, 'another title of the same SOC unit');
  assert.ok(titleSimilarity(asked!, job('Registered Nurse')) === 0);
});

test('search parameters: defaults, normalisation and every error at once', () => {
  const ok = parseSearchParameters({ indices: ['a'], skills: [{ name: ' Go ', required: true }, 'SQL'], locations: [{ name: 'Leeds', distance: 10, unit: 'mi' }] }, true);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.criteria.skills, { skills: [{ name: 'Go', required: true }, { name: 'SQL', required: false }], weight: DEFAULT_WEIGHT, required: true });
  assert.ok(Math.abs(ok.criteria.locations!.places[0]!.radiusKm - 16.09) < 0.01);
  assert.equal(ok.criteria.jobTitles, null);
  const bad = parseSearchParameters({ indices: 'a', yearsExperienceMin: 9, yearsExperienceMax: 2, locations: [{ distance: 5 }], skillsWeight: -1 }, true);
  assert.deepEqual(bad.errors.map((e) => [e.attr, e.code]), [
    ['indices', 'invalid'],
    ['yearsExperienceMax', 'invalid'],
    ['locations', 'invalid'],
    ['skillsWeight', 'min_value'],
  ]);
  assert.deepEqual(parseSearchParameters({}, false).errors, [], 'details need no indices');
});

test('occupation groups carry their parents', () => {
  assert.deepEqual(socWithParents(2136), [2136, 213, 21, 2]);
  assert.deepEqual(socWithParents(2), [2]);
});
