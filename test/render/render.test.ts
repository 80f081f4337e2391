/**
 * Page images, drawn by the pipeline when asked (`renderPages`): PDF pages as pdf.js draws them, image uploads
 * as themselves (turned the way OCR read them), other formats as their layout drawn back; a failure to draw
 * leaves the page without an image and a warning, never a failed parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { createDoc } from '../../src/pipeline/doc.ts';
import { renderPages } from '../../src/pipeline/render/index.ts';
import { fitScale, MAX_PIXELS } from '../../src/pipeline/render/page-image.ts';
import { encodePng } from '../../src/pipeline/render/png.ts';
import type { BBox } from '../../src/pipeline/layout.ts';
import { multiPagePdf, singleColumnPdf } from '../fixtures/pdf-fixtures.ts';
import { plainResume } from '../fixtures/docx-fixtures.ts';
import { blankPng, renderPng } from '../fixtures/scan-fixtures.ts';
import { imageRenderer } from '../../src/pipeline/render/image.ts';
import { readFileSync } from 'node:fs';
import { multiPageTiff } from '../fixtures/tiff.ts';

/** Decoded pixels of a PNG. */
async function pixelsOf(png: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

/** Pixels darker than mid-grey inside a box given in points, on an image drawn at `scale` pixels per point. */
function darkIn(image: { width: number; data: Uint8ClampedArray }, box: BBox, scale: number): number {
  let dark = 0;
  for (let y = Math.floor(box[1] * scale); y < Math.ceil(box[3] * scale); y++) {
    for (let x = Math.floor(box[0] * scale); x < Math.ceil(box[2] * scale); x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 3 * 128) dark++;
    }
  }
  return dark;
}

test('a PDF page is drawn at 2× where its text is, and Affinda’s page size is the image’s, in pixels', async () => {
  const r = await runPipeline(await singleColumnPdf(), { renderPages: true });
  assert.equal(r.error, null);
  const [image] = r.pageImages;
  assert.ok(image);
  assert.deepEqual([image.width, image.height], [1224, 1584]);
  assert.deepEqual([r.meta.pages[0]!.width, r.meta.pages[0]!.height], [1224, 1584]);
  const pixels = await pixelsOf(image.png);
  assert.equal(pixels.width, 1224);
  const lines = r.doc!.layout.pages[0]!.lines;
  for (const line of lines) assert.ok(darkIn(pixels, line.bbox, 2) > 20, `ink where "${line.text}" is`);
  const below = Math.max(...lines.map((l) => l.bbox[3])) + 5;
  assert.equal(darkIn(pixels, [0, below, 612, 792], 2), 0, 'nothing below the last line');
});

test('only the pages read are drawn (maxPages)', async () => {
  const r = await runPipeline(await multiPagePdf(3), { renderPages: true, maxPages: 2 });
  assert.equal(r.pageImages.length, 2);
  assert.ok(r.pageImages.every((image) => image && image.width === 1224));
});

test('a DOCX page is its layout drawn back: ink in every line’s box, none elsewhere', async () => {
  const r = await runPipeline(await plainResume(), { renderPages: true });
  assert.equal(r.error, null);
  const [image] = r.pageImages;
  assert.ok(image);
  assert.deepEqual([image.width, image.height], [1224, 1584]);
  const pixels = await pixelsOf(image.png);
  const lines = r.doc!.layout.pages[0]!.lines;
  for (const line of lines) {
    // Glyphs may reach a little past the synthetic box (its width is an estimate), not into the next line.
    const [x0, y0, , y1] = line.bbox;
    assert.ok(darkIn(pixels, [x0, y0, 612, y1], 2) > 10, `ink where "${line.text}" is`);
  }
  const below = Math.max(...lines.map((l) => l.bbox[3])) + 5;
  assert.equal(darkIn(pixels, [0, below, 612, 792], 2), 0, 'nothing below the last line');
});

test('without renderPages nothing is drawn and pages keep their size in points', async () => {
  const r = await runPipeline(await singleColumnPdf());
  assert.deepEqual(r.pageImages, []);
  assert.deepEqual(r.meta.pages, [{ id: 1, pageIndex: 0, image: null, imageTranslated: null, width: 612, height: 792, rotation: 0 }]);
});

