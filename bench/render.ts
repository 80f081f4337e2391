/**
 * The cost of page images: milliseconds to draw and encode one page, by format, on the development corpus.
 *
 *   node --import tsx bench/render.ts [--corpus DIR] [--formats pdf,docx,txt,png]
 *
 * Each document is parsed without rendering, then its pages are drawn (render/index.ts) and timed alone, after
 * an untimed warm-up of each format (pdf.js import, font registration). Scanned PDFs count as PDFs.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/pipeline/pipeline.ts';
import { renderPages } from '../src/pipeline/render/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(root, '../shared/corpus/dev') },
    formats: { type: 'string', default: 'pdf,docx,txt,png' },
  },
});
const formats = values.formats!.split(',');
const files = (await readdir(values.corpus!)).filter((f) => formats.includes(path.extname(f).slice(1))).sort();

interface Sample {
  ms: number;
  kb: number;
}
const samples = new Map<string, Sample[]>();
const warmed = new Set<string>();
for (const file of files) {
  const format = path.extname(file).slice(1);
  const { doc } = await runPipeline(await readFile(path.join(values.corpus!, file)), { fileName: file });
  if (!doc?.layout.pages.length) continue;
  if (!warmed.has(format)) {
    await renderPages(doc);
    warmed.add(format);
  }
  const started = performance.now();
  const images = await renderPages(doc);
  const ms = (performance.now() - started) / images.length;
  const drawn = images.filter((image) => image !== null);
  const kb = drawn.reduce((n, image) => n + image.png.length, 0) / 1024 / Math.max(1, drawn.length);
  samples.set(format, [...(samples.get(format) ?? []), ...images.map(() => ({ ms, kb }))]);
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
console.log('format    pages   median ms/page   p95 ms/page   median KB/page');
for (const [format, list] of samples) {
  const ms = list.map((s) => s.ms);
  const kb = list.map((s) => s.kb);
  console.log(`${format.padEnd(8)}${String(list.length).padStart(6)}${quantile(ms, 0.5).toFixed(1).padStart(17)}${quantile(ms, 0.95).toFixed(1).padStart(14)}${quantile(kb, 0.5).toFixed(0).padStart(17)}`);
}
