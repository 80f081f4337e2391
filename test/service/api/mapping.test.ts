/**
 * How service outcomes become HTTP answers, with a stand-in `DocumentService` (no database): service
 * errors to Affinda's codes, crashes to a bare 500, a wait that outlasts its limit to 200 `ready: false`,
 * and the drain on close to 503 with `Connection: close`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resume } from '../../../src/affinda/types.ts';
import { buildApp } from '../../../src/service/api/app.ts';
import { loadConfig } from '../../../src/service/config.ts';
import { ServiceError, type DocumentService } from '../../../src/service/contract.ts';

const config = loadConfig({ dataDir: '/nonexistent', waitTimeoutMs: 50 }, {});
const pending = { data: null, meta: { identifier: 'abcdefgh', ready: false, failed: false }, error: { errorCode: null, errorDetail: null } } as unknown as Resume;

function stub(overrides: Partial<DocumentService>): DocumentService {
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return {
    create: unexpected, waitUntilReady: unexpected, get: unexpected, list: unexpected, update: unexpected, delete: unexpected, pageImage: unexpected,
    openReview: unexpected, setVerified: unexpected, provenance: unexpected, pdf: unexpected,
    authenticate: async (key) => (key === 'good' ? { id: 'w1', name: 'acme' } : null),
    ready: async () => true,
    releaseWaiters: () => {},
    close: async () => {},
    ...overrides,
  };
}

function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  const boundary = 'b0undary';
  const payload = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { payload, headers: { authorization: 'Bearer good', 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('service errors map to Affinda codes', async () => {
  const cases: [ServiceError, number, string, string | null][] = [
    [new ServiceError('not_found', 'Not found.'), 404, 'not_found', null],
    [new ServiceError('identifier_taken', 'taken', { attr: 'identifier' }), 400, 'unique', 'identifier'],
    [new ServiceError('invalid', 'bad url', { attr: 'url' }), 400, 'invalid', 'url'],
    [new ServiceError('too_large', 'big'), 413, 'request_too_large', 'file'],
    [new ServiceError('queue_full', 'busy', { retryAfter: 17 }), 429, 'throttled', null],
  ];
  for (const [err, status, code, attr] of cases) {
    const app = buildApp(stub({ create: async () => Promise.reject(err) }), config);
    const r = await app.inject({ method: 'POST', url: '/v2/resumes', ...form({ url: 'https://example.com/cv.pdf' }) });
    assert.equal(r.statusCode, status, code);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(r.json().errors, [{ attr, code, detail: err.message }]);
    if (status === 429) assert.equal(r.headers['retry-after'], '17');
    await app.close();
  }
});

test('a crash is a 500 without its message or stack', async () => {
  const app = buildApp(stub({ get: async () => Promise.reject(new Error('secret internals at /srv/db.ts:12')) }), config);
  const r = await app.inject({ url: '/v2/resumes/abcdefgh', headers: { authorization: 'Bearer good' } });
  assert.equal(r.statusCode, 500);
  assert.deepEqual(r.json(), { type: 'server_error', errors: [{ attr: null, code: 'error', detail: 'A server error occurred.' }] });
  await app.close();
});

test('wait=true that outlasts the limit answers 200 with ready: false; wait=false answers 201', async () => {
  let waited = -1;
  const app = buildApp(stub({ create: async () => pending, waitUntilReady: async (_w, _id, ms) => ((waited = ms), pending) }), config);
  const r = await app.inject({ method: 'POST', url: '/v2/resumes', ...form({ url: 'https://example.com/cv.pdf', wait: 'True' }) });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().meta.ready, false);
  assert.equal(waited, 50);
  const queued = await app.inject({ method: 'POST', url: '/v2/resumes', ...form({ url: 'https://example.com/cv.pdf', wait: 'false' }) });
  assert.equal(queued.statusCode, 201);
  await app.close();
});

test('the upload reaches the service typed: booleans, dates, lowPriority given or not', async () => {
  const seen: unknown[] = [];
  const app = buildApp(stub({ create: async (doc) => (seen.push(doc), pending), waitUntilReady: async () => pending }), config);
  await app.inject({ method: 'POST', url: '/v2/resumes', ...form({ url: 'https://example.com/a.pdf', lowPriority: 'FALSE', expiryTime: '2030-01-01 00:00:00+00:00', customIdentifier: 'c1', language: 'zh-CN' }) });
  await app.inject({ method: 'POST', url: '/v2/resumes', ...form({ url: 'https://example.com/b.pdf', customIdentifier: '' }) });
  const [a, b] = seen as Record<string, unknown>[];
  assert.deepEqual(
    { lowPriority: a!.lowPriority, explicit: a!.lowPriorityExplicit, expiry: (a!.expiryTime as Date).toISOString(), custom: a!.customIdentifier, language: a!.language },
    { lowPriority: false, explicit: true, expiry: '2030-01-01T00:00:00.000Z', custom: 'c1', language: 'zh-cn' },
  );
  assert.deepEqual({ explicit: b!.lowPriorityExplicit, custom: b!.customIdentifier, rejectDuplicates: b!.rejectDuplicates }, { explicit: false, custom: null, rejectDuplicates: false });
  await app.close();
});

test('close: a request in flight is answered with Connection: close, and close() does not wait for keep-alive', async () => {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const app = buildApp(stub({ create: async () => pending, waitUntilReady: async () => (await released, pending) }), config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { payload, headers } = form({ url: 'https://example.com/cv.pdf' });
  const answer = fetch(`http://127.0.0.1:${port}/v2/resumes`, { method: 'POST', headers, body: payload });
  await new Promise((r) => setTimeout(r, 100));
  const t0 = Date.now();
  const closed = app.close();
  await new Promise((r) => setTimeout(r, 100));
  release();
  const res = await answer;
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('connection'), 'close');
  await closed;
  assert.ok(Date.now() - t0 < 5000);
});

test('unknown paths are 404 without a key; health needs none', async () => {
  const app = buildApp(stub({}), config);
  assert.equal((await app.inject({ url: '/v2/nothing-here' })).statusCode, 404);
  assert.deepEqual((await app.inject({ url: '/healthz' })).json(), { status: 'ok' });
  const notReady = buildApp(stub({ ready: async () => false }), config);
  assert.equal((await notReady.inject({ url: '/readyz' })).statusCode, 503);
  await Promise.all([app.close(), notReady.close()]);
});