test('an upright PNG is its own page image; one scanned sideways is turned the way OCR read it', async () => {
  const png = await renderPng(await singleColumnPdf(), 150);
  const upright = await runPipeline(png, { renderPages: true });
  assert.ok(Buffer.from(png).equals(upright.pageImages[0]!.png));
  const { width, height } = await pixelsOf(png);
  assert.deepEqual([upright.meta.pages[0]!.width, upright.meta.pages[0]!.height], [width, height]);

  const scan = await renderPng(await singleColumnPdf(), 150, 90);
  const sideways = await runPipeline(scan, { renderPages: true });
  assert.equal(sideways.meta.pages[0]!.rotation, 270);
  const turned = sideways.pageImages[0]!;
  const scanned = await pixelsOf(scan);
  assert.ok(scanned.width > scanned.height);
  assert.deepEqual([turned.width, turned.height], [scanned.height, scanned.width], 'upright again: taller than wide');
  // The name's line holds ink in the turned image as in the upright one.
  const name = sideways.doc!.layout.pages[0]!.lines[0]!;
  assert.ok(darkIn(await pixelsOf(turned.png), name.bbox, 150 / 72) > 20);
});

test('TIFF pages are their own images, page by page: uncompressed grey and a scanner’s 1-bit CCITT Group 4', async () => {
  const png = await renderPng(await singleColumnPdf(), 150);
  const tiff = await multiPageTiff([png, png], 150);
  const r = await runPipeline(tiff, { renderPages: true });
  assert.equal(r.error, null);
  assert.equal(r.pageImages.length, 2);
  const source = await pixelsOf(png);
  for (const image of r.pageImages) {
    assert.deepEqual([image!.width, image!.height], [source.width, source.height], 'the scan’s own pixels');
    assert.deepEqual([r.meta.pages[0]!.width, r.meta.pages[0]!.height], [source.width, source.height]);
  }
  const name = r.doc!.layout.pages[0]!.lines[0]!;
  assert.ok(darkIn(await pixelsOf(r.pageImages[1]!.png), name.bbox, 150 / 72) > 20, 'ink where the name is, on page 2 too');

  const g4 = new Uint8Array(readFileSync(new URL('../fixtures/resume-g4.tif', import.meta.url)));
  const scanned = await runPipeline(g4, { renderPages: true });
  assert.equal(scanned.error, null);
  assert.equal(scanned.data!.name?.raw, 'Jane Whitfield');
  assert.deepEqual(scanned.pageImages.map((p) => [p?.width, p?.height]), [[1275, 1651], [1275, 1651]]);
  const first = await pixelsOf(scanned.pageImages[0]!.png);
  assert.ok(darkIn(first, scanned.doc!.layout.pages[0]!.lines[0]!.bbox, 150 / 72) > 20, 'the name’s ink on the decoded page');
  assert.ok(!scanned.doc!.messages.some((m) => m.source === 'render'), JSON.stringify(scanned.doc!.messages));
});

test('a TIFF page declaring more pixels than may be decoded gets no image, not an allocation', async () => {
  const tiff = await multiPageTiff([blankPng()], 150);
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, true);
  // ImageWidth and ImageLength are the IFD's first two entries (tags 256, 257): 100 000 × 100 000 pixels.
  view.setUint32(ifd + 2 + 8, 100_000, true);
  view.setUint32(ifd + 2 + 12 + 8, 100_000, true);
  const renderer = (await imageRenderer(tiff))!;
  const page = { index: 0, width: 612, height: 792, rotation: 0, lines: [], images: [] };
  await assert.rejects(renderer.render(page), /more than 64000000/);
  await assert.rejects(renderer.render({ ...page, index: 1 }), /no page 2/);
});

test('a page that cannot be drawn has no image and a warning; the parse goes on', async () => {
  const doc = createDoc(new TextEncoder().encode('not a PDF at all'), { renderPages: true });
  doc.layout = { ...doc.layout, format: 'pdf', pages: [{ index: 0, width: 612, height: 792, rotation: 0, lines: [], images: [] }] };
  assert.deepEqual(await renderPages(doc), [null]);
  assert.deepEqual(doc.messages.map((m) => [m.level, m.source, m.code]), [['warning', 'render', 'page_image_failed']]);
});

test('page images are bounded in pixels, whatever the page size', () => {
  assert.equal(fitScale(612, 792), 2);
  for (const [w, h] of [[2384, 3370], [14400, 14400], [100, 14400]]) {
    const s = fitScale(w, h);
    assert.ok(w * h * s * s <= MAX_PIXELS + 1 && Math.max(w, h) * s <= 16_384, `${w}×${h} at ${s}`);
  }
  assert.equal(fitScale(800, 600, 1), 1, 'images are never enlarged');
});

test('the PNG encoder round-trips through a real decoder', async () => {
  const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255; // opaque: decoders premultiply alpha
  const decoded = await pixelsOf(encodePng(rgba, 3, 2));
  assert.deepEqual([decoded.width, decoded.height], [3, 2]);
  assert.deepEqual([...decoded.data], [...rgba]);
});
