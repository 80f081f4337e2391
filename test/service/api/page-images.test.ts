/**
 * Page images through the real server (SQLite and PostgreSQL): uploads list `meta.pages[].image` as absolute
 * signed URLs that load with no API key, as an `<img src>` would; every other use of a link is refused, and a
 * deleted document's images are gone, from the API and from the disk.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { FileStore } from '../../../src/service/store/files.ts';
import { signLink } from '../../../src/service/links.ts';
import { singleColumnPdf } from '../../fixtures/pdf-fixtures.ts';
import { plainResume } from '../../fixtures/docx-fixtures.ts';
import { renderPng } from '../../fixtures/scan-fixtures.ts';
import { BACKENDS, testDatabase, type Backend, type TestDatabase } from '../helpers.ts';

for (const backend of BACKENDS) describe(`page images on ${backend}`, () => suite(backend));

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(Buffer.from(bytes.subarray(12, 16)).toString('latin1'), 'IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Share of pixels darker than mid-grey: text on a white page. */
async function inkShare(png: Uint8Array): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 128) dark++;
  return dark / (image.width * image.height);
}

function suite(backend: Backend): void {
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let base = '';
  let key = '';
  let secret = '';
  const workspaceIds: Record<string, string> = {};
  let png: Uint8Array;
  const uploaded: Record<'pdf' | 'docx' | 'png', any> = {} as never;

  before(async () => {
    db = await testDatabase(backend, { waitTimeoutMs: 60_000, parseTimeoutMs: 60_000 });
    service = await createDocumentService(db.config);
    app = buildApp(service, db.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const direct = await openDatabase(db.config.databaseUrl);
    key = await createKey(direct.kysely, 'acme');
    await createKey(direct.kysely, 'globex');
    secret = (await direct.kysely.selectFrom('settings').select('value').where('name', '=', 'link_secret').executeTakeFirstOrThrow()).value;
    for (const w of await direct.kysely.selectFrom('workspaces').select(['id', 'name']).execute()) workspaceIds[w.name] = w.id;
    await direct.kysely.destroy();
    png = await renderPng(await singleColumnPdf(), 150);
    const files = { pdf: await singleColumnPdf(), docx: await plainResume(), png };
    for (const [kind, bytes] of Object.entries(files) as ['pdf' | 'docx' | 'png', Uint8Array][]) {
      const r = await upload(bytes, `cv.${kind}`);
      assert.equal(r.status, 200, kind);
      assert.equal(r.body.meta.ready, true, kind);
      assert.equal(r.body.error.errorCode, null, `${kind}: ${r.body.error.errorDetail}`);
      uploaded[kind] = r.body;
    }
  });
  after(async () => {
    await app?.close();
    await service?.close();
    await db?.cleanup();
  });

  const auth = () => ({ authorization: `Bearer ${key}` });

  async function upload(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    form.append('wait', 'true');
    const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: auth(), body: form });
    return { status: res.status, body: await res.json() };
  }

  /** A page image URL with some of its parts replaced. */
  function altered(url: string, change: { identifier?: string; page?: number; expires?: number; token?: string }): string {
    const u = new URL(url);
    const [, identifier, page] = /^\/v2\/resumes\/([^/]+)\/pages\/(\d+)\.png$/.exec(u.pathname)!;
    u.pathname = `/v2/resumes/${change.identifier ?? identifier}/pages/${change.page ?? page}.png`;
    if (change.expires !== undefined) u.searchParams.set('expires', String(change.expires));
    if (change.token !== undefined) u.searchParams.set('token', change.token);
    return u.toString();
  }

  async function refused(url: string, status = 403): Promise<void> {
    const res = await fetch(url);
    assert.equal(res.status, status, url);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const body: any = await res.json();
    assert.equal(body.type, 'client_error');
    assert.equal(body.errors[0].code, status === 403 ? 'permission_denied' : 'not_found');
  }

  test('each upload lists one page with an absolute image URL that loads without an API key', async () => {
    for (const [kind, resume] of Object.entries(uploaded)) {
      assert.equal(resume.meta.pages.length, 1, kind);
      const [page] = resume.meta.pages;
      assert.match(page.image, new RegExp(`^${base}/v2/resumes/${resume.meta.identifier}/pages/0\\.png\\?expires=\\d+&token=[\\w-]{43}$`), kind);
      assert.equal(page.imageTranslated, null);
      const res = await fetch(page.image);
      assert.equal(res.status, 200, kind);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(res.headers.get('cache-control') ?? '')?.[1]);
      assert.ok(maxAge > 23 * 3600 && maxAge <= 24 * 3600, `${kind}: max-age ${maxAge}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const size = pngSize(bytes);
      // Affinda's width and height are the page image's, in pixels.
      assert.deepEqual(size, { width: page.width, height: page.height }, kind);
      if (kind === 'png') assert.ok(Buffer.from(png).equals(bytes), 'an upright PNG is its own page image');
      else assert.deepEqual(size, { width: 1224, height: 1584 }, `${kind}: a Letter page at 2×`);
      const ink = await inkShare(bytes);
      assert.ok(ink > 0.002 && ink < 0.2, `${kind}: ${(ink * 100).toFixed(2)}% dark pixels`);
    }
  });

  test('GET and list give fresh links too', async () => {
    const id = uploaded.pdf.meta.identifier;
    const got: any = await (await fetch(`${base}/v2/resumes/${id}`, { headers: auth() })).json();
    assert.equal((await fetch(got.meta.pages[0].image)).status, 200);
    const listed: any = await (await fetch(`${base}/v2/resumes`, { headers: auth() })).json();
    const meta = listed.results.find((m: any) => m.identifier === id);
    assert.equal((await fetch(meta.pages[0].image)).status, 200);
  });

  test('a link opens exactly its own page of its own document, until it expires', async () => {
    const link = uploaded.pdf.meta.pages[0].image as string;
    const { token, expires } = Object.fromEntries(new URL(link).searchParams) as { token: string; expires: string };
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await refused(altered(link, { token: tampered }));
    await refused(altered(link, { expires: Number(expires) + 60 }));
    await refused(altered(link, { identifier: uploaded.docx.meta.identifier }));
    await refused(altered(link, { page: 1 }));
    await refused(altered(link, { identifier: 'nosuchdoc' }));
    await refused(`${base}/v2/resumes/${uploaded.pdf.meta.identifier}/pages/0.png`);
    // Properly signed, but in the past.
    const subject = { purpose: 'page-image' as const, workspaceId: workspaceIds.acme!, identifier: uploaded.pdf.meta.identifier, page: 0 };
    const past = Math.floor(Date.now() / 1000) - 1;
    await refused(altered(link, { expires: past, token: signLink(secret, subject, past) }));
    // Properly signed, for a page the document does not have.
    const later = Number(expires);
    await refused(altered(link, { page: 3, token: signLink(secret, { ...subject, page: 3 }, later) }), 404);
    // Signed for another workspace: the document is not there.
    const theirs = { ...subject, workspaceId: workspaceIds.globex! };
    await refused(altered(link, { token: signLink(secret, theirs, later) }));
  });

  test('another process on the same database signs and checks links alike', async () => {
    const second = await createDocumentService(db.config, { runWorkers: false });
    const secondApp = buildApp(second, db.config);
    await secondApp.listen({ port: 0, host: '127.0.0.1' });
    try {
      const secondBase = `http://127.0.0.1:${(secondApp.server.address() as AddressInfo).port}`;
      const link = new URL(uploaded.docx.meta.pages[0].image);
      assert.equal((await fetch(`${secondBase}${link.pathname}${link.search}`)).status, 200);
    } finally {
      await secondApp.close();
      await second.close();
    }
  });

  test('deleting a document removes its page images, from the API and the disk', async () => {
    const r = await upload(await singleColumnPdf(), 'doomed.pdf');
    const { identifier } = r.body.meta;
    const files = new FileStore(db.config.dataDir);
    const imagePath = files.pagePathOf(workspaceIds.acme!, identifier, 0);
    assert.ok(existsSync(imagePath));
    assert.equal((await fetch(`${base}/v2/resumes/${identifier}`, { method: 'DELETE', headers: auth() })).status, 204);
    await refused(r.body.meta.pages[0].image);
    assert.equal(existsSync(imagePath), false);
    assert.equal(existsSync(files.pathOf(workspaceIds.acme!, identifier)), false);
  });

}
