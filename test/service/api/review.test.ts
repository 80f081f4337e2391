/**
 * The review page end to end, in headless Chromium (Debian's, through playwright-core) against the real server on
 * a SQLite file: an upload's meta.reviewUrl opens the page, which shows the candidate; a corrected job title is
 * saved and still there after a reload; "Mark verified" shows in the API's meta.isVerified; a wrong date is
 * refused next to its field. Expired, tampered and other documents' links are refused, page and JSON alike.
 * Value boxes (the pipeline's provenance): the name's box lies where pdf.js finds the name in the PDF; focusing a
 * field lights its box and scrolls to it; choosing a box (click or keyboard) focuses its field; a job moved on the
 * form keeps its boxes; a saved edit drops the edited value's box only; the API's own answers carry no boxes; a
 * scan (OCR'd) gets its boxes over the words too.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../../src/service/api/app.ts';
import { createDocumentService } from '../../../src/service/index.ts';
import type { DocumentService } from '../../../src/service/contract.ts';
import { openDatabase } from '../../../src/service/store/db.ts';
import { createKey } from '../../../src/service/store/keys.ts';
import { reviewSegment } from '../../../src/service/links.ts';
import { launchChromium } from '../../../scripts/lib/chromium.ts';
import { testDatabase, type TestDatabase } from '../helpers.ts';
import { singleColumnPdf } from '../../fixtures/pdf-fixtures.ts';
import { renderPng } from '../../fixtures/scan-fixtures.ts';

describe('review page on sqlite', () => {
  let db: TestDatabase;
  let service: DocumentService;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base = '';
  let key = '';
  let secret = '';
  let resume: any;

  const auth = () => ({ authorization: `Bearer ${key}` });

  before(async () => {
    // The browser first: without Chromium this suite fails here rather than passing untested.
    browser = await launchChromium();
    db = await testDatabase('sqlite', { waitTimeoutMs: 60_000, parseTimeoutMs: 60_000 });
    service = await createDocumentService(db.config);
    app = buildApp(service, db.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const direct = await openDatabase(db.config.databaseUrl);
    key = await createKey(direct.kysely, 'acme');
    secret = (await direct.kysely.selectFrom('settings').select('value').where('name', '=', 'link_secret').executeTakeFirstOrThrow()).value;
    await direct.kysely.destroy();
    const form = new FormData();
    form.append('file', new Blob([await readFile(new URL('../../../examples/resume.pdf', import.meta.url))]), 'resume.pdf');
    form.append('wait', 'true');
    const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: auth(), body: form });
    assert.equal(res.status, 200);
    resume = await res.json();
    assert.equal(resume.error.errorCode, null);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await service?.close();
    await db?.cleanup();
  });

  async function apiMeta(): Promise<any> {
    const res = await fetch(`${base}/v2/resumes/${resume.meta.identifier}`, { headers: auth() });
    return ((await res.json()) as any).meta;
  }

  test('every answer carries a signed review link of its own document, made afresh', async () => {
    const url = new URL(resume.meta.reviewUrl);
    assert.equal(url.origin, base);
    assert.match(url.pathname, new RegExp(`^/review/${resume.meta.identifier}\\.\\d+\\.[\\w-]+$`));
    assert.doesNotMatch(resume.meta.reviewUrl, new RegExp(key));
    assert.equal((await apiMeta()).reviewUrl, resume.meta.reviewUrl, 'same minute, same link');
    const list: any = await (await fetch(`${base}/v2/resumes`, { headers: auth() })).json();
    assert.equal(list.results[0].reviewUrl, resume.meta.reviewUrl);
  });

  test('the page shows the candidate and the page images, under a strict policy', async () => {
    const answer = await page.goto(resume.meta.reviewUrl);
    assert.equal(answer?.status(), 200);
    const headers = answer!.headers();
    assert.match(headers['content-security-policy']!, /default-src 'self'/);
    assert.match(headers['content-security-policy']!, /frame-ancestors 'none'/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    await page.getByRole('heading', { name: `Review: ${resume.data.name.raw}` }).waitFor();
    assert.equal(await page.getByLabel('First', { exact: true }).inputValue(), resume.data.name.first);
    await page.locator('.sheet img').first().waitFor();
    // The page image is drawn on first request, which takes a while on a busy machine: wait for it to load.
    await until("(() => { const img = document.querySelector('.sheet img'); return img.complete && img.naturalWidth > 0; })()", 20_000);
    assert.ok((await page.locator('.box').count()) > 0, 'section boxes are drawn');
  });

  /** Waits until `expression` (run in the page) is true; page.waitForFunction evaluates strings, which the page's CSP forbids. */
  async function until(expression: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate(expression))) {
      if (Date.now() > deadline) assert.fail(`Timed out waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A value box's rectangle in page points, from where it is drawn over the page image. */
  async function boxInPoints(path: string): Promise<[number, number, number, number]> {
    const box = (await page.locator(`.value-box[data-path="${path}"]`).first().boundingBox())!;
    const image = (await page.locator('.sheet img').first().boundingBox())!;
    const [width, height] = [612, 792]; // examples/resume.pdf is US Letter
    const x = (px: number) => ((px - image.x) / image.width) * width;
    const y = (px: number) => ((px - image.y) / image.height) * height;
    return [x(box.x), y(box.y), x(box.x + box.width), y(box.y + box.height)];
  }

  test("the name's box lies over the name as the PDF prints it", async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(await readFile(new URL('../../../examples/resume.pdf', import.meta.url))), isEvalSupported: false, verbosity: 0 }).promise;
    const first = await pdf.getPage(1);
    assert.deepEqual(first.view, [0, 0, 612, 792]);
    const items = (await first.getTextContent()).items as Array<{ str: string; transform: number[]; width: number }>;
    const name = items.find((item) => item.str.includes(resume.data.name.raw))!;
    assert.ok(name, 'pdf.js finds the name');
    await pdf.destroy();
    const [x0, x1, baseline] = [name.transform[4]!, name.transform[4]! + name.width, 792 - name.transform[5]!];
    assert.equal(await page.locator('.value-box[data-path="name"]').count(), 1);
    const [bx0, by0, bx1, by1] = await boxInPoints('name');
    assert.ok(Math.abs(bx0 - x0) < 2 && Math.abs(bx1 - x1) < 2, `name box x ${bx0}–${bx1}, printed ${x0}–${x1}`);
    assert.ok(by0 < baseline && baseline < by1 + 1, `name box y ${by0}–${by1}, baseline ${baseline}`);
    // Named for a screen reader after the field it leads to.
    assert.equal(await page.locator('.value-box[data-path="name"]').getAttribute('aria-label'), 'Name, on page 1');
  });

  test('focusing a field lights its value box and scrolls the page to it', async () => {
    await page.locator('#f-workExperience-0-jobTitle').focus();
    const lit = page.locator('.value-box.active');
    assert.deepEqual(await lit.evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-path'))), ['workExperience.0.jobTitle']);
    await page.locator('#f-workExperience-0-organization').focus();
    assert.deepEqual(await lit.evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-path'))), ['workExperience.0.organization']);
    // The name's box, scrolled out of sight, is brought back into the pages' column when the name is focused.
    await page.evaluate("(() => { const d = document.querySelector('.document'); d.scrollTop = d.scrollHeight; })()");
    await until("document.querySelector('.document').scrollTop > 0");
    const hidden = "(() => { const d = document.querySelector('.document').getBoundingClientRect(); const b = document.querySelector('.value-box[data-path=\"name\"]').getBoundingClientRect(); return b.top < d.top - 1 || b.bottom > d.bottom + 1; })()";
    assert.equal(await page.evaluate(hidden), true, 'the name box is out of view');
    await page.locator('#f-name-first').focus();
    await until(`!${hidden}`);
    assert.equal(await page.locator('.value-box.active').first().getAttribute('data-path'), 'name');
  });

  test('clicking the email box focuses the email field; Enter on a box does too', async () => {
    await page.locator('.value-box[data-path="emails.0"]').click();
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-emails-0');
    assert.equal(await page.locator('#f-emails-0').inputValue(), resume.data.emails[0]);
    // By keyboard: a box is a button; Enter on the first job's title box selects that field.
    await page.locator('.value-box[data-path="workExperience.0.jobTitle"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-workExperience-0-jobTitle');
    // A skill's box selects its line of the skills field.
    await page.locator('.value-box[data-path="skills.1"]').click();
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-skills');
    assert.equal(await page.evaluate('(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()'), resume.data.skills[1].name);
  });

  test('by keyboard, the page boxes can be passed in one step to reach the form', async () => {
    // Freshly loaded, the first Tab reaches the link before the boxes.
    await page.reload();
    await page.locator('.sheet img').first().waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip the page boxes to the form');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-name-title');
  });

  test('a job moved on the form, not yet saved, takes its boxes with it', async () => {
    const litPaths = () => page.locator('.value-box.active').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-path')));
    await page.getByRole('button', { name: 'Move job 1 down' }).click();
    assert.equal(await page.locator('#f-workExperience-1-organization').inputValue(), resume.data.workExperience[0].organization);
    await page.locator('#f-workExperience-1-organization').focus();
    assert.deepEqual(await litPaths(), ['workExperience.0.organization'], 'the first job, now second, lights its own box');
    await page.locator('#f-workExperience-0-organization').focus();
    assert.deepEqual(await litPaths(), ['workExperience.1.organization']);
    await page.locator('.value-box[data-path="workExperience.0.jobTitle"]').click();
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-workExperience-1-jobTitle');
    // Unsaved: a reload shows the document as stored, for the tests after this one.
    await page.reload();
    await page.locator('.sheet img').first().waitFor();
    assert.equal(await page.locator('#f-workExperience-0-organization').inputValue(), resume.data.workExperience[0].organization);
  });

  test('focusing a job lights its section, and a box selects its fields', async () => {
    await page.locator('#f-workExperience-0-jobTitle').focus();
    const lit = page.locator('.box.active');
    assert.ok((await lit.count()) > 0);
    assert.equal(await lit.first().getAttribute('data-section'), 'WorkExperience');
    await page.locator('.box[data-section="Education"]').first().click();
    // Run in the page (a string: this file is type-checked without the DOM library).
    assert.equal(await page.evaluate("document.activeElement?.closest('fieldset[data-section]')?.dataset.section"), 'Education');
  });

  test('a corrected job title is saved, and still there after a reload', async () => {
    await page.locator('#f-workExperience-0-jobTitle').fill('Principal Reviewer');
    // By keyboard: the Save button is reached and pressed without the mouse.
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await page.locator('#f-workExperience-0-jobTitle').waitFor();
    assert.equal(await page.locator('#f-workExperience-0-jobTitle').inputValue(), 'Principal Reviewer');
    const data: any = await (await fetch(`${base}/v2/resumes/${resume.meta.identifier}`, { headers: auth() })).json();
    assert.equal(data.data.workExperience[0].jobTitle, 'Principal Reviewer');
  });

  test("a saved edit drops the edited value's box, and only that one; the API's answers carry no boxes", async () => {
    // After the reload above, the first job's title is no longer what was printed: no box for it.
    await page.locator('.sheet img').first().waitFor();
    assert.equal(await page.locator('.value-box[data-path="workExperience.0.jobTitle"]').count(), 0);
    assert.equal(await page.locator('.value-box[data-path="workExperience.0.organization"]').count(), 1);
    assert.equal(await page.locator('.value-box[data-path="workExperience.1.jobTitle"]').count(), 1);
    const segment = new URL(resume.meta.reviewUrl).pathname;
    const review: any = await (await fetch(`${base}${segment}/data`)).json();
    assert.equal(review.review.unit, 'pt');
    assert.deepEqual(review.review.pages, [{ pageIndex: 0, width: 612, height: 792 }]);
    assert.ok(review.review.boxes.some((b: any) => b.path === 'emails.0'));
    const api: any = await (await fetch(`${base}/v2/resumes/${resume.meta.identifier}`, { headers: auth() })).json();
    assert.deepEqual(Object.keys(api).sort(), ['data', 'error', 'meta']);
    assert.equal(JSON.stringify(api).includes('"boxes"'), false);
  });

  test('a wrong date is refused next to its field, and nothing is saved', async () => {
    await page.locator('#f-workExperience-0-dates-startDate').fill('last spring');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#e-workExperience-0-dates-startDate', { hasText: 'YYYY-MM-DD' }).waitFor();
    assert.equal(await page.locator('#f-workExperience-0-dates-startDate').getAttribute('aria-invalid'), 'true');
    const data: any = await (await fetch(`${base}/v2/resumes/${resume.meta.identifier}`, { headers: auth() })).json();
    assert.equal(data.data.workExperience[0].dates.startDate, resume.data.workExperience[0].dates.startDate);
  });

  test('"Mark verified" sets meta.isVerified', async () => {
    assert.equal((await apiMeta()).isVerified, false);
    await page.getByRole('button', { name: 'Mark verified' }).click();
    await page.locator('#verified', { hasText: /^Verified$/ }).waitFor();
    assert.equal((await apiMeta()).isVerified, true);
  });

  test('an expired, tampered or foreign link is refused, page and JSON', async () => {
    const url = new URL(resume.meta.reviewUrl);
    const [identifier, expires, token] = url.pathname.slice('/review/'.length).split('.') as [string, string, string];
    const past = Math.floor(Date.now() / 1000) - 60;
    const bad = {
      expired: reviewSegment(secret, await workspaceOf(), identifier, past),
      tampered: `${identifier}.${expires}.${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      'later expiry': `${identifier}.${Number(expires) + 60}.${token}`,
      'another document': `zzzzzzzz.${expires}.${token}`,
      malformed: 'not-a-link',
    };
    for (const [what, segment] of Object.entries(bad)) {
      const html = await page.goto(`${base}/review/${segment}`);
      assert.equal(html?.status(), 403, what);
      await page.getByRole('heading', { name: 'This review link does not work' }).waitFor();
      for (const [method, path] of [['GET', 'data'], ['PUT', 'data'], ['POST', 'verify']] as const) {
        const res = await fetch(`${base}/review/${segment}/${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
        assert.equal(res.status, 403, `${what} ${method} ${path}`);
        const body: any = await res.json();
        assert.deepEqual(body, { type: 'client_error', errors: [{ attr: null, code: 'permission_denied', detail: 'The review link is not valid, or has expired.' }] });
      }
    }
  });

  test("a scan's boxes are drawn too, over the words OCR read, scaled by the page's size in points", async () => {
    // The single-column fixture as a 150 dpi scan: its page is 612 pt wide, its image 1275 px.
    const form = new FormData();
    form.append('file', new Blob([await renderPng(await singleColumnPdf(), 150)]), 'scan.png');
    const res = await fetch(`${base}/v2/resumes`, { method: 'POST', headers: auth(), body: form });
    const scan: any = await res.json();
    assert.equal(scan.meta.isOcrd, true);
    assert.equal(scan.meta.pages[0].width, 1275, 'the image in pixels, as Affinda reports it');
    await page.goto(scan.meta.reviewUrl);
    await page.locator('.sheet img').first().waitFor();
    const image = (await page.locator('.sheet img').first().boundingBox())!;
    const box = (await page.locator('.value-box[data-path="name"]').boundingBox())!;
    // The fixture draws the name at x = 50 pt, baseline 60 pt, 20 pt bold: its box starts there and holds the baseline.
    const x0 = ((box.x - image.x) / image.width) * 612;
    const [top, bottom] = [((box.y - image.y) / image.height) * 792, ((box.y + box.height - image.y) / image.height) * 792];
    assert.ok(Math.abs(x0 - 50) < 3, `name box starts at ${x0} pt`);
    assert.ok(top < 60 && 60 < bottom + 1, `name box ${top}–${bottom} pt`);
    await page.locator('#f-workExperience-0-jobTitle').focus();
    assert.equal(await page.locator('.value-box.active').first().getAttribute('data-path'), 'workExperience.0.jobTitle');
    assert.ok((await page.locator('.box[data-section="WorkExperience"]').count()) > 0, 'section boxes on a scan too');
  });

  /** The workspace id of the uploaded document, for signing a link that is right in all but its expiry. */
  async function workspaceOf(): Promise<string> {
    const direct = await openDatabase(db.config.databaseUrl);
    try {
      return (await direct.kysely.selectFrom('documents').select('workspace_id').where('identifier', '=', resume.meta.identifier).executeTakeFirstOrThrow()).workspace_id;
    } finally {
      await direct.kysely.destroy();
    }
  }
});
