/**
 * ZIP uploads through the real server (SQLite and PostgreSQL): the archive's document becomes ready with
 * `data: null` and `meta.childDocuments`, one child per résumé inside (junk, hidden, macOS and nested-ZIP
 * entries skipped), each parsed on its own with `meta.parentDocument`; hostile archives fail alone, quickly,
 * and create nothing; a job re-run after its worker died makes the children once.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService, openQueue } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey, ensureWorkspace } from '../../../src/service/store/keys.ts';
import { bombZip, encryptedZip, junkOnlyZip, lyingBombZip, manyEntriesZip, resumesZip, traversalZip, ZIP_NAMES } from '../../fixtures/zip-fixtures.ts';
import { BACKENDS, testDatabase, until, type Backend, type TestDatabase } from '../helpers.ts';

for (const backend of BACKENDS) {
  describe(`ZIP uploads on ${backend}`, () => suite(backend));
  test(`a ZIP job re-run after its worker died makes its children once (${backend})`, () => rerun(backend));
}

function suite(backend: Backend): void {
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let base = '';
  let key = '';

  before(async () => {
    db = await testDatabase(backend, { waitTimeoutMs: 60_000, parseTimeoutMs: 60_000 });
    service = await createDocumentService(db.config);
    app = buildApp(service, db.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const direct = await openDatabase(db.config.databaseUrl);
    key = await createKey(direct.kysely, 'acme');
    await direct.kysely.destroy();
  });
  after(async () => {
    await app?.close();
    await service?.close();
    await db?.cleanup();
  });

  async function call(method: string, path: string, body?: FormData): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${key}` }, body });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  }

  function upload(bytes: Uint8Array, fields: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'cvs.zip');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return call('POST', '/v2/resumes', form);
  }

  const count = async () => (await call('GET', '/v2/resumes')).body.count as number;

  test('each résumé inside becomes a child document, parsed on its own, with the parent’s settings', async () => {
    const expiry = new Date(Date.now() + 3_600_000).toISOString();
    const regionBias = { country: 'au' };
    const { status, body: parent } = await upload(await resumesZip(), {
      wait: 'true', language: 'en', expiryTime: expiry, regionBias: JSON.stringify(regionBias), lowPriority: 'true',
    });
    assert.equal(status, 200);
    assert.equal(parent.meta.ready, true);
    assert.equal(parent.meta.failed, false);
    assert.equal(parent.data, null);
    assert.deepEqual(parent.error, { errorCode: null, errorDetail: null });
    assert.equal(parent.meta.parentDocument, null);
    assert.equal(parent.meta.fileName, 'cvs.zip');
    const children: Array<{ identifier: string }> = parent.meta.childDocuments;
    assert.equal(children.length, 2, JSON.stringify(children));
    assert.deepEqual(Object.keys(children[0]!), ['identifier']);

    const parsed = [];
    for (const { identifier } of children) {
      parsed.push(
        await until(`child ${identifier} to be parsed`, async () => {
          const r = await call('GET', `/v2/resumes/${identifier}`);
          return r.body.meta?.ready ? r.body : null;
        }, 60_000),
      );
    }
    assert.deepEqual(parsed.map((c) => c.meta.fileName), ['cv1.pdf', 'docs/cv2.docx']);
    assert.deepEqual(parsed.map((c) => c.data?.name?.raw), [ZIP_NAMES.pdf, ZIP_NAMES.docx]);
    for (const child of parsed) {
      assert.equal(child.meta.failed, false, JSON.stringify(child.error));
      assert.deepEqual(child.meta.parentDocument, { identifier: parent.meta.identifier });
      assert.deepEqual(child.meta.childDocuments, []);
      assert.equal(child.meta.expiryTime, parent.meta.expiryTime);
      assert.equal(child.meta.language, 'en');
      assert.deepEqual(child.meta.regionBias, regionBias);
    }
    assert.equal(await count(), 3);
    assert.deepEqual((await call('GET', `/v2/resumes/${parent.meta.identifier}`)).body.meta.childDocuments, children);

    // Deleting the archive leaves its résumés, which still name it.
    assert.equal((await call('DELETE', `/v2/resumes/${parent.meta.identifier}`)).status, 204);
    assert.equal((await call('GET', `/v2/resumes/${parent.meta.identifier}`)).status, 404);
    const orphan = await call('GET', `/v2/resumes/${children[0]!.identifier}`);
    assert.equal(orphan.status, 200);
    assert.deepEqual(orphan.body.meta.parentDocument, { identifier: parent.meta.identifier });
    for (const { identifier } of children) assert.equal((await call('DELETE', `/v2/resumes/${identifier}`)).status, 204);
  });

  const hostile: Array<[string, () => Uint8Array | Promise<Uint8Array>, string, RegExp]> = [
    ['10 000 entries', () => manyEntriesZip(10_000), 'document_conversion_failed', /10000 entries; at most 100/],
    ['an entry declaring 50 MB', () => bombZip(50), 'document_conversion_failed', /declares 52428800 bytes/],
    ['an entry inflating past its declared size', () => lyingBombZip(50), 'document_conversion_failed', /inflates past its declared size/],
    ['an encrypted entry', encryptedZip, 'password_protected', /"cv\.pdf" is encrypted/],
    ['a path-traversal name', traversalZip, 'document_conversion_failed', /unsafe entry name "\.\.\/\.\.\/evil\.pdf"/],
    ['no résumé inside', junkOnlyZip, 'unsupported_file_type', /holds no résumé/],
  ];
  for (const [what, make, code, detail] of hostile) {
    test(`a ZIP with ${what} fails, quickly, and creates no child`, async () => {
      const before = await count();
      const archive = await make();
      const started = performance.now();
      const { status, body } = await upload(archive, { wait: 'true' });
      assert.equal(status, 200);
      assert.ok(performance.now() - started < 20_000, `took ${performance.now() - started} ms`);
      assert.equal(body.meta.ready, true);
      assert.equal(body.meta.failed, true);
      assert.equal(body.error.errorCode, code);
      assert.match(body.error.errorDetail, detail);
      assert.deepEqual(body.meta.childDocuments, []);
      assert.equal(await count(), before + 1);
    });
  }
}

/** A worker claimed the archive's job and died (its lease names a dead process); the next runner unpacks it once. */
async function rerun(backend: Backend): Promise<void> {
  const db = await testDatabase(backend, { workers: 0 });
  try {
    const direct = await openDatabase(db.config.databaseUrl);
    const workspace = await ensureWorkspace(direct.kysely, 'default');
    const apiOnly = await createDocumentService(db.config);
    const { meta } = await apiOnly.create({ workspace, bytes: await resumesZip(), fileName: 'cvs.zip', rejectDuplicates: false, lowPriority: false });
    await apiOnly.close();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const queue = await openQueue(direct, db.config, { maxAttempts: 3, logger: { warn() {}, error() {} } });
    const claimed = await queue.claim(`${hostname()}/${deadPid}/dead`, 600_000);
    await queue.close();
    assert.equal(claimed?.documentId, meta.identifier);

    const service = await createDocumentService({ ...db.config, workers: 1 });
    try {
      const parent = await service.waitUntilReady(workspace, meta.identifier, 30_000);
      assert.equal(parent.meta.failed, false, JSON.stringify(parent.error));
      assert.equal(parent.meta.childDocuments.length, 2);
      const rows = await direct.kysely.selectFrom('documents').select('identifier').where('parent_document', '=', meta.identifier).execute();
      assert.deepEqual(rows.map((r) => r.identifier).sort(), parent.meta.childDocuments.map((c) => c.identifier).sort());
      assert.equal((await service.list(workspace, { offset: 0, limit: 10 })).count, 3);
      for (const { identifier } of parent.meta.childDocuments) {
        const child = await service.waitUntilReady(workspace, identifier, 60_000);
        assert.equal(child.meta.failed, false, JSON.stringify(child.error));
      }
    } finally {
      await service.close();
      await direct.kysely.destroy();
    }
  } finally {
    await db.cleanup();
  }
}
