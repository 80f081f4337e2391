/**
 * Jobs written as sentences: "Currently working as a Test Analyst at Oracle, Hyderabad", "Worked as Software
 * Engineer with Prolifics Corporation Limited from Dec 2015 to Sept 2016", "Working with Accenture as a
 * Software Test Engineer". A work-entry reader sees only headings, so a job told this way (in a summary, or as
 * a bullet of the experience section) is lost. Read here only when the sentence plainly names both the role
 * (a job title by the word lists) and the employer (a capitalised name that is not a place), and only when no
 * entry read from a heading already names that employer.
 */
import type { WorkExperience } from '../../affinda/types.ts';
import type { Line } from '../layout.ts';
import { orgScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';
import { findDateRanges } from './dates.ts';
import { datesOf } from './entry-dates.ts';
import { placeScore } from './places.ts';
import { stripBullet } from './entries.ts';

export interface SentenceJob {
  title: string;
  org: string;
  /** Offsets of the title and the employer in the document text. */
  titleStart: number;
  orgStart: number;
  dates: WorkExperience['dates'];
}

/** "(currently) working as (a)", "worked with", "associated with": where a job's sentence starts. */
const VERB = String.raw`(?:(?:currently|presently)\s+)?(?:working|worked|employed|associated|serving|served)\s+(?:(?:currently|presently)\s+)?`;
const AS = String.raw`as\s+(?:an?\s+)?`;
const WITH = String.raw`(?:with|at|in|for)\s+`;
/** Role first: "working as a Test Analyst at Oracle". */
const ROLE_FIRST = new RegExp(String.raw`\b${VERB}${AS}(?<title>[^,.;()]{2,60}?)\s+${WITH}(?<org>\p{Lu}[^;]{1,80})`, 'iu');
/** Employer first: "working with Accenture as a Software Test Engineer". */
const EMPLOYER_FIRST = new RegExp(String.raw`\b${VERB}${WITH}(?<org>\p{Lu}[^,;()]{1,60}?)\s+${AS}(?<title>[^,.;()]{2,60})`, 'iu');

const CONNECTORS = new Set(['of', 'and', '&', 'de', 'the', 'for']);

/**
 * The employer's name at the head of `text`: capitalised words (with "of", "&", "and" between them, "Bank of
 * India"), up to the first lower-case word, comma or full stop. A trailing place goes ("Oracle, Hyderabad";
 * "Infosys Limited Bangalore" when the last word is a known place).
 */
export function leadingName(text: string): string {
  const kept: string[] = [];
  for (const w of text.trim().split(/\s+/)) {
    const bare = w.replace(/[,.;:)]+$/, '');
    if (!bare || !(/^[\p{Lu}\d]/u.test(bare) || (CONNECTORS.has(bare.toLowerCase()) && kept.length))) break;
    const abbreviation = /^(?:Ltd|Inc|Co|Corp|Pvt|LLC|Ltda)\.$/i.test(w);
    kept.push(abbreviation ? w : bare);
    // "Oracle, Hyderabad": a comma (or a full stop that closes no abbreviation) ends the name.
    if (bare !== w && !abbreviation) break;
    if (kept.length >= 8) break;
  }
  while (kept.length && CONNECTORS.has(kept.at(-1)!.toLowerCase())) kept.pop();
  while (kept.length > 1 && placeScore(kept.at(-1)!) >= 0.8) kept.pop();
  return kept.join(' ');
}

/** The title: trimmed of a trailing "team", "role" or "position", and of anything after a dash. */
const cleanTitle = (t: string): string => t.replace(/\s+[-–—].*$/, '').replace(/\s+(?:role|position|profile)$/i, '').trim();

function plausible(title: string, org: string): boolean {
  if (!title || !org || title.split(/\s+/).length > 6 || org.split(/\s+/).length > 8) return false;
  if (titleScore(title) < 0.45) return false;
  if (placeScore(org) >= 0.8 || titleScore(org) >= 0.45) return false;
  // An employer, not a project, a client's product or a skill: the word lists or the learned model say so.
  const learned = phraseRoles(org);
  return orgScore(org) >= 0.5 || learned.org >= 0.35 || (learned.org > learned.other && learned.org > learned.title);
}

/** The job a sentence tells, if it plainly tells one; `start` is the text's offset in the document. */
export function readSentenceJob(text: string, start: number, reference: Date): SentenceJob | null {
  const line = stripBullet(text);
  const lead = text.indexOf(line);
  for (const re of [ROLE_FIRST, EMPLOYER_FIRST]) {
    const m = re.exec(line);
    if (!m?.groups) continue;
    const title = cleanTitle(m.groups.title!.trim());
    const org = leadingName(m.groups.org!);
    // "with Apple client", "in the SCS team", "for the ACME project": a client, a team or a project, not
    // the employer.
    const after = m.groups.org!.trim().slice(org.length);
    if (/^[\s,)]*(?:team|client|project|account|domain|module|application|process|group of)\b/i.test(after)) continue;
    if (!plausible(title, org)) continue;
    const ranges = findDateRanges(line.slice(m.index)).filter((r) => r.start || r.end);
    const range = ranges[0] ?? null;
    const dates = range ? datesOf({ head: [], body: [], dates: range, dateLine: null, inherited: [] }, reference) : null;
    const at = start + lead + m.index;
    const inMatch = (s: string): number => m[0].indexOf(s);
    return { title, org, titleStart: at + Math.max(0, inMatch(title)), orgStart: at + Math.max(0, inMatch(org)), dates };
  }
  return null;
}

/** Lower case, letters and digits only: for telling whether two employers are the same. */
const key = (s: string): string[] => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);

/** Whether an employer named in a sentence is one the entries already have ("Infosys" and "Infosys Limited"). */
export function sameEmployer(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  return !!x.length && !!y.length && x[0] === y[0];
}

/**
 * Jobs told in sentences among `lines` (a sentence may wrap onto the next line), whose employer no entry in
 * `known` names. Each employer once.
 */
export function sentenceJobs(lines: Line[], known: WorkExperience[], reference: Date): SentenceJob[] {
  const out: SentenceJob[] = [];
  lines.forEach((l, i) => {
    if (!/\b(?:working|worked|employed|associated|serving|served)\b/i.test(l.text)) return;
    const next = lines[i + 1];
    // A sentence carried onto the next line ("… currently working / as Software Engineer at …").
    const text = next && !/[.;:]\s*$/.test(l.text) && !/^\s*[•●▪◦❖➢►■◆✓*·-]/u.test(next.text) ? `${l.text} ${next.text}` : l.text;
    const job = readSentenceJob(text, l.start, reference);
    if (!job) return;
    if (known.some((w) => w.organization && sameEmployer(w.organization, job.org))) return;
    if (out.some((j) => sameEmployer(j.org, job.org))) return;
    out.push(job);
  });
  return out;
}
