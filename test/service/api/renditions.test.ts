/**
 * Issue 5's formats through the real HTTP server (SQLite): an XLS résumé, a scanner's multi-page TIFF with a page
 * image per page, a 30-page PDF read to its 20th page with a `too_many_pages` warning (and the same note from
 * `vitae parse`), and `meta.pdf` — the original of a PDF, a LibreOffice rendition of a DOCX or XLS — as a signed
 * link that needs no API key and dies with the document. The rendition tests need `soffice` on PATH and skip,
 * saying so, without it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { FileStore } from '../../../src/service/store/files.ts';
import { convertToPdf, findSoffice, renditionsIdle, RENDITION_PDF } from '../../../src/service/rendition.ts';
import { createServer } from 'node:http';
import { loadConfig } from '../../../src/service/config.ts';
import { parseResume } from '../../../src/pipeline/pipeline.ts';
import { multiPagePdf, singleColumnPdf } from '../../fixtures/pdf-fixtures.ts';
import { plainResume } from '../../fixtures/docx-fixtures.ts';
import { PERSON } from '../../fixtures/flow-fixtures.ts';
import { testDatabase, until, type TestDatabase } from '../helpers.ts';
import { runCli } from '../../cli/run-cli.ts';

const SOFFICE = findSoffice();
const NO_SOFFICE = SOFFICE
  ? false
  : 'LibreOffice is not installed (no soffice on PATH): apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('formats, warnings and PDF renditions through the API (sqlite)', () => {
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let base = '';
  let key = '';

  before(async () => {
    db = await testDatabase('sqlite', { waitTimeoutMs: 60_000, parseTimeoutMs: 60_000, pdfRendition: 'auto' });
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

  const auth = () => ({ authorization: `Bearer ${key}` });
  async function upload(bytes: Uint8Array, fileName: string): Promise<any> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    form.append('wait', 'true');
    const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: auth(), body: form });
    assert.equal(res.status, 200);
    const body: any = await res.json();
    assert.equal(body.meta.ready, true, fileName);
    return body;
  }
  const get = async (id: string): Promise<any> => (await fetch(`${base}/v2/resumes/${id}`, { headers: auth() })).json();
  /** Fetches a signed link with no API key: the body, or the status when not 200. */
  async function fetchLink(url: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  test('an XLS résumé: name, email and a job', async () => {
    const r = await upload(fixture('resume.xls'), 'cv.xls');
    assert.equal(r.error.errorCode, null, r.error.errorDetail);
    assert.equal(r.data.name.raw, PERSON.name);
    assert.deepEqual(r.data.emails, [PERSON.email]);
    assert.deepEqual([r.data.workExperience[0].jobTitle, r.data.workExperience[0].organization], [PERSON.jobs[0]!.title, PERSON.jobs[0]!.org]);
    assert.equal(r.meta.pages.length, 1);
    assert.ok(r.meta.pages[0].image, 'a synthetic page image');
  });

  test('a multi-page G4 TIFF: both pages OCR’d, each with a page image of its own pixels, no API key needed', async () => {
    const r = await upload(fixture('resume-g4.tif'), 'scan.tif');
    assert.equal(r.error.errorCode, null, r.error.errorDetail);
    assert.equal(r.data.name.raw, 'Jane Whitfield');
    assert.equal(r.meta.isOcrd, true);
    assert.equal(r.meta.pages.length, 2);
    for (const page of r.meta.pages) {
      assert.match(page.image, new RegExp(`^${base}/v2/resumes/${r.meta.identifier}/pages/${page.pageIndex}\\.png\\?expires=`));
      const image = await fetchLink(page.image);
      assert.equal(image.status, 200);
      assert.equal(image.type, 'image/png');
      assert.deepEqual(pngSize(image.bytes), { width: 1275, height: 1651 });
      assert.deepEqual([page.width, page.height], [1275, 1651]);
    }
    assert.equal(r.meta.pdf, null, 'images get no PDF rendition');
  });

  test('a 30-page PDF is read to page 20 with a too_many_pages warning; meta.pdf is the original, by signed link', async () => {
    const pdf = await multiPagePdf(30);
    const r = await upload(pdf, 'long.pdf');
    assert.equal(r.error.errorCode, null, r.error.errorDetail);
    assert.equal(r.meta.pages.length, 20);
    assert.deepEqual(r.meta.warnings, [{ warningCode: 'too_many_pages', warningDetail: 'Only the first 20 of 30 pages were read.' }]);
    assert.deepEqual((await get(r.meta.identifier)).meta.warnings, r.meta.warnings, 'kept with the document');
    assert.match(r.meta.pdf, new RegExp(`^${base}/v2/resumes/${r.meta.identifier}/document\\.pdf\\?expires=\\d+&token=[\\w-]{43}$`));
    const got = await fetchLink(r.meta.pdf);
    assert.equal(got.status, 200);
    assert.equal(got.type, 'application/pdf');
    assert.ok(Buffer.from(got.bytes).equals(Buffer.from(pdf)), 'the original bytes');
    // A short document has no warnings key at all: its Meta is exactly Affinda's.
    const short = await upload(await singleColumnPdf(), 'cv.pdf');
    assert.equal('warnings' in short.meta, false);
  });

  test('vitae parse says on stderr that a document was cut at maxPages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vitae-long-'));
    try {
      const file = path.join(dir, 'long.pdf');
      await writeFile(file, await multiPagePdf(30));
      const { code, stdout, stderr } = await runCli(['parse', file]);
      assert.equal(code, 0, stderr);
      assert.equal(JSON.parse(stdout).meta.pages.length, 20);
      assert.match(stderr, /long\.pdf: Only the first 20 of 30 pages were read\. \(too_many_pages\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('PDF links: tampered or for another document refused; deleted with the document', async () => {
    const r = await upload(await singleColumnPdf(), 'mine.pdf');
    const other = await upload(fixture('resume.xls'), 'other.xls');
    const url = new URL(r.meta.pdf);
    url.searchParams.set('token', `${url.searchParams.get('token')!.slice(0, -2)}AA`);
    assert.equal((await fetchLink(url.toString())).status, 403);
    const moved = new URL(r.meta.pdf);
    moved.pathname = `/v2/resumes/${other.meta.identifier}/document.pdf`;
    assert.equal((await fetchLink(moved.toString())).status, 403);
    assert.equal((await fetchLink(`${base}/v2/resumes/${r.meta.identifier}/document.pdf`)).status, 403, 'no signature');
    assert.equal((await fetch(`${base}/v2/resumes/${r.meta.identifier}`, { method: 'DELETE', headers: auth() })).status, 204);
    assert.equal((await fetchLink(r.meta.pdf)).status, 403);
  });

  test('a DOCX and an XLS get a LibreOffice PDF rendition after they are ready, removed with the document', { skip: NO_SOFFICE, timeout: 180_000 }, async () => {
    const docx = await upload(await plainResume(), 'cv.docx');
    const xls = await upload(fixture('resume.xls'), 'cv.xls');
    for (const [r, name] of [[docx, docx.data.name.raw], [xls, PERSON.name]] as const) {
      const id = r.meta.identifier;
      const link = await until(`a rendition of ${id}`, async () => (await get(id)).meta.pdf as string | null, 120_000);
      assert.match(link, new RegExp(`^${base}/v2/resumes/${id}/document\\.pdf\\?expires=`));
      const got = await fetchLink(link);
      assert.equal(got.status, 200);
      assert.equal(got.type, 'application/pdf');
      // The rendition is the document: parsed, it gives the same name.
      const reparsed = await parseResume(got.bytes);
      assert.equal(reparsed.error.errorCode, null);
      assert.equal(reparsed.data!.name?.raw, name);
    }
    const files = new FileStore(db.config.dataDir);
    const direct = await openDatabase(db.config.databaseUrl);
    const row = await direct.kysely.selectFrom('documents').select(['workspace_id']).where('identifier', '=', docx.meta.identifier).executeTakeFirstOrThrow();
    await direct.kysely.destroy();
    const stored = files.renditionPathOf(row.workspace_id, docx.meta.identifier, RENDITION_PDF);
    assert.ok(existsSync(stored));
    assert.equal((await fetch(`${base}/v2/resumes/${docx.meta.identifier}`, { method: 'DELETE', headers: auth() })).status, 204);
    assert.ok(!existsSync(stored), 'the rendition is deleted with the document');
  });
});

describe('VITAE_PDF_RENDITION=off', () => {
  test('a DOCX gets no rendition even with LibreOffice installed; other values are refused', { skip: NO_SOFFICE, timeout: 60_000 }, async () => {
    const db = await testDatabase('sqlite', { pdfRendition: 'off', waitTimeoutMs: 60_000 });
    const service = await createDocumentService(db.config);
    try {
      const direct = await openDatabase(db.config.databaseUrl);
      await createKey(direct.kysely, 'acme');
      const workspace = await direct.kysely.selectFrom('workspaces').select(['id', 'name']).executeTakeFirstOrThrow();
      await direct.kysely.destroy();
      const created = await service.create({ workspace, bytes: await plainResume(), fileName: 'cv.docx', rejectDuplicates: false, lowPriority: false });
      const ready = await service.waitUntilReady(workspace, created.meta.identifier, 60_000, 'http://example.test');
      assert.equal(ready.meta.ready, true);
      // With renditions on, the conversion would be queued before the document is ready: nothing is waiting now.
      await renditionsIdle();
      assert.equal((await service.get(workspace, created.meta.identifier, 'http://example.test')).meta.pdf, null);
      assert.ok(!existsSync(new FileStore(db.config.dataDir).renditionPathOf(workspace.id, created.meta.identifier, RENDITION_PDF)));
    } finally {
      await service.close();
      await db.cleanup();
    }
    assert.throws(() => loadConfig({}, { VITAE_PDF_RENDITION: 'sometimes' }), /VITAE_PDF_RENDITION must be auto or off|pdfRendition \(VITAE_PDF_RENDITION\)/);
    assert.equal(loadConfig({}, {}).pdfRendition, 'auto');
    assert.equal(loadConfig({}, { VITAE_PDF_RENDITION: 'off' }).pdfRendition, 'off');
  });
});

describe('LibreOffice conversions', () => {
  test('a document cannot make the converter fetch anything: a remote image in HTML is not requested', { skip: NO_SOFFICE, timeout: 120_000 }, async () => {
    // Plain `soffice --convert-to pdf` of this page requests the image (three times, measured); the rendition's profile must not.
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const html = `<html><body><h1>Jane Doe</h1><img src="http://127.0.0.1:${port}/tracker.png"><p>Engineer at Acme</p></body></html>`;
      const pdf = await convertToPdf(new TextEncoder().encode(html), 'html', SOFFICE!);
      assert.ok(Buffer.from(pdf.subarray(0, 8)).toString('latin1').startsWith('%PDF-'));
      assert.deepEqual(hits, []);
    } finally {
      server.close();
    }
  });

  test('a conversion that outlives its time limit is killed and rejected', { skip: NO_SOFFICE, timeout: 60_000 }, async () => {
    const started = Date.now();
    await assert.rejects(convertToPdf(new TextEncoder().encode('Jane Doe'), 'txt', SOFFICE!, 300), /longer than 300 ms/);
    assert.ok(Date.now() - started < 10_000);
  });
});
