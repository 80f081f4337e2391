/**
 * `npm run bench:formats`: accuracy and speed of the other word-processor formats against DOCX.
 *
 *   node --import tsx bench/formats.ts [--corpus DIR] [--cache DIR] [--formats doc,rtf,odt,html,xlsx,xls,pdf,html-pdf,tiff]
 *
 * Converts each .docx of the corpus (the ones with a <id>.truth.json) with LibreOffice to DOC, RTF, ODT and
 * HTML in a cache folder (default .bench/formats/<format>/, gitignored; a conversion older than its .docx is
 * redone); to XLSX and XLS through the HTML (Calc opens it as a web page — each paragraph a row, a layout
 * table's columns as columns, list items run together in one cell — and saves it as Excel 2007 or 97: the
 * same sheet in both, so the two rows compare the readers, and both against docx show what a spreadsheet
 * layout loses); to PDF (Writer prints it: the text-layer PDF reader on Word's own layouts, which the
 * corpus's PDFs do not use); to PDF again through the HTML, printed by Chromium (html-pdf: another
 * typesetter's columns and spacing — a table's cells set hard against each other); and to TIFF through that PDF (pdf.js draws each page at 150 dpi in grey, written
 * as one multi-page TIFF, as a scanner would file it — read by OCR). It parses the originals and every
 * conversion in this process after an untimed warm-up per format,
 * scores them with the corpus's eval/score.mjs and prints one row per format: the headline fields' F1, the
 * overall score and parse time. The same truth scores every format, so a row below docx's is what its
 * reader loses (or what LibreOffice's conversion changed). Documents that score lower than their .docx are
 * listed with where they differ from the truth.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseResume } from '../src/pipeline/pipeline.ts';
import type { Resume } from '../src/affinda/types.ts';
import { corpusDocs, DEFAULT_CORPUS, findScorer, loadScorer, ROOT, scoringMonth, type CorpusDoc, type Scorer } from './corpus.ts';
import { differences, percentile, type Truth } from './report.ts';
import { scanAsTiff } from './scan.ts';
import { CHROMIUM } from '../scripts/lib/chromium.ts';

/** LibreOffice export filter per target format. */
const FILTERS: Record<string, string> = {
  doc: 'doc:MS Word 97',
  rtf: 'rtf:Rich Text Format',
  odt: 'odt:writer8',
  html: 'html:HTML (StarWriter)',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  xls: 'xls:MS Excel 97',
  pdf: 'pdf:writer_pdf_Export',
  // Chromium prints the HTML conversion: a second typesetter, whose columns and spacing are not Writer's.
  'html-pdf': 'html:HTML (StarWriter)',
  tiff: 'pdf:writer_pdf_Export',
};

/** The file extension of a format's conversions. */
const extensionOf = (format: string): string => (format === 'html-pdf' ? 'pdf' : format);
/** Headline fields shown per format, as the corpus report names them. */
const COLUMNS: Array<[string, string]> = [
  ['name', 'name'],
  ['emails', 'email'],
  ['phones', 'phone'],
  ['location.city', 'city'],
  ['work.entries', 'work'],
  ['work.jobTitle', 'title'],
  ['work.dates', 'wdate'],
  ['education.entries', 'edu'],
  ['skills', 'skill'],
  ['languages', 'lang'],
];
/** Documents below their .docx whose differences are printed, per format. */
const DETAILED = 5;

interface Options {
  corpus: string;
  cache: string;
  formats: string[];
}

function options(): Options {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, cache: { type: 'string' }, formats: { type: 'string', default: Object.keys(FILTERS).join(',') } } });
  const corpus = path.resolve(values.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) throw new Error(`corpus folder ${corpus} not found; pass --corpus DIR.`);
  const formats = values.formats.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !FILTERS[f]);
  if (unknown.length) throw new Error(`unknown format ${unknown.join(', ')}; known: ${Object.keys(FILTERS).join(', ')}.`);
  return { corpus, cache: path.resolve(values.cache ?? path.join(ROOT, '.bench/formats')), formats };
}

/** True when `soffice` runs. */
function hasLibreOffice(): boolean {
  const run = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return run.status === 0;
}

