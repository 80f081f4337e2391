/**
 * `npm run bench:real`: field accuracy on real résumé text, against two public span-annotated datasets.
 *
 *   node --import tsx bench/real-text.ts [--dataset dataturks|dotin|all] [--split train|test|all] [--limit N]
 *                                        [--worst K] [--datasets DIR]
 *
 * The datasets are read from ../shared/datasets next to the repository (or --datasets) and are never copied
 * into it: DataTurks (220 Indeed résumés) has no licence and real names, so it is for evaluation only; dotin
 * (360 CVs) is CC0. 91 CVs are in both, so the two are reported apart, never pooled.
 *
 * Each résumé's plain text is parsed as a .txt document in this process (the parser was tuned on a synthetic
 * corpus, not on these). Per label: gold and predicted counts, precision, recall, F1, micro-averaged over
 * documents; a label the annotators never used in a document is not scored there (their annotation is
 * incomplete, so a prediction there cannot be judged). Then parse speed, and the K worst documents per label.
 *
 * On DataTurks, job title and company are also given in a fair variant, labelled "(fair)" and always beside
 * the strict row: its annotators tagged mostly the current job, so every past job read right is a "wrong"
 * prediction in the strict row. The fair row leaves out of precision the dated work entries in whose text the
 * annotator tagged no title or employer (see `judgedJobs`); recall is unchanged.
 * Each table ends with how much of the job gold a job list can reach: the share of distinct gold titles and
 * companies found in the text of the sections the parser read as work experience (see `withinWork`).
 * Matching rules are in real-text-score.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/pipeline/pipeline.ts';
import type { Provenance } from '../src/pipeline/doc.ts';
import type { ResumeData } from '../src/affinda/types.ts';
import { agree, compareAnyOf, compareSets, sameName, sameUrl, sameYear, splitSkills, Tally, urlKey, yearOf, type DocResult } from './real-text-score.ts';
import { percentile } from './report.ts';
import { decodeByteEscapes, squash, unescapeXml } from './dataset-text.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  datasets: string;
  dataset: 'dataturks' | 'dotin' | 'all';
  split: 'train' | 'test' | 'all';
  limit: number;
  worst: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string' },
      dataset: { type: 'string', default: 'all' },
      split: { type: 'string', default: 'all' },
      limit: { type: 'string' },
      worst: { type: 'string', default: '3' },
    },
  });
  const count = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${v}".`);
    return n;
  };
  if (!['dataturks', 'dotin', 'all'].includes(values.dataset!)) throw new Error(`--dataset must be dataturks, dotin or all, got "${values.dataset}".`);
  if (!['train', 'test', 'all'].includes(values.split!)) throw new Error(`--split must be train, test or all, got "${values.split}".`);
  const datasets = path.resolve(values.datasets ?? path.join(ROOT, '../shared/datasets'));
  if (!existsSync(datasets)) {
    throw new Error(`datasets folder ${datasets} not found. It must hold dataturks-resume-ner/ and dotin-resume-ner/ (see their READMEs); pass --datasets DIR. Do not copy them into the repository.`);
  }
  return {
    datasets,
    dataset: values.dataset as Options['dataset'],
    split: values.split as Options['split'],
    limit: values.limit == null ? Infinity : count('limit', values.limit, 1),
    worst: count('worst', values.worst, 0),
  };
}

/** One annotated résumé: its text and its gold spans by the dataset's own label names. */
interface Sample {
  id: string;
  split: 'train' | 'test';
  text: string;
  spans: Map<string, string[]>;
  /** Where in `text` the annotator tagged a job title or an employer (DataTurks only: dotin's offsets are not kept). */
  jobMarks?: number[];
}

