/**
 * What the official client cannot send, by hand against a real server (SQLite and PostgreSQL): data-only
 * uploads, Python's True/False, files with no name, chunked bodies with odd boundaries, JSON-typed and
 * file-typed text parts, and every error path. Logs are captured to check they hold no API key.
 */
import { describe, test, before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { BACKENDS, resumeText, testDatabase, type Backend, type TestDatabase } from '../helpers.ts';

const EXAMPLE_PDF = readFileSync(new URL('../../../examples/resume.pdf', import.meta.url));

for (const backend of BACKENDS) describe(`HTTP API by hand on ${backend}`, () => suite(backend));

function suite(backend: Backend): void {
let db: TestDatabase;
let service: DocumentService;
let app: FastifyInstance;
let base = '';
let key = '';
let otherKey = '';
const logs: string[] = [];

before(async () => {
  db = await testDatabase(backend, { maxUploadBytes: 200_000, waitTimeoutMs: 30_000 });
  service = await createDocumentService(db.config);
  const stream = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  app = buildApp(service, db.config, { logger: { level: 'info', stream } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const keys = await openDatabase(db.config.databaseUrl);
  key = await createKey(keys.kysely, 'acme');
  otherKey = await createKey(keys.kysely, 'globex');
  await keys.kysely.destroy();
});
after(async () => {
  await app.close();
  await service.close();
  await db.cleanup();
});

const auth = (k = key) => ({ authorization: `Bearer ${k}` });

async function upload(fields: Record<string, string | Blob>, k = key): Promise<{ status: number; body: any; headers: Headers }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: auth(k), body: form });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A hand-made multipart body, sent chunked (no Content-Length) as stream uploads are. */
async function rawUpload(boundary: string, parts: (string | Uint8Array)[]): Promise<{ status: number; body: any }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' };
    const req = httpRequest({ host: '127.0.0.1', port, path: '/v2/resumes', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}

const file = (tag: string) => new Blob([resumeText(tag)]);

test('a file with no name and Python-style booleans: 201, then ready', async () => {
  const created = await upload({ file: file('no-name'), wait: 'False', rejectDuplicates: 'True' });
  assert.equal(created.status, 201);
  assert.equal(created.body.data, null);
  assert.equal(created.body.meta.ready, false);
  let got: any;
  for (let i = 0; i < 300; i++) {
    got = await (await fetch(`${base}/v2/resumes/${created.body.meta.identifier}`, { headers: auth() })).json();
    if (got.meta.ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(got.meta.ready, true);
  assert.equal(got.data.name.raw, 'Jordan A. Blake');
});

test('a PDF part with no filename at all and a guessed type is still the file (older clients send Buffers so)', async () => {
  const boundary = '----AzSDKFormBoundary' + crypto.randomUUID();
  const r = await rawUpload(boundary, [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: application/pdf\r\n\r\n`,
    EXAMPLE_PDF,
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="wait"\r\n\r\nTRUE\r\n--${boundary}--\r\n`,
  ]);
  assert.equal(r.status, 200);
  assert.equal(r.body.meta.fileName, null);
  assert.equal(r.body.data.name.raw, 'Elena M. Varga');
});

test('data-only uploads are stored as given and ready at once', async () => {
  const r = await upload({ data: JSON.stringify({ name: { raw: 'Ada Lovelace', first: 'Ada', last: 'Lovelace' }, emails: ['ada@example.com'] }), customIdentifier: 'crm-42' });
  assert.equal(r.status, 200);
  assert.equal(r.body.meta.ready, true);
  assert.equal(r.body.meta.customIdentifier, 'crm-42');
  assert.deepEqual(r.body.data.emails, ['ada@example.com']);
  assert.deepEqual(r.body.meta.pages, []);
  const listed: any = await (await fetch(`${base}/v2/resumes?custom_identifier=crm-42`, { headers: auth() })).json();
  assert.equal(listed.count, 1);
  assert.equal(listed.results[0].identifier, r.body.meta.identifier);
});

test('data sent as a JSON-typed part, as a file part, or as a JSON body', async () => {
  const ada = { name: { raw: 'Ada Lovelace' } };
  const typed = await upload({ data: new Blob([JSON.stringify(ada)], { type: 'application/json' }) });
  assert.equal(typed.status, 200);
  assert.equal(typed.body.data.name.raw, 'Ada Lovelace');
  const boundary = 'x-odd-boundary';
  const asFile = await rawUpload(boundary, [
    `--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="data.json"\r\nContent-Type: application/octet-stream\r\n\r\n${JSON.stringify(ada)}\r\n--${boundary}--\r\n`,
  ]);
  assert.equal(asFile.status, 200);
  assert.equal(asFile.body.data.name.raw, 'Ada Lovelace');
  const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ data: ada, wait: false }) });
  assert.equal(res.status, 201);
  assert.equal(((await res.json()) as any).meta.ready, true);
});

test('a chunked body with a curl-style boundary and an expiry time with a space', async () => {
  const boundary = '------------------------' + 'a1b2c3d4e5f6a7b8c9d0e1f2';
  const r = await rawUpload(boundary, [
    `--${boundary}\r\nContent-Disposition: form-data; name="expiryTime"\r\n\r\n2031-01-01 00:00:00+00:00\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="identifier"\r\n\r\nmy-own-id\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    resumeText('chunked'),
    `\r\n--${boundary}--\r\n`,
  ]);
  assert.equal(r.status, 200);
  assert.equal(r.body.meta.identifier, 'my-own-id');
  assert.equal(r.body.meta.fileName, 'cv.txt');
  assert.equal(new Date(r.body.meta.expiryTime).toISOString(), '2031-01-01T00:00:00.000Z');
  // The same identifier again: 400 unique.
  const again = await upload({ file: file('again'), identifier: 'my-own-id' });
  assert.equal(again.status, 400);
  assert.deepEqual(again.body, { type: 'validation_error', errors: [{ ...again.body.errors[0], attr: 'identifier', code: 'unique' }] });
});

test('validation errors name the field, in Affinda’s shape', async () => {
  const cases: [Record<string, string | Blob>, string | null, string][] = [
    [{ file: file('b'), wait: 'maybe' }, 'wait', 'invalid'],
    [{ file: file('b'), rejectDuplicates: '1' }, 'rejectDuplicates', 'invalid'],
    [{ file: file('b'), lowPriority: 'yes' }, 'lowPriority', 'invalid'],
    [{ file: file('c'), url: 'https://example.com/cv.pdf' }, 'non_field_errors', 'invalid'],
    [{ data: '{}', url: 'https://example.com/cv.pdf' }, 'non_field_errors', 'invalid'],
    [{}, 'non_field_errors', 'invalid'],
    [{ data: '[1, 2]' }, 'data', 'invalid'],
    [{ file: file('d'), regionBias: '{"country": 12}' }, 'regionBias', 'invalid'],
    [{ file: file('e'), regionBias: 'not json' }, 'regionBias', 'invalid'],
    [{ file: file('e'), regionBias: '{"squareCoordinates": [1, 2]}' }, 'regionBias', 'invalid'],
    [{ file: file('f'), expiryTime: 'next tuesday' }, 'expiryTime', 'invalid'],
    [{ file: file('g'), language: 'english please' }, 'language', 'invalid_choice'],
    [{ file: file('h'), identifier: 'x'.repeat(65) }, 'identifier', 'max_length'],
    [{ file: file('i'), identifier: '../etc' }, 'identifier', 'invalid'],
    [{ file: new Blob([]), fileName: 'empty.pdf' }, 'file', 'empty'],
  ];
  for (const [fields, attr, code] of cases) {
    const r = await upload(fields);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.equal(r.body.type, 'validation_error');
    assert.equal(r.body.errors[0].attr, attr, JSON.stringify(fields));
    assert.equal(r.body.errors[0].code, code, JSON.stringify(fields));
  }
  // A valid regionBias is echoed in meta.
  const biased = await upload({ file: file('j'), regionBias: '{"country": "AU", "countries": ["au", "nz"], "squareCoordinates": [1, 2, 3, 4], "strict": false}', wait: 'false' });
  assert.equal(biased.status, 201);
  assert.deepEqual(biased.body.meta.regionBias, { country: 'au', countries: ['au', 'nz'], squareCoordinates: [1, 2, 3, 4], strict: false });
});

test('oversize uploads are 413, unsupported bodies 415, wrong methods 405', async () => {
  const big = await upload({ file: new Blob([new Uint8Array(300_000).fill(65)]) });
  assert.equal(big.status, 413);
  assert.deepEqual(big.body.errors[0], { ...big.body.errors[0], attr: 'file', code: 'request_too_large' });
  assert.equal(big.body.type, 'client_error');
  const bigData = await upload({ data: JSON.stringify({ summary: 'x'.repeat(300_000) }) });
  assert.equal(bigData.status, 413);
  const xml = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/xml' }, body: '<cv/>' });
  assert.equal(xml.status, 415);
  assert.equal(((await xml.json()) as any).errors[0].code, 'unsupported_media_type');
  const put = await fetch(`${base}/v2/resumes/abc`, { method: 'PUT', headers: auth() });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(((await put.json()) as any).errors[0].code, 'method_not_allowed');
});

test('authentication: none, a wrong key, another scheme', async () => {
  for (const [headers, code] of [[{}, 'not_authenticated'], [auth('vitae_wrong'), 'authentication_failed'], [{ authorization: `Basic ${key}` }, 'authentication_failed']] as const) {
    const r = await fetch(`${base}/v2/resumes`, { headers });
    assert.equal(r.status, 401);
    const body: any = await r.json();
    assert.equal(body.type, 'client_error');
    assert.deepEqual(body.errors[0], { ...body.errors[0], attr: null, code });
  }
});

test('workspaces are isolated: another key gets 404 for every document verb', async () => {
  const mine = await upload({ file: file('isolated') });
  const id = mine.body.meta.identifier;
  for (const method of ['GET', 'PATCH', 'DELETE']) {
    const r = await fetch(`${base}/v2/resumes/${id}`, { method, headers: { ...auth(otherKey), 'content-type': 'application/json' }, body: method === 'PATCH' ? '{}' : undefined });
    assert.equal(r.status, 404, method);
    assert.equal(((await r.json()) as any).errors[0].code, 'not_found');
  }
  const list: any = await (await fetch(`${base}/v2/resumes`, { headers: auth(otherKey) })).json();
  assert.equal(list.count, 0);
});

test('get with format=hr-xml answers XML, json-resume a JSON Resume, others 400; trailing slashes; pagination links keep filters', async () => {
  const r = await upload({ file: file('hr'), customIdentifier: 'batch-7' });
  const newer = (await upload({ file: file('hr2'), customIdentifier: 'batch-7' })).body.meta.identifier;
  const id = r.body.meta.identifier;
  const hr = await fetch(`${base}/v2/resumes/${id}?format=hr-xml`, { headers: auth() });
  assert.equal(hr.status, 200);
  assert.equal(hr.headers.get('content-type'), 'application/xml; charset=utf-8');
  const xml = await hr.text();
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Candidate xmlns="http:\/\/ns\.hr-xml\.org\/2007-04-15">/);
  assert.ok(xml.includes(`<FormattedName>${r.body.data.name.raw}</FormattedName>`), xml.slice(0, 400));
  const jr: any = await (await fetch(`${base}/v2/resumes/${id}?format=json-resume`, { headers: auth() })).json();
  assert.equal(jr.basics.name, r.body.data.name.raw);
  assert.ok(Array.isArray(jr.work));
  const bad = await fetch(`${base}/v2/resumes/${id}?format=pdf`, { headers: auth() });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as any).errors[0].attr, 'format');
  const slash = await fetch(`${base}/v2/resumes/${id}/`, { headers: auth() });
  assert.equal(slash.status, 200);
  const page: any = await (await fetch(`${base}/v2/resumes/?custom_identifier=batch-7&limit=1&offset=1`, { headers: auth() })).json();
  assert.equal(page.count, 2);
  assert.equal(page.next, null);
  assert.equal(page.previous, `${base}/v2/resumes?limit=1&custom_identifier=batch-7`);
  const first: any = await (await fetch(`${base}/v2/resumes?custom_identifier=batch-7&limit=1`, { headers: auth() })).json();
  assert.equal(first.next, `${base}/v2/resumes?limit=1&offset=1&custom_identifier=batch-7`);
  assert.deepEqual([first.results[0].identifier, page.results[0].identifier], [newer, id], 'newest first');
  for (const [limit, code] of [['-1', 'min_value'], ['ten', 'invalid'], ['1.5', 'invalid']]) {
    const bad = await fetch(`${base}/v2/resumes?limit=${limit}`, { headers: auth() });
    assert.equal(bad.status, 400);
    const error = ((await bad.json()) as any).errors[0];
    assert.deepEqual([error.attr, error.code], ['limit', code]);
  }
  const clamped: any = await (await fetch(`${base}/v2/resumes?limit=5000`, { headers: auth() })).json();
  assert.equal(clamped.next, null);
  assert.ok(clamped.results.length > 2 && clamped.results.length <= 300);
});

test('patch merges top-level keys and answers the resulting ResumeData; delete is an empty 204', async () => {
  const r = await upload({ file: file('patch') });
  const id = r.body.meta.identifier;
  const patched = await fetch(`${base}/v2/resumes/${id}`, { method: 'PATCH', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ summary: 'New summary', skills: [] }) });
  assert.equal(patched.status, 200);
  const data: any = await patched.json();
  assert.equal(data.summary, 'New summary');
  assert.deepEqual(data.skills, []);
  assert.equal(data.name.raw, 'Jordan A. Blake');
  const notObject = await fetch(`${base}/v2/resumes/${id}`, { method: 'PATCH', headers: { ...auth(), 'content-type': 'application/json' }, body: '[1]' });
  assert.equal(notObject.status, 400);
  const malformed = await fetch(`${base}/v2/resumes/${id}`, { method: 'PATCH', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"summary": ' });
  assert.equal(((await malformed.json()) as any).errors[0].code, 'parse_error');
  const del = await fetch(`${base}/v2/resumes/${id}`, { method: 'DELETE', headers: auth() });
  assert.equal(del.status, 204);
  assert.equal(del.headers.get('content-type'), null);
  assert.equal(await del.text(), '');
  assert.equal((await fetch(`${base}/v2/resumes/${id}`, { headers: auth() })).status, 404);
});

test('operations: health, readiness, OpenAPI, docs page, request ids; the logs hold no key', async () => {
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
  assert.equal((await fetch(`${base}/readyz`)).status, 200);
  const spec: any = await (await fetch(`${base}/v2/openapi.json`)).json();
  assert.match(spec.openapi, /^3\./);
  assert.ok(spec.paths['/v2/resumes'].post.requestBody.content['multipart/form-data']);
  assert.ok(spec.paths['/v2/resumes/{identifier}'].patch);
  assert.ok(spec.components.schemas.Resume && spec.components.schemas.RequestError);
  const docs = await fetch(`${base}/docs`);
  const html = await docs.text();
  assert.match(html, /\/v2\/openapi\.json/);
  assert.doesNotMatch(html, /https?:\/\//, 'the docs page loads nothing from elsewhere');
  const withId = await fetch(`${base}/v2/resumes`, { headers: { ...auth(), 'x-request-id': 'trace-123' } });
  assert.equal(withId.headers.get('x-request-id'), 'trace-123');
  const odd = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'not a token\u00e9' } });
  assert.match(odd.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
  const text = logs.join('');
  assert.match(text, /"reqId":"trace-123"/);
  assert.ok(!text.includes(key) && !text.includes(otherKey), 'an API key reached the logs');
});
}
