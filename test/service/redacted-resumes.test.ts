/**
 * Redacted résumés through the real server (SQLite and PostgreSQL, real worker threads, real pdf.js): a PDF and a
 * DOCX are uploaded to /v2/redacted_resumes, `data.redactedPdf` is fetched by its signed link without an API key,
 * and the PDF is opened with pdf.js. It must hold no text at all and no metadata; drawn, the places where the
 * original prints the candidate's name, contacts and employers must be black — every pixel of ink the original
 * has there — while what was not asked to be hidden (job titles; employers with redactWorkDetails=false) is not.
 * Links, workspaces, lists, deletion, expiry and failures are checked as for the other document routes.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildApp } from '../../src/service/api/app.ts';
import { createDocumentService } from '../../src/service/index.ts';
import type { DocumentService } from '../../src/service/contract.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { createKey } from '../../src/service/store/keys.ts';
import { FileStore } from '../../src/service/store/files.ts';
import { signLink } from '../../src/service/links.ts';
import { openPdf } from '../../src/pipeline/extract/pdf.ts';
import { pdfRenderer } from '../../src/pipeline/render/pdf.ts';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import type { BBox } from '../../src/pipeline/layout.ts';
import { redactDocument, REDACT_EVERYTHING } from '../../src/pipeline/redact/index.ts';
import { redactionSpans, type RedactOptions } from '../../src/pipeline/redact/targets.ts';
import { singleColumnPdf, corruptPdf, photoPdf } from '../fixtures/pdf-fixtures.ts';
import { portrait, squareLogo, icon } from '../fixtures/pictures.ts';
import { renderPng } from '../fixtures/scan-fixtures.ts';
import { resumesZip } from '../fixtures/zip-fixtures.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';
import { BACKENDS, testDatabase, until, type Backend, type TestDatabase } from './helpers.ts';

for (const backend of BACKENDS) describe(`redacted résumés on ${backend}`, () => suite(backend));

describe('what redaction finds (the pipeline, no server)', () => {
  const text = `Priya Raman
priya@example.org | +44 20 7946 0958 | Leeds, UK
Date of birth: 12 March 1990 | Gender: Female | she/her

EXPERIENCE
Data Analyst | Jan 2019 – Present
Northwind Traders, York
Built dashboards for the sales team.

EDUCATION
BSc Statistics | 2014 – 2017
University of York

REFERENCES
Dr. Alan Smith, Head of Analytics, Northwind Traders
alan.smith@example.com, +44 20 7946 0000
`;
  const NOTHING: RedactOptions = Object.fromEntries(Object.keys(REDACT_EVERYTHING).map((k) => [k, false])) as unknown as RedactOptions;

  /** For each phrase, the categories whose spans cover every one of its characters (at its first occurrence). */
  async function covering(options: RedactOptions, phrases: string[]): Promise<Map<string, string[]>> {
    const doc = (await runPipeline(new TextEncoder().encode(text), { fileName: 'cv.txt' })).doc!;
    const referees = doc.sections.filter((s) => s.type === 'Referees').flatMap((s) => s.lines.map((l): [number, number] => [l.start, l.end]));
    const spans = redactionSpans(doc.layout.text, doc.data, doc.provenance, options, referees);
    return new Map(
      phrases.map((phrase) => {
        const at = doc.layout.text.indexOf(phrase);
        assert.ok(at >= 0, phrase);
        const categories = [...new Set(spans.filter((s) => s.start <= at && s.end >= at + phrase.length).map((s) => s.category as string))];
        return [phrase, categories];
      }),
    );
  }

  test('each flag hides its values, found by citation, by value or by pattern; the rest stays', async () => {
    const found = await covering(REDACT_EVERYTHING, [
      'Priya Raman', 'priya@example.org', '+44 20 7946 0958', '12 March 1990', 'Female', 'she/her', 'Jan 2019', '2014', '2017',
      'Northwind Traders', 'University of York', 'Leeds, UK', 'Alan Smith', 'alan.smith@example.com', '+44 20 7946 0000',
      'Data Analyst', 'Built dashboards', 'BSc Statistics', 'EXPERIENCE', 'REFERENCES',
    ]);
    const has = (phrase: string, category: string) => assert.ok(found.get(phrase)!.includes(category), `${phrase}: ${category} (got ${found.get(phrase)})`);
    for (const p of ['Priya Raman', 'priya@example.org', '+44 20 7946 0958', '12 March 1990']) has(p, 'personalDetails');
    for (const p of ['Female', 'she/her']) has(p, 'gender');
    for (const p of ['Jan 2019', '2014', '2017', '12 March 1990']) has(p, 'dates');
    has('Northwind Traders', 'workDetails');
    has('University of York', 'educationDetails');
    has('Leeds, UK', 'locations');
    // The referee is not read as one by the parser here: the referees section's lines go whole.
    for (const p of ['Alan Smith', 'alan.smith@example.com', '+44 20 7946 0000']) has(p, 'referees');
    for (const p of ['Data Analyst', 'Built dashboards', 'BSc Statistics', 'EXPERIENCE', 'REFERENCES']) assert.deepEqual(found.get(p), [], p);
  });

  test('a flag that is off hides nothing of its own', async () => {
    const none = await covering(NOTHING, ['Priya Raman', 'Northwind Traders', 'Jan 2019', 'Female']);
    for (const [phrase, categories] of none) assert.deepEqual(categories, [], phrase);
    const genderOnly = await covering({ ...NOTHING, gender: true }, ['Priya Raman', 'Female', 'she/her', '2014']);
    assert.deepEqual(Object.fromEntries(genderOnly), { 'Priya Raman': [], Female: ['gender'], 'she/her': ['gender'], '2014': [] });
  });

  test('the photo is painted over with redactHeadshot, and only the photo', async () => {
    const pdf = await photoPdf({ photo: portrait(), logo: squareLogo(), icon: icon() });
    const picture = async (options: RedactOptions): Promise<Pixels> => {
      const redacted = await redactDocument(pdf, { fileName: 'cv.pdf' }, options);
      assert.equal(redacted.error, null);
      return draw(redacted.pdf!);
    };
    const [hidden, shown] = [await picture(REDACT_EVERYTHING), await picture({ ...REDACT_EVERYTHING, headshot: false })];
    const photo: BBox = [472, 40, 562, 152];
    const logo: BBox = [50, 150, 90, 190];
    assert.ok(blackShare(hidden, photo) > 0.98, `photo hidden (${blackShare(hidden, photo).toFixed(2)})`);
    assert.ok(blackShare(shown, photo) < 0.3, `photo shown with redactHeadshot=false (${blackShare(shown, photo).toFixed(2)})`);
    assert.ok(blackShare(hidden, logo) < 0.5, 'a logo is no headshot');
  });

  test('a scan is redacted on the picture itself, where OCR read the words', async () => {
    const pdf = await singleColumnPdf();
    const scan = await renderPng(pdf, 150);
    const redacted = await redactDocument(scan, { fileName: 'scan.png' }, REDACT_EVERYTHING);
    assert.equal(redacted.error, null);
    assert.equal((await inspect(redacted.pdf!)).drawsText, false);
    // The page image is the scan's own pixels (150 dpi): boxes in points scale by 150/72.
    const picture = await loadImage(Buffer.from(redacted.pageImages[0]!.png));
    assert.deepEqual([picture.width, picture.height], [1275, 1651]);
    const canvas = createCanvas(picture.width, picture.height);
    canvas.getContext('2d').drawImage(picture, 0, 0);
    const k = 150 / 72 / 2; // pixelsIn counts 2 px a point
    const pixels: Pixels = { data: canvas.getContext('2d').getImageData(0, 0, picture.width, picture.height).data, width: picture.width, height: picture.height };
    const boxes = await printedBoxes(pdf, ['Jane Whit', 'Acme Corporation', 'Senior Software Engineer']);
    const scaled = (b: BBox): BBox => b.map((v) => v * k) as BBox;
    for (const text of ['Jane Whit', 'Acme Corporation']) assert.ok(blackShare(pixels, scaled(boxes.get(text)!)) > 0.9, `${text} hidden`);
    assert.ok(blackShare(pixels, scaled(boxes.get('Senior Software Engineer')!)) < 0.4, 'the job title shown');
  });
});

