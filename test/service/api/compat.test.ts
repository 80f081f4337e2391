/**
 * The official Affinda client, unchanged, against a real `vitae serve` (real HTTP server, real service,
 * SQLite and PostgreSQL): versions 4.4.0 (paths /v2/…) and 2.3.1 (relative paths under /v2). The
 * client's own defects (notes §4) are worked around here, never in the server.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { BACKENDS, resumeText, testDatabase, until, type TestDatabase } from '../helpers.ts';

const require = createRequire(import.meta.url);
const CLIENTS = ['affinda4', 'affinda2'] as const;
const EXAMPLE = new URL('../../../examples/resume.pdf', import.meta.url);

interface Running {
  db: TestDatabase;
  service: DocumentService;
  app: FastifyInstance;
  base: string;
  key: string;
}

async function start(backend: (typeof BACKENDS)[number]): Promise<Running> {
  const db = await testDatabase(backend, { allowPrivateUrls: true, waitTimeoutMs: 30_000 });
  const service = await createDocumentService(db.config);
  const app = buildApp(service, db.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const keysDb = await openDatabase(db.config.databaseUrl);
  const key = await createKey(keysDb.kysely, 'compat');
  await keysDb.kysely.destroy();
  return { db, service, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, key };
}

/** The official client pointed at Vitae, as the compatibility notes (§5) prescribe. */
function client(pkg: (typeof CLIENTS)[number], base: string, key: string) {
  const { AffindaAPI, AffindaCredential } = require(pkg);
  const version: string = require(`${pkg}/package.json`).version;
  const api = new AffindaAPI(new AffindaCredential(key), {
    endpoint: /^[012]\./.test(version) ? `${base}/v2` : base,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });
  // The bearer policy refuses http://; send the key ourselves.
  api.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  api.pipeline.addPolicy({ name: 'vitaeKey', sendRequest: (req: any, next: any) => (req.headers.set('Authorization', `Bearer ${key}`), next(req)) });
  return api;
}

/** getResume's body as sent: the 2.5–4.4 clients empty JSON arrays while deserialising (notes §4). */
async function getRaw(api: any, id: string): Promise<{ status: number; body: any }> {
  let raw: any;
  try {
    await api.getResume(id, { onResponse: (r: any) => (raw = r) });
  } catch (e: any) {
    if (!e.response) throw e;
    raw = e.response;
  }
  return { status: raw.status, body: raw.bodyAsText ? JSON.parse(raw.bodyAsText) : null };
}

// A static server the URL uploads fetch from.
let files: Server;
let filesBase = '';
before(async () => {
  files = createServer((req, res) => {
    if (req.url === '/cv.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end(resumeText('served by url'));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  filesBase = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => files.close(() => r())));

for (const backend of BACKENDS) {
  for (const pkg of CLIENTS) {
    test(`official client ${pkg} against vitae serve on ${backend}`, async (t) => {
      const run = await start(backend);
      t.after(async () => {
        await run.app.close();
        await run.service.close();
        await run.db.cleanup();
      });
      const api = client(pkg, run.base, run.key);

      // Upload a file and wait: 200 with the parsed résumé.
      const created = await api.createResume({ file: createReadStream(EXAMPLE), fileName: 'resume.pdf' });
      const id: string = created.meta.identifier;
      assert.match(id, /^[a-z]{8}$/);
      assert.equal(created.meta.ready, true);
      assert.equal(created.meta.fileName, 'resume.pdf');
      assert.equal(created.data.name.raw, 'Elena M. Varga');

      // By URL without waiting: 201 at once, then poll until ready.
      const queued = await api.createResume({ url: `${filesBase}/cv.txt`, wait: 'false' });
      const queuedId: string = queued.meta.identifier;
      const polled = await until('the URL upload to be parsed', async () => {
        const r = await getRaw(api, queuedId);
        return r.body?.meta?.ready ? r : null;
      }, 30_000);
      assert.equal(polled.status, 200);
      assert.equal(polled.body.meta.failed, false);
      assert.equal(polled.body.data.name.raw, 'Jordan A. Blake');
      assert.deepEqual(polled.body.data.emails, ['jordan.blake@example.com']);

      // Get one: every key of the Resume there, arrays included (read raw, see getRaw).
      const got = await getRaw(api, id);
      assert.equal(got.status, 200);
      assert.deepEqual(Object.keys(got.body).sort(), ['data', 'error', 'meta']);
      assert.ok(got.body.data.workExperience.length >= 2);

      // List, all and paged.
      const all = await api.getAllResumes();
      assert.equal(all.count, 2);
      assert.equal(all.results.length, 2);
      const page = await api.getAllResumes({ offset: 0, limit: 1 });
      assert.equal(page.results.length, 1);
      assert.equal(page.next, `${run.base}/v2/resumes?limit=1&offset=1`);
      assert.equal(page.previous, null);

      // Update: the resulting ResumeData comes back.
      const updated = await api.updateResumeData(id, { summary: 'Edited through the official client.' });
      assert.equal(updated.summary, 'Edited through the official client.');
      assert.equal((await getRaw(api, id)).body.data.summary, 'Edited through the official client.');

      // Delete: 204, then gone.
      await api.deleteResume(id);
      await assert.rejects(api.deleteResume(id), (e: any) => e.statusCode === 404);
      const gone = await getRaw(api, id);
      assert.equal(gone.status, 404);
      assert.equal(gone.body.errors[0].code, 'not_found');

      // A wrong key: 401 in Affinda's error shape.
      // (2.3.1 maps 401 to a resolved RequestError body, 4.4.0 throws: read the response either way.)
      const stranger = client(pkg, run.base, 'vitae_not-a-key');
      let denied: any;
      await stranger.getAllResumes({ onResponse: (r: any) => (denied = r) }).catch(() => {});
      assert.equal(denied.status, 401);
      assert.equal(JSON.parse(denied.bodyAsText).errors[0].code, 'authentication_failed');
    });
  }
}
