/**
 * Scoring for the real-text benchmark (bench/real-text.ts), kept free of I/O and of the parser so that
 * test/bench/real-text.test.ts can check it on hand-made values.
 *
 * Gold values are the annotators' spans, predicted values the parser's fields; both are compared per document
 * as sets (the same company tagged three times counts once) and the counts are pooled over documents
 * (micro-average). A predicted value is right when it agrees with some gold value; a gold value is found when
 * some predicted value agrees with it.
 *
 * Self-contained on purpose: ../shared/eval/score.mjs has similar helpers, but a bench that imports them only
 * when that folder exists would score differently depending on the checkout; here the unit tests exercise
 * exactly what the bench runs.
 */

/** Agreement of one gold value with one predicted value. */
export type Same = (gold: string, pred: string) => boolean;

const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof']);

/**
 * Lower case, accents stripped, punctuation collapsed to single spaces. "C++", "C#" and ".NET" are spelled out
 * first, since otherwise they all collapse to "c" (or vanish) and the skills label would match C with C#.
 */
export function normText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+\+/g, ' plusplus ')
    .replace(/(\w)#/g, '$1 sharp ')
    .replace(/(^|[^\w])\.net\b/g, '$1 dotnet ')
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const tokens = (s: string): string[] => s.split(' ').filter(Boolean);

/** Levenshtein distance, two rows. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Token-set similarity of two normalised strings (as in fuzzywuzzy's token_set_ratio, and shared/eval):
 * shared tokens first, then each side's own, compared character by character. Word order does not matter,
 * a small typo costs little, an extra word costs in proportion to its length.
 */
export function tokenSetSim(a: string, b: string): number {
  if (a === b) return 1;
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  if (!A.size || !B.size) return 0;
  const shared = [...A].filter((t) => B.has(t)).sort();
  const x = [...shared, ...[...A].filter((t) => !B.has(t)).sort()].join(' ');
  const y = [...shared, ...[...B].filter((t) => !A.has(t)).sort()].join(' ');
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

export const SIMILAR = 0.8;

/**
 * Whether the shorter normalised string occurs in the longer as whole tokens ("java" in "core java", never "c"
 * in "accenture"), and the longer is not a run-on: a "company" that swallowed the whole line with its city and
 * dates must not count as finding the company, so the longer side may have at most three times the tokens of
 * the shorter (plus three, so "Oracle" still matches "Oracle India Pvt Ltd").
 */
function contains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!` ${long} `.includes(` ${short} `)) return false;
  const n = tokens(short).length;
  return tokens(long).length <= Math.max(3 * n, n + 3);
}

/** The default agreement: one contains the other (see `contains`), or token-set similarity ≥ 0.8. */
export const agree: Same = (gold, pred) => {
  const g = normText(gold);
  const p = normText(pred);
  if (!g || !p) return false;
  return g === p || contains(g, p) || tokenSetSim(g, p) >= SIMILAR;
};

/**
 * First and last token of a person's name, normalised, without "Mr"/"Dr" or post-nominals after a comma
 * ("Angel Veum, PMP, MBA": the annotators tag the name alone); middle names are ignored.
 */
export function nameKey(name: string): string {
  const bare = name.replace(/(\s*,\s*(?:[A-Z][A-Z.]+|Ph\.?\s?D\.?))+\s*$/, '');
  const t = tokens(normText(bare)).filter((w) => !PERSON_TITLES.has(w));
  return t.length <= 1 ? (t[0] ?? '') : `${t[0]} ${t.at(-1)}`;
}

/** Names agree on first + last token, in either order ("Jha Abhishek" is still Abhishek Jha). */
export const sameName: Same = (gold, pred) => {
  const g = nameKey(gold);
  const p = nameKey(pred);
  return !!g && (g === p || g === tokens(p).reverse().join(' '));
};

/** The last year in a value: a gold "2005 - 2008" or "May 2012" is graduation in 2008 / 2012. */
export function yearOf(s: string): string | null {
  return s.match(/\b(19|20)\d{2}\b/g)?.at(-1) ?? null;
}

export const sameYear: Same = (gold, pred) => {
  const y = yearOf(gold);
  return y != null && y === yearOf(pred);
};

/**
 * E-mail addresses and URLs are compared verbatim (case aside), without scheme, "www.", query string or a
 * trailing slash, and without white space: plain-text exports wrap long URLs ("…/Jay- Madhavi/1e7d…"), and a
 * parser that gives the same profile with and without "?isid=…" has given one URL, not two.
 */
