/** Printed date styles and the arithmetic the truth needs (months between dates, union of periods). */
import type { DateStyle, YM } from './model.ts';
import type { Rng } from './rng.ts';

/** All documents are written as of this month; "Present" means it. */
export const AS_OF: YM = { y: 2026, m: 11 };
export const AS_OF_TEXT = '2026-11';

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DOTTED = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** How one document prints its dates. */
export interface DateFmt {
  style: DateStyle;
  /** Between start and end: " – ", " - ", "–", " to ". */
  sep: string;
  /** Word for an ongoing role: "Present", "Current", "Now", "to date". */
  present: string;
  /** Print an ongoing role as "Since <start>". */
  since: boolean;
}

export function fmtYM(d: YM, style: DateStyle): string {
  switch (style) {
    case 'MMM YYYY': return `${SHORT[d.m - 1]} ${d.y}`;
    case 'MMMM YYYY': return `${LONG[d.m - 1]} ${d.y}`;
    case 'MMM. YYYY': return `${DOTTED[d.m - 1]} ${d.y}`;
    case 'MM/YYYY': return `${pad(d.m)}/${d.y}`;
    case 'MM.YYYY': return `${pad(d.m)}.${d.y}`;
    case 'YYYY-MM': return `${d.y}-${pad(d.m)}`;
    case 'YYYY': return String(d.y);
  }
}

/** The printed range, and its two halves. */
export function fmtRange(start: YM, end: YM | null, f: DateFmt): { text: string; startText: string; endText: string | null } {
  const s = fmtYM(start, f.style);
  if (end) {
    const e = fmtYM(end, f.style);
    return { text: `${s}${f.sep}${e}`, startText: s, endText: e };
  }
  if (f.since) return { text: `Since ${s}`, startText: s, endText: null };
  if (f.present === 'to date') return { text: `${s} to date`, startText: s, endText: 'to date' };
  return { text: `${s}${f.sep}${f.present}`, startText: s, endText: f.present };
}

/** Choose a document's date style; German and French résumés lean to numeric months. */
export function chooseDateFmt(rng: Rng, country: string, allowed?: DateStyle[]): DateFmt {
  const weights: Array<[DateStyle, number]> = [
    ['MMM YYYY', country === 'US' || country === 'CA' || country === 'AU' ? 6 : 4],
    ['MMMM YYYY', 3],
    ['MMM. YYYY', 1],
    ['MM/YYYY', country === 'FR' || country === 'IN' ? 5 : 2],
    ['MM.YYYY', country === 'DE' ? 8 : 0.3],
    ['YYYY-MM', 1],
    ['YYYY', 2.5],
  ];
  const pool = allowed ? weights.filter(([s]) => allowed.includes(s)) : weights;
  const style = rng.weighted(pool.filter(([, w]) => w > 0));
  const sep = style === 'YYYY' ? rng.pick(['–', ' – ', ' - ', ' to ']) : rng.weighted<string>([[' – ', 5], [' - ', 3], [' — ', 1], [' to ', 1]]);
  const present = rng.weighted<string>([['Present', 6], ['Current', 1.5], ['Now', 1], ['to date', 1], ['present', 0.5], ['Today', 0.5]]);
  const since = rng.chance(0.12);
  return { style, sep: sep === ' to ' && present === 'to date' ? ' – ' : sep, present, since };
}

export const ymIso = (d: YM | null, yearOnly: boolean): string | null => (d ? `${d.y}-${yearOnly ? '01' : pad(d.m)}-01` : null);
export const ymIndex = (d: YM): number => d.y * 12 + (d.m - 1);
export const fromIndex = (i: number): YM => ({ y: Math.floor(i / 12), m: (i % 12) + 1 });
export const cmp = (a: YM, b: YM): number => ymIndex(a) - ymIndex(b);

/** Months in a role as the dev truth counts them: year-only roles by whole years (current ends in the as-of year). */
export function monthsInPosition(start: YM, end: YM | null, yearOnly: boolean): number {
  if (yearOnly) return ((end ?? AS_OF).y - start.y) * 12;
  return ymIndex(end ?? AS_OF) - ymIndex(start);
}

/** Union of printed periods in years (1 decimal); year-only dates count from January, "Present" = AS_OF. */
export function totalYears(periods: Array<{ start: YM; end: YM | null; yearOnly: boolean }>): number {
  const months = new Set<number>();
  for (const p of periods) {
    const s = p.yearOnly ? p.start.y * 12 : ymIndex(p.start);
    const e = p.end ? (p.yearOnly ? p.end.y * 12 : ymIndex(p.end)) : ymIndex(AS_OF);
    for (let i = s; i < e; i++) months.add(i);
  }
  return Math.round((months.size / 12) * 10) / 10;
}
