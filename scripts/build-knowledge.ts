/**
 * Builds the compact knowledge files in data/ from the open datasets in ../shared/datasets.
 *
 *   node --import tsx scripts/build-knowledge.ts [--datasets DIR]
 *
 * data/job-title-words.json — how often each word occurs in occupation titles, and how often as the
 * head (last) word: "engineer", "manager", "paralegal". It lets the parser tell a job title from an
 * employer's name without a list of employers. Sources: O*NET 27.0 (CC BY 4.0) occupation titles,
 * alternate titles and reported titles; ESCO v1.0 occupations (preferred and alternative labels,
 * © European Union, reuse under Commission Decision 2011/833/EU). See data/LICENSES.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCsv, readTsv } from './dataset-files.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { datasets: { type: 'string', default: path.resolve(root, '../shared/datasets') } } });
const datasets = values.datasets!;

const titles: string[] = [];
const onet = path.join(datasets, 'onet-27.0');
for (const r of readTsv(path.join(onet, 'Occupation Data.txt'))) titles.push(r[1]!.replace(/s$/, ''));
for (const r of readTsv(path.join(onet, 'Alternate Titles.txt'))) titles.push(r[1]!);
for (const r of readTsv(path.join(onet, 'Sample of Reported Titles.txt'))) titles.push(r[1]!);
const esco = readCsv(path.join(datasets, 'esco-v1.0-en', 'occupations_en.csv'));
const header = esco[0]!;
const pref = header.indexOf('preferredLabel');
const alt = header.indexOf('altLabels');
for (const r of esco.slice(1)) {
  if (r[pref]) titles.push(r[pref]!);
  for (const a of (r[alt] ?? '').split('\n')) if (a.trim()) titles.push(a.trim());
}

const words = new Map<string, number>();
const heads = new Map<string, number>();
const tokenize = (s: string): string[] => s.toLowerCase().replace(/\(.*?\)/g, ' ').split(/[^a-z0-9&+#]+/).filter((w) => w.length > 1);
for (const t of titles) {
  const toks = tokenize(t);
  if (!toks.length) continue;
  for (const w of new Set(toks)) words.set(w, (words.get(w) ?? 0) + 1);
  // Inverted titles ("Laborer, Construction", "Teacher, Special Education") put the head before the comma.
  const main = tokenize(t.split(',')[0]!);
  const head = (main.length ? main : toks)[(main.length ? main : toks).length - 1]!;
  heads.set(head, (heads.get(head) ?? 0) + 1);
}
const keep = (m: Map<string, number>, min: number): Record<string, number> =>
  Object.fromEntries([...m.entries()].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]));

const out = { titles: titles.length, heads: keep(heads, 3), words: keep(words, 3) };
fs.mkdirSync(path.join(root, 'data'), { recursive: true });
fs.writeFileSync(path.join(root, 'data', 'job-title-words.json'), JSON.stringify(out) + '\n');
console.log(`data/job-title-words.json: ${titles.length} titles, ${Object.keys(out.heads).length} head words, ${Object.keys(out.words).length} words`);
