/**
 * Scoring for the real-text benchmark: gold spans from annotated résumés against the parser's values, as
 * sets per document (the same company tagged three times counts once), pooled over documents.
 */

/** Lower case, accents stripped, punctuation collapsed. */
export function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Share of the shorter side's tokens found in the longer side. */
function tokenCover(a: string, b: string): number {
  const A = a.split(' ').filter(Boolean);
  const B = new Set(b.split(' ').filter(Boolean));
  if (!A.length) return 0;
  return A.filter((t) => B.has(t)).length / A.length;
}

/** A gold and a predicted value agree when one contains the other, or most tokens are shared. */
export function agree(gold: string, pred: string): boolean {
  const g = norm(gold);
  const p = norm(pred);
  if (!g || !p) return false;
  if (g === p || g.includes(p) || p.includes(g)) return true;
  const [short, long] = g.length <= p.length ? [g, p] : [p, g];
  return tokenCover(short, long) >= 0.8;
}

export class Tally {
  gold = 0;
  predicted = 0;
  goldFound = 0;
  predCorrect = 0;

  /** Adds one document: recall counts gold values found, precision predicted values that are right. */
  add(gold: string[], pred: string[]): void {
    const G = dedupe(gold);
    const P = dedupe(pred);
    this.gold += G.length;
    this.predicted += P.length;
    this.goldFound += G.filter((g) => P.some((p) => agree(g, p))).length;
    this.predCorrect += P.filter((p) => G.some((g) => agree(g, p))).length;
  }

  get precision(): number | null {
    return this.predicted ? this.predCorrect / this.predicted : null;
  }
  get recall(): number | null {
    return this.gold ? this.goldFound / this.gold : null;
  }
  get f1(): number | null {
    const p = this.precision;
    const r = this.recall;
    if (p == null || r == null) return null;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
}

export function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = norm(v);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