const PAGE = { width: 612, height: 792 };

/** The fixture PDF with document information naming the candidate, as real exports do. */
async function resumePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await singleColumnPdf());
  pdf.setTitle('Jane Whitfield — CV');
  pdf.setAuthor('Jane Whitfield');
  pdf.setSubject('Résumé of jane@example.com');
  return pdf.save();
}

/** A page drawn by pdf.js at 2 px/pt, as RGBA. */
async function draw(pdf: Uint8Array): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const renderer = await pdfRenderer(pdf);
  try {
    const image = await renderer.render({ index: 0, width: PAGE.width, height: PAGE.height, rotation: 0, lines: [], images: [] });
    const picture = await loadImage(Buffer.from(image.png));
    const canvas = createCanvas(picture.width, picture.height);
    const context = canvas.getContext('2d');
    context.drawImage(picture, 0, 0);
    return { data: context.getImageData(0, 0, picture.width, picture.height).data, width: picture.width, height: picture.height };
  } finally {
    await renderer.close();
  }
}

type Pixels = Awaited<ReturnType<typeof draw>>;

/** Every pixel of a box given in points (2 px/pt). */
function* pixelsIn(p: Pixels, box: BBox): Generator<number> {
  for (let y = Math.max(0, Math.round(box[1] * 2)); y < Math.min(p.height, Math.round(box[3] * 2)); y++) {
    for (let x = Math.max(0, Math.round(box[0] * 2)); x < Math.min(p.width, Math.round(box[2] * 2)); x++) yield (y * p.width + x) * 4;
  }
}

