/**
 * `npm run bench:real`: accuracy on real résumé text from job sites, with its own labels.
 *
 *   node --import tsx bench/real-text.ts [--dataset dataturks|dotin|all] [--split train|test|all] [--limit N]
 *
 * DataTurks (220 Indeed résumés; no licence: evaluation only, never shipped) and dotin (360 CVs, CC0), read
 * from ../shared/datasets. Each text is parsed as a .txt document. Labels compared, per document as sets:
 * name, e-mail (DataTurks' "Email Address" is mostly an Indeed profile URL: scored against websites as
 * "profile url"), job title, company, college, degree, graduation year, skills, location.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseResume } from '../src/pipeline/pipeline.ts';
import type { ResumeData } from '../src/affinda/types.ts';
import { agree, Tally } from './real-text-score.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: path.resolve(root, '../shared/datasets') },
    dataset: { type: 'string', default: 'all' },
    split: { type: 'string', default: 'all' },
    limit: { type: 'string' },
  },
});

interface Sample {
  id: string;
  text: string;
  gold: Record<string, string[]>;
}

/** Gold labels, renamed to the benchmark's. */
const LABELS: Record<string, string> = {
  Name: 'name',
  'Email Address': 'email',
  Designation: 'title',
  'Companies worked at': 'company',
  'College Name': 'college',
  Degree: 'degree',
  'Graduation Year': 'graduation year',
  Skills: 'skills',
  'Job Specific Skills': 'skills',
  'Tech Tools': 'skills',
  'Soft Skills': 'skills',
  Location: 'location',
};

function dataturks(split: string): Sample[] {
  const dir = path.join(values.datasets!, 'dataturks-resume-ner');
  const files = split === 'train' ? ['traindata.json'] : split === 'test' ? ['testdata.json'] : ['traindata.json', 'testdata.json'];
  const out: Sample[] = [];
  for (const f of files) {
    fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).forEach((line, i) => {
      const row = JSON.parse(line) as { content: string; annotation: { label: string[]; points: { text: string }[] }[] | null };
      const gold: Record<string, string[]> = {};
      for (const a of row.annotation ?? []) {
        let label = LABELS[a.label[0] ?? ''];
        if (!label) continue;
        for (const p of a.points) {
          // "Email Address" spans are Indeed profile URLs, with a rare real e-mail.
          if (label === 'email' && !p.text.includes('@')) label = 'profile url';
          (gold[label] ??= []).push(p.text.trim());
        }
      }
      out.push({ id: `dataturks/${f.replace('data.json', '')}/${i}`, text: row.content, gold });
    });
  }
  return out;
}

function dotin(split: string): Sample[] {
  const base = path.join(values.datasets!, 'dotin-resume-ner');
  const out: Sample[] = [];
  for (const s of split === 'all' ? ['train', 'test'] : [split]) {
    for (const f of fs.readdirSync(path.join(base, s)).filter((x) => x.endsWith('.xml')).sort()) {
      const xml = fs.readFileSync(path.join(base, s, f), 'utf8');
      const gold: Record<string, string[]> = {};
      for (const m of xml.matchAll(/<label type="([^"]+)">([\s\S]*?)<\/label>/g)) {
        const label = LABELS[m[1]!];
        if (label) (gold[label] ??= []).push(unescape(m[2]!.replace(/<[^>]+>/g, '')).trim());
      }
      const text = unescape(xml.replace(/<[^>]+>/g, ''));
      out.push({ id: `dotin/${s}/${f}`, text, gold });
    }
  }
  return out;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The parser's values for each label. */
function predicted(d: ResumeData): Record<string, string[]> {
  return {
    name: d.name?.raw ? [d.name.raw] : [],
    email: d.emails,
    'profile url': d.websites,
    title: d.workExperience.map((w) => w.jobTitle ?? '').filter(Boolean),
    company: d.workExperience.map((w) => w.organization ?? '').filter(Boolean),
    college: d.education.map((e) => e.organization ?? '').filter(Boolean),
    degree: d.education.map((e) => e.accreditation?.education ?? '').filter(Boolean),
    'graduation year': d.education.map((e) => e.dates?.completionDate?.slice(0, 4) ?? '').filter(Boolean),
    skills: d.skills.map((s) => s.name),
    location: d.location?.rawInput ? [d.location.rawInput] : [],
  };
}

const ORDER = ['name', 'email', 'profile url', 'title', 'company', 'college', 'degree', 'graduation year', 'skills', 'location'];
const f3 = (x: number | null): string => (x == null ? '    -' : x.toFixed(3));

for (const name of values.dataset === 'all' ? ['dataturks', 'dotin'] : [values.dataset!]) {
  let samples = name === 'dataturks' ? dataturks(values.split!) : dotin(values.split!);
  if (values.limit) samples = samples.slice(0, Number(values.limit));
  const tallies = new Map<string, Tally>();
  const ms: number[] = [];
  for (const s of samples) {
    const t0 = performance.now();
    const r = await parseResume(new TextEncoder().encode(s.text), { fileName: 'resume.txt' });
    ms.push(performance.now() - t0);
    const pred = r.data ? predicted(r.data) : {};
    for (const label of ORDER) {
      const gold = s.gold[label] ?? [];
      // A label the annotators never used in a document says nothing about the parser there.
      if (!gold.length) continue;
      // The gold "location" tags every place in the text; the candidate's own is right if it is one of them.
      const p = pred[label] ?? [];
      if (!tallies.has(label)) tallies.set(label, new Tally());
      const wanted = label === 'location' ? [gold.find((g) => p.some((x) => agree(g, x))) ?? gold[0]!] : gold;
      tallies.get(label)!.add(wanted, p);
    }
  }
  ms.sort((a, b) => a - b);
  console.log(`\n${name} (${values.split}), ${samples.length} documents; parse median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(1)} ms`);
  console.log(`${'label'.padEnd(16)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}`);
  for (const label of ORDER) {
    const t = tallies.get(label);
    if (!t) continue;
    console.log(`${label.padEnd(16)} ${String(t.gold).padStart(6)} ${String(t.predicted).padStart(6)} ${f3(t.precision).padStart(6)} ${f3(t.recall).padStart(6)} ${f3(t.f1).padStart(6)}`);
  }
}
