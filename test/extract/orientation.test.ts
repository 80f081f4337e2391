/** Scans turned sideways or upside down, or skewed, read like upright ones; multi-page TIFF. Needs tesseract-ocr (with its osd data). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResume } from '../../src/index.ts';
import { imageDpi } from '../../src/pipeline/extract/image.ts';
import { ocrUpright, rotatePng } from '../../src/pipeline/extract/orientation.ts';
import { singleColumnPdf } from '../fixtures/pdf-fixtures.ts';
import { imageOnlyPdf, renderPng } from '../fixtures/scan-fixtures.ts';
import { multiPageTiff } from '../fixtures/tiff.ts';

const PT_PER_PX = 72 / 150;

test('pages turned by 90° and 180° are turned back before they are read', async () => {
  const upright = await renderPng(await singleColumnPdf(), 150);
  const plain = await ocrUpright(upright, 0, PT_PER_PX);
  assert.equal(plain.rotation, 0);
  const firstLine = plain.lines[0]!.text;
  assert.match(firstLine, /Jane Whitfield/);
  // Turned clockwise by 90° (sideways) and 180° (upside down); the fix is the turn that completes 360°.
  for (const [turned, fix] of [[90, 270], [180, 180]] as const) {
    const page = await ocrUpright(await rotatePng(upright, turned), 0, PT_PER_PX);
    assert.equal(page.rotation, fix, `turned ${turned}°`);
    assert.equal(page.lines[0]!.text, firstLine, `turned ${turned}°`);
    // Back in the upright page's frame: the same size, the name in the same place.
    assert.deepEqual([page.width, page.height].map(Math.round), [plain.width, plain.height].map(Math.round));
    const [x0, y0] = page.lines[0]!.bbox;
    assert.ok(Math.abs(x0 - plain.lines[0]!.bbox[0]) < 3 && Math.abs(y0 - plain.lines[0]!.bbox[1]) < 3, `turned ${turned}°: ${page.lines[0]!.bbox}`);
  }
});

test('an upside-down scanned PDF parses, and its page is reported turned', async () => {
  const upsideDown = await rotatePng(await renderPng(await singleColumnPdf(), 150), 180);
  const r = await parseResume(await imageOnlyPdf(upsideDown));
  assert.equal(r.error.errorCode, null);
  assert.equal(r.data!.name?.raw, 'Jane Whitfield');
  assert.deepEqual(r.data!.emails, ['jane@example.com']);
  assert.equal(r.meta.pages[0]!.rotation, 180);
});

/** The page turned by `degrees` (clockwise) about its centre on white, as a crooked scan or photo. */
async function skewed(png: Uint8Array, degrees: number): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return canvas.toBuffer('image/png');
}

test('scans skewed by a few degrees read like straight ones (rows straightened, steep skew read again)', async () => {
  const straight = await renderPng(await singleColumnPdf(), 200);
  for (const degrees of [4, -7]) {
    const r = await parseResume(await skewed(straight, degrees), { referenceDate: new Date('2026-11-01') });
    assert.equal(r.error.errorCode, null);
    const d = r.data!;
    assert.equal(d.name?.raw, 'Jane Whitfield', `${degrees}°`);
    assert.deepEqual(d.emails, ['jane@example.com'], `${degrees}°`);
    assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]), [
      ['Senior Software Engineer', 'Acme Corporation', '2019-01-01'],
      ['Software Engineer', 'Globex', '2015-06-01'],
    ], `${degrees}°`);
  }
});

test('a multi-page TIFF gives a page per TIFF page (up to maxPages), sized from its resolution', async () => {
  const png = await renderPng(await singleColumnPdf(), 150);
  const tiff = await multiPageTiff([png, png], 150);
  assert.equal(imageDpi(tiff), 150);
  const r = await parseResume(tiff, { maxPages: 5 });
  assert.equal(r.error.errorCode, null);
  assert.equal(r.data!.name?.raw, 'Jane Whitfield');
  assert.deepEqual(r.meta.pages.map((p) => [p.width, p.height]), [[612, 792], [612, 792]]);
  assert.equal((await parseResume(tiff, { maxPages: 1 })).meta.pages.length, 1);
});
