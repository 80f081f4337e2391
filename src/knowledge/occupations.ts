/**
 * Printed job title → occupation: the taxonomy's title for it and its UK SOC 2010 unit group.
 *
 * The index (data/job-titles.json, built by scripts/build-taxonomy.ts from O*NET 27.0 and ESCO v1.0 titles)
 * is keyed by a title's normalised words in any order (knowledge/job-titles.ts), so "Manager, Sales", "Sales
 * Mgr" and "Head of Sales"-style inversions meet. A title is looked up whole, then read another way ("Head of
 * Research" as "Research Director", "Project Lead" as "Project Leader"), then without its rank and terms of
 * employment ("Senior", "II", "Interim"), then by its last words — dropping leading qualifiers
 * ("Emergency Department Nurse" → "Nurse") — where a single last word is accepted only if titles ending in
 * it almost all share one code ("nurse" yes; "engineer", "assistant", "specialist" no). Anything else is
 * unknown: null, rather than a code that is probably wrong.
 */
import { readFileSync } from 'node:fs';
import { capitalised, titleAlternatives, titleKey, titleWords, withoutLevels } from './job-titles.ts';

/**
 * A title: [SOC 2010 unit or 0 when its sources disagree, occupation index or -1, how it is shown]. It is
 * shown as its key's words capitalised, in the order given by a string of digits ("10": second word first),
 * or as the string itself when that is not digits ("Chief Executive Officer (CEO)").
 */
export type TitleRow = [number, number] | [number, number, string];

/** data/job-titles.json. */
export interface TitleData {
  /** O*NET-SOC codes ("15-1252.00") and ESCO occupation ids ("esco:<uuid>"). */
  occupations: string[];
  /** By title key (knowledge/job-titles.ts): parsed as is, with no per-title work at load time. */
  titles: Record<string, TitleRow>;
  /** Last words that name an occupation whatever precedes them. */
  heads: string[];
}

export interface OccupationMatch {
  /** The taxonomy's title, with the printed rank kept: "Sr. Software Eng." → "Senior Software Engineer". */
  normalized: string;
  /** UK SOC 2010 unit group, or null when the title's sources disagree on it. */
  soc: number | null;
  /** The O*NET-SOC code or ESCO occupation id the title belongs to. */
  occupationId: string | null;
  /**
   * How the printed title was found: all of it, all but its rank words, read another way ("Head of X" as
   * "X Director", "X Lead" as "X Leader"), or only its last words (the taxonomy names a broader occupation).
   */
  match: 'whole' | 'without-rank' | 'read' | 'last-words';
}

interface Index {
  data: TitleData;
  heads: Set<string>;
}

let index: Index | null = null;

function load(): Index {
  if (index) return index;
  const data = JSON.parse(readFileSync(new URL('../../data/job-titles.json', import.meta.url), 'utf8')) as TitleData;
  index = { data, heads: new Set(data.heads) };
  return index;
}

function lookup(words: string[], match: OccupationMatch['match']): OccupationMatch | null {
  const { data } = load();
  const key = titleKey(words);
  if (!Object.hasOwn(data.titles, key)) return null;
  const [soc, occupation, shown] = data.titles[key]!;
  const keyWords = key.split(' ');
  const normalized = shown && !/^\d+$/.test(shown) ? shown : capitalised(shown ? [...shown].map((i) => keyWords[Number(i)]).join(' ') : key);
  return { normalized, soc: soc || null, occupationId: data.occupations[occupation] ?? null, match };
}

/** Rank words shown again in front of a title found without them. */
const RANKS: Record<string, string> = { senior: 'Senior', junior: 'Junior', lead: 'Lead', principal: 'Principal', trainee: 'Trainee', graduate: 'Graduate', apprentice: 'Apprentice' };

const QUALITY = { whole: 4, 'without-rank': 3, read: 2, 'last-words': 1 } as const;

/** "Head of Research" is a "Research Director", or failing that a "Research Manager"; a "Project Lead" a "Project Leader". */
const READINGS: Record<string, string[]> = { head: ['director', 'manager'], lead: ['leader', 'manager'] };

function matchWords(words: string[]): OccupationMatch | null {
  const whole = lookup(words, 'whole');
  if (whole) return whole;
  const last = words[words.length - 1]!;
  if (words.length > 1 && Object.hasOwn(READINGS, last)) {
    for (const reading of READINGS[last]!) {
      const read = lookup([...words.slice(0, -1), reading], 'read');
      if (read) return read;
    }
  }
  const core = withoutLevels(words);
  if (!core.length) return null;
  const unranked = lookup(core, 'without-rank');
  if (unranked) return unranked;
  for (let i = 1; i < core.length; i++) {
    const rest = core.slice(i);
    if (rest.length === 1 && !load().heads.has(rest[0]!)) break;
    const last = lookup(rest, 'last-words');
    if (last) return last;
  }
  return null;
}

/** The occupation a printed job title names, or null when the title is unknown or too vague. */
export function occupationOf(title: string): OccupationMatch | null {
  let best: { match: OccupationMatch; words: string[] } | null = null;
  for (const alternative of titleAlternatives(title)) {
    const words = titleWords(alternative);
    const match = words.length ? matchWords(words) : null;
    if (match && (!best || QUALITY[match.match] > QUALITY[best.match.match])) best = { match, words };
  }
  if (!best) return null;
  const { match, words } = best;
  // The word a title was read by ("Project Lead" → "Project Leader") is no rank of it.
  const rank = (match.match === 'read' ? words.slice(0, -1) : words).find((w) => Object.hasOwn(RANKS, w));
  const shown = rank && match.match !== 'whole' && !titleWords(match.normalized).includes(rank);
  return shown ? { ...match, normalized: `${RANKS[rank]} ${match.normalized}` } : match;
}
