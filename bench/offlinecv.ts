/**
 * `npm run bench:pdf`: field accuracy on PDFs Vitae was never tuned on — the 16 hand-annotated synthetic résumé
 * PDFs of the OfflineCV project (Apache-2.0; Word, LaTeX, Google Docs/Skia and hand-built generators), read from
 * ../shared/datasets/offlinecv-truth-fixtures (or --dir) and never copied into the repository.
 *
 *   node --import tsx bench/offlinecv.ts [--dir DIR] [--details]
 *
 * Each PDF is parsed whole; its `<name>.truth.json` (contact, experience, education, skills) is compared field by
 * field with the real-text bench's agreement rule (real-text-score.ts: normalised equality, containment or
 * token-set similarity ≥ 0.8), phones by their digits, dates by start and end month. Counts are pooled over
 * documents (micro-averaged). `--details` lists every document's misses (-) and extras (+).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseResume } from '../src/pipeline/pipeline.ts';
import type { ResumeData } from '../src/affinda/types.ts';
import { findDateRanges } from '../src/pipeline/understand/dates.ts';
import { agree, compareSets, Tally, type DocResult, type Same } from './real-text-score.ts';
import { percentile } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Truth {
  contact: { full_name?: string; email?: string; phone?: string; location?: string };
  experience: Array<{ title?: string; company?: string; dates?: string }>;
  education: Array<{ degree?: string; institution?: string }>;
  skills: string[];
}

interface Field {
  name: string;
  gold: (t: Truth) => string[];
  pred: (d: ResumeData) => string[];
  same: Same;
}

const present = (values: Array<string | null | undefined>): string[] => values.filter((v): v is string => !!v && !!v.trim());
const digits = (s: string): string => s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
/** "Mar 2021 - Present" → "2021-03..present"; the parser's dates the same way; null when no range is printed. */
function dateKey(text: string): string | null {
  const r = findDateRanges(text)[0];
  if (!r?.start) return null;
  const month = (p: { year: number; month: number | null }) => `${p.year}-${String(p.month ?? 0).padStart(2, '0')}`;
  return `${month(r.start)}..${r.isCurrent ? 'present' : r.end ? month(r.end) : ''}`;
}
/** The parser's dates read the same way from the text it cited, so a year printed alone compares as one. */
const predDateKey = (w: ResumeData['workExperience'][number]): string | null => (w.dates?.rawText ? dateKey(w.dates.rawText) : null);

const REFERENCE = new Date('2026-01-01T00:00:00Z');

const FIELDS: Field[] = [
  { name: 'name', gold: (t) => present([t.contact.full_name]), pred: (d) => present([d.name?.raw]), same: agree },
  { name: 'email', gold: (t) => present([t.contact.email]), pred: (d) => d.emails, same: (g, p) => g.toLowerCase() === p.toLowerCase() },
  { name: 'phone', gold: (t) => present([t.contact.phone]), pred: (d) => d.phoneNumbers, same: (g, p) => digits(g) === digits(p) },
  { name: 'location', gold: (t) => present([t.contact.location]), pred: (d) => present([d.location?.rawInput]), same: agree },
  { name: 'experience.title', gold: (t) => present(t.experience.map((e) => e.title)), pred: (d) => present(d.workExperience.map((w) => w.jobTitle)), same: agree },
  { name: 'experience.company', gold: (t) => present(t.experience.map((e) => e.company)), pred: (d) => present(d.workExperience.map((w) => w.organization)), same: agree },
  {
    name: 'experience.dates',
    gold: (t) => present(t.experience.map((e) => (e.dates ? dateKey(e.dates) : null))),
    pred: (d) => present(d.workExperience.map(predDateKey)),
    same: (g, p) => g === p,
  },
  { name: 'education.degree', gold: (t) => present(t.education.map((e) => e.degree)), pred: (d) => present(d.education.map((e) => e.accreditation?.education)), same: agree },
  { name: 'education.institution', gold: (t) => present(t.education.map((e) => e.institution)), pred: (d) => present(d.education.map((e) => e.organization)), same: agree },
  { name: 'skills', gold: (t) => present(t.skills), pred: (d) => d.skills.map((s) => s.name), same: agree },
];

function truthFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.truth.json')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, details: { type: 'boolean', default: false } } });
  const dir = path.resolve(values.dir ?? path.join(ROOT, '../shared/datasets/offlinecv-truth-fixtures'));
  if (!existsSync(dir)) throw new Error(`${dir} not found: pass --dir with the OfflineCV truth fixtures (PDF + .truth.json pairs).`);
  const files = truthFiles(dir);
  const tallies = new Map(FIELDS.map((f) => [f.name, new Tally()]));
  const ms: number[] = [];
  const details: string[] = [];
  for (const truthFile of files) {
    const pdf = truthFile.replace(/\.truth\.json$/, '.pdf');
    if (!existsSync(pdf)) continue;
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
    const started = performance.now();
    const resume = await parseResume(readFileSync(pdf), { fileName: path.basename(pdf), referenceDate: REFERENCE });
    ms.push(performance.now() - started);
    const id = path.relative(dir, pdf);
    for (const field of FIELDS) {
      const gold = field.gold(truth);
      const r: DocResult = compareSets(gold, resume.data ? field.pred(resume.data) : [], field.same);
      if (!gold.length && !r.pred.length) continue;
      tallies.get(field.name)!.add(r);
      if (r.missed.length || r.wrong.length) details.push(`${id} ${field.name}: ${[...r.missed.map((m) => `-${m}`), ...r.wrong.map((w) => `+${w}`)].join(' | ')}`);
    }
  }
  ms.sort((a, b) => a - b);
  const f3 = (x: number | null): string => (x == null ? '    -' : x.toFixed(3));
  console.log(`== OfflineCV truth fixtures: ${ms.length} PDFs; parse median ${percentile(ms, 50).toFixed(1)} ms, max ${ms.at(-1)?.toFixed(1)} ms ==`);
  console.log(`${'field'.padEnd(24)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}      P      R     F1`);
  const f1s: number[] = [];
  for (const [name, t] of tallies) {
    console.log(`${name.padEnd(24)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)}  ${f3(t.precision)}  ${f3(t.recall)}  ${f3(t.f1)}`);
    if (t.f1 != null) f1s.push(t.f1);
  }
  console.log(`mean F1 over fields: ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(3)}`);
  if (values.details) console.log(['', '== differences (- missed, + extra) ==', ...details].join('\n'));
}

main().catch((err: unknown) => {
  console.error(`bench:pdf: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
