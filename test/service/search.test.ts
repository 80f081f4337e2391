/**
 * Search and match end to end: a real `vitae serve` (Fastify listening on a port, the real service, real parses by
 * worker threads) on SQLite and PostgreSQL. Five plain-text résumés are uploaded and parsed, put in an index, and
 * searched criterion by criterion; rankings and per-criterion scores are checked, then details, match,
 * suggestions, projection refresh on PATCH and DELETE, workspace isolation and validation errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/service/api/app.ts';
import { createDocumentService } from '../../src/service/index.ts';
import type { DocumentService } from '../../src/service/contract.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { createKey } from '../../src/service/store/keys.ts';
import { BACKENDS, testDatabase, until, type Backend, type TestDatabase } from './helpers.ts';

export const RESUMES = {
  go: `Avery J. Lindqvist
avery.lindqvist@example.com | (503) 555-0142 | Portland, OR

EXPERIENCE
Senior Software Engineer | Mar 2019 – Present
Cascade Logistics, Portland, OR
• Built the routing services in Go and PostgreSQL on Kubernetes.

Software Engineer | Jun 2014 – Feb 2019
Rose City Labs, Portland, OR
• Wrote TypeScript services.

EDUCATION
B.S. in Computer Science | Sep 2010 – Jun 2014
Oregon State University, Corvallis, OR

SKILLS
Go, PostgreSQL, Kubernetes, TypeScript

LANGUAGES
English, Spanish
`,
  data: `Priya N. Raman
priya.raman@example.com | (206) 555-0178 | Seattle, WA

EXPERIENCE
Data Scientist | Jan 2021 – Present
Evergreen Analytics, Seattle, WA
• Trained machine learning models in Python and SQL.

EDUCATION
M.S. in Statistics | Sep 2018 – Jun 2020
University of Washington, Seattle, WA

SKILLS
Python, SQL, Machine Learning, Pandas

LANGUAGES
English, French
`,
  manager: `Marcus O. Bell
marcus.bell@example.com | (415) 555-0133 | San Francisco, CA

EXPERIENCE
Engineering Manager | Jan 2018 – Present
Bayside Payments, San Francisco, CA
• Lead a team of eight engineers building payment APIs in Go and Java.

Software Engineer | Jul 2010 – Dec 2017
Golden Gate Systems, San Francisco, CA
• Built Java services.

EDUCATION
B.S. in Computer Engineering | Sep 2006 – Jun 2010
San Jose State University, San Jose, CA

SKILLS
Go, Java, People Management

LANGUAGES
English
`,
  nurse: `Hannah R. Doyle
hannah.doyle@example.com | +44 20 7946 0958 | London, United Kingdom

EXPERIENCE
Registered Nurse | Sep 2019 – Present
St Thomas' Hospital, London, United Kingdom
• Patient care on a surgical ward.

EDUCATION
BSc in Nursing | Sep 2016 – Jun 2019
King's College London, London, United Kingdom

SKILLS
Patient Care, Wound Care, Medication Administration

LANGUAGES
English
`,
  marketing: `Elena V. Sorensen
elena.sorensen@example.com | (312) 555-0190 | Chicago, IL

EXPERIENCE
Marketing Director | Feb 2016 – Present
Lakeshore Brands, Chicago, IL
• Run the marketing team and the SEO and brand programmes.

Marketing Manager | Jan 2012 – Jan 2016
Windy City Media, Chicago, IL

EDUCATION
MBA | Sep 2010 – Jun 2012
University of Chicago, Chicago, IL

SKILLS
SEO, Brand Management, Budgeting

LANGUAGES
English, German
`,
};
export type Who = keyof typeof RESUMES;

export interface Server {
  db: TestDatabase;
  service: DocumentService;
  app: FastifyInstance;
  base: string;
  key: string;
  otherKey: string;
  close(): Promise<void>;
}

export async function startServer(backend: Backend): Promise<Server> {
  const db = await testDatabase(backend, { waitTimeoutMs: 30_000 });
  const service = await createDocumentService(db.config);
  const app = buildApp(service, db.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const keys = await openDatabase(db.config.databaseUrl);
  const key = await createKey(keys.kysely, 'acme');
  const otherKey = await createKey(keys.kysely, 'globex');
  await keys.kysely.destroy();
  return {
    db,
    service,
    app,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    key,
    otherKey,
    async close() {
      await app.close();
      await service.close();
      await db.cleanup();
    },
  };
}

export interface Answer {
  status: number;
  body: any;
}

export async function call(s: Server, method: string, path: string, body?: unknown, key = s.key): Promise<Answer> {
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Uploads a résumé as a file and waits for its parse; returns its identifier. */
export async function upload(s: Server, text: string, fileName: string, key = s.key): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([text], { type: 'text/plain' }), fileName);
  const res = await fetch(`${s.base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  let body = (await res.json()) as any;
  assert.equal(res.status, 200, JSON.stringify(body));
  // On a busy machine the parse may outlast the server's wait: poll until it is ready.
  const identifier: string = body.meta.identifier;
  body = await until('the résumé to be parsed', async () => {
    const got = (await (await fetch(`${s.base}/v2/resumes/${identifier}`, { headers: { authorization: `Bearer ${key}` } })).json()) as any;
    return got.meta.ready ? got : null;
  }, 120_000);
  assert.equal(body.meta.failed, false, JSON.stringify(body.error));
  return identifier;
}

const search = (s: Server, params: Record<string, unknown>, query = '') => call(s, 'POST', `/v2/resume_search${query}`, { indices: ['talent'], ...params });

for (const backend of BACKENDS) {
  test(`search and match on ${backend}`, async (t) => {
    const s = await startServer(backend);
    t.after(() => s.close());
    const id = {} as Record<Who, string>;
    for (const who of Object.keys(RESUMES) as Who[]) id[who] = await upload(s, RESUMES[who], `${who}.txt`);
    const who = (identifier: string): Who => (Object.keys(id) as Who[]).find((w) => id[w] === identifier)!;
    const ranking = (a: Answer): Who[] => a.body.results.map((r: { identifier: string }) => who(r.identifier));

    await t.test('indices: create, list, rename, delete, in Affinda’s shapes', async () => {
      const created = await call(s, 'POST', '/v2/index', { name: 'scratch', documentType: 'resumes' });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body, { name: 'scratch', documentType: 'resumes' });
      const again = await call(s, 'POST', '/v2/index', { name: 'scratch' });
      assert.equal(again.status, 400);
      assert.deepEqual(again.body.errors.map((e: any) => [e.attr, e.code]), [['name', 'unique']]);
      const jd = await call(s, 'POST', '/v2/index', { name: 'jobs', documentType: 'job_descriptions' });
      assert.equal(jd.status, 400);
      assert.equal(jd.body.errors[0].attr, 'documentType');

      assert.equal((await call(s, 'POST', '/v2/index', { name: 'talent' })).status, 201);
      const listed = await call(s, 'GET', '/v2/index?limit=1');
      assert.equal(listed.status, 200);
      assert.equal(listed.body.count, 2);
      assert.deepEqual(listed.body.results, [{ name: 'scratch', documentType: 'resumes' }]);
      assert.equal(listed.body.next, `${s.base}/v2/index?limit=1&offset=1`);
      assert.equal(listed.body.previous, null);
      assert.deepEqual((await call(s, 'GET', '/v2/index?name=talent')).body.results, [{ name: 'talent', documentType: 'resumes' }]);

      const renamed = await call(s, 'PATCH', '/v2/index/scratch', { name: 'scratch-2' });
      assert.equal(renamed.status, 200);
      assert.deepEqual(renamed.body, { name: 'scratch-2', documentType: 'resumes' });
      assert.equal((await call(s, 'DELETE', '/v2/index/scratch')).status, 404);
      const deleted = await fetch(`${s.base}/v2/index/scratch-2`, { method: 'DELETE', headers: { authorization: `Bearer ${s.key}` } });
      assert.equal(deleted.status, 204);
      assert.equal(await deleted.text(), '');
      assert.equal((await call(s, 'GET', '/v2/index')).body.count, 1);
    });

    await t.test('index documents: add, list, refuse unknown and duplicate documents', async () => {
      for (const w of Object.keys(id) as Who[]) {
        const added = await call(s, 'POST', '/v2/index/talent/documents', { document: id[w] });
        assert.equal(added.status, 201);
        assert.deepEqual(added.body, { document: id[w] });
      }
      const listed = await call(s, 'GET', '/v2/index/talent/documents');
      assert.equal(listed.body.count, 5);
      assert.deepEqual(new Set(listed.body.results.map((r: any) => r.document)), new Set(Object.values(id)));
      const twice = await call(s, 'POST', '/v2/index/talent/documents', { document: id.go });
      assert.equal(twice.status, 400);
      assert.deepEqual([twice.body.errors[0].attr, twice.body.errors[0].code], ['document', 'unique']);
      const unknown = await call(s, 'POST', '/v2/index/talent/documents', { document: 'nosuchdoc' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.errors[0].attr, 'document');
      assert.equal((await call(s, 'POST', '/v2/index/nosuch/documents', { document: id.go })).status, 404);
      assert.equal((await call(s, 'POST', '/v2/index/talent/documents', {})).body.errors[0].code, 'required');
    });

    await t.test('a search answers 201 with count, links, the parameters and every result component', async () => {
      const found = await search(s, { jobTitles: ['Software Engineer'] }, '?limit=1');
      assert.equal(found.status, 201);
      assert.deepEqual(Object.keys(found.body).sort(), ['count', 'next', 'parameters', 'previous', 'results']);
      assert.deepEqual(found.body.parameters, { indices: ['talent'], jobTitles: ['Software Engineer'] });
      assert.equal(found.body.count, 2);
      assert.equal(found.body.results.length, 1);
      assert.equal(found.body.next, `${s.base}/v2/resume_search?limit=1&offset=1`);
      const top = found.body.results[0];
      assert.deepEqual(Object.keys(top).sort(), [
        'customData', 'education', 'experience', 'identifier', 'jobTitle', 'languages', 'location', 'managementLevel', 'name', 'occupationGroup', 'pdf', 'score', 'searchExpression', 'skills',
      ]);
      assert.equal(top.name, 'Avery J. Lindqvist');
      assert.deepEqual(top.jobTitle, { label: 'Job Title', value: 'Senior Software Engineer', score: 0.9 });
      // Criteria not asked for carry the résumé's value and no score.
      assert.deepEqual(top.location, { label: 'Location', value: 'Portland, OR, United States', score: null });
      assert.equal(top.occupationGroup.value, 'Programmers and software development professionals');
      assert.equal(top.pdf, null);
      assert.deepEqual(top.customData, {});
      const page2 = await search(s, { jobTitles: ['Software Engineer'] }, '?limit=1&offset=1');
      assert.equal(page2.body.previous, `${s.base}/v2/resume_search?limit=1`);
      assert.equal(page2.body.next, null);
      assert.equal(page2.body.results[0].name, 'Marcus O. Bell');
      // Clients send limit=300 unasked: clamped to 50, not refused.
      assert.equal((await search(s, { jobTitles: ['Software Engineer'] }, '?limit=300')).status, 201);
    });

    await t.test('job titles: the current title ranks first, a past one lower, currentOnly drops it', async () => {
      const found = await search(s, { jobTitles: ['Software Engineer'] });
      assert.deepEqual(ranking(found), ['go', 'manager']);
      const [go, manager] = found.body.results;
      assert.equal(go.score, 0.9, 'a senior title is the asked one with a rank');
      assert.equal(manager.score, 0.8, 'the exact title, held in the past');
      assert.equal(manager.jobTitle.value, 'Software Engineer');
      assert.deepEqual(ranking(await search(s, { jobTitles: ['Software Engineer'], jobTitlesCurrentOnly: true })), ['go']);
      assert.deepEqual(ranking(await search(s, { jobTitles: ['Registered Nurse'] })), ['nurse']);
    });

    await t.test('skills: share of the asked skills, required ones exclude', async () => {
      const found = await search(s, { skills: [{ name: 'Go' }, { name: 'Kubernetes' }] });
      assert.deepEqual(ranking(found), ['go', 'manager']);
      assert.deepEqual(found.body.results.map((r: any) => r.skills.score), [1, 0.5]);
      assert.equal(found.body.results[0].skills.value, 'Go, Kubernetes');
      const required = await search(s, { skills: [{ name: 'Go' }, { name: 'Kubernetes', required: true }] });
      assert.deepEqual(ranking(required), ['go']);
      // Synonyms meet through the taxonomy: "Postgres" is PostgreSQL.
      assert.deepEqual(ranking(await search(s, { skills: [{ name: 'Postgres', required: true }] })), ['go']);
    });

    await t.test('years of experience: inside the range scores 1, outside less, required excludes', async () => {
      const found = await search(s, { yearsExperienceMin: 10, yearsExperienceMax: 15 });
      const scores = Object.fromEntries(found.body.results.map((r: any) => [who(r.identifier), r.experience.score]));
      assert.equal(scores.go, 1);
      assert.equal(scores.marketing, 1);
      assert.ok(scores.manager < 1 && scores.manager > 0.8, 'a little over the maximum');
      assert.ok(scores.data < 0.7, 'well under the minimum');
      assert.equal(ranking(found)[2], 'manager');
      const required = await search(s, { yearsExperienceMin: 10, yearsExperienceMax: 15, yearsExperienceRequired: true });
      assert.deepEqual(new Set(ranking(required)), new Set(['go', 'marketing']));
    });

    await t.test('locations: haversine distance against the radius, by name or coordinates, km or miles', async () => {
      const near = await search(s, { locations: [{ name: 'Vancouver, WA', distance: 50 }], locationsRequired: true });
      assert.deepEqual(ranking(near), ['go'], 'Portland is 13 km from Vancouver, WA');
      const wide = await search(s, { locations: [{ name: 'Portland, OR', distance: 200, unit: 'mi' }] });
      // Both inside the radius: equal scores (ties go by identifier).
      assert.deepEqual(new Set(ranking(wide)), new Set(['go', 'data']), 'Seattle is 233 km (145 mi) from Portland');
      assert.deepEqual(wide.body.results.map((r: any) => r.location.score), [1, 1]);
      const coordinates = await search(s, { locations: [{ coordinates: { latitude: 51.5, longitude: -0.12 }, distance: 10 }] });
      assert.deepEqual(ranking(coordinates), ['nurse']);
      const fading = await search(s, { locations: [{ name: 'Tacoma, WA', distance: 30 }] });
      assert.equal(ranking(fading)[0], 'data');
      assert.ok(fading.body.results[0].location.score < 1 && fading.body.results[0].location.score > 0, 'Seattle is 40 km from Tacoma: past the radius, inside twice it');
      assert.deepEqual(ranking(await search(s, { locations: [{ name: 'United Kingdom' }], locationsRequired: true })), ['nurse']);
    });

    await t.test('languages, education, occupation groups, management level', async () => {
      assert.deepEqual(ranking(await search(s, { languages: [{ name: 'French' }] })), ['data']);
      assert.deepEqual(ranking(await search(s, { languages: [{ name: 'de' }] })), ['marketing']);
      const masters = await search(s, { highestDegreeTypes: ['masters'], highestDegreeTypesRequired: true });
      assert.deepEqual(new Set(ranking(masters)), new Set(['data', 'marketing']));
      const degree = await search(s, { degrees: ['Computer Science'] });
      assert.equal(ranking(degree)[0], 'go');
      assert.equal(degree.body.results[0].education.score, 1);
      assert.deepEqual(ranking(await search(s, { institutions: ['University of Washington'], institutionsRequired: true })), ['data']);
      // 2136 programmers: the current job first, a past one after; 2 is the major group above it.
      const soc = await search(s, { socCodes: [2136] });
      assert.deepEqual(ranking(soc), ['go', 'manager']);
      assert.deepEqual(soc.body.results.map((r: any) => r.occupationGroup.score), [1, 0.8]);
      assert.ok(ranking(await search(s, { socCodes: [2] })).includes('nurse'), 'nurses are professionals (major group 2)');
      const upper = await search(s, { managementLevel: 'Upper', managementLevelRequired: true });
      assert.deepEqual(ranking(upper), ['marketing']);
      const mid = await search(s, { managementLevel: 'Mid' });
      assert.deepEqual(ranking(mid), ['manager', 'marketing']);
      assert.deepEqual(mid.body.results.map((r: any) => r.managementLevel.score), [1, 0.5]);
    });

    await t.test('search expression over the raw text: AND, OR, NOT, phrases, whole words', async () => {
      const found = await search(s, { searchExpression: 'kubernetes AND postgresql', searchExpressionRequired: true });
      assert.deepEqual(ranking(found), ['go']);
      assert.equal(found.body.results[0].searchExpression.value, 'kubernetes, postgresql');
      assert.deepEqual(new Set(ranking(await search(s, { searchExpression: 'java OR python', searchExpressionRequired: true }))), new Set(['manager', 'data']));
      assert.deepEqual(ranking(await search(s, { searchExpression: '"surgical ward"', searchExpressionRequired: true })), ['nurse']);
      assert.deepEqual(ranking(await search(s, { searchExpression: 'go -java', searchExpressionRequired: true })), ['go']);
      const bad = await search(s, { searchExpression: '(java OR' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].attr, 'searchExpression');
    });

    await t.test('weights: the overall score is the weighted mean of the criteria', async () => {
      const params = { jobTitles: ['Software Engineer'], skills: [{ name: 'Java' }] };
      const even = await search(s, params);
      const manager = even.body.results.find((r: any) => who(r.identifier) === 'manager');
      assert.equal(manager.score, (0.8 + 1) / 2);
      const titleHeavy = await search(s, { ...params, jobTitlesWeight: 1, skillsWeight: 0 });
      assert.deepEqual(ranking(titleHeavy), ['go', 'manager']);
      assert.equal(titleHeavy.body.results[1].score, 0.8);
      assert.equal(titleHeavy.body.results[1].skills.score, 1, 'a criterion of weight 0 is still shown');
      const skillHeavy = await search(s, { ...params, jobTitlesWeight: 0.1, skillsWeight: 1 });
      assert.deepEqual(ranking(skillHeavy), ['manager', 'go']);
    });

    await t.test('resume: candidates like a given résumé, itself left out', async () => {
      const like = await search(s, { resume: id.go });
      assert.equal(ranking(like)[0], 'manager');
      assert.ok(!ranking(like).includes('go'));
    });

    await t.test('details: per-criterion breakdown of one résumé', async () => {
      const res = await call(s, 'POST', `/v2/resume_search/details/${id.go}`, {
        indices: ['talent'],
        jobTitles: ['Software Engineer', 'Nurse'],
        skills: [{ name: 'Go' }, { name: 'Rust', required: true }],
        languages: [{ name: 'Spanish' }],
        locations: [{ name: 'Portland, OR', distance: 10 }, { name: 'London' }],
        yearsExperienceMin: 5,
        highestDegreeTypes: ['masters'],
        socCodes: [2136, 2231],
        managementLevel: 'Mid',
        searchExpression: 'kubernetes OR cobol',
      });
      assert.equal(res.status, 200);
      const d = res.body;
      assert.deepEqual(d.jobTitle.missing, ['Nurse']);
      assert.deepEqual(d.jobTitle.value.map((j: any) => [j.name, j.companyName, j.match]), [['Senior Software Engineer', 'Cascade Logistics', true], ['Software Engineer', 'Rose City Labs', true]]);
      assert.deepEqual(d.skills.missing, [{ name: 'Rust', required: true }]);
      assert.deepEqual(d.skills.value.filter((x: any) => x.match).map((x: any) => x.name), ['Go']);
      assert.deepEqual(d.languages.value, [{ name: 'English', match: false }, { name: 'Spanish', match: true }]);
      assert.equal(d.location.value.city, 'Portland');
      assert.equal(d.location.value.match, true);
      assert.deepEqual(d.location.missing.map((l: any) => l.name), ['London']);
      assert.deepEqual(d.experience.match, true);
      assert.ok(d.experience.years >= 12);
      assert.deepEqual(d.education.missing.highestDegreeTypes, ['masters']);
      assert.equal(d.education.value[0].accreditation.educationLevel, 'bachelors');
      assert.deepEqual(d.occupationGroup.missing, [2231]);
      assert.deepEqual(d.occupationGroup.value.map((g: any) => [g.code, g.match, g.parents.map((p: any) => p.code)]), [[2136, true, [213, 21, 2]]]);
      assert.deepEqual(d.managementLevel, { level: 'None', match: false });
      assert.deepEqual(d.searchExpression, { missing: ['cobol'], value: ['kubernetes'] });
      assert.equal((await call(s, 'POST', '/v2/resume_search/details/nosuchdoc', { indices: ['talent'] })).status, 404);
    });

    await t.test('match: one résumé against a job’s criteria; job descriptions are refused', async () => {
      const q = new URLSearchParams([['resume', id.data], ['job_titles', 'Data Scientist'], ['skills', 'Python'], ['skills', 'Scala'], ['skills_weight', '1'], ['job_titles_weight', '1']]);
      const res = await call(s, 'GET', `/v2/resume_search/match?${q}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.score, 0.75);
      assert.deepEqual(res.body.details.jobTitle, { label: 'Job Title', value: 'Data Scientist', score: 1 });
      assert.deepEqual(res.body.details.skills, { label: 'Skills', value: 'Python', score: 0.5 });
      assert.equal(res.body.details.location.score, null);
      const jd = await call(s, 'GET', `/v2/resume_search/match?resume=${id.data}&job_description=abcdefgh`);
      assert.equal(jd.status, 400);
      assert.equal(jd.body.type, 'validation_error');
      assert.equal(jd.body.errors[0].attr, 'job_description');
      assert.match(jd.body.errors[0].detail, /does not parse job descriptions/);
      assert.equal((await call(s, 'GET', `/v2/resume_search/match?resume=${id.data}`)).body.errors[0].code, 'required');
      assert.equal((await call(s, 'GET', `/v2/resume_search/match?job_titles=x`)).body.errors[0].attr, 'resume');
      const weight = await call(s, 'GET', `/v2/resume_search/match?resume=${id.data}&job_titles=x&skills_weight=2`);
      assert.deepEqual([weight.status, weight.body.errors[0].attr, weight.body.errors[0].code], [400, 'skills_weight', 'max_value']);
      const notIn = await call(s, 'GET', `/v2/resume_search/match?resume=${id.data}&job_titles=x&index=nosuch`);
      assert.equal(notIn.body.errors[0].attr, 'index');
    });

    await t.test('suggestions from the taxonomies', async () => {
      const titles = await call(s, 'GET', '/v2/resume_search/suggestion_job_title?job_titles=Software%20Developer&job_titles=Registered%20Nurse');
      assert.equal(titles.status, 200);
      assert.ok(Array.isArray(titles.body) && titles.body.length === 10);
      assert.ok(titles.body.every((t: unknown) => typeof t === 'string'));
      assert.ok(!titles.body.includes('Software Developer'), 'not the asked title itself');
      assert.ok(titles.body.some((t: string) => /Developer|Programmer|Engineer/.test(t)), titles.body.join('; '));
      const skills = await call(s, 'GET', '/v2/resume_search/suggestion_skill?skills=js');
      assert.equal(skills.body[0], 'JavaScript');
      const more = await call(s, 'GET', '/v2/resume_search/suggestion_skill?skills=Python');
      assert.ok(more.body.length > 0 && !more.body.includes('Python'));
      assert.ok(more.body.every((x: string) => /python/i.test(x)), more.body.join('; '));
      const missing = await call(s, 'GET', '/v2/resume_search/suggestion_skill');
      assert.deepEqual([missing.status, missing.body.errors[0].attr, missing.body.errors[0].code], [400, 'skills', 'required']);
    });

    await t.test('a PATCH refreshes the projection; a deleted document leaves the index', async () => {
      assert.deepEqual(ranking(await search(s, { skills: [{ name: 'Rust' }] })), []);
      const patched = await call(s, 'PATCH', `/v2/resumes/${id.nurse}`, { skills: [{ name: 'Rust' }] });
      assert.equal(patched.status, 200);
      assert.deepEqual(ranking(await search(s, { skills: [{ name: 'Rust' }] })), ['nurse']);

      const extra = await upload(s, RESUMES.go.replace('Avery J. Lindqvist', 'Sam Q. Ortega'), 'extra.txt');
      assert.equal((await call(s, 'POST', '/v2/index/talent/documents', { document: extra })).status, 201);
      const names = async () => (await search(s, { jobTitles: ['Senior Software Engineer'] })).body.results.map((r: any) => r.name);
      assert.deepEqual((await names()).slice(0, 2).sort(), ['Avery J. Lindqvist', 'Sam Q. Ortega']);
      assert.equal((await call(s, 'DELETE', `/v2/resumes/${extra}`)).status, 204);
      assert.ok(!(await names()).includes('Sam Q. Ortega'));
      assert.equal((await call(s, 'GET', '/v2/index/talent/documents')).body.count, 5);
    });

    await t.test('a document indexed before it is parsed becomes searchable once parsed', async () => {
      const form = new FormData();
      form.set('file', new Blob([RESUMES.data.replace('Priya N. Raman', 'Kai L. Brandt')], { type: 'text/plain' }), 'late.txt');
      form.set('wait', 'false');
      const res = await fetch(`${s.base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${s.key}` }, body: form });
      assert.equal(res.status, 201);
      const late = ((await res.json()) as any).meta.identifier as string;
      assert.equal((await call(s, 'POST', '/v2/index/talent/documents', { document: late })).status, 201);
      const deadline = Date.now() + 30_000;
      let hits: string[] = [];
      while (Date.now() < deadline) {
        hits = (await search(s, { jobTitles: ['Data Scientist'] })).body.results.map((r: any) => r.identifier);
        if (hits.includes(late)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(hits.includes(late), 'found once parsed');
      assert.equal((await call(s, 'DELETE', `/v2/index/talent/documents/${late}`)).status, 204);
      assert.equal((await call(s, 'DELETE', `/v2/index/talent/documents/${late}`)).status, 404);
    });

    await t.test('workspaces: another key can neither see nor fill this workspace’s index', async () => {
      const other = s.otherKey;
      assert.equal((await call(s, 'GET', '/v2/index', undefined, other)).body.count, 0);
      assert.equal((await call(s, 'GET', '/v2/index/talent/documents', undefined, other)).status, 404);
      assert.equal((await call(s, 'POST', '/v2/index/talent/documents', { document: id.go }, other)).status, 404);
      const searched = await call(s, 'POST', '/v2/resume_search', { indices: ['talent'], jobTitles: ['Software Engineer'] }, other);
      assert.deepEqual([searched.status, searched.body.errors[0].attr], [400, 'indices']);
      // Its own index of the same name holds nothing of ours, and cannot take our documents.
      assert.equal((await call(s, 'POST', '/v2/index', { name: 'talent' }, other)).status, 201);
      const stolen = await call(s, 'POST', '/v2/index/talent/documents', { document: id.go }, other);
      assert.deepEqual([stolen.status, stolen.body.errors[0].attr], [400, 'document']);
      assert.equal((await call(s, 'POST', '/v2/resume_search', { indices: ['talent'] }, other)).body.count, 0);
      assert.equal((await call(s, 'POST', `/v2/resume_search/details/${id.go}`, { indices: ['talent'] }, other)).status, 404);
      assert.equal((await call(s, 'GET', '/v2/index/talent/documents')).body.count, 5, 'ours is untouched');
      assert.equal((await fetch(`${s.base}/v2/index`)).status, 401);
    });

    await t.test('validation errors in Affinda’s shape', async () => {
      const noIndices = await call(s, 'POST', '/v2/resume_search', { jobTitles: ['x'] });
      assert.equal(noIndices.status, 400);
      assert.deepEqual(noIndices.body, { type: 'validation_error', errors: [{ attr: 'indices', code: 'required', detail: 'This field is required.' }] });
      const many = await search(s, { jobTitlesWeight: 1.5, yearsExperienceMin: -1, managementLevel: 'Boss', highestDegreeTypes: ['phd'], socCodes: [0], skills: 'Go', jobDescription: 'abcdefgh', typo: 1 });
      assert.equal(many.status, 400);
      assert.deepEqual(
        many.body.errors.map((e: any) => [e.attr, e.code]).sort(),
        [
          ['highestDegreeTypes', 'invalid_choice'],
          ['jobDescription', 'invalid'],
          ['jobTitlesWeight', 'max_value'],
          ['managementLevel', 'invalid_choice'],
          ['skills', 'invalid'],
          ['socCodes', 'min_value'],
          ['typo', 'invalid'],
          ['yearsExperienceMin', 'min_value'],
        ],
      );
      assert.equal((await search(s, {}, '?limit=0')).body.errors[0].attr, 'limit');
      assert.equal((await search(s, {}, '?offset=x')).body.errors[0].attr, 'offset');
      assert.equal((await search(s, { customData: [{ filterType: 'equals', dataPoint: 'x', query: { value: 1 } }] })).body.errors[0].attr, 'customData');
      assert.equal((await call(s, 'POST', '/v2/resume_search', [])).body.errors[0].attr, 'non_field_errors');
      const badName = await call(s, 'POST', '/v2/index', { name: 'a/b' });
      assert.deepEqual([badName.status, badName.body.errors[0].attr], [400, 'name']);
    });

    await t.test('the OpenAPI document lists the search and index operations', async () => {
      const spec = (await (await fetch(`${s.base}/v2/openapi.json`)).json()) as any;
      for (const path of ['/v2/index', '/v2/index/{name}', '/v2/index/{name}/documents', '/v2/index/{name}/documents/{identifier}', '/v2/resume_search', '/v2/resume_search/details/{identifier}', '/v2/resume_search/match', '/v2/resume_search/suggestion_job_title', '/v2/resume_search/suggestion_skill']) {
        assert.ok(spec.paths[path], `${path} documented`);
      }
      assert.equal(spec.paths['/v2/resume_search'].post.responses['201'].description, '{count, next, previous, parameters, results}');
    });
  });
}
