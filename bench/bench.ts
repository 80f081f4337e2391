/**
 * `npm run bench`: accuracy and speed of parseResume on a résumé corpus, in this one process.
 *
 *   node --import tsx bench/bench.ts [--corpus DIR] [--out DIR] [--repeat N] [--scanned]
 *
 * Parses every document of the corpus (default ../shared/corpus/dev next to the repository) after one
 * untimed warm-up parse, writes <id>.json predictions (default .bench/pred), scores them with the corpus's
 * scorer (eval/score.mjs beside the corpus folder or its parent) and prints the accuracy table, the worst documents,
 * and speed and memory. Timings cover parseResume only (the file is read before the clock starts).
 *
 * --scanned reads every PDF as a scanner would hand it over: each page drawn at 150 dpi in grey, the pages
 * one TIFF, so the OCR path meets every template the corpus holds (predictions default to .bench/pred-scanned;
 * the drawing is not timed). Other formats are parsed as they are.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseResume } from '../src/pipeline/pipeline.ts';
import type { Resume } from '../src/affinda/types.ts';
import { ProgressBar } from '../src/cli/progress.ts';
import { countCodes } from '../src/cli/summary.ts';
import { differences, speedTable, worstOf, worstTable, type DocScore, type Timing, type Truth } from './report.ts';
import { corpusDocs, DEFAULT_CORPUS, findScorer, loadScorer, ROOT, scoringMonth, type CorpusDoc } from './corpus.ts';
import { scanAsTiff } from './scan.ts';

const WORST = 10;

function options(): { corpus: string; out: string; repeat: number; scanned: boolean } {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' }, repeat: { type: 'string', default: '1' }, scanned: { type: 'boolean', default: false } } });
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got "${values.repeat}".`);
  const corpus = values.corpus ?? DEFAULT_CORPUS;
  if (!existsSync(corpus)) throw new Error(`corpus folder ${corpus} not found; pass --corpus DIR.`);
  const scanned = values.scanned!;
  return { corpus: path.resolve(corpus), out: path.resolve(values.out ?? path.join(ROOT, scanned ? '.bench/pred-scanned' : '.bench/pred')), repeat, scanned };
}

async function main(): Promise<void> {
  const { corpus, out, repeat, scanned } = options();
  const docs = await corpusDocs(corpus);
  if (docs.length === 0) throw new Error(`no documents in ${corpus}.`);
  await mkdir(out, { recursive: true });
  const now = scoringMonth();
  const asScan = (doc: CorpusDoc): boolean => scanned && doc.file.toLowerCase().endsWith('.pdf');
  const parse = (bytes: Uint8Array, doc: CorpusDoc) => parseResume(bytes, { fileName: asScan(doc) ? doc.file.replace(/\.pdf$/i, '.tiff') : doc.file });
  const read = async (doc: CorpusDoc): Promise<Uint8Array> => {
    const bytes = await readFile(path.join(corpus, doc.file));
    return asScan(doc) ? scanAsTiff(bytes) : bytes;
  };

  await parse(await read(docs[0]!), docs[0]!); // warm-up: module loading, lazy tables, JIT
  const timings: Timing[] = [];
  const results = new Map<string, Resume>();
  let peakHeap = 0;
  const progress = process.stderr.isTTY ? new ProgressBar(docs.length * repeat, process.stderr) : null;
  let parseSeconds = 0;
  for (let round = 0; round < repeat; round++) {
    for (const doc of docs) {
      const bytes = await read(doc);
      const started = performance.now();
      const resume = await parse(bytes, doc);
      const ms = performance.now() - started;
      parseSeconds += ms / 1000;
      timings.push({ format: asScan(doc) ? 'pdf→tiff' : path.extname(doc.file).slice(1).toLowerCase(), ms });
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      progress?.tick(resume.error.errorCode != null);
      if (round === 0) {
        results.set(doc.id, resume);
        await writeFile(path.join(out, `${doc.id}.json`), JSON.stringify(resume, null, 2) + '\n');
      }
    }
  }
  progress?.clear();

  const log = (line = '') => console.log(line);
  log(`corpus: ${corpus} (${docs.length} documents)`);
  log(`predictions: ${out}`);
  const scorerFile = findScorer(corpus);
  if (!scorerFile) log(`\nno eval/score.mjs beside ${corpus} or its parent: accuracy not measured, speed only.`);
  else {
    const scorer = await loadScorer(scorerFile);
    log(`\n== accuracy (${scorerFile}, --now ${now}) ==\n`);
    scorer.printReport(scorer.scoreDirs(corpus, out, { now }), log);
    const scores: DocScore[] = [];
    for (const doc of docs) {
      const truthFile = path.join(corpus, `${doc.id}.truth.json`);
      if (!existsSync(truthFile)) continue;
      const metrics = {};
      scorer.scoreDoc(JSON.parse(await readFile(truthFile, 'utf8')), results.get(doc.id), metrics, { now });
      scores.push({ ...doc, overall: scorer.summarise(metrics).overall, errorCode: results.get(doc.id)!.error.errorCode });
    }
    if (scores.length > 0) {
      log(`\n== ${Math.min(WORST, scores.length)} worst documents (per-document overall) ==\n\n${worstTable(scores, WORST).join('\n')}`);
      // What each of them got wrong, so a regression can be read without opening the files.
      log(`\n== where the worst documents differ from their truth ==`);
      for (const s of worstOf(scores, WORST)) {
        const truth = JSON.parse(await readFile(path.join(corpus, `${s.id}.truth.json`), 'utf8')) as Truth;
        log(`\n${s.id} (${s.template}, ${s.format}, overall ${s.overall.toFixed(3)})`);
        for (const d of differences(truth, results.get(s.id)!.data)) log(`  ${d}`);
      }
    }
  }
  log(`\n== speed (parseResume, warm, one process) ==\n\n${speedTable(timings, parseSeconds, repeat).join('\n')}`);
  const failed = [...results.values()].flatMap((r) => (r.error.errorCode ? [r.error.errorCode] : []));
  log(`failed documents: ${failed.length}${failed.length > 0 ? ` (${countCodes(failed)})` : ''}`);
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  log(`memory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, peak heap used ${mb(peakHeap)} (sampled after each document)`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