/**
 * Converts the .docx files whose conversion is missing or older than them, in one LibreOffice call per format.
 * Each call gets its own profile folder: two instances sharing the default profile make one of them exit
 * silently without output.
 */
async function convert(corpus: string, docs: CorpusDoc[], format: string, outDir: string, cache: string): Promise<void> {
  const stale = docs.filter((d) => {
    const target = path.join(outDir, `${d.id}.${extensionOf(format)}`);
    return !existsSync(target) || statSync(target).mtimeMs < statSync(path.join(corpus, d.file)).mtimeMs;
  });
  if (!stale.length) return;
  process.stderr.write(`converting ${stale.length} documents to ${format}…\n`);
  const profile = `file:///tmp/lo-profile-${process.pid}-${format}`;
  const soffice = (args: string[]): void => {
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`soffice failed converting to ${format} (exit ${run.status}): ${run.stderr}`);
  };
  if (format === 'xls' || format === 'xlsx') {
    // Writer has no spreadsheet export: the HTML conversion, opened by Calc as a web page.
    const htmlDir = path.join(cache, 'html');
    await mkdir(htmlDir, { recursive: true });
    await convert(corpus, docs, 'html', htmlDir, cache);
    soffice(['--infilter=calc_HTML_WebQuery', '--convert-to', FILTERS[format]!, '--outdir', outDir, ...stale.map((d) => path.join(htmlDir, `${d.id}.html`))]);
    return;
  }
  if (format === 'html-pdf') {
    const htmlDir = path.join(cache, 'html');
    await mkdir(htmlDir, { recursive: true });
    await convert(corpus, docs, 'html', htmlDir, cache);
    for (const d of stale) {
      const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${path.join(outDir, `${d.id}.pdf`)}`, pathToFileURL(path.join(htmlDir, `${d.id}.html`)).href];
      const run = spawnSync(CHROMIUM, args, { encoding: 'utf8' });
      if (run.error || run.status !== 0) throw new Error(`Chromium (${CHROMIUM}) failed printing ${d.id}: ${run.error?.message ?? `exit ${run.status}, ${run.stderr}`}`);
    }
    return;
  }
  if (format === 'tiff') {
    // Scanned from the PDF conversion, as a printout would be.
    const pdfDir = path.join(cache, 'pdf');
    await mkdir(pdfDir, { recursive: true });
    await convert(corpus, docs, 'pdf', pdfDir, cache);
    for (const d of stale) await writeFile(path.join(outDir, `${d.id}.tiff`), await scanAsTiff(await readFile(path.join(pdfDir, `${d.id}.pdf`))));
    return;
  }
  soffice(['--convert-to', FILTERS[format]!, '--outdir', outDir, ...stale.map((d) => path.join(corpus, d.file))]);
}


interface FormatResult {
  format: string;
  parses: number;
  failed: string[];
  metrics: ReturnType<Scorer['summarise']>;
  ms: number[];
  /** Per-document overall, by id. */
  overall: Map<string, number>;
  results: Map<string, Resume>;
}

async function benchFormat(format: string, files: Map<string, string>, truths: Map<string, unknown>, scorer: Scorer, now: string): Promise<FormatResult> {
  const all = {};
  const result: FormatResult = { format, parses: 0, failed: [], metrics: scorer.summarise(all), ms: [], overall: new Map(), results: new Map() };
  const first = [...files.values()][0];
  if (first) await parseResume(await readFile(first), { fileName: path.basename(first) }); // warm-up: this format's modules, JIT
  for (const [id, file] of files) {
    const bytes = await readFile(file);
    const started = performance.now();
    const resume = await parseResume(bytes, { fileName: path.basename(file) });
    result.ms.push(performance.now() - started);
    result.parses++;
    if (resume.error.errorCode) result.failed.push(`${id} (${resume.error.errorCode})`);
    scorer.scoreDoc(truths.get(id), resume, all, { now });
    const one = {};
    scorer.scoreDoc(truths.get(id), resume, one, { now });
    result.overall.set(id, scorer.summarise(one).overall);
    result.results.set(id, resume);
  }
  result.metrics = scorer.summarise(all);
  return result;
}

function table(results: FormatResult[]): string[] {
  const f3 = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(3));
  const header = ['format'.padEnd(8), 'docs'.padStart(4), 'failed'.padStart(6), ...COLUMNS.map(([, short]) => short.padStart(6)), 'overall'.padStart(7), 'median ms'.padStart(9), 'p95 ms'.padStart(7)];
  const lines = [header.join('  ')];
  for (const r of results) {
    const sorted = [...r.ms].sort((a, b) => a - b);
    const f1 = (key: string): number | undefined => {
      const m = r.metrics[key];
      return typeof m === 'object' ? m.f1 : undefined;
    };
    lines.push(
      [
        r.format.padEnd(8),
        String(r.parses).padStart(4),
        String(r.failed.length).padStart(6),
        ...COLUMNS.map(([key]) => f3(f1(key)).padStart(6)),
        r.metrics.overall.toFixed(3).padStart(7),
        (sorted.length ? percentile(sorted, 50).toFixed(1) : '-').padStart(9),
        (sorted.length ? percentile(sorted, 95).toFixed(1) : '-').padStart(7),
      ].join('  '),
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const { corpus, cache, formats } = options();
  if (!hasLibreOffice()) {
    console.error('bench:formats: LibreOffice (soffice) is not installed; it converts the corpus. Debian: apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui');
    process.exit(1);
  }
  const scorerFile = findScorer(corpus);
  if (!scorerFile) throw new Error(`no eval/score.mjs beside ${corpus} or its parent.`);
  const scorer = await loadScorer(scorerFile);
  const docs = (await corpusDocs(corpus)).filter((d) => d.file.toLowerCase().endsWith('.docx') && existsSync(path.join(corpus, `${d.id}.truth.json`)));
  if (!docs.length) throw new Error(`no .docx with a truth file in ${corpus}.`);
  const truths = new Map<string, unknown>();
  for (const d of docs) truths.set(d.id, JSON.parse(await readFile(path.join(corpus, `${d.id}.truth.json`), 'utf8')));
  const now = scoringMonth();

  const results: FormatResult[] = [await benchFormat('docx', new Map(docs.map((d) => [d.id, path.join(corpus, d.file)])), truths, scorer, now)];
  for (const format of formats) {
    const dir = path.join(cache, format);
    await mkdir(dir, { recursive: true });
    await convert(corpus, docs, format, dir, cache);
    // A document LibreOffice could not convert is left out of the row (and said so), not counted as a failed parse.
    const files = new Map(docs.map((d) => [d.id, path.join(dir, `${d.id}.${extensionOf(format)}`)] as const).filter(([, file]) => existsSync(file)));
    if (files.size < docs.length) console.error(`bench:formats: ${docs.length - files.size} documents were not converted to ${format}.`);
    results.push(await benchFormat(format, files, truths, scorer, now));
  }

  const log = (line = ''): void => console.log(line);
  log(`corpus: ${corpus} (${docs.length} .docx; conversions in ${cache})`);
  log(`scorer: ${scorerFile} (--now ${now})\n`);
  for (const line of table(results)) log(line);
  const docx = results[0]!;
  for (const r of results.slice(1)) {
    for (const f of r.failed) log(`\n${r.format} failed: ${f}`);
    const worse = [...r.overall].filter(([id, score]) => score < (docx.overall.get(id) ?? 0) - 1e-9).sort((a, b) => a[1] - b[1]);
    if (!worse.length) continue;
    log(`\n== ${r.format}: ${worse.length} documents below their .docx ==`);
    for (const [id, score] of worse.slice(0, DETAILED)) {
      log(`\n${id}.${r.format} ${score.toFixed(3)} (docx ${docx.overall.get(id)!.toFixed(3)})`);
      for (const d of differences(truths.get(id) as Truth, r.results.get(id)!.data)) log(`  ${d}`);
    }
    if (worse.length > DETAILED) log(`\n…and ${worse.length - DETAILED} more: ${worse.slice(DETAILED).map(([id]) => id).join(', ')}`);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:formats: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
