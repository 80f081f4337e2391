/** The development corpus and its scorer, as the bench commands find them (bench.ts, formats.ts). */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** ../shared/corpus/dev next to the repository. */
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus/dev');

/** What the benches use of shared/eval/score.mjs (plain JS, no types). */
export interface Scorer {
  scoreDirs(truthDir: string, predDir: string, opts?: { now?: string }): unknown;
  printReport(result: unknown, log?: (line: string) => void): void;
  scoreDoc(truth: unknown, pred: unknown, metrics: object, opts?: { now?: string }): void;
  summarise(metrics: object): { overall: number } & Record<string, { f1?: number } | number>;
}

export interface CorpusDoc {
  id: string;
  file: string;
  template: string;
  format: string;
}

/** manifest.json's order and labels when present; otherwise every non-hidden, non-JSON file, by name. */
export async function corpusDocs(corpus: string): Promise<CorpusDoc[]> {
  const manifest = path.join(corpus, 'manifest.json');
  const extension = (file: string) => path.extname(file).slice(1).toLowerCase();
  const files: Array<{ file: string; template?: string; format?: string }> = existsSync(manifest)
    ? JSON.parse(await readFile(manifest, 'utf8'))
    : (await readdir(corpus)).filter((f) => !f.startsWith('.') && !f.endsWith('.json')).sort().map((file) => ({ file }));
  return files.map((d) => ({ id: path.parse(d.file).name, file: d.file, template: d.template ?? '-', format: d.format ?? extension(d.file) }));
}

/**
 * The scorer sits in eval/ beside the corpus folder or beside its parent (shared/eval for shared/corpus/dev); a
 * corpus made elsewhere (bench/unseen's, in .bench/) is scored by the development corpus's.
 */
export function findScorer(corpus: string): string | null {
  const candidates = [path.resolve(corpus, '../eval/score.mjs'), path.resolve(corpus, '../../eval/score.mjs'), path.resolve(DEFAULT_CORPUS, '../../eval/score.mjs')];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function loadScorer(file: string): Promise<Scorer> {
  return (await import(pathToFileURL(file).href)) as Scorer;
}

/** "Present" in a parse means today; the scorer is told which month that is. */
export const scoringMonth = (): string => new Date().toISOString().slice(0, 7);
