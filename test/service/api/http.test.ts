/**
 * What the official client cannot send, by hand against a real server: data-only uploads, Python's
 * True/False, files with no name, chunked bodies with odd boundaries, and every error path.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { resumeText, testDatabase, type TestDatabase } from '../helpers.ts';

let db: TestDatabase;
let service: DocumentService;
let app: FastifyInstance;
let base = '';
let key = '';
let otherKey = '';

before(async () => {
  db = await testDatabase('sqlite', { maxUploadBytes: 200_000, waitTimeoutMs: 30_000 });
  service = await createDocumentService(db.config);
  app = await buildApp(service, db.config);
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

test('a chunked body with a curl-style boundary and an expiry time with a space', async () => {
  const boundary = '------------------------' + 'a1b2c3d4e5f6a7b8c9d0e1f2';
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="expiryTime"\r\n\r\n2031-01-01 00:00:00+00:00\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="identifier"\r\n\r\nmy-own-id\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    Buffer.from(resumeText('chunked')),
    `\r\n--${boundary}--\r\n`,
  ];
  const { port } = new URL(base);
  const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/v2/resumes', method: 'POST', headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
  assert.equal(body.status, 200);
  const json = JSON.parse(body.text);
  assert.equal(json.meta.identifier, 'my-own-id');
  assert.equal(json.meta.fileName, 'cv.txt');
  assert.equal(new Date(json.meta.expiryTime).toISOString(), '2031-01-01T00:00:00.000Z');
  // The same identifier again: 400 unique.
  const again = await upload({ file: file('again'), identifier: 'my-own-id' });
  assert.equal(again.status, 400);
  assert.deepEqual(again.body.errors[0], { ...again.body.errors[0], attr: 'identifier', code: 'unique' });
});

test('validation errors name the field, in Affinda’s shape', async () => {
  const cases: [Record<string, string | Blob>, string | null, string][] = [
    [{ file: file('b'), wait: 'maybe' }, 'wait', 'invalid'],
    [{ file: file('c'), url: 'https://example.com/cv.pdf' }, 'non_field_errors', 'invalid'],
    [{}, 'non_field_errors', 'invalid'],
    [{ file: file('d'), regionBias: '{"country": 12}' }, 'regionBias', 'invalid'],
    [{ file: file('e'), regionBias: 'not json' }, 'regionBias', 'invalid'],
    [{ file: file('f'), expiryTime: 'next tuesday' }, 'expiryTime', 'invalid'],
    [{ file: file('g'), language: 'english please' }, 'language', 'invalid_choice'],
  ];
  for (const [fields, attr, code] of cases) {
    const r = await upload(fields);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.equal(r.body.type, 'validation_error');
    assert.equal(r.body.errors[0].attr, attr);
    assert.equal(r.body.errors[0].code, code);
  }
});

test('oversize uploads are 413, unsupported bodies 415, wrong methods 405', async () => {
  const big = await upload({ file: new Blob([new Uint8Array(300_000).fill(65)]) });
  assert.equal(big.status, 413);
  assert.equal(big.body.type, 'client_error');
  const xml = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/xml' }, body: '<cv/>' });
  assert.equal(xml.status, 415);
  assert.equal(((await xml.json()) as any).errors[0].code, 'unsupported_media_type');
  const put = await fetch(`${base}/v2/resumes/abc`, { method: 'PUT', headers: auth() });
  assert.equal(put.status, 405);
  assert.equal(((await put.json()) as any).errors[0].code, 'method_not_allowed');
});

test('workspaces are isolated: another key gets 404 for every document verb', async () => {
  const mine = await upload({ file: file('isolated') });
  const id = mine.body.meta.identifier;
  for (const method of ['GET', 'PATCH', 'DELETE']) {
    const r = await fetch(`${base}/v2/resumes/${id}`, { method, headers: { ...auth(otherKey), 'content-type': 'application/json' }, body: method === 'PATCH' ? '{}' : undefined });
    assert.equal(r.status, 404, method);
  }
  const list: any = await (await fetch(`${base}/v2/resumes`, { headers: auth(otherKey) })).json();
  assert.equal(list.count, 0);
});

test('get with format=hr-xml is refused cleanly; trailing slashes; pagination links keep filters', async () => {
  const r = await upload({ file: file('hr'), customIdentifier: 'batch-7' });
  await upload({ file: file('hr2'), customIdentifier: 'batch-7' });
  const id = r.body.meta.identifier;
  const hr = await fetch(`${base}/v2/resumes/${id}?format=hr-xml`, { headers: auth() });
  assert.equal(hr.status, 400);
  assert.equal(((await hr.json()) as any).errors[0].attr, 'format');
  const slash = await fetch(`${base}/v2/resumes/${id}/`, { headers: auth() });
  assert.equal(slash.status, 200);
  const page: any = await (await fetch(`${base}/v2/resumes/?custom_identifier=batch-7&limit=1&offset=1`, { headers: auth() })).json();
  assert.equal(page.count, 2);
  assert.equal(page.next, null);
  assert.equal(page.previous, `${base}/v2/resumes?limit=1&custom_identifier=batch-7`);
  const bad = await fetch(`${base}/v2/resumes?limit=-1`, { headers: auth() });
  assert.equal(bad.status, 400);
  const clamped: any = await (await fetch(`${base}/v2/resumes?limit=5000`, { headers: auth() })).json();
  assert.ok(clamped.results.length <= 300);
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
  const del = await fetch(`${base}/v2/resumes/${id}`, { method: 'DELETE', headers: auth() });
  assert.equal(del.status, 204);
  assert.equal(await del.text(), '');
});

test('operations: health, readiness, OpenAPI, docs page and request ids', async () => {
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
  assert.equal((await fetch(`${base}/readyz`)).status, 200);
  const spec: any = await (await fetch(`${base}/v2/openapi.json`)).json();
  assert.ok(spec.paths['/v2/resumes'].post);
  assert.ok(spec.paths['/v2/resumes/{identifier}'].patch);
  const docs = await fetch(`${base}/docs`);
  assert.match(await docs.text(), /\/v2\/openapi\.json/);
  const withId = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
  assert.equal(withId.headers.get('x-request-id'), 'trace-123');
  const missing = await fetch(`${base}/v2/resumes`);
  assert.equal(missing.status, 401);
  assert.equal(((await missing.json()) as any).errors[0].code, 'not_authenticated');
});