export function urlKey(s: string): string {
  return s
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^mailto:/, '')
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/[/.,;]+$/, '');
}

/** A predicted URL may carry more than the annotated span (a query string, say): containment is enough. */
export const sameUrl: Same = (gold, pred) => {
  const g = urlKey(gold);
  const p = urlKey(pred);
  return !!g && !!p && (g === p || p.includes(g) || g.includes(p));
};

/** Bullets used in skills blocks, as separators. */
const BULLETS = /[•●▪◦❖➢►■◆✓*·]/g;

/**
 * Individual skills from a gold span. DataTurks often tags a whole skills block as one span
 * ("C (Less than 1 year), Database (3 years)…" or bullet lists with "Languages: C, C++"), which would make a
 * set comparison meaningless (any predicted skill is "contained" in it), so the span is cut into items:
 * experience notes in parentheses dropped, split at bullets, commas, semicolons and line ends, "Heading:"
 * prefixes dropped, and sentences (over 8 words) left out. A line break inside a comma list that does not end
 * in punctuation is a wrapped line ("MICROSOFT\nACCESS"), not a separator.
 */
export function splitSkills(span: string): string[] {
  const text = span
    .replace(/\([^)]*\)/g, ' ')
    .replace(BULLETS, '\n')
    .replace(/([^\n,;:.])\n(?=[^\n])/g, (m, last: string, offset: number, all: string) => {
      const lineStart = all.lastIndexOf('\n', offset) + 1;
      return all.slice(lineStart, offset).includes(',') ? `${last} ` : m;
    });
  return text
    .split(/[\n,;]+/)
    .map((item) => item.replace(/^[^:]*:/, '').replace(/\s+/g, ' ').trim())
    .filter((item) => /[\p{L}\p{N}]/u.test(item) && tokens(normText(item)).length <= 8);
}

/** Keeps the first of values that are the same item: equal once normalised, or token-set similar. */
export function dedupe(values: string[]): string[] {
  const kept: string[] = [];
  const keys: string[] = [];
  for (const v of values) {
    const k = normText(v);
    if (!k || keys.some((x) => x === k || tokenSetSim(x, k) >= SIMILAR)) continue;
    kept.push(v.trim());
    keys.push(k);
  }
  return kept;
}

/** One document's outcome for one label. */
export interface DocResult {
  gold: string[];
  pred: string[];
  /** Gold values no prediction agrees with. */
  missed: string[];
  /** Predicted values no gold value agrees with. */
  wrong: string[];
}

/** Set comparison of one document's gold and predicted values (both deduplicated first). */
export function compareSets(goldValues: string[], predValues: string[], same: Same = agree): DocResult {
  const gold = dedupe(goldValues);
  const pred = dedupe(predValues);
  return {
    gold,
    pred,
    missed: gold.filter((g) => !pred.some((p) => same(g, p))),
    wrong: pred.filter((p) => !gold.some((g) => same(g, p))),
  };
}

/**
 * The candidate's own location against gold Location spans, which tag every place in the text (job and college
 * towns too): the document has one gold item, the candidate's location, and the parser's value (its raw input
 * or its city) is right when it agrees with any of the spans. So recall here is "documents whose location was
 * found", not "spans found".
 */
export function compareAnyOf(goldValues: string[], predValues: string[], same: Same = agree): DocResult {
  const gold = dedupe(goldValues);
  const pred = dedupe(predValues);
  const hit = pred.some((p) => gold.some((g) => same(g, p)));
  const summary = gold.length ? [`any of: ${gold.join(' | ')}`] : [];
  return {
    gold: summary,
    pred: pred.length ? [pred.join(' / ')] : [],
    missed: hit ? [] : summary,
    wrong: hit || !pred.length ? [] : [pred.join(' / ')],
  };
}

/** Pooled counts for one label over many documents. */
export class Tally {
  gold = 0;
  predicted = 0;
  found = 0;
  correct = 0;
  documents = 0;

  add(r: DocResult): void {
    this.documents++;
    this.gold += r.gold.length;
    this.predicted += r.pred.length;
    this.found += r.gold.length - r.missed.length;
    this.correct += r.pred.length - r.wrong.length;
  }

  get precision(): number | null {
    return this.predicted ? this.correct / this.predicted : null;
  }
  get recall(): number | null {
    return this.gold ? this.found / this.gold : null;
  }
  get f1(): number | null {
    const p = this.precision ?? 0;
    const r = this.recall;
    if (r == null) return null;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
}
