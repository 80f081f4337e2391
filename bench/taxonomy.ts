/**
 * `npm run bench:taxonomy`: what the occupation and skill taxonomies cover, and what they cost.
 *
 *   node --import tsx bench/taxonomy.ts [--corpus DIR] [--datasets DIR] [--sample N]
 *
 * The development corpus's truth has no occupation codes (its `profession` is the printed title, which
 * `npm run bench` scores), so this reports coverage: of its job titles, the share the title index knows
 * (and how: whole, without rank words, read another way — "Head of X" as "X Director" — or by the last words only) and the share
 * classified in UK SOC 2010; of its skills, the share in the skill taxonomy, by type; and what the job
 * descriptions add. The same on the job titles ("Designation" spans) of the DataTurks résumés in
 * ../shared/datasets, which the tables were never built or corrected from, with a seeded sample of them
 * mapped, to be judged by hand. Then the cost: loading the tables, and the two enrich components per
 * document (run on the truth's jobs and skills, so parsing is not measured).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResumeData, Skill, WorkExperience } from '../src/affinda/types.ts';
import { emptyResumeData } from '../src/affinda/types.ts';
import { occupationOf, type OccupationMatch } from '../src/knowledge/occupations.ts';
import { skillByName } from '../src/knowledge/skill-taxonomy.ts';
import { socClassification } from '../src/knowledge/soc.ts';
import { classifyJob } from '../src/pipeline/enrich/occupations.ts';
import { enrichSkills } from '../src/pipeline/enrich/skills.ts';
import { percentile } from './report.ts';
import { corpusDocs, DEFAULT_CORPUS, ROOT } from './corpus.ts';

interface Truth {
  profession: string | null;
  workExperience: { jobTitle: string | null; jobDescription: string | null; dates: WorkExperience['dates'] }[];
  skills: { name: string }[];
  meta: { asOf?: string };
}

const pct = (n: number, of: number): string => (of ? ((100 * n) / of).toFixed(1).padStart(5) + '%' : '    -');
const log = (line = ''): void => console.log(line);

function options(): { corpus: string; datasets: string; sample: number } {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, datasets: { type: 'string' }, sample: { type: 'string', default: '40' } } });
  return { corpus: path.resolve(values.corpus ?? DEFAULT_CORPUS), datasets: path.resolve(values.datasets ?? path.join(ROOT, '../shared/datasets')), sample: Number(values.sample) };
}

/** Titles by how they were matched, and how many got a SOC code. */
function titleCoverage(label: string, titles: string[]): Map<string, OccupationMatch | null> {
  const found = new Map<string, OccupationMatch | null>(titles.map((t) => [t, occupationOf(t)]));
  const matches = titles.map((t) => found.get(t)!);
  const by = (kind: OccupationMatch['match']): number => matches.filter((m) => m?.match === kind).length;
  const known = matches.filter(Boolean).length;
  log(`${label}: ${titles.length} titles (${new Set(titles).size} distinct)`);
  log(`  known to the title index  ${pct(known, titles.length)}   (whole ${pct(by('whole'), titles.length)}, without rank words ${pct(by('without-rank'), titles.length)}, read another way ${pct(by('read'), titles.length)}, last words only ${pct(by('last-words'), titles.length)})`);
  log(`  with a UK SOC 2010 code   ${pct(matches.filter((m) => m?.soc).length, titles.length)}`);
  return found;
}

/** A deterministic pseudo-random pick (mulberry32), so the sample is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataturksTitles(datasets: string): string[] {
  const titles: string[] = [];
  for (const file of ['traindata.json', 'testdata.json']) {
    const lines = readFileSync(path.join(datasets, 'dataturks-resume-ner', file), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const doc = JSON.parse(line) as { annotation: { label: string[]; points: { text: string }[] }[] | null };
      for (const a of doc.annotation ?? []) if (a.label.includes('Designation')) for (const p of a.points) titles.push(p.text.replace(/\s+/g, ' ').trim());
    }
  }
  // A span longer than a title is a sentence the annotator tagged ("… in H.& R. Johnson (India)" aside).
  return titles.filter((t) => t && t.split(' ').length <= 8);
}

/** The truth's jobs and skills list as the understand stage would have read them. */
function truthData(truth: Truth): ResumeData {
  const data = emptyResumeData();
  data.workExperience = truth.workExperience.map((w, i) => ({ id: i + 1, jobTitle: w.jobTitle, socCode: null, socName: null, organization: null, industry: null, location: null, jobDescription: w.jobDescription, dates: w.dates ? { ...w.dates, monthsInPosition: null, rawText: '' } : null, occupation: null }));
  data.skills = truth.skills.map((s, i): Skill => ({ id: i + 1, emsiId: null, name: s.name, lastUsed: null, numberOfMonths: null, type: 'hard_skill', count: 1, weighting: null, sources: [{ section: 'Skills', position: i, workExperienceId: null }] }));
  return data;
}