function need(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} not found: the dataset is incomplete (see its README).`);
  return file;
}

/** The labels of a job's heading: where the annotator tagged one, they read that job. */
const JOB_LABELS = ['Designation', 'Companies worked at'];

const splitsOf = (split: Options['split']): Array<'train' | 'test'> => (split === 'all' ? ['train', 'test'] : [split]);

/**
 * DataTurks: JSON lines of {content, annotation: [{label: [L], points: [{text}]}]}. The span texts are used
 * rather than the (inclusive, sometimes misaligned) offsets. One train text appears twice; it is kept once.
 * The offsets of job titles and employers are kept too (for the fair variant, see `judgedJobs`).
 */
function loadDataturks(dir: string, split: Options['split']): Sample[] {
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const s of splitsOf(split)) {
    const lines = readFileSync(need(path.join(dir, `${s}data.json`)), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const row = JSON.parse(line) as { content: string; annotation: Array<{ label: string[]; points: Array<{ start: number; text: string }> }> | null };
      if (seen.has(row.content)) return;
      seen.add(row.content);
      const spans = new Map<string, string[]>();
      const jobMarks: number[] = [];
      for (const a of row.annotation ?? []) {
        for (const label of a.label) {
          for (const p of a.points) {
            spans.set(label, [...(spans.get(label) ?? []), p.text.trim()]);
            if (JOB_LABELS.includes(label)) jobMarks.push(p.start);
          }
        }
      }
      out.push({ id: `dataturks/${s}/${i + 1}`, split: s, text: row.content, spans, jobMarks });
    });
  }
  return out;
}

/**
 * dotin: one XML file per CV, `<cv>` text with entities wrapped inline as `<label type="T">…</label>`. Labels
 * are never nested, so a regular expression is enough: gold spans are the labels' text, the document text is
 * the XML with every tag removed.
 */
function loadDotin(dir: string, split: Options['split']): Sample[] {
  const out: Sample[] = [];
  for (const s of splitsOf(split)) {
    const folder = need(path.join(dir, s));
    for (const f of readdirSync(folder).filter((x) => x.endsWith('.xml')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const xml = decodeByteEscapes(readFileSync(path.join(folder, f), 'utf8').replace(/<\?xml[^>]*\?>/, ''));
      const spans = new Map<string, string[]>();
      for (const m of xml.matchAll(/<label type="([^"]+)">([\s\S]*?)<\/label>/g)) {
        spans.set(m[1]!, [...(spans.get(m[1]!) ?? []), unescapeXml(m[2]!).trim()]);
      }
      const text = unescapeXml(xml.replace(/<[^>]+>/g, '')).replace(/^\n/, '');
      out.push({ id: `dotin/${s}/${f.replace(/\.xml$/, '')}`, split: s, text, spans });
    }
  }
  return out;
}

/** A benchmark label: which gold spans it reads, which parser fields it reads, how the two are compared. */
interface Label {
  name: string;
  gold: (spans: Map<string, string[]>) => string[];
  pred: (d: ResumeData) => string[];
  compare: (gold: string[], pred: string[]) => DocResult;
  /** Also scored in the fair variant (see `judgedJobs`): the value's work entry, per predicted value. */
  fair?: (d: ResumeData) => Array<{ value: string | null; entry: number }>;
}

const spansOf = (...labels: string[]) => (spans: Map<string, string[]>) => labels.flatMap((l) => spans.get(l) ?? []);
const present = (values: Array<string | null | undefined>): string[] => values.filter((v): v is string => !!v && !!v.trim());
/** DataTurks' "Email Address" is nearly always the Indeed profile URL; the few real addresses have an "@". */
const isEmail = (s: string): boolean => s.includes('@');

const LABELS: Label[] = [
  { name: 'name', gold: spansOf('Name'), pred: (d) => present([d.name?.raw]), compare: (g, p) => compareSets(g, p, sameName) },
  { name: 'email', gold: (s) => spansOf('Email Address')(s).filter(isEmail), pred: (d) => d.emails, compare: (g, p) => compareSets(g, p, sameUrl) },
  {
    name: 'profile url (Indeed)',
    // Keyed (urlKey) before the set comparison so the same profile given with and without "?isid=…" is one value.
    gold: (s) => spansOf('Email Address')(s).filter((v) => !isEmail(v)).map(urlKey),
    pred: (d) => d.websites.filter((w) => /indeed\.com/i.test(w)).map(urlKey),
    compare: (g, p) => compareSets(g, p, sameUrl),
  },
  {
    name: 'job title',
    gold: spansOf('Designation'),
    pred: (d) => present(d.workExperience.map((w) => w.jobTitle)),
    compare: (g, p) => compareSets(g, p, agree),
    fair: (d) => d.workExperience.map((w, entry) => ({ value: w.jobTitle, entry })),
  },
  {
    name: 'company',
    gold: spansOf('Companies worked at'),
    pred: (d) => present(d.workExperience.map((w) => w.organization)),
    compare: (g, p) => compareSets(g, p, agree),
    fair: (d) => d.workExperience.map((w, entry) => ({ value: w.organization, entry })),
  },
  { name: 'college', gold: spansOf('College Name'), pred: (d) => present(d.education.map((e) => e.organization)), compare: (g, p) => compareSets(g, p, agree) },
  { name: 'degree', gold: spansOf('Degree'), pred: (d) => present(d.education.map((e) => e.accreditation?.education)), compare: (g, p) => compareSets(g, p, agree) },
  {
    name: 'graduation year',
    gold: (s) => present(spansOf('Graduation Year')(s).map(yearOf)),
    pred: (d) => present(d.education.map((e) => yearOf(e.dates?.completionDate ?? ''))),
    compare: (g, p) => compareSets(g, p, sameYear),
  },
  {
    name: 'skills',
    gold: (s) => spansOf('Skills', 'Job Specific Skills', 'Tech Tools', 'Soft Skills')(s).flatMap(splitSkills),
    pred: (d) => d.skills.map((k) => k.name),
    compare: (g, p) => compareSets(g, p, agree),
  },
  {
    name: 'location (any)',
    gold: spansOf('Location'),
    pred: (d) => present([d.location?.rawInput, d.location?.city]),
    compare: (g, p) => compareAnyOf(g, p, agree),
  },
];

/** Dates like "Present" resolve against this: each dataset's publication date, so runs are repeatable. */
const REFERENCE_DATE = { dataturks: new Date('2018-09-18T00:00:00Z'), dotin: new Date('2022-07-30T00:00:00Z') };

interface Outcome {
  sample: Sample;
  ms: number;
  failed: string | null;
  results: Map<string, DocResult>;
  /** Per job label: the document's distinct gold values, and how many of them lie in its work sections' text. */
  inWork: Map<string, { gold: number; inside: number }>;
}

const flat = (t: string): string => t.replace(/\s+/g, ' ').trim().toLowerCase();
/** The text of the sections the parser read as work experience, white space collapsed and lower-cased. */
const workText = (data: ResumeData | null): string => flat((data?.sections ?? []).filter((s) => s.sectionType === 'WorkExperience').map((s) => s.text).join('\n'));

/**
 * How much of the gold a job list can reach at all: the distinct gold titles (or employers) that occur in the
 * text of the sections the parser read as work experience. The rest sit in headlines, summaries, referees and
 * other sections (or in work sections the parser missed), where a parser that lists jobs finds nothing to report.
 */
function withinWork(gold: string[], work: string): { gold: number; inside: number } {
  const distinct = [...new Set(gold.map(flat).filter(Boolean))];
  return { gold: distinct.length, inside: distinct.filter((g) => work.includes(g)).length };
}

/**
 * Offsets in the parser's text (blank lines collapsed, say) mapped to offsets in the dataset's text: the two
 * differ only in white space, so they are walked together, white space on either side skipped.
 */
export function alignOffsets(parsed: string, original: string): number[] {
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < parsed.length; i++) {
    while (j < original.length && parsed[i] !== original[j] && /\s/.test(original[j]!)) j++;
    map[i] = Math.min(j, original.length);
    if (j < original.length && (parsed[i] === original[j] || !/\s/.test(parsed[i]!))) j++;
  }
  map[parsed.length] = original.length;
  return map;
}

/**
 * The fair variant's question, per predicted work entry: did the annotator read this job? DataTurks'
 * annotators mostly tagged the current job (and the headline above it) and skipped the rest, so a past job
 * read right counts as a wrong prediction in the strict score, which no parser reporting every job (as
 * Affinda does) could avoid. An entry is judged when a tagged title or employer lies in its stretch of text
 * (from its first cited field to the next entry's), and always when it has no dates: a dated job in a
 * stretch the annotator left untouched is neither right nor wrong. Recall is the same in both variants, and a
 * value that agrees with the gold counts as found wherever it is.
 */
export function judgedJobs(provenance: Provenance[], entries: number, dated: boolean[], marks: number[], toOriginal: (offset: number) => number): boolean[] {
  const starts: Array<{ entry: number; at: number }> = [];
  for (let e = 0; e < entries; e++) {
    const cited = provenance.filter((p) => p.path.startsWith(`/workExperience/${e}/`)).map((p) => toOriginal(p.start));
    if (cited.length) starts.push({ entry: e, at: Math.min(...cited) });
  }
  starts.sort((a, b) => a.at - b.at);
  const judged = Array.from({ length: entries }, () => true);
  starts.forEach(({ entry, at }, k) => {
    const end = starts[k + 1]?.at ?? Infinity;
    if (dated[entry] && !marks.some((m) => m >= at && m < end)) judged[entry] = false;
  });
  return judged;
}

async function evaluate(dataset: 'dataturks' | 'dotin', samples: Sample[]): Promise<Outcome[]> {
  const parse = (s: Sample) => runPipeline(new TextEncoder().encode(s.text), { fileName: 'x.txt', referenceDate: REFERENCE_DATE[dataset] });
  if (samples[0]) await parse(samples[0]); // warm-up (module loading, lazy tables, JIT), untimed
  const out: Outcome[] = [];
  for (const sample of samples) {
    const started = performance.now();
    const parsed = await parse(sample);
    const ms = performance.now() - started;
    const data = parsed.data;
    const results = new Map<string, DocResult>();
    for (const label of LABELS) {
      const gold = label.gold(sample.spans);
      if (!gold.length) continue;
      results.set(label.name, label.compare(gold, data ? label.pred(data) : []));
      if (!label.fair || !sample.jobMarks || !data || !parsed.doc) continue;
      const map = alignOffsets(parsed.doc.layout.text, sample.text);
      const work = data.workExperience;
      const judged = judgedJobs(parsed.doc.provenance, work.length, work.map((w) => !!(w.dates?.startDate || w.dates?.endDate)), sample.jobMarks, (x) => map[x] ?? x);
      // Values of unjudged entries are dropped unless they agree with the gold (then they were found).
      const kept = label.fair(data).filter((v) => v.value?.trim() && (judged[v.entry] || gold.some((g) => agree(g, v.value!))));
      results.set(`${label.name} (fair)`, label.compare(gold, kept.map((v) => v.value!)));
    }
    const work = workText(data);
    const inWork = new Map(LABELS.filter((l) => l.fair).map((l) => [l.name, withinWork(l.gold(sample.spans), work)]));
    out.push({ sample, ms, failed: parsed.error?.errorCode ?? null, results, inWork });
  }
  return out;
}

/** A résumé of fewer non-blank lines than this has lost its line breaks (one paragraph of text). */
const FLAT_LINES = 8;
const isFlattened = (text: string): boolean => text.split('\n').filter((l) => l.trim()).length < FLAT_LINES;

const f3 = (x: number | null): string => (x == null ? '-' : x.toFixed(3));
const cells = (c: Array<string | number>): string => [String(c[0]).padEnd(22), ...c.slice(1).map((x, i) => String(x).padStart(i < 2 ? 6 : 7))].join(' ');

function table(title: string, outcomes: Outcome[]): string[] {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const failed = outcomes.filter((o) => o.failed).length;
  const lines = [
    `== ${title}: ${outcomes.length} documents; parse median ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms; ${failed} failed ==`,
    cells(['label', 'gold', 'pred', 'P', 'R', 'F1', 'docs']),
  ];
  for (const label of LABELS) {
    const t = new Tally();
    for (const o of outcomes) {
      const r = o.results.get(label.name);
      if (r) t.add(r);
    }
    if (t.documents) lines.push(cells([label.name, t.gold, t.predicted, f3(t.precision), f3(t.recall), f3(t.f1), t.documents]));
  }
  for (const label of LABELS.filter((l) => l.fair)) {
    const t = new Tally();
    for (const o of outcomes) {
      const r = o.results.get(`${label.name} (fair)`);
      if (r) t.add(r);
    }
    if (t.documents) lines.push(cells([`${label.name} (fair)`, t.gold, t.predicted, f3(t.precision), f3(t.recall), f3(t.f1), t.documents]));
  }
  const reach = LABELS.filter((l) => l.fair).map((l) => {
    const sum = outcomes.reduce((a, o) => ({ gold: a.gold + (o.inWork.get(l.name)?.gold ?? 0), inside: a.inside + (o.inWork.get(l.name)?.inside ?? 0) }), { gold: 0, inside: 0 });
    return `${l.name} ${sum.gold ? f3(sum.inside / sum.gold) : '-'} (${sum.inside} of ${sum.gold})`;
  });
  lines.push(`distinct gold values found in the text of the parsed work sections: ${reach.join(', ')}`);
  return lines;
}

const clip = (s: string, n = 60): string => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
/** Values joined, unmatched ones first and starred, the list cut after 8 so a skills row stays readable. */
const listed = (values: string[], unmatched: string[]): string => {
  const ordered = [...values.filter((v) => unmatched.includes(v)), ...values.filter((v) => !unmatched.includes(v))];
  const shown = ordered.slice(0, 8).map((v) => (unmatched.includes(v) ? `*${clip(v)}` : clip(v)));
  return (shown.join(' | ') || '(none)') + (values.length > 8 ? ` | … (${values.length - 8} more)` : '');
};

/** The K documents with the most errors (missed gold + wrong predictions) per label. */
function worst(outcomes: Outcome[], k: number): string[] {
  const lines = [`== ${k} worst documents per label (errors = missed gold + wrong predictions; * = unmatched) ==`];
  for (const name of [...LABELS.map((l) => l.name), ...LABELS.filter((l) => l.fair).map((l) => `${l.name} (fair)`)]) {
    const rows = outcomes
      .flatMap((o) => {
        const r = o.results.get(name);
        return r && r.missed.length + r.wrong.length ? [{ id: o.sample.id, r, errors: r.missed.length + r.wrong.length }] : [];
      })
      .sort((a, b) => b.errors - a.errors || a.id.localeCompare(b.id, 'en', { numeric: true }))
      .slice(0, k);
    if (!rows.length) continue;
    lines.push(`-- ${name}`);
    for (const { id, r, errors } of rows) lines.push(`  ${id} (${errors})`, `    gold: ${listed(r.gold, r.missed)}`, `    pred: ${listed(r.pred, r.wrong)}`);
  }
  return lines;
}

/** Labels both annotators tagged in the same way: an entry's parts. (Names and e-mails were anonymised by dotin.) */
const ENTRY_LABELS = ['Designation', 'Companies worked at', 'College Name', 'Degree', 'Graduation Year'];

/**
 * dotin re-annotated DataTurks résumés, each annotator tagging some of the jobs and schools and not others
 * (DataTurks mostly the current job). For those résumés — found by shared 40-character runs of text — the
 * union of both annotators' entry spans is the most complete gold there is, so precision there counts far
 * fewer right answers as wrong. The text parsed is DataTurks' (the original, not anonymised).
 */
function bothAnnotators(dataturks: Sample[], dotin: Sample[]): Sample[] {
  const out: Sample[] = [];
  const texts = dataturks.map((d) => squash(d.text));
  for (const cv of dotin) {
    if (isFlattened(cv.text)) continue;
    const t = squash(cv.text);
    const runs: string[] = [];
    for (let at = 0; at + 40 <= t.length && runs.length < 8; at += Math.max(40, Math.floor(t.length / 8))) runs.push(t.slice(at, at + 40));
    const k = texts.findIndex((d) => runs.filter((r) => d.includes(r)).length >= Math.ceil(runs.length / 2));
    if (k < 0) continue;
    const twin = dataturks[k]!;
    const spans = new Map<string, string[]>();
    for (const label of ENTRY_LABELS) {
      const union = [...(twin.spans.get(label) ?? []), ...(cv.spans.get(label) ?? [])];
      if (union.length) spans.set(label, union);
    }
    out.push({ id: `${twin.id}+${cv.id}`, split: twin.split, text: twin.text, spans });
  }
  return out;
}

async function main(): Promise<void> {
  const o = options();
  const log = (lines: string[]) => console.log(lines.join('\n') + '\n');
  const loaded = new Map<string, Sample[]>();
  for (const dataset of o.dataset === 'all' ? (['dataturks', 'dotin'] as const) : [o.dataset]) {
    const dir = path.join(o.datasets, `${dataset}-resume-ner`);
    if (!existsSync(dir)) throw new Error(`${dir} not found (see ${o.datasets}).`);
    const samples = (dataset === 'dataturks' ? loadDataturks(dir, o.split) : loadDotin(dir, o.split)).slice(0, o.limit);
    loaded.set(dataset, samples);
    const outcomes = await evaluate(dataset, samples);
    const splits = [...new Set(outcomes.map((x) => x.sample.split))];
    for (const s of splits) log(table(`${dataset} ${s}`, outcomes.filter((x) => x.sample.split === s)));
    if (splits.length > 1) log(table(`${dataset} train+test`, outcomes));
    // Most dotin CVs (the Kaggle ones) lost their line breaks; scored apart so that the two problems, reading
    // flattened text and reading lines right, do not hide each other.
    const flat = outcomes.filter((x) => isFlattened(x.sample.text));
    if (flat.length && flat.length < outcomes.length) {
      log(table(`${dataset} ${o.split}, with line breaks`, outcomes.filter((x) => !flat.includes(x))));
      log(table(`${dataset} ${o.split}, flattened (under ${FLAT_LINES} non-blank lines)`, flat));
    }
    if (o.worst > 0) log(worst(outcomes, o.worst));
  }
  if (loaded.size === 2) {
    const both = bothAnnotators(loaded.get('dataturks')!, loaded.get('dotin')!);
    if (both.length) {
      const outcomes = await evaluate('dataturks', both);
      log(table(`dataturks ∪ dotin: the same résumés, both annotators' job and school spans`, outcomes));
      if (o.worst > 0) log(worst(outcomes, o.worst));
    }
  }
}

main().catch((err: unknown) => {
  console.error(`bench:real: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
