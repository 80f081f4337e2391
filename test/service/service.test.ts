/** The document service end to end on both databases, with real parsing in worker threads. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDocumentService } from '../../src/service/index.ts';
import { ServiceError, type DocumentService, type NewDocument, type Workspace } from '../../src/service/contract.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { createKey, ensureWorkspace, revokeKey } from '../../src/service/store/keys.ts';
import { emptyResumeData, type Meta } from '../../src/affinda/types.ts';
import { BACKENDS, resumeText, sleep, STAND_IN_WORKER, testDatabase, type TestDatabase } from './helpers.ts';

const META_KEYS = [
  'identifier', 'customIdentifier', 'fileName', 'ready', 'readyDt', 'failed', 'expiryTime', 'language', 'pdf', 'parentDocument',
  'childDocuments', 'pages', 'isVerified', 'reviewUrl', 'ocrConfidence', 'createdDt', 'documentType', 'regionBias', 'isOcrd',
].sort();

function upload(workspace: Workspace, fields: Partial<NewDocument>): NewDocument {
  return { workspace, rejectDuplicates: false, lowPriority: false, ...fields };
}

async function rejects(promise: Promise<unknown>, code: ServiceError['code']): Promise<ServiceError> {
  const err = await promise.then(() => assert.fail(`expected ServiceError ${code}`), (e: unknown) => e);
  assert.ok(err instanceof ServiceError, String(err));
  assert.equal(err.code, code);
  return err;
}

for (const backend of BACKENDS) {
  describe(`document service (${backend})`, () => {
    let database: TestDatabase;
    let service: DocumentService;
    let workspace: Workspace;
    let other: Workspace;
    let key: string;
    let server: http.Server;
    let origin: string;

    before(async () => {
      database = await testDatabase(backend, { highPriorityPerMinute: 2, allowPrivateUrls: true });
      const { kysely } = await openDatabase(database.config.databaseUrl);
      key = await createKey(kysely, 'acme');
      other = await ensureWorkspace(kysely, 'other');
      await kysely.destroy();
      service = await createDocumentService(database.config, { sweepMs: 100 });
      workspace = (await service.authenticate(key))!;
      server = http.createServer((req, res) => res.end(resumeText(`served ${req.url}`)));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server?.close();
      await service?.close();
      await database?.cleanup();
    });

    test('keys authenticate to their workspace until revoked', async () => {
      assert.equal(workspace.name, 'acme');
      assert.equal(await service.authenticate('vitae_' + 'x'.repeat(32)), null);
      assert.equal(await service.ready(), true);
    });

    test('a file is accepted at once, parsed by a worker, and deleted for good', async () => {
      const created = await service.create(upload(workspace, { bytes: resumeText('one'), fileName: 'jordan.txt', customIdentifier: 'cand-1', lowPriority: true }));
      assert.deepEqual(Object.keys(created.meta).sort(), META_KEYS);
      assert.equal(created.meta.ready, false);
      assert.equal(created.data, null);
      assert.deepEqual(created.error, { errorCode: null, errorDetail: null });
      assert.match(created.meta.identifier, /^[a-z]{8}$/);
      const done = await service.waitUntilReady(workspace, created.meta.identifier, 20_000);
      assert.equal(done.meta.ready, true, JSON.stringify(done.error));
      assert.equal(done.meta.failed, false);
      assert.equal(done.data?.name?.first, 'Jordan');
      assert.deepEqual(done.data?.emails, ['jordan.blake@example.com']);
      assert.equal(done.meta.pages.length, 1);
      assert.equal(done.meta.documentType, 'resume');
      assert.equal(done.meta.customIdentifier, 'cand-1');
      assert.ok(done.meta.readyDt! >= done.meta.createdDt);
      await rejects(service.get(other, created.meta.identifier), 'not_found');
      await service.delete(workspace, created.meta.identifier);
      await rejects(service.get(workspace, created.meta.identifier), 'not_found');
      await rejects(service.delete(workspace, created.meta.identifier), 'not_found');
    });

    test('a url is downloaded and parsed; meta.language is the given one', async () => {
      const created = await service.create(upload(workspace, { url: `${origin}/cv/jordan.txt`, language: 'en', lowPriority: true }));
      const done = await service.waitUntilReady(workspace, created.meta.identifier, 20_000);
      assert.equal(done.meta.failed, false, JSON.stringify(done.error));
      assert.equal(done.meta.fileName, 'jordan.txt');
      assert.equal(done.meta.language, 'en');
      assert.match(done.data!.rawText, /served \/cv\/jordan\.txt/);
    });

    test('data is stored as given, ready at once; updates are partial and recompute read-only fields', async () => {
      const created = await service.create(upload(workspace, { data: { summary: 'Given', emails: ['a@example.com'] }, identifier: 'given-id' }));
      assert.equal(created.meta.ready, true);
      assert.deepEqual(created.data, { ...emptyResumeData(), summary: 'Given', emails: ['a@example.com'] });
      await rejects(service.create(upload(workspace, { data: {}, identifier: 'given-id' })), 'identifier_taken');
      await rejects(service.create(upload(workspace, { data: {}, identifier: '../escape' })), 'invalid');
      const work = [{ ...emptyWork(), jobTitle: 'Engineer', dates: { startDate: '2020-01-01', endDate: null, monthsInPosition: null, isCurrent: true, rawText: '' } }];
      const updated = await service.update(workspace, 'given-id', {
        emails: ['b@example.com'],
        workExperience: work,
        websites: ['https://www.linkedin.com/in/someone'],
        languages: ['French'],
        profession: 'ignored',
        sections: [{ sectionType: 'x', bbox: [], pageIndex: 0, text: 'ignored' }],
      });
      assert.equal(updated.summary, 'Given');
      assert.deepEqual(updated.emails, ['b@example.com']);
      assert.equal(updated.profession, 'Engineer');
      assert.equal(updated.linkedin, 'https://www.linkedin.com/in/someone');
      assert.deepEqual(updated.languageCodes, ['fr']);
      assert.deepEqual(updated.sections, []);
      assert.deepEqual((await service.get(workspace, 'given-id')).data, updated);
      await rejects(service.update(other, 'given-id', {}), 'not_found');
    });

    test('rejectDuplicates fails a byte-identical upload, naming the original', async () => {
      const bytes = resumeText('duplicate');
      const first = await service.create(upload(workspace, { bytes, lowPriority: true }));
      const again = await service.create(upload(workspace, { bytes, rejectDuplicates: true, lowPriority: true }));
      assert.equal(again.meta.ready, true);
      assert.equal(again.meta.failed, true);
      assert.equal(again.error.errorCode, 'duplicate_document');
      assert.match(again.error.errorDetail!, new RegExp(first.meta.identifier));
      const allowed = await service.create(upload(workspace, { bytes, lowPriority: true }));
      assert.equal(allowed.meta.failed, false);
      // In another workspace the same bytes are no duplicate.
      const elsewhere = await service.create(upload(other, { bytes, rejectDuplicates: true, lowPriority: true }));
      assert.equal(elsewhere.meta.failed, false);
    });

    test('lists newest first, paginated, filtered by customIdentifier, counting every match', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await service.create(upload(other, { data: {}, customIdentifier: i % 2 ? 'odd' : 'even' }))).meta.identifier);
        await sleep(2);
      }
      const page1 = await service.list(other, { offset: 0, limit: 2 });
      const page2 = await service.list(other, { offset: 2, limit: 10 });
      assert.equal(page1.count, 6); // five plus the duplicate-test document
      assert.deepEqual(page1.results.map((m) => m.identifier), [ids[4], ids[3]]);
      assert.deepEqual(page2.results.slice(0, 3).map((m) => m.identifier), [ids[2], ids[1], ids[0]]);
      const odd = await service.list(other, { offset: 0, limit: 10, customIdentifier: 'odd' });
      assert.equal(odd.count, 2);
      assert.deepEqual(odd.results.map((m: Meta) => m.identifier), [ids[3], ids[1]]);
      assert.deepEqual(Object.keys(odd.results[0]!).sort(), META_KEYS);
    });

    test('an expired document disappears', async () => {
      const created = await service.create(upload(workspace, { data: {}, expiryTime: new Date(Date.now() + 300) }));
      assert.equal((await service.get(workspace, created.meta.identifier)).meta.expiryTime, created.meta.expiryTime);
      await sleep(500);
      await rejects(service.get(workspace, created.meta.identifier), 'not_found');
    });

    test('over the high-priority budget: explicit lowPriority=false gets queue_full, others go low', async () => {
      const budgeted = await createBudgetWorkspace();
      for (let i = 0; i < 2; i++) await service.create(upload(budgeted, { bytes: resumeText(`budget ${i}`), lowPriorityExplicit: true }));
      const err = await rejects(service.create(upload(budgeted, { bytes: resumeText('budget 3'), lowPriorityExplicit: true })), 'queue_full');
      assert.ok(err.retryAfter! >= 1 && err.retryAfter! <= 60);
      const silent = await service.create(upload(budgeted, { bytes: resumeText('budget 4') }));
      assert.equal(silent.meta.ready, false);
    });

    async function createBudgetWorkspace(): Promise<Workspace> {
      const { kysely } = await openDatabase(database.config.databaseUrl);
      try {
        const budgetKey = await createKey(kysely, 'budget');
        const ws = await service.authenticate(budgetKey);
        assert.deepEqual(await revokeKey(kysely, budgetKey), { revoked: budgetKey.slice(0, 12) });
        assert.equal(await service.authenticate(budgetKey), null);
        return ws!;
      } finally {
        await kysely.destroy();
      }
    }
  });

  // The time limit includes starting a worker thread, and V8's last garbage collections before it gives up on the
  // out-of-memory parse: generous (2 s was reached by 'oom' on a loaded 2-core machine), so only 'hang' reaches it.
  describe(`document service failures (${backend})`, () => {
    let database: TestDatabase;
    let service: DocumentService;
    let workspace: Workspace;

    before(async () => {
      database = await testDatabase(backend, { workers: 2, parseTimeoutMs: 6000, workerMemoryMb: 16 });
      service = await createDocumentService(database.config, { workerUrl: STAND_IN_WORKER, maxAttempts: 2 });
      const { kysely } = await openDatabase(database.config.databaseUrl);
      workspace = await ensureWorkspace(kysely, 'default');
      await kysely.destroy();
    });
    after(async () => {
      await service?.close();
      await database?.cleanup();
    });

    test('a slow parse times out; a crashing or out-of-memory one fails after its attempts; the others complete', async () => {
      const make = (fileName: string) => service.create(upload(workspace, { bytes: resumeText(fileName), fileName }));
      const docs = await Promise.all(['hang.txt', 'exit.txt', 'oom.txt', 'fine.txt', 'url'].map((name) =>
        name === 'url' ? service.create(upload(workspace, { url: 'http://127.0.0.1:9/private' })) : make(name)));
      const done = await Promise.all(docs.map((d) => service.waitUntilReady(workspace, d.meta.identifier, 40_000)));
      assert.deepEqual(done.map((d) => [d.meta.fileName, d.error.errorCode]), [
        ['hang.txt', 'processing_timeout'],
        ['exit.txt', 'processing_failed'],
        ['oom.txt', 'processing_failed'],
        ['fine.txt', null],
        [null, 'url_download_failed'],
      ]);
      assert.match(done[1]!.error.errorDetail!, /2 times.*exit code 3/);
      assert.match(done[4]!.error.errorDetail!, /not a public address/);
      assert.equal(done[3]!.data!.summary, 'fine.txt');
    });

    test('waiting gives up at the timeout, with the document still pending', async () => {
      const pending = await service.create(upload(workspace, { bytes: resumeText('wait'), fileName: 'hang-wait.txt' }));
      const started = Date.now();
      const waited = await service.waitUntilReady(workspace, pending.meta.identifier, 100);
      assert.equal(waited.meta.ready, false);
      assert.ok(Date.now() - started < 1000);
    });
  });
}

function emptyWork() {
  return { id: 1, jobTitle: null, socCode: null, socName: null, organization: null, industry: null, location: null, jobDescription: null, dates: null, occupation: null };
}