async function main(): Promise<void> {
  const { corpus, datasets, sample } = options();
  const docs = await corpusDocs(corpus);
  const truths = docs.map((d) => JSON.parse(readFileSync(path.join(corpus, `${d.id}.truth.json`), 'utf8')) as Truth);

  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  occupationOf('Nurse');
  const titleLoad = performance.now() - started;
  started = performance.now();
  skillByName('Python');
  const skillLoad = performance.now() - started;
  started = performance.now();
  socClassification(2136);
  const socLoad = performance.now() - started;
  log(`== tables: loaded on first use in ${titleLoad.toFixed(0)} ms (job titles), ${skillLoad.toFixed(0)} ms (skills), ${socLoad.toFixed(0)} ms (SOC 2010); heap +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB ==`);

  log(`\n== job titles → occupations ==\n`);
  titleCoverage(`dev corpus (${corpus})`, truths.flatMap((t) => t.workExperience.map((w) => w.jobTitle).filter((x): x is string => !!x)));
  const levels = new Map<string, number>();
  for (const t of truths) for (const w of t.workExperience) {
    const level = classifyJob(truthData({ ...t, workExperience: [w] }).workExperience[0]!).occupation?.managementLevel ?? 'no title';
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  log(`  management levels         ${[...levels].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ')}`);
  const real = dataturksTitles(datasets);
  const found = titleCoverage(`DataTurks résumés, "Designation" spans (never used to build the tables)`, real);

  log(`\n== skills → taxonomy ==\n`);
  const names = truths.flatMap((t) => t.skills.map((s) => s.name));
  const known = names.map((n) => skillByName(n));
  const of = (type: string, tool: boolean | null): number => known.filter((k) => k && k.type === type && (tool == null || k.tool === tool)).length;
  log(`dev corpus skills lists: ${names.length} skills (${new Set(names).size} distinct)`);
  log(`  in the taxonomy           ${pct(known.filter(Boolean).length, names.length)}   (tools ${pct(of('hard_skill', true), names.length)}, other hard skills ${pct(of('hard_skill', false), names.length)}, soft skills ${pct(of('soft_skill', null), names.length)})`);

  const costs: number[] = [];
  let attributed = 0;
  let added = 0;
  let dated = 0;
  let unlistedFound = 0;
  let unlistedListed = 0;
  for (const truth of truths) {
    const data = truthData(truth);
    const reference = new Date(`${truth.meta.asOf ?? '2026-11'}-01T00:00:00Z`);
    started = performance.now();
    data.workExperience = data.workExperience.map(classifyJob);
    const skills = enrichSkills(data, reference);
    costs.push(performance.now() - started);
    attributed += skills.filter((s) => s.sources.some((x) => x.section === 'Skills') && s.sources.some((x) => x.section === 'WorkExperience')).length;
    added += skills.filter((s) => !s.sources.some((x) => x.section === 'Skills')).length;
    dated += skills.filter((s) => s.lastUsed).length;
    // As if the résumé had no skills list: what the job descriptions alone yield, and how much of it the list names.
    const listedIds = new Set(truth.skills.map((s) => skillByName(s.name)?.id).filter(Boolean));
    const fromProse = enrichSkills({ ...data, skills: [] }, reference);
    unlistedFound += fromProse.length;
    unlistedListed += fromProse.filter((s) => listedIds.has(s.emsiId!)).length;
  }
  log(`  listed skills also named in a job description: ${attributed} (given lastUsed and numberOfMonths: ${dated} skills in all)`);
  log(`  tools named only in job descriptions, added: ${added}`);
  log(`  without the skills lists, from the job descriptions alone: ${unlistedFound} skills (${(unlistedFound / truths.length).toFixed(1)} a document), ${pct(unlistedListed, unlistedFound)} of them in the document's list`);

  costs.sort((a, b) => a - b);
  log(`\n== cost of the enrich components (occupations + skill taxonomy), per document, tables loaded ==\n`);
  log(`  median ${percentile(costs, 0.5).toFixed(2)} ms, p95 ${percentile(costs, 0.95).toFixed(2)} ms, max ${costs[costs.length - 1]!.toFixed(2)} ms (${costs.length} documents)`);

  if (sample > 0) {
    log(`\n== ${sample} DataTurks job titles, mapped (seeded sample, to judge by hand) ==\n`);
    const distinct = [...new Set(real)];
    const random = seeded(20261);
    const picked = new Set<string>();
    while (picked.size < Math.min(sample, distinct.length)) picked.add(distinct[Math.floor(random() * distinct.length)]!);
    for (const title of picked) {
      const m = found.get(title) ?? null;
      const soc = m?.soc ? socClassification(m.soc) : null;
      log(`  ${title.padEnd(42)} ${m ? `${m.normalized} [${m.match}]` : '—'}${soc ? ` → ${soc.socCode} ${soc.title}` : m ? ' → no code' : ''}`);
    }
  }
}

await main();
