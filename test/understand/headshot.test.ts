import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { looksLikePhoto, photoStats } from '../../src/pipeline/understand/headshot.ts';
import { photoPdf } from '../fixtures/pdf-fixtures.ts';
import { icon, portrait, squareLogo } from '../fixtures/pictures.ts';
import { imageOnlyPdf, renderPng } from '../fixtures/scan-fixtures.ts';
import { pictureResume } from '../fixtures/docx-fixtures.ts';
import { ODF_NS } from '../fixtures/flow-fixtures.ts';
import { strToU8, zipSync } from 'fflate';

async function statsOf(bytes: Uint8Array) {
  const img = await loadImage(Buffer.from(bytes));
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  return photoStats(data, width, height);
}

test('photographs are told from logos and icons by their pixels', async () => {
  assert.equal(looksLikePhoto(await statsOf(portrait('jpeg'))), true);
  assert.equal(looksLikePhoto(await statsOf(portrait('png'))), true);
  assert.equal(looksLikePhoto(await statsOf(portrait('jpeg', { grey: true }))), true);
  assert.equal(looksLikePhoto(await statsOf(squareLogo())), false);
  assert.equal(looksLikePhoto(await statsOf(icon())), false);
});

test('a PDF photo beside the name becomes data.headShot; the logo and icon never do', async () => {
  for (const photoFormat of ['jpeg', 'png'] as const) {
    const r = await runPipeline(await photoPdf({ photo: portrait(photoFormat), photoFormat, logo: squareLogo(), icon: icon() }));
    assert.equal(r.error, null);
    const shot = r.data!.headShot;
    assert.ok(shot, `no headshot from the ${photoFormat} photo`);
    const img = await loadImage(Buffer.from(shot, 'base64'));
    assert.deepEqual([img.width, img.height], [240, 300]);
    assert.equal(r.data!.name?.raw, 'Jane Whitfield');
  }
  const none = await runPipeline(await photoPdf({ photo: null, logo: squareLogo(), icon: icon() }));
  assert.equal(none.data!.headShot, null);
});

test('a photo printed on a scanned or photographed page is cut out of it; a page without one gives none', async () => {
  const withPhoto = await renderPng(await photoPdf({ photo: portrait('jpeg'), logo: squareLogo(), icon: icon() }), 150);
  for (const scan of [withPhoto, await imageOnlyPdf(withPhoto)]) {
    const r = await runPipeline(scan);
    assert.equal(r.error, null);
    assert.equal(r.data!.name?.raw, 'Jane Whitfield');
    const shot = r.data!.headShot;
    assert.ok(shot, 'no headshot from the scan');
    // The photo's place on the page: 90×112 pt at (472, 40), give or take a cell of the search grid.
    const img = await loadImage(Buffer.from(shot, 'base64'));
    assert.ok(Math.abs(img.width - (90 * 150) / 72) <= 16 && Math.abs(img.height - (112 * 150) / 72) <= 16, `${img.width}×${img.height}`);
  }
  const without = await runPipeline(await renderPng(await photoPdf({ photo: null, logo: squareLogo(), icon: icon() }), 150));
  assert.equal(without.data!.headShot, null);
});

test('a photo in a Word document becomes data.headShot; a logo does not', async () => {
  const withPhoto = await runPipeline(await pictureResume({ data: portrait('jpeg'), type: 'jpg' }));
  assert.equal(withPhoto.error, null);
  assert.equal(withPhoto.data!.name?.raw, 'Jane Whitfield');
  const shot = withPhoto.data!.headShot;
  assert.ok(shot, 'no headshot from the DOCX photo');
  const img = await loadImage(Buffer.from(shot, 'base64'));
  assert.deepEqual([img.width, img.height], [240, 300]);
  const withLogo = await runPipeline(await pictureResume({ data: squareLogo(), type: 'png' }));
  assert.equal(withLogo.data!.headShot, null);
});

test('a photo in an OpenDocument file becomes data.headShot', async () => {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS} xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>
  <text:p><draw:frame svg:width="1.25in" svg:height="1.56in"><draw:image xlink:href="Pictures/photo.jpg" xlink:type="simple"/></draw:frame></text:p>
  <text:h text:outline-level="1">Jane Whitfield</text:h>
  <text:p>jane@example.com | +1 555 0100</text:p>
</office:text></office:body></office:document-content>`;
  const odt = zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'Pictures/photo.jpg': portrait('jpeg'),
  });
  const r = await runPipeline(odt);
  assert.equal(r.error, null);
  assert.equal(r.data!.name?.raw, 'Jane Whitfield');
  assert.ok(r.data!.headShot, 'no headshot from the ODT photo');
});
