/**
 * Skill names in running text (job descriptions, summaries): whole words and phrases only, the longest name
 * first ("Microsoft SQL Server" before "SQL"), never across punctuation. Names are taken from the document's
 * own skills list and from the taxonomy (knowledge/skill-taxonomy.ts); a taxonomy name that is also an
 * ordinary word or very short ("Excel", "Go", "R", "Swift", "Canvas") counts only
 *   - when the skills list names the same skill (the candidate has said it is a tool of theirs), in any
 *     case, unless it opens a sentence (where its capital says nothing), or
 *   - printed as the product is (its capitals) where the text treats it as a tool: after "using", "in",
 *     "with"… ("models in R", "reports using Excel") or in a list beside another skill ("Python, R and SQL").
 * So "Excel at client relations", "Go-to-market plan" and "a swift response" name no skill.
 */
import { AMBIGUOUS, LIST_ONLY, aliasOf, longestSkillName, skillWords, type TaxonomySkill } from './skill-taxonomy.ts';

export interface NameMention<T> {
  target: T;
  start: number;
  end: number;
}

/** Between two words of one name: spaces, or the hyphen or slash of "scikit-learn" and "CI/CD". */
const INSIDE_NAME = /^[ \t]*[-/]?[ \t]*$/;
/** Between two items of one list: "Python, R and SQL", "Excel/Power BI", "Jira & Confluence". */
const LIST_GAP = /^\s*(?:[,;/&+]|\band\b|\bor\b|\bas well as\b)+\s*(?:and\s+|or\s+)?$/i;
/** What comes before the first word of a line or sentence. */
const SENTENCE_START = /(^|[\n.!?;:•·▪●*–-])\s*$/;
/** Characters that make a short name part of something else when they touch it. */
const GLUED = /[$€£%&'’\-/@]/;
/** Words after which a capitalised name is a tool: "using Excel", "in R", "with Swift". */
const TOOL_CUE = /\b(using|use|used|uses|in|with|via|through|including|includes|included|on|leveraging|languages?|tools?|such as|like|e\.g\.)\s*[:(]?\s*$/i;

/**
 * Every name `lookup` knows in `text`, longest first at each word (names of at most `longest` words), not
 * overlapping. `lookup` gets the key of a run of words (skill-taxonomy.ts `skillWords`) and the run as
 * printed, and answers what it names.
 */
function findNames<T>(text: string, longest: number, lookup: (key: string, printed: string) => T | null): NameMention<T>[] {
  const words = skillWords(text);
  const out: NameMention<T>[] = [];
  let i = 0;
  while (i < words.length) {
    let found: NameMention<T> | null = null;
    let n = 1;
    while (n < longest && i + n < words.length && INSIDE_NAME.test(text.slice(words[i + n - 1]!.end, words[i + n]!.start))) n++;
    for (; n >= 1 && !found; n--) {
      const start = words[i]!.start;
      const end = words[i + n - 1]!.end;
      const target = lookup(words.slice(i, i + n).map((w) => w.word).join(' '), text.slice(start, end));
      if (target != null) found = { target, start, end };
    }
    if (found) out.push(found);
    i++;
    while (found && i < words.length && words[i]!.start < found.end) i++;
  }
  return out;
}

/** The document's skills list: its names by key, and its taxonomy skills by id. */
export interface ListedSkills {
  byKey: ReadonlyMap<string, TaxonomySkill>;
  byId: ReadonlyMap<string, TaxonomySkill>;
}

interface Candidate {
  skill: TaxonomySkill;
  start: number;
  end: number;
  /** An AMBIGUOUS name that still needs its context to count. */
  pending: boolean;
  /** An AMBIGUOUS name of a skill the skills list names. */
  listed?: boolean;
}

/**
 * Skills named in running text: the document's listed skills under any of their names, and taxonomy skills
 * (returned as the listed skill when the list has them). A listed skill that is not in the taxonomy is
 * found by its printed name only.
 */
export function skillMentions(text: string, listed: ListedSkills): NameMention<TaxonomySkill>[] {
  const longest = Math.max(longestSkillName(), ...[...listed.byKey.keys()].map((k) => k.split(' ').length));
  const candidates = findNames<Candidate>(text, longest, (key, printed) => {
    const own = listed.byKey.get(key);
    const alias = aliasOf(key);
    if (own) return { skill: own, start: 0, end: 0, pending: false, listed: alias?.mode === AMBIGUOUS };
    if (!alias || alias.mode === LIST_ONLY) return null;
    const listedAs = listed.byId.get(alias.skill.id);
    if (alias.mode !== AMBIGUOUS) return { skill: listedAs ?? alias.skill, start: 0, end: 0, pending: false };
    if (listedAs) return { skill: listedAs, start: 0, end: 0, pending: false, listed: true };
    return printed === alias.printed ? { skill: alias.skill, start: 0, end: 0, pending: true } : null;
  })
    .map((m) => ({ ...m.target, start: m.start, end: m.end }))
    // A listed ambiguous name opening a sentence is capitalised by its place, so may be a word ("Excel at…"):
    // it needs its context like any other.
    .map((c) => (c.listed && SENTENCE_START.test(text.slice(0, c.start)) ? { ...c, pending: true } : c))
    // An ambiguous name glued to a symbol is something else: "C$250K", "C-suite", "R&D".
    .filter((c) => !c.pending || !(GLUED.test(text[c.end] ?? '') || GLUED.test(text[c.start - 1] ?? '')));

  // An ambiguous name counts after a tool cue, or in a list with a name that counts (repeated, so that a
  // chain of short names "C, C++ and R" beside one sure name all count).
  for (const c of candidates) if (c.pending && TOOL_CUE.test(text.slice(Math.max(0, c.start - 24), c.start))) c.pending = false;
  const listedWith = (o: Candidate | undefined, gap: string): boolean => !!o && !o.pending && LIST_GAP.test(gap);
  for (let changed = true; changed; ) {
    changed = false;
    candidates.forEach((c, i) => {
      const before = candidates[i - 1];
      const after = candidates[i + 1];
      if (c.pending && (listedWith(before, text.slice(before?.end ?? 0, c.start)) || listedWith(after, text.slice(c.end, after?.start ?? 0)))) {
        c.pending = false;
        changed = true;
      }
    });
  }
  return candidates.filter((c) => !c.pending).map((c) => ({ target: c.skill, start: c.start, end: c.end }));
}
