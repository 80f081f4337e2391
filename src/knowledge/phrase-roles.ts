/**
 * A learned guess at what a short phrase from a résumé is: a job title, an employer, a school, a degree, a
 * place, or something else (a skill, a label such as "Duration", a sentence from a description).
 *
 * The word lists in lexicon.ts know titles well but know employers only by a few marker words ("Ltd",
 * "Bank"), so "Office Beacon" and "Responsibilities" look alike to them. This model, a multinomial logistic
 * regression over the phrase's words, word shapes and the lexicon's own scores, was trained on real résumé
 * text (the CC0 dotin corpus, see scripts/train-phrase-roles.ts) and ships as data/phrase-roles.json. It is
 * one more opinion for the entry readers (work.ts, education.ts) to blend with their rules, not a parser.
 *
 * Inference is a dictionary lookup per feature and a softmax: a few microseconds per phrase, offline.
 */
import { readFileSync } from 'node:fs';
import { degreeScore } from './degrees.ts';
import { orgScore, schoolScore, titleScore } from './lexicon.ts';

export const PHRASE_ROLES = ['title', 'org', 'school', 'degree', 'place', 'other'] as const;
export type PhraseRole = (typeof PHRASE_ROLES)[number];

/** The shipped model: per feature, one weight per role (in PHRASE_ROLES order), and a bias per role. */
export interface PhraseModel {
  roles: PhraseRole[];
  bias: number[];
  weights: Record<string, number[]>;
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const tokensOf = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z0-9]+|[&+#@]/g) ?? [];

/** "Infosys" → "Xx", "SAP" → "X", "B.Tech" → "X.Xx", "2015" → "d": case pattern with runs collapsed. */
function shapeOf(w: string): string {
  let out = '';
  for (const ch of w) {
    const c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : (ch >= '0' && ch <= '9') || /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== out[out.length - 1]) out += c;
    if (out.length === 6) break;
  }
  return out;
}

const bucket = (x: number, steps = 4): number => Math.round(Math.max(0, Math.min(1, x)) * steps);

/**
 * The features of a phrase, as strings. Words and their neighbours say what the phrase names; shapes and
 * punctuation say how it is written (sentences end with a full stop, employers are capitalised); the
 * lexicon scores bring in what the O*NET/ESCO word counts know about titles.
 */
export function phraseFeatures(text: string): string[] {
  const phrase = text.replace(/\s+/g, ' ').trim();
  const toks = tokensOf(phrase);
  const ws = words(phrase);
  const f = new Set<string>();
  if (!toks.length) return ['empty'];
  for (const t of toks) f.add(`w:${t}`);
  for (let i = 1; i < toks.length; i++) f.add(`b:${toks[i - 1]}_${toks[i]}`);
  f.add(`first:${toks[0]}`);
  f.add(`last:${toks.at(-1)}`);
  const last = toks.at(-1)!;
  if (last.length > 4) f.add(`suf:${last.slice(-3)}`);
  for (const w of ws.slice(0, 6)) f.add(`sh:${shapeOf(w)}`);
  f.add(`sh0:${shapeOf(ws[0]!)}`);
  f.add(`len:${Math.min(toks.length, 12)}`);
  if (toks.length > 6) f.add('long');
  if (/[.!?]$/.test(phrase) && !/\b[A-Z][a-z]?\.$|\b(?:inc|ltd|co|corp|pvt|jr|sr)\.$/i.test(phrase)) f.add('end:stop');
  if (/:$/.test(phrase)) f.add('end:colon');
  if (/,/.test(phrase)) f.add('comma');
  if (/[()]/.test(phrase)) f.add('paren');
  if (/\d/.test(phrase)) f.add('digit');
  if (/\b(19|20)\d{2}\b/.test(phrase)) f.add('year');
  if (/^\p{Ll}/u.test(phrase)) f.add('lower-start');
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) f.add('caps');
  const capital = ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length;
  f.add(`capital:${bucket(capital)}`);
  f.add(`ts:${bucket(titleScore(phrase))}`);
  f.add(`os:${bucket(orgScore(phrase))}`);
  f.add(`ss:${bucket(schoolScore(phrase))}`);
  f.add(`ds:${bucket(degreeScore(phrase))}`);
  return [...f];
}

/** Role probabilities (summing to 1) of a phrase, from a model. */
export function classify(model: PhraseModel, text: string): Record<PhraseRole, number> {
  return classifyFeatures(model, phraseFeatures(text));
}

/** Role probabilities from features already computed (training computes each phrase's features once). */
export function classifyFeatures(model: PhraseModel, features: string[]): Record<PhraseRole, number> {
  const z = [...model.bias];
  for (const feature of features) {
    const w = model.weights[feature];
    if (w) for (let c = 0; c < z.length; c++) z[c]! += w[c]!;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  const out = {} as Record<PhraseRole, number>;
  model.roles.forEach((r, c) => (out[r] = e[c]! / sum));
  return out;
}

let shipped: PhraseModel | null = null;
const cache = new Map<string, Record<PhraseRole, number>>();

/** Role probabilities of a phrase from the shipped model (memoised: entry readers ask about a slot often). */
export function phraseRoles(text: string): Record<PhraseRole, number> {
  shipped ??= JSON.parse(readFileSync(new URL('../../data/phrase-roles.json', import.meta.url), 'utf8')) as PhraseModel;
  let r = cache.get(text);
  if (!r) {
    if (cache.size > 5000) cache.clear();
    r = classify(shipped, text);
    cache.set(text, r);
  }
  return r;
}