const sum = (p: Pixels, i: number): number => p.data[i]! + p.data[i + 1]! + p.data[i + 2]!;

/** Share of the box's pixels that are black (a redaction box), not merely dark (text is anti-aliased). */
function blackShare(p: Pixels, box: BBox): number {
  let black = 0;
  let all = 0;
  for (const i of pixelsIn(p, box)) {
    all++;
    if (sum(p, i) < 60) black++;
  }
  return all ? black / all : 0;
}

/** Of the pixels inked in `original` within the box, the share that are black in `redacted`: 1 = nothing shows. */
function inkCovered(original: Pixels, redacted: Pixels, box: BBox): number {
  let ink = 0;
  let covered = 0;
  for (const i of pixelsIn(original, box)) {
    if (sum(original, i) >= 3 * 160) continue;
    ink++;
    if (sum(redacted, i) < 60) covered++;
  }
  assert.ok(ink > 20, `the box ${box.map(Math.round)} holds ink in the original`);
  return covered / ink;
}

/**
 * Where the original PDF prints each string (points, top-left): pdf.js's text items, and for parts of an item
 * (the contact line is one run) the part's offset measured in Helvetica, the fixture's font.
 */
async function printedBoxes(pdf: Uint8Array, parts: string[]): Promise<Map<string, BBox>> {
  const task = await openPdf(pdf);
  const helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  const boxes = new Map<string, BBox>();
  try {
    const page = await (await task.promise).getPage(1);
    const { items } = await page.getTextContent();
    for (const item of items as Array<{ str: string; transform: number[]; width: number }>) {
      const [size, , , , x, y] = item.transform as [number, number, number, number, number, number];
      for (const part of parts) {
        const at = item.str.indexOf(part);
        if (at < 0 || boxes.has(part)) continue;
        const scale = item.width / helvetica.widthOfTextAtSize(item.str, size); // 1 for Helvetica; bold items are whole parts
        const x0 = x + (at ? helvetica.widthOfTextAtSize(item.str.slice(0, at), size) * scale : 0);
        const x1 = at || part !== item.str ? x0 + helvetica.widthOfTextAtSize(part, size) * scale : x + item.width;
        // Cap height to a little below the baseline: inside the glyphs' line, whatever the redaction's padding.
        boxes.set(part, [x0, PAGE.height - y - 0.72 * size, x1, PAGE.height - y + 0.15 * size]);
      }
    }
  } finally {
    await task.destroy();
  }
  for (const part of parts) assert.ok(boxes.has(part), `the fixture prints "${part}"`);
  return boxes;
}

