/**
 * Draw PDF pages to PNG for eyeballing generated documents (pdf.js + @napi-rs/canvas).
 *
 *   node --import tsx bench/unseen/preview.ts OUT_DIR FILE.pdf [FILE.pdf ...] [--scale 0.9]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { scale: { type: 'string', default: '0.9' } } });
const [outDir, ...files] = positionals;
if (!outDir || files.length === 0) throw new Error('usage: preview.ts OUT_DIR FILE.pdf [...]');
await mkdir(outDir, { recursive: true });
const scale = Number(values.scale);
for (const file of files) {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  for (let i = 1; i <= doc.numPages; i++) {
    const pg = await doc.getPage(i);
    const vp = pg.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js draws on any 2D context with the canvas API; the DOM types are not in this project's lib
    await pg.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise;
    const out = path.join(outDir, `${path.parse(file).name}-p${i}.png`);
    await writeFile(out, canvas.toBuffer('image/png'));
    console.log(out);
  }
  await doc.destroy();
}
