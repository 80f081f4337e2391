/**
 * The official Affinda clients (4.4.0, paths /v2/…; 2.3.1, relative paths under /v2), unchanged, driving indices,
 * search, details, match and suggestions against a real `vitae serve` on SQLite and PostgreSQL. The clients'
 * own setup follows the compatibility notes (§5), as test/service/api/compat.test.ts does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/service/api/app.ts';
import { createDocumentService } from '../../src/service/index.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { createKey } from '../../src/service/store/keys.ts';
import { BACKENDS, resumeText, testDatabase, until } from './helpers.ts';

const require = createRequire(import.meta.url);
const CLIENTS = ['affinda4', 'affinda2'] as const;

function client(pkg: (typeof CLIENTS)[number], base: string, key: string) {
  const { AffindaAPI, AffindaCredential } = require(pkg);
  const version: string = require(`${pkg}/package.json`).version;
  const api = new AffindaAPI(new AffindaCredential(key), {
    endpoint: /^[012]\./.test(version) ? `${base}/v2` : base,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });
  api.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  api.pipeline.addPolicy({ name: 'vitaeKey', sendRequest: (req: any, next: any) => (req.headers.set('Authorization', `Bearer ${key}`), next(req)) });
  return api;
}

for (const backend of BACKENDS) {
  test(`official clients: indices, search, details, match and suggestions on ${backend}`, async (t) => {
    const db = await testDatabase(backend, { waitTimeoutMs: 30_000 });
    const service = await createDocumentService(db.config);
    const app = buildApp(service, db.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    t.after(async () => {
      await app.close();
      await service.close();
      await db.cleanup();
    });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const keys = await openDatabase(db.config.databaseUrl);
    const key = await createKey(keys.kysely, 'acme');
    await keys.kysely.destroy();

    // Two parsed résumés: the helpers' Senior Software Engineer, and a nurse made from it.
    const upload = async (text: string): Promise<string> => {
      const form = new FormData();
      form.set('file', new Blob([text], { type: 'text/plain' }), 'cv.txt');
      const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
      const identifier: string = ((await res.json()) as any).meta.identifier;
      // On a busy machine the parse may outlast the server's wait: poll until it is ready.
      await until('the résumé to be parsed', async () => ((await (await fetch(`${base}/v2/resumes/${identifier}`, { headers: { authorization: `Bearer ${key}` } })).json()) as any).meta.ready, 120_000);
      return identifier;
    };
    const engineer = await upload(new TextDecoder().decode(resumeText('engineer')));
    const nurse = await upload(
      new TextDecoder()
        .decode(resumeText('nurse'))
        .replace('Senior Software Engineer', 'Registered Nurse')
        .replace('Go, PostgreSQL, TypeScript, Kubernetes', 'Patient Care, Wound Care')
        .replace('Built the shipment tracking services in Go and PostgreSQL.', 'Cared for patients on a surgical ward.'),
    );

    for (const pkg of CLIENTS) {
      await t.test(pkg, async () => {
        const api = client(pkg, base, key);
        const index = `talent-${pkg}`;
        // createIndex sends a multipart form (name, documentType).
        const created = await api.createIndex({ name: index, documentType: 'resumes' });
        assert.equal(created.name, index);
        assert.equal(created.documentType, 'resumes');
        const all = await api.getAllIndexes();
        assert.ok(all.results.some((i: any) => i.name === index));

        for (const document of [engineer, nurse]) assert.equal((await api.createIndexDocument(index, { document })).document, document);
        const documents = await api.getAllIndexDocuments(index);
        assert.equal(documents.count, 2);

        // The clients send limit=300 unasked: clamped to 50.
        const found = await api.createResumeSearch({ indices: [index], jobTitles: ['Software Engineer'], skills: [{ name: 'Go', required: true }] });
        assert.equal(found.count, 1);
        assert.equal(found.results[0].identifier, engineer);
        assert.equal(found.results[0].name, 'Jordan A. Blake');
        assert.equal(found.results[0].jobTitle.value, 'Senior Software Engineer');
        assert.equal(found.results[0].jobTitle.score, 0.9);
        assert.equal(found.results[0].skills.score, 1);
        assert.deepEqual(found.parameters.indices, [index]);

        const nurses = await api.createResumeSearch({ indices: [index], jobTitles: ['Nurse'], searchExpression: 'surgical' }, { limit: 5 });
        assert.deepEqual(nurses.results.map((r: any) => r.identifier), [nurse]);

        const detail = await api.getResumeSearchDetail(engineer, { indices: [index], skills: [{ name: 'Go' }, { name: 'Rust' }] });
        assert.deepEqual(detail.skills.missing, [{ name: 'Rust', required: false }]);

        // A job description cannot be matched: Vitae parses none, and says so. (4.4.0 rejects on the 400; 2.3.1
        // resolves with the error body, so the raw answer is read either way.)
        let raw: any;
        await api.getResumeSearchMatch(engineer, 'abcdefgh', { onResponse: (r: any) => (raw = r) }).catch((e: any) => (raw ??= e.response));
        assert.equal(raw.status, 400);
        const refused = JSON.parse(raw.bodyAsText);
        assert.equal(refused.errors[0].attr, 'job_description');
        assert.match(refused.errors[0].detail, /does not parse job descriptions/);

        // The suggestion endpoints came after 2.3.1; its users call them by hand (search.test.ts covers that).
        if (pkg === 'affinda2') assert.equal(api.getResumeSearchSuggestionJobTitle, undefined);
        else {
          const titles = await api.getResumeSearchSuggestionJobTitle(['Software Developer']);
          assert.ok(titles.length > 0 && titles.every((x: unknown) => typeof x === 'string'));
          const skills = await api.getResumeSearchSuggestionSkill(['js']);
          assert.equal(skills[0], 'JavaScript');
        }

        await api.deleteIndexDocument(index, nurse);
        assert.equal((await api.getAllIndexDocuments(index)).count, 1);
        await api.deleteIndex(index);
        let gone: any;
        await api.getAllIndexDocuments(index, { onResponse: (r: any) => (gone = r) }).catch((e: any) => (gone ??= e.response));
        assert.equal(gone.status, 404);
        assert.ok(!(await api.getAllIndexes()).results.some((i: any) => i.name === index));
      });
    }
  });
}
