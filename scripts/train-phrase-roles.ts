/**
 * Trains the phrase-role model (src/knowledge/phrase-roles.ts) and writes data/phrase-roles.json.
 *
 *   node --import tsx scripts/train-phrase-roles.ts [--datasets DIR] [--epochs N] [--out FILE]
 *
 * Data: the dotin résumé corpus (../shared/datasets/dotin-resume-ner, CC0 1.0), whose annotators wrapped
 * job titles, employers, schools, degrees, places, skills and dates in the text. Each labelled span is an
 * example of its role; skills, dates and names are examples of "other", and so are the pieces of unlabelled
 * text between them (description sentences, labels such as "Environment:", headings).
 *
 * Held out, never trained on:
 *   - every dotin CV that is a re-annotation of a DataTurks résumé (found by shared text), so that
 *     `npm run bench:real` on DataTurks measures the model on résumés it has not seen;
 *   - dotin's own test split, on which this script prints the accuracy per role;
 *   - the dev corpus (../shared/corpus/dev), which `npm run bench` scores: it is not read here at all.
 *
 * Training is deterministic (fixed seed, fixed order): the same data gives the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeByteEscapes, squash, unescapeXml } from '../bench/dataset-text.ts';
import { classify, classifyFeatures, PHRASE_ROLES, phraseFeatures, type PhraseModel, type PhraseRole } from '../src/knowledge/phrase-roles.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: path.resolve(root, '../shared/datasets') },
    epochs: { type: 'string', default: '12' },
    out: { type: 'string', default: path.join(root, 'data/phrase-roles.json') },
  },
});

const ROLE_OF_LABEL: Record<string, PhraseRole> = {
  Designation: 'title',
  'Companies worked at': 'org',
  'College Name': 'school',
  Degree: 'degree',
  Location: 'place',
  'Tech Tools': 'other',
  'Job Specific Skills': 'other',
  'Soft Skills': 'other',
  'Years of Experience': 'other',
  'Graduation Year': 'other',
  Name: 'other',
};

interface Example {
  text: string;
  role: PhraseRole;
}

interface Cv {
  id: string;
  split: 'train' | 'test';
  text: string;
  spans: Array<{ label: string; start: number; end: number }>;
}

/** One dotin XML file: the text without tags, and each label's offsets in it. */
function readCv(file: string, split: Cv['split']): Cv {
  const xml = decodeByteEscapes(fs.readFileSync(file, 'utf8').replace(/<\?xml[^>]*\?>/, ''));
  let text = '';
  const spans: Cv['spans'] = [];
  let open: { label: string; start: number } | null = null;
  for (const m of xml.matchAll(/<label type="([^"]+)">|<\/label>|<[^>]+>|[^<]+/g)) {
    if (m[1]) open = { label: m[1], start: text.length };
    else if (m[0] === '</label>') {
      if (open) spans.push({ ...open, end: text.length });
      open = null;
    } else if (!m[0].startsWith('<')) text += unescapeXml(m[0]);
  }
  return { id: `${split}/${path.basename(file, '.xml')}`, split, text, spans };
}

function readDotin(dir: string): Cv[] {
  return (['train', 'test'] as const).flatMap((split) =>
    fs
      .readdirSync(path.join(dir, split))
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => readCv(path.join(dir, split, f), split)),
  );
}

