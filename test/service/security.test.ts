/**
 * Security (issue 8), through the real HTTP server on SQLite and PostgreSQL: workspace isolation on every route
 * the app registers, SSRF refusal for URL uploads, 413 for oversize uploads, the per-key rate limit, admission
 * control (429 + Retry-After when the high-priority queue is full), hashed keys, no secrets in the logs, and
 * the security headers of the web pages and the API. Only loopback is ever contacted: every refused address is
 * refused before a connection is tried.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/service/api/app.ts';
import { redactUrl, registeredRoutes } from '../../src/service/api/security.ts';
import { createDocumentService } from '../../src/service/index.ts';
import { ConfigError, loadConfig } from '../../src/service/config.ts';
import type { DocumentService, ServiceConfig } from '../../src/service/contract.ts';
import { downloadUrl, UrlDownloadError, type DownloadOptions } from '../../src/service/fetch-url.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { createKey } from '../../src/service/store/keys.ts';
import { BACKENDS, resumeText, testDatabase, type Backend, type TestDatabase } from './helpers.ts';

/** A résumé whose name appears nowhere else, so an answer holding it has leaked workspace A's data. */
const A_NAME = 'Morgan Q. Ashdown';
const aResume = (): Uint8Array => new TextEncoder().encode(new TextDecoder().decode(resumeText('acme')).replace('Jordan A. Blake', A_NAME));
const MISSING = 'nosuchdoc';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** A loopback server that counts the requests it gets: a refused URL must never reach it. */
async function countingServer(): Promise<{ port: number; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/cv.txt') return res.end(resumeText('downloaded'));
    const target = /^\/redirect\?to=(.*)$/.exec(req.url ?? '')?.[1];
    if (target) return res.writeHead(302, { location: decodeURIComponent(target) }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// ---------------------------------------------------------------------------------------------------------------
// SSRF at the download level: what cannot be set up through the API without the internet (a public server that
// redirects, a DNS server that lies), with the checks' own code and a loopback server standing in for the world.

describe('URL downloads refuse private addresses however they are reached', () => {
  let world: Awaited<ReturnType<typeof countingServer>>;
  before(async () => {
    world = await countingServer();
  });
  after(() => world.close());

  const refuses = async (url: string, options: DownloadOptions): Promise<void> => {
    await assert.rejects(downloadUrl(url, options), (err: unknown) => err instanceof UrlDownloadError && /is not a public address/.test(err.message), url);
  };
  // 127.0.0.1 stands for "the internet" here, and only it: every other private address is refused as in production.
  const publicIsLoopback: DownloadOptions = { maxBytes: 1 << 20, timeoutMs: 3000, allowPrivate: false, isAllowed: (a) => a === '127.0.0.1' };

  test('a redirect from an allowed server to a private address is refused at the hop', async () => {
    const origin = `http://127.0.0.1:${world.port}`;
    // The control: a redirect to an allowed address is followed.
    const ok = await downloadUrl(`${origin}/redirect?to=${encodeURIComponent('/cv.txt')}`, publicIsLoopback);
    assert.match(ok.bytes.toString(), /Jordan A\. Blake/);
    for (const target of [
      'http://10.0.0.1/cv.txt',
      'http://169.254.169.254/latest/meta-data/',
      'http://192.168.1.1/',
      `http://[::1]:${world.port}/cv.txt`,
      `http://127.0.0.2:${world.port}/cv.txt`,
      `http://2130706434:${world.port}/cv.txt`,
      `http://[::ffff:10.0.0.1]/`,
    ]) {
      world.hits.length = 0;
      await refuses(`${origin}/redirect?to=${encodeURIComponent(target)}`, publicIsLoopback);
      assert.deepEqual(world.hits, [`/redirect?to=${encodeURIComponent(target)}`], `only the first hop was fetched for ${target}`);
    }
  });

  test('a host name whose DNS answer is private is refused, even when only one of its answers is', async () => {
    for (const answers of [[{ address: '10.1.2.3', family: 4 }], [{ address: '127.0.0.1', family: 4 }], [{ address: 'fd00::5', family: 6 }], [{ address: '8.8.8.8', family: 4 }, { address: '192.168.0.7', family: 4 }]]) {
      let asked = 0;
      await refuses('http://cv.example.com/cv.pdf', { maxBytes: 1024, timeoutMs: 1000, allowPrivate: false, resolve: async () => (asked++, answers) });
      assert.equal(asked, 1);
    }
  });

  test('the connection goes to the address that was checked: no second DNS lookup can swap it (rebinding)', async () => {
    // The name is under .invalid, which no resolver answers: the download can only succeed if the connection
    // uses the checked address instead of resolving the name again. The second answer, were it asked, is private.
    const answers = [[{ address: '127.0.0.1', family: 4 }], [{ address: '10.9.9.9', family: 4 }]];
    let asked = 0;
    const download = await downloadUrl(`http://vitae-rebind.invalid:${world.port}/cv.txt`, { ...publicIsLoopback, resolve: async () => answers[asked++]! });
    assert.match(download.bytes.toString(), /Jordan A\. Blake/);
    assert.equal(asked, 1);
  });
});

test('VITAE_RATE_LIMIT_PER_MINUTE and VITAE_MAX_QUEUED: off by default, whole numbers from the environment, flags win', () => {
  const base = { dataDir: '/tmp/vitae-config-test' };
  assert.deepEqual([loadConfig(base, {}).rateLimitPerMinute, loadConfig(base, {}).maxQueued], [0, 0]);
  const set = loadConfig(base, { VITAE_RATE_LIMIT_PER_MINUTE: '120', VITAE_MAX_QUEUED: '16' });
  assert.deepEqual([set.rateLimitPerMinute, set.maxQueued], [120, 16]);
  assert.equal(loadConfig({ ...base, maxQueued: 3 }, { VITAE_MAX_QUEUED: '16' }).maxQueued, 3);
  for (const [name, value] of [['VITAE_RATE_LIMIT_PER_MINUTE', '-1'], ['VITAE_RATE_LIMIT_PER_MINUTE', 'ten'], ['VITAE_MAX_QUEUED', '1.5']]) {
    assert.throws(() => loadConfig(base, { [name!]: value }), (err: unknown) => err instanceof ConfigError && err.message.includes(name!), `${name}=${value}`);
  }
});

test('logged URLs lose signed-link tokens but keep the identifier', () => {
  assert.equal(redactUrl('/v2/resumes/abc/pages/0.png?expires=123&token=SECRET'), '/v2/resumes/abc/pages/0.png?expires=[redacted]&token=[redacted]');
  assert.equal(redactUrl('/review/abc.1700000000.SECRET/data'), '/review/abc.[redacted]/data');
  assert.equal(redactUrl('/v2/resumes?limit=5&offset=10'), '/v2/resumes?limit=5&offset=10');
});

// ---------------------------------------------------------------------------------------------------------------

for (const backend of BACKENDS) describe(`security through the HTTP API on ${backend}`, () => suite(backend));

function suite(backend: Backend): void {
  const SECRET = randomBytes(32).toString('base64url');
  const logs: string[] = [];
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let base = '';
  let keyA = '';
  let keyB = '';
  /** Workspace A's document (the one B must not reach) and B's own, whose signed links B legitimately holds. */
  let docA: any;
  let docB: any;
  let world: Awaited<ReturnType<typeof countingServer>>;
  /** Redacted résumés of A and B, when the app serves /v2/redacted_resumes. */
  const redacted: { a?: any; b?: any } = {};
  const A_INDEX = 'acme-idx';
  const B_INDEX = 'globex-idx';

  async function call(method: string, url: string, opts: { key?: string; json?: unknown; form?: FormData; headers?: Record<string, string>; at?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let body: string | FormData | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) body = opts.form;
    const res = await fetch(`${opts.at ?? base}${url}`, { method, headers, body, redirect: 'manual' });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async function upload(key: string, fields: Record<string, string | Blob>, at?: string, route = '/v2/resumes'): Promise<Answer & { body: any }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const answer = await call('POST', route, { key, form, at });
    return { ...answer, body: JSON.parse(answer.text) };
  }

  before(async () => {
    db = await testDatabase(backend, { maxUploadBytes: 200_000, waitTimeoutMs: 30_000, secret: SECRET });
    const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
    service = await createDocumentService(db.config, {
      logger: { warn: (obj, msg) => logs.push(`${msg} ${JSON.stringify(obj)}\n`), error: (obj, msg) => logs.push(`${msg} ${JSON.stringify(obj)}\n`) },
    });
    // The most talkative level: whatever Fastify or a plugin would ever log is in `logs`.
    app = buildApp(service, db.config, { logger: { level: 'trace', stream: sink } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const keys = await openDatabase(db.config.databaseUrl);
    keyA = await createKey(keys.kysely, 'acme');
    keyB = await createKey(keys.kysely, 'globex');
    await keys.kysely.destroy();
    const a = await upload(keyA, { file: new Blob([aResume()]), fileName: 'a.txt', customIdentifier: 'acme-crm-1' });
    const b = await upload(keyB, { file: new Blob([resumeText('globex')]), fileName: 'b.txt' });
    assert.equal(a.status, 200, a.text);
    assert.equal(b.status, 200, b.text);
    docA = a.body;
    docB = b.body;
    assert.equal(docA.data.name.raw, A_NAME);
    assert.match(docA.meta.pages[0].image, /token=/, 'the text page has a signed image link');
    assert.match(docB.meta.reviewUrl, /\/review\//);
    // Search indices, one each, holding the workspace's document.
    for (const [key, name, doc] of [[keyA, A_INDEX, docA], [keyB, B_INDEX, docB]] as const) {
      assert.equal((await call('POST', '/v2/index', { key, json: { name } })).status, 201);
      assert.equal((await call('POST', `/v2/index/${name}/documents`, { key, json: { document: doc.meta.identifier } })).status, 201);
    }
    if (registeredRoutes(app).some((r) => r.url === '/v2/redacted_resumes')) {
      for (const [key, side, bytes] of [[keyA, 'a', aResume()], [keyB, 'b', resumeText('globex-r')]] as const) {
        const r = await upload(key, { file: new Blob([bytes]), fileName: `${side}.txt` }, undefined, '/v2/redacted_resumes');
        if (r.status === 200 && r.body.data?.redactedPdf) redacted[side] = r.body;
      }
    }
    world = await countingServer();
  });
  after(async () => {
    await world.close();
    await app.close();
    await service.close();
    await db.cleanup();
  });

  // B's own signed links: the page image's query and the review segment, for splicing A's identifier in.
  const bImageQuery = (): string => new URL(docB.meta.pages[0].image).search;
  const bSegmentFor = (identifier: string): string => {
    const segment = new URL(docB.meta.reviewUrl).pathname.split('/')[2]!;
    return `${identifier}${segment.slice(segment.indexOf('.'))}`;
  };

  /**
   * B's request about A's document must answer exactly as the same request about a document that does not exist
   * (status and body), so it reveals neither data nor existence; `status` is that answer's status.
   */
  async function sameAsMissing(method: string, urlFor: (identifier: string) => string, status: number | null, opts: Parameters<typeof call>[2] | ((id: string) => Parameters<typeof call>[2]) = {}, aId: string = docA.meta.identifier): Promise<void> {
    const optsFor = typeof opts === 'function' ? opts : () => opts;
    const onA = await call(method, urlFor(aId), optsFor(aId));
    const onMissing = await call(method, urlFor(MISSING), optsFor(MISSING));
    const what = `${method} ${urlFor('{A}')} ${JSON.stringify(optsFor('{A}')?.json ?? '')}`;
    // null: whatever error a missing one gets (a 400 naming the field, for ids given in a body or query).
    if (status === null) assert.ok(onA.status >= 400 && onA.status < 500, `${what}: ${onA.status} ${onA.text}`);
    else assert.equal(onA.status, status, `${what}: ${onA.text}`);
    assert.equal(onMissing.status, onA.status, what);
    assert.equal(onA.text.replaceAll(aId, 'ID'), onMissing.text.replaceAll(MISSING, 'ID'), `${what} answers unlike a missing one`);
    assert.ok(!onA.text.includes(A_NAME), 'A\'s data leaked');
    if (status !== 404 && method !== 'HEAD' && onA.headers.get('content-type')?.startsWith('application/json')) {
      // JSON errors keep Affinda's shape.
      const body = JSON.parse(onA.text);
      assert.equal(typeof body.type, 'string');
      assert.ok(Array.isArray(body.errors));
    }
    if (status === 404 && method !== 'HEAD') assert.deepEqual(JSON.parse(onA.text), { type: 'client_error', errors: [{ attr: null, code: 'not_found', detail: 'Not found.' }] });
  }

  /** A route that is about no document: it answers B, and nothing of A is in the answer. */
  async function holdsNothingOfA(method: string, url: string, status: number, key?: string): Promise<void> {
    const r = await call(method, url, { key });
    assert.equal(r.status, status, `${method} ${url}`);
    assert.ok(!r.text.includes(docA.meta.identifier) && !r.text.includes(A_NAME), `${method} ${url} holds A's document`);
  }

  /** A PDF upload in each workspace (their `meta.pdf` is the original), made on first use. */
  let pdfPair: Promise<{ a: any; b: any }> | null = null;
  const pdfDocs = () =>
    (pdfPair ??= (async () => {
      const pdf = readFileSync(new URL('../../examples/resume.pdf', import.meta.url));
      const [a, b] = await Promise.all([keyA, keyB].map((key, i) => upload(key, { file: new Blob([pdf, `\n%${i}`]), fileName: 'cv.pdf' })));
      for (const r of [a!, b!]) assert.equal(r.status, 200, r.text);
      assert.match(a!.body.meta.pdf ?? '', /document\.pdf\?/, 'a PDF upload has a meta.pdf link');
      return { a: a!.body, b: b!.body };
    })());
  const byId = (id: string) => `/v2/resumes/${id}`;
  const indexOf = (suffix: string) => (name: string) => `/v2/index/${name}${suffix}`;
  const redactedById = (id: string) => `/v2/redacted_resumes/${id}`;
  // B's signed PDF link with another identifier spliced in.
  const redactedPdfOf = (id: string) => `/v2/redacted_resumes/${id}/redacted.pdf${new URL(redactedB().data.redactedPdf).search}`;
  const redactedA = () => redacted.a ?? assert.fail('no redacted résumé of A (POST /v2/redacted_resumes failed in before)');
  const redactedB = () => redacted.b ?? assert.fail('no redacted résumé of B');
  const imageOf = (id: string) => `/v2/resumes/${id}/pages/0.png${bImageQuery()}`;
  const reviewOf = (suffix: string) => (id: string) => `/review/${bSegmentFor(id)}${suffix}`;

  /**
   * One case per route the app registers, `METHOD url` as Fastify names it. A route without a case fails the
   * test below by name: add its case here, showing what B's key (or B's signed link) gets for A's document.
   */
  const CASES: Record<string, () => Promise<void>> = {
    'GET /v2/resumes': async () => {
      const list = JSON.parse((await call('GET', '/v2/resumes', { key: keyB })).text);
      assert.ok(list.results.length >= 1);
      assert.ok(list.results.every((m: any) => m.identifier !== docA.meta.identifier));
      // A's custom identifier finds nothing of A's for B (B may have used the same one: see POST).
      const filtered = JSON.parse((await call('GET', '/v2/resumes?custom_identifier=acme-crm-1', { key: keyB })).text);
      assert.ok(filtered.results.every((m: any) => m.identifier !== docA.meta.identifier));
      assert.ok(!JSON.stringify(filtered).includes(A_NAME));
    },
    'HEAD /v2/resumes': () => holdsNothingOfA('HEAD', '/v2/resumes', 200, keyB),
    'POST /v2/resumes': async () => {
      // Identifiers are unique across the deployment, so B asking for A's identifier is refused as taken (the
      // one thing it learns is that the string is in use: README "Security"); it never gets or replaces A's document.
      const taken = await upload(keyB, { file: new Blob([resumeText('globex-2')]), identifier: docA.meta.identifier });
      assert.equal(taken.status, 400);
      assert.equal(taken.body.errors[0].code, 'unique');
      assert.ok(!taken.text.includes(A_NAME));
      // B's uploads carrying A's custom identifier stay B's.
      const mine = await upload(keyB, { data: JSON.stringify({ summary: 'B' }), customIdentifier: 'acme-crm-1' });
      assert.equal(mine.status, 200);
      const listA = JSON.parse((await call('GET', '/v2/resumes?custom_identifier=acme-crm-1', { key: keyA })).text);
      assert.deepEqual(listA.results.map((m: any) => m.identifier), [docA.meta.identifier]);
    },
    'PUT /v2/resumes': () => holdsNothingOfA('PUT', '/v2/resumes', 405, keyB),
    'PATCH /v2/resumes': () => holdsNothingOfA('PATCH', '/v2/resumes', 405, keyB),
    'DELETE /v2/resumes': () => holdsNothingOfA('DELETE', '/v2/resumes', 405, keyB),
    'GET /v2/resumes/:identifier': async () => {
      for (const format of ['', '?format=json', '?format=hr-xml', '?format=json-resume']) await sameAsMissing('GET', (id) => `${byId(id)}${format}`, 404, { key: keyB });
    },
    'HEAD /v2/resumes/:identifier': () => sameAsMissing('HEAD', byId, 404, { key: keyB }),
    'PATCH /v2/resumes/:identifier': () => sameAsMissing('PATCH', byId, 404, { key: keyB, json: { summary: 'written by B' } }),
    'DELETE /v2/resumes/:identifier': () => sameAsMissing('DELETE', byId, 404, { key: keyB }),
    'PUT /v2/resumes/:identifier': () => sameAsMissing('PUT', byId, 405, { key: keyB, json: { summary: 'written by B' } }),
    'POST /v2/resumes/:identifier': () => sameAsMissing('POST', byId, 405, { key: keyB, json: { summary: 'written by B' } }),
    // Signed routes take no key: B's valid link with A's identifier spliced in is a bad link, answered 403 as for
    // a document that does not exist (README: 403 for any link that is not valid), with or without B's key.
    'GET /v2/resumes/:identifier/pages/:page.png': async () => {
      await sameAsMissing('GET', imageOf, 403);
      await sameAsMissing('GET', imageOf, 403, { key: keyB });
    },
    'HEAD /v2/resumes/:identifier/pages/:page.png': () => sameAsMissing('HEAD', imageOf, 403, { key: keyB }),
    // meta.pdf: a PDF upload's original, by signed link. A and B each upload one; B's link with A's identifier
    // spliced in is a bad link, as for a document that does not exist, while A's own link opens it.
    'GET /v2/resumes/:identifier/document.pdf': async () => {
      const { a, b } = await pdfDocs();
      const own = await fetch(a.meta.pdf);
      assert.equal(own.status, 200, 'A\'s own link opens A\'s PDF');
      assert.equal(own.headers.get('content-type'), 'application/pdf');
      const spliced = (id: string) => `/v2/resumes/${id}/document.pdf${new URL(b.meta.pdf).search}`;
      await sameAsMissing('GET', spliced, 403, {}, a.meta.identifier);
      await sameAsMissing('GET', spliced, 403, { key: keyB }, a.meta.identifier);
    },
    'HEAD /v2/resumes/:identifier/document.pdf': async () => {
      const { a, b } = await pdfDocs();
      await sameAsMissing('HEAD', (id) => `/v2/resumes/${id}/document.pdf${new URL(b.meta.pdf).search}`, 403, {}, a.meta.identifier);
    },
    'GET /review/:segment': async () => {
      await sameAsMissing('GET', reviewOf(''), 403);
      await sameAsMissing('GET', reviewOf(''), 403, { key: keyB });
    },
    'HEAD /review/:segment': () => sameAsMissing('HEAD', reviewOf(''), 403),
    'GET /review/:segment/data': () => sameAsMissing('GET', reviewOf('/data'), 403, { key: keyB }),
    'HEAD /review/:segment/data': () => sameAsMissing('HEAD', reviewOf('/data'), 403),
    'PUT /review/:segment/data': () => sameAsMissing('PUT', reviewOf('/data'), 403, { json: { summary: 'written by B' } }),
    'POST /review/:segment/verify': () => sameAsMissing('POST', reviewOf('/verify'), 403, { json: {} }),
    // Routes about no document.
    'GET /review-assets/:file': () => holdsNothingOfA('GET', '/review-assets/review.js', 200),
    'HEAD /review-assets/:file': () => holdsNothingOfA('HEAD', '/review-assets/review.js', 200),
    'GET /v2/occupation_groups': () => holdsNothingOfA('GET', '/v2/occupation_groups', 200, keyB),
    'HEAD /v2/occupation_groups': () => holdsNothingOfA('HEAD', '/v2/occupation_groups', 200, keyB),
    'GET /healthz': () => holdsNothingOfA('GET', '/healthz', 200),
    'HEAD /healthz': () => holdsNothingOfA('HEAD', '/healthz', 200),
    'GET /readyz': () => holdsNothingOfA('GET', '/readyz', 200),
    'HEAD /readyz': () => holdsNothingOfA('HEAD', '/readyz', 200),
    'GET /v2/openapi.json': () => holdsNothingOfA('GET', '/v2/openapi.json', 200),
    'HEAD /v2/openapi.json': () => holdsNothingOfA('HEAD', '/v2/openapi.json', 200),
    'GET /docs': () => holdsNothingOfA('GET', '/docs', 200),
    'HEAD /docs': () => holdsNothingOfA('HEAD', '/docs', 200),

    // Search indices: names are per workspace, so A's index name is just a missing one for B.
    'GET /v2/index': async () => {
      const all = JSON.parse((await call('GET', '/v2/index', { key: keyB })).text);
      assert.deepEqual(all.results.map((i: any) => i.name), [B_INDEX]);
      assert.equal(JSON.parse((await call('GET', `/v2/index?name=${A_INDEX}`, { key: keyB })).text).count, 0);
    },
    'HEAD /v2/index': () => holdsNothingOfA('HEAD', '/v2/index', 200, keyB),
    'POST /v2/index': async () => {
      // B may have an index of the same name: A's is not "taken" for B (that would tell B it exists).
      const mine = await call('POST', '/v2/index', { key: keyB, json: { name: A_INDEX } });
      assert.equal(mine.status, 201, mine.text);
      assert.equal((await call('DELETE', `/v2/index/${A_INDEX}`, { key: keyB })).status, 204);
    },
    'PATCH /v2/index/:name': () => sameAsMissing('PATCH', indexOf(''), 404, { key: keyB, json: { name: 'taken-by-b' } }, A_INDEX),
    'DELETE /v2/index/:name': () => sameAsMissing('DELETE', indexOf(''), 404, { key: keyB }, A_INDEX),
    'GET /v2/index/:name/documents': () => sameAsMissing('GET', indexOf('/documents'), 404, { key: keyB }, A_INDEX),
    'HEAD /v2/index/:name/documents': () => sameAsMissing('HEAD', indexOf('/documents'), 404, { key: keyB }, A_INDEX),
    'POST /v2/index/:name/documents': async () => {
      // B's document into A's index; A's document into B's index.
      await sameAsMissing('POST', indexOf('/documents'), 404, { key: keyB, json: { document: docB.meta.identifier } }, A_INDEX);
      await sameAsMissing('POST', () => `/v2/index/${B_INDEX}/documents`, null, (id) => ({ key: keyB, json: { document: id } }));
    },
    'DELETE /v2/index/:name/documents/:identifier': async () => {
      await sameAsMissing('DELETE', indexOf(`/documents/${docA.meta.identifier}`), 404, { key: keyB }, A_INDEX);
      await sameAsMissing('DELETE', (id) => `/v2/index/${B_INDEX}/documents/${id}`, 404, { key: keyB });
    },
    'POST /v2/resume_search': async () => {
      await sameAsMissing('POST', () => '/v2/resume_search', null, (id) => ({ key: keyB, json: { indices: [id], jobTitles: ['Software Engineer'] } }), A_INDEX);
      // B's own index holds nothing of A, whatever B searches for.
      const found = await call('POST', '/v2/resume_search', { key: keyB, json: { indices: [B_INDEX], searchExpression: 'Ashdown' } });
      assert.equal(found.status, 201, found.text);
      assert.ok(!found.text.includes(docA.meta.identifier) && !found.text.includes(A_NAME));
    },
    'POST /v2/resume_search/details/:identifier': () =>
      sameAsMissing('POST', (id) => `/v2/resume_search/details/${id}`, null, { key: keyB, json: { indices: [B_INDEX], jobTitles: ['Software Engineer'] } }),
    'GET /v2/resume_search/match': async () => {
      await sameAsMissing('GET', (id) => `/v2/resume_search/match?resume=${id}&job_titles=Software%20Engineer`, null, { key: keyB });
      await sameAsMissing('GET', (id) => `/v2/resume_search/match?resume=${docB.meta.identifier}&index=${id}&job_titles=Software%20Engineer`, null, { key: keyB }, A_INDEX);
    },
    'HEAD /v2/resume_search/match': () => sameAsMissing('HEAD', (id) => `/v2/resume_search/match?resume=${id}&job_titles=Software%20Engineer`, null, { key: keyB }),
    'GET /v2/resume_search/suggestion_job_title': () => holdsNothingOfA('GET', '/v2/resume_search/suggestion_job_title?job_titles=Software%20Engineer', 200, keyB),
    'HEAD /v2/resume_search/suggestion_job_title': () => holdsNothingOfA('HEAD', '/v2/resume_search/suggestion_job_title?job_titles=Software%20Engineer', 200, keyB),
    'GET /v2/resume_search/suggestion_skill': () => holdsNothingOfA('GET', '/v2/resume_search/suggestion_skill?skills=Go', 200, keyB),
    'HEAD /v2/resume_search/suggestion_skill': () => holdsNothingOfA('HEAD', '/v2/resume_search/suggestion_skill?skills=Go', 200, keyB),

    // Redacted résumés: their own documents, with a signed link to the PDF.
    'GET /v2/redacted_resumes': async () => {
      const list = JSON.parse((await call('GET', '/v2/redacted_resumes', { key: keyB })).text);
      assert.ok(list.results.every((m: any) => m.identifier !== redactedA().meta.identifier));
    },
    'HEAD /v2/redacted_resumes': () => holdsNothingOfA('HEAD', '/v2/redacted_resumes', 200, keyB),
    'POST /v2/redacted_resumes': async () => {
      const taken = await upload(keyB, { file: new Blob([resumeText('globex-3')]), identifier: redactedA().meta.identifier }, undefined, '/v2/redacted_resumes');
      assert.equal(taken.status, 400, taken.text);
      assert.ok(!taken.text.includes(A_NAME));
    },
    'PUT /v2/redacted_resumes': () => holdsNothingOfA('PUT', '/v2/redacted_resumes', 405, keyB),
    'PATCH /v2/redacted_resumes': () => holdsNothingOfA('PATCH', '/v2/redacted_resumes', 405, keyB),
    'DELETE /v2/redacted_resumes': () => holdsNothingOfA('DELETE', '/v2/redacted_resumes', 405, keyB),
    'GET /v2/redacted_resumes/:identifier': () => sameAsMissing('GET', redactedById, 404, { key: keyB }, redactedA().meta.identifier),
    'HEAD /v2/redacted_resumes/:identifier': () => sameAsMissing('HEAD', redactedById, 404, { key: keyB }, redactedA().meta.identifier),
    'DELETE /v2/redacted_resumes/:identifier': () => sameAsMissing('DELETE', redactedById, 404, { key: keyB }, redactedA().meta.identifier),
    'PUT /v2/redacted_resumes/:identifier': () => sameAsMissing('PUT', redactedById, 405, { key: keyB }, redactedA().meta.identifier),
    'POST /v2/redacted_resumes/:identifier': () => sameAsMissing('POST', redactedById, 405, { key: keyB }, redactedA().meta.identifier),
    'PATCH /v2/redacted_resumes/:identifier': () => sameAsMissing('PATCH', redactedById, 405, { key: keyB, json: {} }, redactedA().meta.identifier),
    'GET /v2/redacted_resumes/:identifier/redacted.pdf': () => sameAsMissing('GET', redactedPdfOf, 403, { key: keyB }, redactedA().meta.identifier),
    'HEAD /v2/redacted_resumes/:identifier/redacted.pdf': () => sameAsMissing('HEAD', redactedPdfOf, 403, {}, redactedA().meta.identifier),
  };

  test('workspace isolation: B\'s key or B\'s signed links on A\'s document, for every route the app registers', async (t: TestContext) => {
    const routes = registeredRoutes(app).map((r) => `${r.method} ${r.url}`);
    const uncovered = routes.filter((r) => !(r in CASES));
    const stale = Object.keys(CASES).filter((c) => !routes.includes(c));
    assert.deepEqual(uncovered, [], `routes with no isolation case — add one to CASES in test/service/security.test.ts:\n  ${uncovered.join('\n  ')}`);
    // Cases written for routes not (or no longer) registered are reported, not failed: routes land from other
    // branches, and a case ahead of its route does no harm.
    if (stale.length) t.diagnostic(`isolation cases for routes the app does not register: ${stale.join(', ')}`);
    for (const route of routes) await t.test(route, CASES[route]!);

    // After all of B's attempts, A's document is whole: same data, not verified, its links still work.
    const after = JSON.parse((await call('GET', byId(docA.meta.identifier), { key: keyA })).text);
    assert.equal(after.data.name.raw, A_NAME);
    assert.equal(after.data.summary, docA.data.summary);
    assert.equal(after.meta.isVerified, false);
    const image = await fetch(after.meta.pages[0].image);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal((await fetch(`${after.meta.reviewUrl}/data`)).status, 200);
  });

  test('URL uploads to loopback, private, link-local and mapped addresses, in any spelling, fail with url_download_failed', async () => {
    const port = world.port;
    const urls = [
      `http://127.0.0.1:${port}/cv.txt`,
      `http://localhost:${port}/cv.txt`, // a name whose DNS answer is loopback
      `http://2130706433:${port}/cv.txt`, // 127.0.0.1 in decimal
      `http://0177.0.0.1:${port}/cv.txt`, // octal
      `http://0x7f.0.0.1:${port}/cv.txt`, // hex
      `http://0x7f000001:${port}/cv.txt`,
      `http://127.1:${port}/cv.txt`,
      `http://0.0.0.0:${port}/cv.txt`,
      `http://[::1]:${port}/cv.txt`,
      `http://[::ffff:127.0.0.1]:${port}/cv.txt`, // IPv4-mapped IPv6
      `http://[::ffff:7f00:1]:${port}/cv.txt`,
      'http://10.0.0.1/cv.txt',
      'http://172.16.0.1/cv.txt',
      'http://172.31.255.254/cv.txt',
      'http://192.168.0.1/cv.txt',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/cv.txt',
      'http://[fc00::1]/cv.txt',
      'http://[fd12:3456::1]/cv.txt',
      'http://[fe80::1]/cv.txt',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    ];
    const answers = await Promise.all(urls.map((url) => upload(keyB, { url })));
    for (const [i, r] of answers.entries()) {
      assert.equal(r.status, 200, urls[i]);
      assert.equal(r.body.meta.failed, true, urls[i]);
      assert.equal(r.body.data, null);
      assert.equal(r.body.error.errorCode, 'url_download_failed', urls[i]);
      assert.match(r.body.error.errorDetail, /not a public address/, urls[i]);
    }
    assert.deepEqual(world.hits, [], 'a refused URL reached the server');
    // Not a URL the server may fetch at all: refused at upload with Affinda's 400 shape.
    const file = await upload(keyB, { url: 'file:///etc/passwd' });
    assert.equal(file.status, 400);
    assert.equal(file.body.type, 'validation_error');
    assert.equal(file.body.errors[0].attr, 'url');
  });

  test('oversize uploads are 413 in Affinda\'s shape: multipart file and data, JSON data, URL-encoded data', async () => {
    const max = db.config.maxUploadBytes;
    const cases: Array<[string, () => Promise<Answer>, string]> = [
      ['multipart file', () => upload(keyB, { file: new Blob([new Uint8Array(max + 1).fill(65)]) }), 'file'],
      ['multipart data', () => upload(keyB, { data: JSON.stringify({ summary: 'x'.repeat(max) }) }), 'data'],
      ['JSON data', () => call('POST', '/v2/resumes', { key: keyB, json: { data: { summary: 'x'.repeat(max) } } }), 'data'],
      ['URL-encoded data', () => rawUrlEncoded(max), 'data'],
      ['JSON body over the body limit', () => call('POST', '/v2/resumes', { key: keyB, json: { data: { summary: 'x'.repeat(Math.max(max, 1 << 20)) } } }), ''],
    ];
    for (const [what, send, attr] of cases) {
      const r = await send();
      assert.equal(r.status, 413, `${what}: ${r.text.slice(0, 200)}`);
      const body = JSON.parse(r.text);
      assert.equal(body.type, 'client_error', what);
      assert.equal(body.errors[0].code, 'request_too_large', what);
      if (attr) assert.equal(body.errors[0].attr, attr, what);
    }
    // A file of exactly the limit is taken, and the server is still up.
    // (Zero bytes: no format, so it fails at once instead of holding the one parse worker.)
    const atLimit = await upload(keyB, { file: new Blob([new Uint8Array(max)]), wait: 'false' });
    assert.equal(atLimit.status, 201);
    assert.equal((await call('GET', '/healthz')).status, 200);
  });

  test('a multipart body cut short is a 400 in Affinda\'s shape, and the server stays up', async () => {
    const boundary = '----vitae' + randomBytes(8).toString('hex');
    const { port } = new URL(base);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/v2/resumes', method: 'POST', headers: { authorization: `Bearer ${keyB}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      // A file part that never ends: no closing boundary.
      req.end(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\n\r\nJordan Blake`);
    });
    assert.equal(answer.status, 400, answer.body);
    const body = JSON.parse(answer.body);
    assert.equal(body.type, 'validation_error');
    assert.ok(Array.isArray(body.errors) && body.errors.length === 1);
    assert.equal((await call('GET', '/healthz')).status, 200);
  });

  async function rawUrlEncoded(max: number): Promise<Answer> {
    const res = await fetch(`${base}/v2/resumes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyB}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ data: JSON.stringify({ summary: 'x'.repeat(max) }) }).toString(),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  test('the rate limit counts per API key and answers 429 with Retry-After in Affinda\'s shape', async () => {
    const limited = buildApp(service, { ...db.config, rateLimitPerMinute: 3 } satisfies ServiceConfig);
    await limited.listen({ port: 0, host: '127.0.0.1' });
    const at = `http://127.0.0.1:${(limited.server.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 3; i++) assert.equal((await call('GET', '/v2/resumes', { key: keyA, at })).status, 200);
      // The budget is the key's across routes: the fourth request, on another route, is over it.
      const over = await call('GET', '/v2/occupation_groups', { key: keyA, at });
      assert.equal(over.status, 429);
      const retryAfter = Number(over.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${over.headers.get('retry-after')}`);
      const body = JSON.parse(over.text);
      assert.equal(body.type, 'client_error');
      assert.equal(body.errors[0].code, 'throttled');
      assert.match(body.errors[0].detail, new RegExp(`${retryAfter} seconds`));
      // Another key has its own budget; a wrong key is refused (401), not counted; signed links need no key.
      assert.equal((await call('GET', '/v2/resumes', { key: keyB, at })).status, 200);
      assert.equal((await call('GET', '/v2/resumes', { key: 'vitae_' + 'x'.repeat(32), at })).status, 401);
      assert.equal((await fetch(docA.meta.pages[0].image.replace(base, at))).status, 200);
      assert.equal((await call('GET', '/v2/resumes', { key: keyA, at })).status, 429);
      // The server that has no limit configured never throttles.
      for (let i = 0; i < 5; i++) assert.equal((await call('GET', '/v2/resumes', { key: keyA })).status, 200);
    } finally {
      await limited.close();
    }
  });

  test('admission control: past maxQueued high-priority documents, uploads get 429 + Retry-After; low priority is still taken', async () => {
    // An API-only service (no workers), so what is queued stays queued.
    const queueDb = await testDatabase(backend, { workers: 0, maxQueued: 2 });
    const apiOnly = await createDocumentService(queueDb.config);
    const front = buildApp(apiOnly, queueDb.config);
    await front.listen({ port: 0, host: '127.0.0.1' });
    const at = `http://127.0.0.1:${(front.server.address() as AddressInfo).port}`;
    try {
      const keys = await openDatabase(queueDb.config.databaseUrl);
      const key = await createKey(keys.kysely, 'busy');
      await keys.kysely.destroy();
      const send = (tag: string, extra: Record<string, string> = {}) => upload(key, { file: new Blob([resumeText(tag)]), wait: 'false', ...extra }, at);
      assert.equal((await send('1')).status, 201);
      const second = await send('2');
      assert.equal(second.status, 201);
      for (const extra of [{}, { lowPriority: 'false' }, { wait: 'true' }] as Array<Record<string, string>>) {
        const refused = await send('3', extra);
        assert.equal(refused.status, 429, JSON.stringify(extra));
        assert.equal(refused.headers.get('retry-after'), '5');
        assert.equal(refused.body.type, 'client_error');
        assert.equal(refused.body.errors[0].code, 'throttled');
      }
      // Affinda's rule: lowPriority=true is never refused for queue reasons; data-only uploads are not queued.
      assert.equal((await send('low', { lowPriority: 'true' })).status, 201);
      assert.equal((await upload(key, { data: JSON.stringify({ summary: 'as given' }) }, at)).status, 200);
      // Refused uploads left nothing behind: 2 queued + 1 low-priority + 1 data document.
      assert.equal(JSON.parse((await call('GET', '/v2/resumes', { key, at })).text).count, 4);
      // Room again once one leaves the queue (here: deleted).
      assert.equal((await call('DELETE', byId(second.body.meta.identifier), { key, at })).status, 204);
      assert.equal((await send('4')).status, 201);
    } finally {
      await front.close();
      await apiOnly.close();
      await queueDb.cleanup();
    }
  });

  test('the database holds no API key in plain text, only its SHA-256', async () => {
    const hashes = [keyA, keyB].map((k) => createHash('sha256').update(k).digest('hex'));
    let stored = '';
    if (backend === 'sqlite') {
      // Every byte the server keeps: the SQLite file, its WAL and shared memory, the stored documents.
      for (const file of await filesUnder(db.config.dataDir)) stored += (await readFile(file)).toString('latin1');
    } else {
      const client = new pg.Client({ connectionString: db.config.databaseUrl });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        assert.ok(tables.rows.some((t) => t.table_name === 'api_keys'));
        for (const { table_name } of tables.rows) {
          const rows = await client.query(`SELECT t::text AS row FROM "${table_name}" t`);
          stored += rows.rows.map((r) => r.row).join('\n');
        }
      } finally {
        await client.end();
      }
      for (const file of await filesUnder(db.config.dataDir)) stored += (await readFile(file)).toString('latin1');
    }
    for (const [i, key] of [keyA, keyB].entries()) {
      assert.ok(!stored.includes(key), 'a key is stored in plain text');
      // Nor its random part alone (the display prefix keeps only `vitae_` and six characters).
      assert.ok(!stored.includes(key.slice(6)), 'a key\'s secret part is stored');
      assert.ok(stored.includes(hashes[i]!), 'the scan did not see the key hashes: it looked in the wrong place');
    }
  });

  test('no API key, secret or signed token reaches the logs, even at trace level', async () => {
    logs.length = 0;
    const doc = JSON.parse((await call('GET', byId(docB.meta.identifier), { key: keyB })).text);
    await call('GET', '/v2/resumes?limit=5', { key: keyB, headers: { cookie: `session=${keyA}`, 'x-api-key': keyA } });
    await upload(keyB, { file: new Blob([resumeText('logged')]), fileName: 'logged.txt' });
    await call('PATCH', byId(docB.meta.identifier), { key: keyB, json: { summary: 'patched' } });
    await call('GET', '/v2/resumes', { key: `${keyA}x` }); // a wrong key, almost A's
    await call('GET', '/v2/resumes', { headers: { authorization: `Basic ${keyA}` } });
    const image = await fetch(doc.meta.pages[0].image);
    assert.equal(image.status, 200);
    assert.equal((await fetch(doc.meta.reviewUrl)).status, 200);
    assert.equal((await fetch(`${doc.meta.reviewUrl}/data`)).status, 200);
    assert.equal((await fetch(`${doc.meta.reviewUrl}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 200);
    await fetch(doc.meta.pages[0].image.replace(/token=[^&]+/, 'token=tampered'));
    await app.ready();
    const text = logs.join('');
    const imageToken = new URL(doc.meta.pages[0].image).searchParams.get('token')!;
    const reviewToken = new URL(doc.meta.reviewUrl).pathname.split('.').pop()!;
    // The logs were written (a request line per request, the signed ones included, redacted).
    assert.match(text, new RegExp(`/v2/resumes/${docB.meta.identifier}/pages/0\\.png\\?expires=\\[redacted\\]&token=\\[redacted\\]`));
    assert.match(text, new RegExp(`/review/${docB.meta.identifier}\\.\\[redacted\\]/data`));
    for (const [what, secret] of [['key A', keyA], ['key B', keyB], ['key A\'s random part', keyA.slice(6)], ['VITAE_SECRET', SECRET], ['page image token', imageToken], ['review token', reviewToken]] as const) {
      assert.ok(secret.length >= 20);
      const line = text.split('\n').find((l) => l.includes(secret));
      assert.equal(line, undefined, `${what} is in the logs: ${line?.replaceAll(secret, `<${what}>`)}`);
    }
  });

  test('security headers: the review page, the docs page, page images and API answers', async () => {
    const review = await fetch(docA.meta.reviewUrl);
    const csp = review.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(await review.text(), /<script>|<script(?![^>]*\bsrc=)[^>]*>|\son\w+=/i, 'the review page has no inline script or handler');
    for (const res of [review, await fetch(`${docA.meta.reviewUrl}/data`), await fetch(`${docA.meta.reviewUrl.replace(/\.[^.]+$/, '.tampered')}/data`)]) {
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', 'a signed URL must not leak in Referer');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }

    // The docs page runs exactly its own inline script and style, allowed by hash.
    const docs = await fetch(`${base}/docs`);
    const docsCsp = docs.headers.get('content-security-policy')!;
    const html = await docs.text();
    assert.doesNotMatch(docsCsp, /unsafe-inline/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    for (const block of [script, style]) assert.ok(docsCsp.includes(`'sha256-${createHash('sha256').update(block).digest('base64')}'`), 'an inline block is not allowed by hash');
    assert.match(docsCsp, /frame-ancestors 'none'/);

    // Page images: the link is a credential, so only the browser's private cache may keep the image.
    const image = await fetch(docA.meta.pages[0].image);
    assert.match(image.headers.get('cache-control')!, /^private, max-age=\d+$/);
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(image.headers.get('referrer-policy'), 'no-referrer');

    // API answers (and their errors) carry personal data and signed links: not stored, framed or sniffed.
    for (const res of [await fetch(`${base}${byId(docA.meta.identifier)}`, { headers: { authorization: `Bearer ${keyA}` } }), await fetch(`${base}/v2/resumes`), await fetch(`${base}/nowhere`)]) {
      assert.equal(res.headers.get('cache-control'), 'no-store', res.url);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('content-security-policy')!, /default-src 'none'.*frame-ancestors 'none'/);
    }
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}
