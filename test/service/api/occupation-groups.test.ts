/**
 * `GET /v2/occupation_groups` through the real HTTP server: the classification tree in Affinda's shape,
 * behind the same API-key check as the document routes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { testDatabase, type TestDatabase } from '../helpers.ts';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/affinda-v2-derived-schemas.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validateGroups = ajv.compile({ $defs: schema.$defs, type: 'array', items: { $ref: '#/$defs/OccupationGroup' } });

let db: TestDatabase;
let service: DocumentService;
let app: FastifyInstance;
let base = '';
let key = '';

before(async () => {
  db = await testDatabase('sqlite', { workers: 0 });
  service = await createDocumentService(db.config);
  app = buildApp(service, db.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const keys = await openDatabase(db.config.databaseUrl);
  key = await createKey(keys.kysely, 'acme');
  await keys.kysely.destroy();
});
after(async () => {
  await app.close();
  await service.close();
  await db.cleanup();
});

interface Group {
  code: number;
  name: string;
  children: Group[];
}

test('GET /v2/occupation_groups: the UK SOC 2010 tree, major groups down to unit groups', async () => {
  const res = await fetch(`${base}/v2/occupation_groups`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const groups = (await res.json()) as Group[];
  assert.ok(validateGroups(groups), ajv.errorsText(validateGroups.errors));
  assert.deepEqual(groups.map((g) => g.code), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const all = (gs: Group[]): Group[] => gs.flatMap((g) => [g, ...all(g.children)]);
  const flat = all(groups);
  assert.equal(flat.length, 493);
  assert.equal(flat.filter((g) => g.children.length === 0).length, 369, 'the unit groups');
  const professionals = groups[1]!;
  assert.equal(professionals.name, 'PROFESSIONAL OCCUPATIONS');
  const it = professionals.children.find((g) => g.code === 21)!.children.find((g) => g.code === 213)!;
  assert.deepEqual(it.children.map((g) => [g.code, g.name]).slice(3, 5), [[2136, 'Programmers and software development professionals'], [2137, 'Web design and development professionals']]);
  // Every unit group's code extends its parents' codes.
  for (const major of groups) for (const sub of major.children) for (const minor of sub.children) for (const unit of minor.children) assert.ok(String(unit.code).startsWith(String(minor.code)) && String(minor.code).startsWith(String(sub.code)) && String(sub.code).startsWith(String(major.code)), String(unit.code));
});

test('GET /v2/occupation_groups needs an API key, as the document routes do', async () => {
  const none = await fetch(`${base}/v2/occupation_groups`);
  assert.equal(none.status, 401);
  assert.equal(((await none.json()) as { errors: { code: string }[] }).errors[0]!.code, 'not_authenticated');
  const wrong = await fetch(`${base}/v2/occupation_groups`, { headers: { authorization: 'Bearer not-a-key' } });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as { errors: { code: string }[] }).errors[0]!.code, 'authentication_failed');
});

test('the route is in the OpenAPI document', async () => {
  const spec = (await (await fetch(`${base}/v2/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  assert.ok(spec.paths['/v2/occupation_groups']?.get);
});