/** CVs whose text shares a 40-character run with a DataTurks résumé (dotin re-annotated 91 of them). */
function overlapsDataturks(cvs: Cv[], dataturksDir: string): Set<string> {
  const corpus = ['traindata.json', 'testdata.json']
    .flatMap((f) => fs.readFileSync(path.join(dataturksDir, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((l) => squash((JSON.parse(l) as { content: string }).content))
    .join('\n');
  const out = new Set<string>();
  for (const cv of cvs) {
    const t = squash(cv.text);
    for (let at = 0; at + 40 <= t.length && at < 8000; at += 97) {
      if (corpus.includes(t.slice(at, at + 40))) {
        out.add(cv.id);
        break;
      }
    }
  }
  return out;
}

/** Pieces of a text as a parser meets them: lines, bullet items, label/value halves, sentences. */
const PIECES = /\n|[•●▪◦❖➢►■◆✓*·|;:\t]|\s{3,}|(?<=[a-z]{3}[.!?])\s+/;

function examplesOf(cv: Cv): Example[] {
  const out: Example[] = [];
  let masked = cv.text;
  for (const s of cv.spans) {
    const role = ROLE_OF_LABEL[s.label];
    const text = cv.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    if (role && text) out.push({ text, role });
    masked = masked.slice(0, s.start) + '\n'.repeat(s.end - s.start) + masked.slice(s.end);
  }
  // Unlabelled text: whatever the annotators did not call a title, employer, school, degree or place.
  let kept = 0;
  for (const piece of masked.split(PIECES)) {
    const text = piece.replace(/\s+/g, ' ').trim();
    const n = text.split(' ').length;
    if (!/\p{L}{2}/u.test(text) || n > 30 || kept >= 60) continue;
    out.push({ text, role: 'other' });
    kept++;
  }
  return out;
}

/** Mulberry32: a small seeded generator, so training is repeatable. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression by AdaGrad with L2. Classes are weighted inversely to their frequency
 * (capped), so the many "other" pieces do not drown the schools and degrees.
 */
function train(examples: Example[], epochs: number): PhraseModel {
  const C = PHRASE_ROLES.length;
  const X = examples.map((e) => phraseFeatures(e.text));
  const y = examples.map((e) => PHRASE_ROLES.indexOf(e.role));
  // Features seen once are noise (a typo, one CV's jargon): dropped.
  const seen = new Map<string, number>();
  for (const fs_ of X) for (const f of fs_) seen.set(f, (seen.get(f) ?? 0) + 1);
  const weights: Record<string, number[]> = {};
  const g2: Record<string, number[]> = {};
  for (const [f, n] of seen) if (n >= 2) (weights[f] = new Array(C).fill(0)), (g2[f] = new Array(C).fill(1e-8));
  const bias = new Array(C).fill(0);
  const biasG2 = new Array(C).fill(1e-8);
  const counts = new Array(C).fill(0);
  for (const c of y) counts[c]++;
  const classWeight = counts.map((n) => Math.min(2, examples.length / C / Math.max(1, n)));
  const lr = 0.1;
  const l2 = 1e-5;
  const random = rng(20261129);
  const order = examples.map((_, i) => i);
  const model: PhraseModel = { roles: [...PHRASE_ROLES], bias, weights };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const p = classifyFeatures(model, X[i]!);
      const cw = classWeight[y[i]!]!;
      const grad = PHRASE_ROLES.map((r, c) => cw * (p[r] - (c === y[i] ? 1 : 0)));
      for (let c = 0; c < C; c++) {
        biasG2[c] += grad[c]! ** 2;
        bias[c] -= (lr * grad[c]!) / Math.sqrt(biasG2[c]);
      }
      for (const f of X[i]!) {
        const w = weights[f];
        if (!w) continue;
        const g = g2[f]!;
        for (let c = 0; c < C; c++) {
          const d = grad[c]! + l2 * w[c]!;
          g[c]! += d * d;
          w[c]! -= (lr * d) / Math.sqrt(g[c]!);
        }
      }
    }
  }
  return model;
}

/** Accuracy and per-role precision/recall on held-out examples. */
function report(model: PhraseModel, examples: Example[]): string[] {
  const rows = PHRASE_ROLES.map((r) => ({ role: r, gold: 0, pred: 0, hit: 0 }));
  let right = 0;
  for (const e of examples) {
    const p = classify(model, e.text);
    const guess = PHRASE_ROLES.reduce((a, b) => (p[b] > p[a] ? b : a));
    rows.find((x) => x.role === e.role)!.gold++;
    rows.find((x) => x.role === guess)!.pred++;
    if (guess === e.role) {
      right++;
      rows.find((x) => x.role === guess)!.hit++;
    }
  }
  const f = (x: number) => x.toFixed(3);
  return [
    `held-out accuracy ${f(right / examples.length)} on ${examples.length} phrases`,
    'role        gold   pred      P      R',
    ...rows.map((r) => `${r.role.padEnd(10)} ${String(r.gold).padStart(5)} ${String(r.pred).padStart(6)}  ${f(r.hit / Math.max(1, r.pred))}  ${f(r.hit / Math.max(1, r.gold))}`),
  ];
}

function main(): void {
  const datasets = values.datasets!;
  const cvs = readDotin(path.join(datasets, 'dotin-resume-ner'));
  const excluded = overlapsDataturks(cvs, path.join(datasets, 'dataturks-resume-ner'));
  const usable = cvs.filter((cv) => !excluded.has(cv.id));
  const trainSet = usable.filter((cv) => cv.split === 'train').flatMap(examplesOf);
  const testSet = usable.filter((cv) => cv.split === 'test').flatMap(examplesOf);
  console.log(`dotin: ${cvs.length} CVs, ${excluded.size} left out as DataTurks re-annotations; ${trainSet.length} training phrases, ${testSet.length} held out`);
  const model = train(trainSet, Number(values.epochs));
  console.log(report(model, testSet).join('\n'));
  // Rounded to 3 decimals: the file stays small and the probabilities do not change in any way that matters.
  const weights: Record<string, number[]> = {};
  for (const [f, w] of Object.entries(model.weights).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (w.some((v) => Math.abs(v) >= 0.005)) weights[f] = w.map((v) => Math.round(v * 1000) / 1000);
  }
  const out = { roles: model.roles, bias: model.bias.map((v) => Math.round(v * 1000) / 1000), weights };
  fs.writeFileSync(values.out!, JSON.stringify(out) + '\n');
  console.log(`wrote ${values.out} (${Object.keys(weights).length} features, ${(fs.statSync(values.out!).size / 1024).toFixed(0)} KiB)`);
}

main();