/** What pdf.js finds in a PDF: its text, its document information, and whether any page draws text at all. */
async function inspect(pdf: Uint8Array): Promise<{ text: string; info: Record<string, unknown>; pages: number; drawsText: boolean }> {
  const task = await openPdf(pdf);
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    const doc = await task.promise;
    let text = '';
    let drawsText = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      text += (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      const ops = await page.getOperatorList();
      drawsText ||= ops.fnArray.some((op) => op === OPS.showText || op === OPS.showSpacedText || op === OPS.nextLineShowText);
    }
    const { info } = await doc.getMetadata();
    return { text, info: info as Record<string, unknown>, pages: doc.numPages, drawsText };
  } finally {
    await task.destroy();
  }
}

function suite(backend: Backend): void {
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let base = '';
  let key = '';
  let otherKey = '';
  let secret = '';
  const workspaceIds: Record<string, string> = {};
  let original: Uint8Array;
  let docx: Uint8Array;
  /** Uploaded in `before`: everything hidden (pdf, docx), employers and metadata kept (kept), a corrupt file. */
  const uploaded: Record<'pdf' | 'docx' | 'kept' | 'corrupt', any> = {} as never;
  const timings: string[] = [];
  let docxExpiry = 0;

  before(async () => {
    db = await testDatabase(backend, { waitTimeoutMs: 90_000, parseTimeoutMs: 60_000 });
    service = await createDocumentService(db.config, { sweepMs: 200 });
    app = buildApp(service, db.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const direct = await openDatabase(db.config.databaseUrl);
    key = await createKey(direct.kysely, 'acme');
    otherKey = await createKey(direct.kysely, 'globex');
    secret = (await direct.kysely.selectFrom('settings').select('value').where('name', '=', 'link_secret').executeTakeFirstOrThrow()).value;
    for (const w of await direct.kysely.selectFrom('workspaces').select(['id', 'name']).execute()) workspaceIds[w.name] = w.id;
    await direct.kysely.destroy();
    original = await resumePdf();
    docx = await plainResume();

    let t = performance.now();
    const pdf = await upload(original, 'cv.pdf');
    timings.push(`pdf ${Math.round(performance.now() - t)} ms`);
    assert.equal(pdf.status, 200, JSON.stringify(pdf.body));
    uploaded.pdf = pdf.body;
    // wait=false: 201 at once, then polled.
    const kept = await upload(original, 'kept.pdf', { wait: 'false', redactWorkDetails: 'false', redactPdfMetadata: 'False' });
    assert.equal(kept.status, 201, JSON.stringify(kept.body));
    assert.equal(kept.body.data, null);
    assert.equal(kept.body.meta.ready, false);
    t = performance.now();
    docxExpiry = Date.now() + 3600_000;
    const d = await upload(docx, 'cv.docx', { expiryTime: new Date(docxExpiry).toISOString() });
    timings.push(`docx ${Math.round(performance.now() - t)} ms (after a PDF queued before it)`);
    assert.equal(d.status, 200, JSON.stringify(d.body));
    uploaded.docx = d.body;
    uploaded.kept = await until('the kept upload to be redacted', async () => {
      const body: any = await (await fetch(`${base}/v2/redacted_resumes/${kept.body.meta.identifier}`, { headers: auth() })).json();
      return body.meta.ready ? body : null;
    }, 90_000);
    const corrupt = await upload(corruptPdf(), 'broken.pdf');
    assert.equal(corrupt.status, 200);
    uploaded.corrupt = corrupt.body;
  });
  after(async () => {
    console.log(`redacted résumés on ${backend}: ${timings.join('; ')}`);
    await app?.close();
    await service?.close();
    await db?.cleanup();
  });

  const auth = (k = key) => ({ authorization: `Bearer ${k}` });

  async function upload(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    for (const [k, v] of Object.entries({ wait: 'true', ...fields })) form.append(k, v);
    const res = await fetch(`${base}/v2/redacted_resumes`, { method: 'POST', headers: auth(), body: form });
    return { status: res.status, body: await res.json() };
  }

  async function fetchPdf(link: string): Promise<Uint8Array> {
    const res = await fetch(link);
    assert.equal(res.status, 200, link);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    return bytes;
  }

  async function refused(url: string, status = 403): Promise<void> {
    const res = await fetch(url);
    assert.equal(res.status, status, url);
    const body: any = await res.json();
    assert.equal(body.type, 'client_error');
    assert.equal(body.errors[0].code, status === 403 ? 'permission_denied' : 'not_found');
  }

  test('answers are RedactedResumes whose redactedPdf is an absolute signed link', async () => {
    for (const kind of ['pdf', 'docx', 'kept'] as const) {
      const r = uploaded[kind];
      assert.deepEqual(Object.keys(r).sort(), ['data', 'error', 'meta'], kind);
      assert.deepEqual(Object.keys(r.data), ['redactedPdf'], kind);
      assert.deepEqual(r.error, { errorCode: null, errorDetail: null }, kind);
      assert.equal(r.meta.ready, true, kind);
      assert.equal(r.meta.failed, false, kind);
      assert.match(r.data.redactedPdf, new RegExp(`^${base}/v2/redacted_resumes/${r.meta.identifier}/redacted\\.pdf\\?expires=\\d+&token=[\\w-]{43}$`), kind);
      // No review page: the parsed data is not kept.
      assert.equal(r.meta.reviewUrl, null, kind);
    }
  });

  test('the PDF has no text and no metadata; drawn, the candidate\'s name, contacts and employers are black', async () => {
    const redacted = await fetchPdf(uploaded.pdf.data.redactedPdf);
    const found = await inspect(redacted);
    assert.equal(found.pages, 1);
    assert.equal(found.drawsText, false, 'no page draws text');
    assert.equal(found.text.trim(), '');
    for (const field of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) assert.equal(found.info[field], undefined, field);
    // Nowhere in the file's bytes either (document information, XMP, anything carried over).
    const latin1 = Buffer.from(redacted).toString('latin1');
    for (const secretText of ['Whitfield', 'jane@example.com', 'Acme', 'Globex', 'Leeds']) assert.equal(latin1.includes(secretText), false, secretText);

    const hidden = ['Jane Whit', 'jane@example.com', '+1 555 0100', 'Seattle, WA', 'Acme Corporation', 'Globex', 'University of Leeds', 'Jan 2019 – Present', '2011 – 2015'];
    const shown = ['Senior Software Engineer', 'EXPERIENCE', 'EDUCATION'];
    const boxes = await printedBoxes(original, [...hidden, ...shown]);
    const [before, after] = [await draw(original), await draw(redacted)];
    for (const text of hidden) {
      const box = boxes.get(text)!;
      assert.ok(inkCovered(before, after, box) > 0.99, `every pixel of "${text}" is covered (${inkCovered(before, after, box).toFixed(3)})`);
      assert.ok(blackShare(after, box) > 0.9, `"${text}" is under a black box (${blackShare(after, box).toFixed(2)})`);
    }
    for (const text of shown) assert.ok(blackShare(after, boxes.get(text)!) < 0.4, `"${text}" is not redacted (${blackShare(after, boxes.get(text)!).toFixed(2)})`);
    // The rest of the page is the original's: the first bullet reads as it did.
    const bullet: BBox = [60, 160, 300, 171];
    assert.ok(blackShare(after, bullet) < 0.4 && Math.abs(blackShare(after, bullet) - blackShare(before, bullet)) < 0.05);
  });

  test('with redactWorkDetails=false employers stay, and with redactPdfMetadata=false the metadata is copied', async () => {
    const kept = await fetchPdf(uploaded.kept.data.redactedPdf);
    const boxes = await printedBoxes(original, ['Jane Whit', 'Acme Corporation', 'Globex', 'University of Leeds']);
    const [all, some] = [await draw(await fetchPdf(uploaded.pdf.data.redactedPdf)), await draw(kept)];
    for (const employer of ['Acme Corporation', 'Globex']) {
      assert.ok(blackShare(some, boxes.get(employer)!) < 0.4, `${employer} kept (${blackShare(some, boxes.get(employer)!).toFixed(2)})`);
      assert.ok(blackShare(all, boxes.get(employer)!) > 0.95, `${employer} hidden by default`);
    }
    // The other categories are still hidden.
    for (const text of ['Jane Whit', 'University of Leeds']) assert.ok(blackShare(some, boxes.get(text)!) > 0.95, text);
    const found = await inspect(kept);
    assert.equal(found.drawsText, false);
    assert.equal(found.info.Title, 'Jane Whitfield — CV');
    assert.equal(found.info.Author, 'Jane Whitfield');
  });

  test('a DOCX is drawn from its layout with the same boxes', async () => {
    const redacted = await fetchPdf(uploaded.docx.data.redactedPdf);
    const found = await inspect(redacted);
    assert.equal(found.drawsText, false);
    assert.equal(found.text.trim(), '');
    // Where the parser placed each word (the synthetic page is drawn from it): the real pipeline, run here.
    const layout = (await runPipeline(docx, { fileName: 'cv.docx' })).doc!.layout;
    const wordBox = (text: string): BBox => {
      const word = layout.lines.flatMap((l) => l.words).find((w) => w.text === text);
      assert.ok(word, `the layout has "${text}"`);
      return [word.bbox[0], word.bbox[1] + 0.25 * word.fontSize, word.bbox[0] + 0.6 * (word.bbox[2] - word.bbox[0]), word.bbox[3] - 0.25 * word.fontSize];
    };
    const page = await draw(redacted);
    for (const text of ['Ada', 'Lovelace', 'ada@example.com', 'Analytical', 'Engines', 'University', 'London']) {
      assert.ok(blackShare(page, wordBox(text)) > 0.95, `"${text}" hidden (${blackShare(page, wordBox(text)).toFixed(2)})`);
    }
    for (const text of ['Senior', 'Engineer', 'Experience', 'Mathematics']) assert.ok(blackShare(page, wordBox(text)) < 0.4, `"${text}" shown`);
  });

  test('meta.pages show the redacted pages, not the original', async () => {
    const [page] = uploaded.pdf.meta.pages;
    assert.deepEqual([page.width, page.height], [1224, 1584]);
    const res = await fetch(page.image);
    assert.equal(res.status, 200);
    const picture = await loadImage(Buffer.from(await res.arrayBuffer()));
    const canvas = createCanvas(picture.width, picture.height);
    canvas.getContext('2d').drawImage(picture, 0, 0);
    const pixels = { data: canvas.getContext('2d').getImageData(0, 0, picture.width, picture.height).data, width: picture.width, height: picture.height };
    const boxes = await printedBoxes(original, ['Jane Whit']);
    assert.ok(blackShare(pixels, boxes.get('Jane Whit')!) > 0.95);
  });

  test('a tampered, expired or misused link is refused; the real one needs no API key', async () => {
    const link = new URL(uploaded.pdf.data.redactedPdf);
    const { token, expires } = Object.fromEntries(link.searchParams) as { token: string; expires: string };
    const at = (change: { identifier?: string; expires?: number; token?: string }): string => {
      const u = new URL(link);
      u.pathname = `/v2/redacted_resumes/${change.identifier ?? uploaded.pdf.meta.identifier}/redacted.pdf`;
      if (change.expires !== undefined) u.searchParams.set('expires', String(change.expires));
      if (change.token !== undefined) u.searchParams.set('token', change.token);
      return u.toString();
    };
    await fetchPdf(link.toString());
    await refused(at({ token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA') }));
    await refused(at({ expires: Number(expires) + 60 }));
    await refused(at({ identifier: uploaded.docx.meta.identifier }));
    await refused(`${base}/v2/redacted_resumes/${uploaded.pdf.meta.identifier}/redacted.pdf`);
    const subject = { purpose: 'redacted-pdf' as const, workspaceId: workspaceIds.acme!, identifier: uploaded.pdf.meta.identifier, page: null };
    const past = Math.floor(Date.now() / 1000) - 1;
    await refused(at({ expires: past, token: signLink(secret, subject, past) }));
    // A page image's token, or one signed for another workspace, opens nothing here.
    await refused(at({ token: signLink(secret, { ...subject, purpose: 'page-image', page: 0 }, Number(expires)) }));
    await refused(at({ token: signLink(secret, { ...subject, workspaceId: workspaceIds.globex! }, Number(expires)) }));
    // A failed document has no PDF, and its (valid) link says so as a bad link would not: 404.
    await refused(at({ identifier: uploaded.corrupt.meta.identifier, token: signLink(secret, { ...subject, identifier: uploaded.corrupt.meta.identifier }, Number(expires)) }), 404);
  });

  test('workspaces and kinds are apart: another key, and /v2/resumes, see nothing of it', async () => {
    const id = uploaded.pdf.meta.identifier;
    for (const [method, url] of [['GET', `/v2/redacted_resumes/${id}`], ['DELETE', `/v2/redacted_resumes/${id}`], ['GET', `/v2/resumes/${id}`]] as const) {
      const res = await fetch(`${base}${url}`, { method, headers: auth(method === 'GET' && url.startsWith('/v2/resumes') ? key : otherKey) });
      assert.equal(res.status, 404, `${method} ${url}`);
      assert.equal(((await res.json()) as any).errors[0].code, 'not_found');
    }
    const theirs: any = await (await fetch(`${base}/v2/redacted_resumes`, { headers: auth(otherKey) })).json();
    assert.equal(theirs.count, 0);
    const resumes: any = await (await fetch(`${base}/v2/resumes`, { headers: auth() })).json();
    assert.equal(resumes.results.some((m: any) => m.identifier === id), false);
    assert.equal((await fetch(`${base}/v2/redacted_resumes/${id}`, { headers: auth() })).status, 200, 'still there for its owner');
    assert.equal((await fetch(`${base}/v2/redacted_resumes`)).status, 401);
  });

  test('a corrupt PDF fails as Affinda reports failures', async () => {
    const r = uploaded.corrupt;
    assert.equal(r.data, null);
    assert.equal(r.meta.ready, true);
    assert.equal(r.meta.failed, true);
    assert.equal(r.error.errorCode, 'document_conversion_failed');
    assert.equal(typeof r.error.errorDetail, 'string');
  });

  test('request errors have Affinda\'s shape', async () => {
    const form = new FormData();
    form.append('file', new Blob([original]), 'cv.pdf');
    form.append('redactDates', 'maybe');
    const res = await fetch(`${base}/v2/redacted_resumes`, { method: 'POST', headers: auth(), body: form });
    assert.equal(res.status, 400);
    assert.deepEqual(((await res.json()) as any).errors[0].attr, 'redactDates');
    const patch = await fetch(`${base}/v2/redacted_resumes/${uploaded.pdf.meta.identifier}`, { method: 'PATCH', headers: auth() });
    assert.equal(patch.status, 405);
  });

  test('list, then delete: the PDF goes from the API and the disk', async () => {
    const listed: any = await (await fetch(`${base}/v2/redacted_resumes?limit=2`, { headers: auth() })).json();
    assert.equal(listed.count, 4);
    assert.equal(listed.results.length, 2);
    assert.equal(listed.next, `${base}/v2/redacted_resumes?limit=2&offset=2`);
    const all: any = await (await fetch(`${base}/v2/redacted_resumes`, { headers: auth() })).json();
    assert.deepEqual(all.results.map((m: any) => m.identifier).sort(), Object.values(uploaded).map((r: any) => r.meta.identifier).sort());

    const { identifier } = uploaded.kept.meta;
    const files = new FileStore(db.config.dataDir);
    const path = files.renditionPathOf(workspaceIds.acme!, identifier, 'redacted.pdf');
    assert.ok(existsSync(path));
    assert.equal((await fetch(`${base}/v2/redacted_resumes/${identifier}`, { method: 'DELETE', headers: auth() })).status, 204);
    assert.equal((await fetch(`${base}/v2/redacted_resumes/${identifier}`, { headers: auth() })).status, 404);
    await refused(uploaded.kept.data.redactedPdf);
    assert.equal(existsSync(path), false);
    assert.equal(existsSync(files.pathOf(workspaceIds.acme!, identifier)), false);
  });

  test('at its expiryTime the redacted résumé and its PDF are gone', async () => {
    const { identifier } = uploaded.docx.meta;
    assert.equal(uploaded.docx.meta.expiryTime, new Date(docxExpiry).toISOString());
    const path = new FileStore(db.config.dataDir).renditionPathOf(workspaceIds.acme!, identifier, 'redacted.pdf');
    assert.ok(existsSync(path));
    // An hour is long for a test: the expiry is brought forward in the database, as if the hour had passed.
    const direct = await openDatabase(db.config.databaseUrl);
    try {
      await direct.kysely.updateTable('documents').set({ expiry_time: new Date(Date.now() - 1000).toISOString() }).where('identifier', '=', identifier).execute();
    } finally {
      await direct.kysely.destroy();
    }
    assert.equal((await fetch(`${base}/v2/redacted_resumes/${identifier}`, { headers: auth() })).status, 404);
    await refused(uploaded.docx.data.redactedPdf);
    await until('the expiry sweep', async () => !existsSync(path), 15_000);
  });

  test('a ZIP makes a redacted résumé of each résumé inside', async () => {
    const parent = await upload(await resumesZip(), 'cvs.zip');
    assert.equal(parent.status, 200);
    assert.equal(parent.body.meta.ready, true);
    assert.equal(parent.body.error.errorCode, null);
    // The archive holds no résumé itself: no data, as /v2/resumes answers a ZIP.
    assert.equal(parent.body.data, null);
    const children = parent.body.meta.childDocuments.map((c: any) => c.identifier as string);
    assert.equal(children.length, 2);
    for (const id of children) {
      const child: any = await until(`child ${id} redacted`, async () => {
        const body: any = await (await fetch(`${base}/v2/redacted_resumes/${id}`, { headers: auth() })).json();
        return body.meta?.ready ? body : null;
      }, 90_000);
      assert.equal(child.meta.parentDocument.identifier, parent.body.meta.identifier);
      assert.equal(child.error.errorCode, null, child.error.errorDetail);
      const found = await inspect(await fetchPdf(child.data.redactedPdf));
      assert.equal(found.drawsText, false);
      // A redacted résumé, not a résumé: /v2/resumes does not have it.
      assert.equal((await fetch(`${base}/v2/resumes/${id}`, { headers: auth() })).status, 404);
    }
  });
}
