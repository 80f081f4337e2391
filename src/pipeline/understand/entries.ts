/**
 * Splits the body of an experience or education section into entries, and an entry's heading lines into
 * fields ("slots").
 *
 * An entry is a run of heading lines (short, not bullets: title, employer, place, dates, in any order and
 * over one to four lines) followed by its description (bullets or prose). Several dates inside one run of
 * heading lines mean several entries printed without descriptions, or several roles under one employer.
 * Which heading text is the title and which the employer is decided later, per section, by `assignRoles`.
 */
import type { Line } from '../layout.ts';
import { findDateRanges, type DateRange, type PartialDate } from './dates.ts';
import { orgScore, schoolScore, titleScore } from '../../knowledge/lexicon.ts';
import { degreeScore } from '../../knowledge/degrees.ts';
import { placeScore } from './places.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';
import { proseWords } from './text-shape.ts';

// (So is a symbol font's bullet that reached the text as a private-use character before an item, "\uF0A7 Led…";
// alone on its line it is an icon. And a control character there, what a bullet became on its way through a
// legacy code page: "\u0083 Improved customer satisfaction". And "#" before a word, in text that is no Markdown.)
export const BULLET = /^\s*([•◦▪▫■□●○◆◇►▸▹➢➤✓✔❖❯›»*·‣⁃∙–—-]|#(?=\s+[A-Za-z\u00C0-\u024F])|[\uF0A7\uF0B7\uF0D8\uF0FC\uF076\uF0A8\uF06C\uF06E\uF0E8\uF0D7\uF0AE\u0080-\u009F](?=\s+\S)|\d{1,2}[.)](?=\s))\s*/;

export interface Entry {
  /** Heading lines: title, organisation, place, dates. */
  head: Line[];
  /** Description lines: bullets and prose. */
  body: Line[];
  /** The entry's date range (the first found in its heading lines), and the line it is on. */
  dates: DateRange | null;
  dateLine: Line | null;
  /** Heading lines shared with the entries before it (an employer over several roles). */
  inherited: Line[];
}

export function isBullet(line: Line): boolean {
  return !!line.listItem || BULLET.test(line.text);
}

export const stripBullet = (text: string): string => text.replace(BULLET, '').trim();

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Dates that stand as a field of a heading line, not a year inside a sentence. */
export function headingDates(text: string): DateRange[] {
  return findDateRanges(text).filter((r) => {
    if (!r.single || !r.yearOnly) return true;
    // A bare year counts only when it is (nearly) a field of its own.
    const rest = text.slice(0, r.index) + text.slice(r.index + r.length);
    // "…, established in 1996, is one of the…": a year after a preposition, with the sentence going on after it,
    // is the story's ("…, Anna University, Chennai in 2012" closes a degree's line: its date).
    if (wordCount(text.slice(r.index + r.length)) >= 4 && /\b(?:in|since|from|of|by|during|until|till|before|after)\s*$/i.test(text.slice(0, r.index))) return false;
    return wordCount(rest) <= 12 || /[\t|·•,()]\s*$/.test(text.slice(0, r.index)) || /^\s*([\t|·•,()]|$)/.test(text.slice(r.index + r.length));
  });
}

/** "Staff Engineer, Globex Systems LLC", "Analyst at Initech": a job title and an employer in two fields. */
function namesJob(text: string): boolean {
  const fields = text.split(/,\s+|\s+(?:at|@|[|–—-])\s+/);
  return fields.length >= 2 && fields.length <= 4 && !opensWithAction(text) && (titleScore(fields[0]!) >= 0.45 || orgScore(fields[1]!) >= 0.7);
}

/** A line that holds dates and nothing else ("Mar 2021 - Present"). */
export function onlyDates(text: string): boolean {
  const dates = headingDates(text);
  if (!dates.length) return false;
  let rest = text;
  for (const d of dates) rest = rest.slice(0, d.index) + ' '.repeat(d.length) + rest.slice(d.index + d.length);
  return !/\p{L}/u.test(rest);
}

/**
 * Prose: a long sentence-like line. Its dates are part of the story ("since 2019 I…"), not an entry's.
 * `width` is the widest line of the section, so wrapped paragraphs count as prose too.
 */
function isProse(line: Line, width: number): boolean {
  const text = line.text.trim();
  const words = wordCount(text);
  // A line that opens or closes with a date range is an entry's heading, however long.
  const range = headingDates(text).find((r) => !r.single);
  if (range && (range.standalone || range.index <= 2 || range.index + range.length >= text.length - 2)) return false;
  // Fields set apart by pipes or tabs, one of them a date ("Master of …, Purdue University | 05/2013 | GPA"),
  // make a heading however many words they hold: sentences are not written with pipes.
  if (/\s\|\s|\t/.test(text) && headingDates(text).length) return false;
  if (degreeAndSchool(text)) return false;
  if (words >= 14) return true;
  const wide = line.bbox[2] - line.bbox[0] > 0.8 * width;
  if (words >= 8 && /[.;]$/.test(text)) return true;
  // Wrapped prose without a full stop: long, full width, and none of the separators headings use (also
  // closing the line, its next field wrapped: "Birla Institute …, Pilani, India —" / "Percentage: 63%"); not a
  // job title and its employer, however many parts of an address follow them.
  if (titleThenEmployer(text)) return false;
  return words >= 10 && wide && !line.bold && !/\t|\s[|·•—–-](?:\s|$)/.test(text) && headingDates(text).length === 0;
}

/** A line that continues the bullet or sentence above it (wrapped text). */
function isContinuation(line: Line, prev: Line | undefined, right: number, width: number): boolean {
  if (!prev || isBullet(line)) return false;
  const text = line.text.trim();
  if (/^[a-z(]/.test(text) && !headingDates(text).length) return true;
  // A bracket left open above is closed here ("…(India), [A Division of Prism" / "Cement Limited], Dewas
  // from 30.07.2002 to till date."), dates or not.
  const open = (t: string): number => (t.match(/[([]/g)?.length ?? 0) - (t.match(/[)\]]/g)?.length ?? 0);
  if (open(prev.text) > 0 && open(text) < 0) return true;
  // The line above ran to the right edge of the column: its text wraps onto this one.
  if (prev.block === line.block && prev.bbox[2] >= right - 0.12 * width && !line.bold && !headingDates(text).length && !/\t/.test(text)) return true;
  // Indented under a bullet's text rather than its glyph.
  if (isBullet(prev) && line.bbox[0] > prev.bbox[0] + 4 && !headingDates(text).length && prev.pageIndex === line.pageIndex) return true;
  if (headingDates(text).length) return false;
  // A description that doesn't end its sentence continues on the next line (hard-wrapped plain text too).
  if ((isBullet(prev) || prev.block === line.block) && /[,\-–(&/]$|\b(and|or|of|the|to|in|for|with|a|an|on|by)$/i.test(prev.text.trim())) return true;
  // A heading does not end in a comma; a short piece of a wrapped list does ("Management,").
  // Nor does a heading run on, comma after comma, from the description above ("Shift Changeover, Policy
  // Reviews, OCSM" / "Pass-down Log, Inventory Control,").
  // (Not after a finished sentence: "…junior developers and QA." / "Director of Engineering, Android," heads a job.)
  return prev.block === line.block && /,$/.test(text) && !/[.!?]$/.test(prev.text.trim()) && (text.split(/\s+/).length <= 3 || text.split(',').length >= 3);
}

type Kind = 'head' | 'body';

/**
 * The sub-headings inside an entry ("Responsibilities", "Roles Played:", "Technologies used"): they open its
 * description and name no title or employer.
 */
const ENTRY_LABEL =
  /^(?:(?:key|main|major|my|job|roles?|duties)\s+(?:and\s+)?)?(?:responsibilit(?:y|ies)|duties|achievements?|accomplishments?|highlights|tasks|description|job description|project description|details|environment|technologies(?: used)?|tools(?: used)?|roles? played|contributions?|deliverables)(?:\s+(?:and|&)\s+(?:responsibilit(?:y|ies)|achievements?|duties|accomplishments?))?$/i;
export const isEntryLabel = (text: string): boolean => ENTRY_LABEL.test(stripBullet(text.trim()).replace(/[\s:.\-–—]+$/, '').trim());

/** Past-tense verbs that do not end in -ed, as descriptions open with them ("Led", "Built", "Ran"). */
const IRREGULAR_PAST = new Set([
  'led', 'built', 'ran', 'won', 'cut', 'made', 'grew', 'set', 'wrote', 'drove', 'held', 'met', 'took', 'gave', 'kept',
  'sold', 'taught', 'oversaw', 'spoke', 'brought', 'bought', 'sought', 'began', 'chose', 'found', 'got', 'hired', 'put',
  'rewrote', 'rebuilt', 'undertook', 'saw', 'spent', 'stood', 'understood', 'went', 'became', 'fought', 'lent', 'shut',
]);

/** Verbs in the present, as a current job's description opens with them ("Oversee…", "Manage…", "Responsible for…"). */
const PRESENT_ACTIONS = new Set([
  'manage', 'oversee', 'develop', 'design', 'build', 'create', 'coordinate', 'support', 'maintain', 'implement',
  'prepare', 'provide', 'ensure', 'handle', 'perform', 'conduct', 'assist', 'monitor', 'analyze', 'analyse', 'deliver',
  'drive', 'organize', 'organise', 'review', 'write', 'direct', 'supervise', 'negotiate', 'establish', 'identify',
  'collaborate', 'liaise', 'responsible', 'execute', 'streamline', 'spearhead', 'facilitate', 'aid', 'act',
  'hold', 'work', 'help', 'lead', 'teach', 'train', 'sell', 'run', 'use', 'test', 'plan', 'answer', 'greet', 'process',
]);

/**
 * A description line opens with an action verb ("Designed…", "Led…", "Managing…"); a heading opens with
 * a title, an employer or a date. Titles that begin like verbs ("Registered Nurse", "Licensed
 * Electrician") are told apart by their title words.
 */
export function opensWithAction(text: string): boolean {
  const words = text.trim().split(/\s+/);
  // Fields set apart by separators make a heading ("Articled Clerk | AXA | Paris").
  if (words.length < 4 || /\s[|·•–—]\s|\|/.test(text)) return false;
  // "Engineering Cadet, Suncor Energy", "United Learning, Peterborough, United Kingdom": a short line
  // ending in an employer's name or in a place is a heading.
  const afterComma = text.split(',').at(-1)!.trim();
  const place = text.slice(text.indexOf(',') + 1).trim();
  if (words.length <= 8 && text.includes(',') && (orgScore(afterComma) >= 0.7 || placeScore(place) >= 0.8)) return false;
  // "Learning and Development Manager, Nando's UK": the field before the comma is a whole job title.
  if (words.length <= 10 && text.includes(',') && titleScore(text.split(',')[0]!) >= 0.6) return false;
  // "Working as a Support Engineer": a heading naming the job, when all that follows is a job title.
  const intro = WORKING_AS.exec(text);
  if (intro) {
    const rest = text.slice(intro[0].length).trim();
    if (rest.split(/\s+/).length <= 6 && !/[.;]$/.test(rest) && titleScore(rest.split(/\s+(?:at|in|with|for)\s+/)[0]!) >= 0.45) return false;
  }
  const first = words[0]!.toLowerCase().replace(/[^a-z]/g, '');
  // (A verb in the present only before what it acts on, in lower case: "Oversee 60+ representatives", "Manage a team";
  // "Support Services Team Leader", "Test and Evaluation Engineer", "Plan International" are names.)
  const present = (PRESENT_ACTIONS.has(first) || PRESENT_ACTIONS.has(first.replace(/s$/, ''))) && /^(?:[\p{Ll}\d]|\$)/u.test(words[1]!) && !/^(?:and|or|&|of|at|for)$/.test(words[1]!);
  const verb = IRREGULAR_PAST.has(first) || present || (first.length >= 5 && /(ed|ing)$/.test(first));
  return verb && titleScore(words.slice(0, 2).join(' ')) < 0.45 && titleScore(words.slice(0, 3).join(' ')) < 0.45;
}

/**
 * The left edge at which descriptions are indented, if they are: the rightmost left edge shared by
 * several lines that are mostly long. Bullets whose glyph was lost (drawn from a symbol font) still sit
 * to the right of the title, employer and dates.
 */
function descriptionIndent(lines: Line[]): number | null {
  const clusters: { x: number; lines: Line[] }[] = [];
  for (const l of lines) {
    const c = clusters.find((k) => Math.abs(k.x - l.bbox[0]) <= 2);
    if (c) c.lines.push(l);
    else clusters.push({ x: l.bbox[0], lines: [l] });
  }
  const minX = Math.min(...clusters.map((c) => c.x));
  const candidates = clusters
    .filter((c) => c.x > minX + 4 && c.lines.length >= 3)
    .filter((c) => {
      const words = c.lines.map((l) => l.text.split(/\s+/).length).sort((a, b) => a - b);
      return words[Math.floor(words.length / 2)]! >= 6;
    })
    .sort((a, b) => b.x - a.x);
  return candidates[0]?.x ?? null;
}

interface ClassifyOptions {
  /** Jobs: a complete heading is closed by its dates (see `afterFullHead`). */
  closedByDates?: boolean;
  /** A bullet that names an entry of its own ("• B.Com from Vivekananda College, 2007"): a heading. */
  headBullet?: (text: string) => boolean;
  /** A line that is one of the entry's fields whatever verb it opens with ("Advanced Diploma of Hospitality Management"). */
  field?: (text: string) => boolean;
}

function classify(lines: Line[], opts: ClassifyOptions = {}): Kind[] {
  const width = Math.max(1, ...lines.map((l) => l.bbox[2] - l.bbox[0]));
  // A right margin that text wraps at: several lines end near the same right edge. Without one (plain
  // text, short bullets) a long line says nothing about the next.
  const maxRight = Math.max(0, ...lines.map((l) => l.bbox[2]));
  const right = lines.filter((l) => l.bbox[2] >= maxRight - 0.05 * width).length >= 3 ? maxRight : Infinity;
  const indent = descriptionIndent(lines);
  const indented = (l: Line): boolean =>
    indent != null && Math.abs(l.bbox[0] - indent) <= 2 && l.text.split(/\s+/).length >= 4 && !headingDates(l.text).length && !/\t/.test(l.text);
  const kinds: Kind[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const words = wordCount(l.text);
    const undated = !headingDates(l.text).length;
    // A sentence carried over from the line above ("completion Conducted legal research…"); not across a
    // blank line from a heading line (all-lower-case entries: "b.tech in computer science").
    const lowerStart = /^\p{Ll}/u.test(l.text.trim()) && words >= 4 && undated && prev != null && (prev.block === l.block || kinds[i - 1] === 'body');
    // A new paragraph under an entry's dates: its description, if it reads as a sentence ("University of
    // Central Florida, Orlando, FL — GPA: 3.92" in a paragraph of its own, as DOC keeps every line, is a field).
    // (Not when dates follow it: then it heads the next entry.)
    const next = lines[i + 1];
    const paragraph =
      prev != null && prev.block !== l.block && kinds[i - 1] === 'head' && headingDates(prev.text).length > 0 && words >= 8 && undated && !l.bold && !/\t/.test(l.text) && proseWords(l.text) >= 3 &&
      !(next && next.block === l.block && headingDates(next.text).length);
    // Right under an entry's dated line, in its block, a short line is still its heading (the employer).
    const underDates = prev != null && kinds[i - 1] === 'head' && prev.block === l.block && headingDates(prev.text).length > 0 && words <= 8;
    // "Engineer / Acme Ltd - Pune / 2015 to 2018", then, after a blank, "Payments Platform (Project)": a
    // heading already complete — two undated lines above a line of dates alone — is closed by those dates;
    // a line in a new paragraph after them opens the description (a project name, a sentence) — unless
    // dates follow within two lines, when it heads the next entry.
    let above = 0;
    for (let k = i - 2; k >= 0 && kinds[k] === 'head' && !headingDates(lines[k]!.text).length; k--) above++;
    const afterFullHead =
      opts.closedByDates === true && prev != null && kinds[i - 1] === 'head' && prev.block !== l.block && onlyDates(prev.text) && above >= 2 && undated && !l.bold && !lines.slice(i + 1, i + 3).some((n) => headingDates(n.text).length);
    const action = undated && !l.bold && !/\t/.test(l.text) && opensWithAction(l.text) && !opts.field?.(l.text.trim());
    // "Role: …", "Software used: …", "Environment: …": labelled details of the entry above.
    // …and, inside a job's description, a sub-heading over its bullets ("Customer Related Activities:-").
    const subheading = opts.closedByDates === true && kinds[i - 1] === 'body' && words <= 6 && /[:：]\s*-?\s*$/.test(l.text) && next != null && isBullet(next);
    const labelled = undated && kinds.length > 0 && (labelledDetail(l.text) || subheading);
    // Dates on a line of their own, then the job as the first bullet ("• Staff Engineer, Globex"): that
    // bullet names the entry.
    // So does one right above its dates ("• Electrical Contracts Manager, Woh Hup" / "Aug, 2021 - Present":
    // a timeline's dot, or a scan's, before the entry's first line), unless a job heading follows those dates:
    // then they open the next job ("• Promoted to Staff Engineer, Acme" / "Jan 2016 - Dec 2018" / "Engineer, Globex").
    const namesDatedEntry =
      isBullet(l) && words <= 10 && !/[.;:]$/.test(l.text.trim()) && namesJob(stripBullet(l.text)) &&
      ((prev != null && kinds[i - 1] === 'head' && onlyDates(prev.text)) || (next != null && onlyDates(next.text) && !headsAfter(lines[i + 2])));
    if (kinds.length > 0 && isEntryLabel(l.text)) kinds.push('body');
    else if (namesDatedEntry || (opts.headBullet && isBullet(l) && opts.headBullet(stripBullet(l.text)))) kinds.push('head');
    else if (isBullet(l) || isProse(l, width) || (indented(l) && !underDates) || lowerStart || paragraph || afterFullHead || action || labelled) kinds.push('body');
    // A short "Title, Employer" line right above a line that opens with dates heads the next entry, even
    // where the description above it ran to the margin; so does a title alone ("PROJECT MANAGER" / "2003 -
    // 2007", or "Lead Architect," / "Beachbody" / "10/12-06/13") after a sentence the line above finished.
    else if (kinds[i - 1] === 'body' && isContinuation(l, prev, right, width) && !(words <= 8 && undated && datedNext(lines, i) && headsDatedEntry(l.text.trim(), prev!.text.trim())))
      kinds.push('body');
    else kinds.push('head');
  });
  return kinds;
}

/** The line after line i opens with dates, or the one after that, under a short undated line (the employer). */
function datedNext(lines: Line[], i: number): boolean {
  const [next, after] = [lines[i + 1], lines[i + 2]];
  if (!next) return false;
  if (headingDates(next.text)[0]?.index === 0) return true;
  return after != null && !isBullet(next) && wordCount(next.text) <= 6 && !/[.,;:]$/.test(next.text.trim()) && !headingDates(next.text).length && headingDates(after.text)[0]?.index === 0;
}

/**
 * Above a line that opens with dates: a job and its employer, or, after a finished sentence, a job title or an
 * employer and its place ("HERNANDEZ & ASSOCIATES, Hopkinton, MA" / "1990 to 2000").
 */
const headsDatedEntry = (text: string, above: string): boolean =>
  namesJob(text) ||
  (/[.!?]$/.test(above) && wordCount(text) <= 6 && !opensWithAction(text) && (titleScore(text.replace(/,$/, '')) >= 0.45 || orgScore(text.split(/\s*,\s*/)[0]!) >= 0.7));

/** An undated, unbulleted line that names a job and its employer. */
const headsAfter = (line: Line | undefined): boolean => line != null && !isBullet(line) && !headingDates(line.text).length && namesJob(line.text.trim());

/** "Role: …", "Client: …", "Environment: …": a labelled detail of an entry (a label of at most four words). */
const labelledDetail = (text: string): boolean => /^[\p{Lu}][\p{L} &/-]{0,29}\p{L}:\s+\S/u.test(text.trim()) && text.trim().split(':')[0]!.split(/\s+/).length <= 4;

/** "Sales Associate, Cheap & Tacky Clothing, Lincoln, NE": a job title, then an employer, on one line. */
function titleThenEmployer(text: string): boolean {
  const [title, org] = text.split(/\s*,\s*/);
  if (!title || !org || BULLET.test(text) || text.split(/\s+/).length > 14) return false;
  return titleScore(title) >= 0.45 && titleScore(org) < 0.45 && placeScore(org) < 0.8 && (orgScore(org) >= 0.5 || phraseRoles(org).org >= 0.5);
}

/**
 * "Masters of Commerce in Sales and Marketing, London School of Commerce.", "STATE UNIVERSITY OF DALLAS, Dallas,
 * TX - Bachelor of Science in Civil Engineering, 1996": a degree and its school, each a field of the line.
 */
function degreeAndSchool(text: string): boolean {
  const fields = text.replace(/[.;]$/, '').split(/\s*,\s*|\s+[–—-]\s+|\s+(?:from|at)\s+/);
  if (fields.length < 2 || fields.length > 6 || wordCount(text) > 20) return false;
  // Fields of a heading are names: a field in lower case is a sentence's clause ("written with Vestas at …").
  if (fields.some((f) => /^\p{Ll}/u.test(f.trim()))) return false;
  const degree = fields.findIndex((f) => degreeScore(f) >= 0.75);
  const school = fields.findIndex((f) => schoolScore(f) >= 0.9 && degreeScore(f) === 0);
  return degree >= 0 && school >= 0 && degree !== school;
}

const sameDate = (a: PartialDate | null, b: PartialDate | null): boolean => a?.year === b?.year && a?.month === b?.month;
/**
 * Whether a dated line restates the dates of the line above: the same range, however spelled, on a line of
 * dates alone (or after the place) or in a sentence ("Worked in Acme as HR Executive from April 2012 to Mar
 * 2013."), or the range's start alone ("from June 2016.").
 */
function restates(above: string, line: string): boolean {
  const [a, b] = [headingDates(above)[0], headingDates(line)[0]];
  if (!a || !b || a.single || !sameDate(a.start, b.start)) return false;
  // Dates alone, or after the place ("Hyderabad from Nov 2011 to Feb 2016").
  const before = line.slice(0, b.index).replace(/\s*\b(?:from|since)\s*$/i, '').trim();
  const bare = !/\p{L}/u.test(line.slice(b.index + b.length)) && (!before || placeScore(before) >= 0.8);
  if (b.single) return bare;
  return a.isCurrent === b.isCurrent && sameDate(a.end, b.end) && (bare || opensWithAction(line.trim()));
}

/** Splits section lines into entries. */
export function splitEntries(lines: Line[], opts: { sharedEmployers?: boolean; headBullet?: (text: string) => boolean; field?: (text: string) => boolean } = {}): Entry[] {
  // Jobs (sharedEmployers) have descriptions after their dates; schools seldom do, and the line after a
  // school's dates is the next school's degree.
  const kinds = classify(lines, { closedByDates: opts.sharedEmployers === true, headBullet: opts.headBullet, field: opts.field });
  // Runs of heading lines, each followed by its body lines.
  const groups: { head: Line[]; body: Line[] }[] = [];
  lines.forEach((l, i) => {
    const last = groups[groups.length - 1];
    if (kinds[i] === 'head') {
      // "Sr. Consultant / Capgemini, Canada / Client: BC Hydro / January 2012 November 2012": dates after a
      // labelled detail still close the heading above it, which has none of its own.
      const detailsOnly = last != null && last.body.length <= 2 && last.body.every((b) => labelledDetail(b.text)) && !last.head.some((h) => headingDates(h.text).length);
      if (!last || (last.body.length && !(detailsOnly && opts.sharedEmployers && onlyDates(l.text)))) groups.push({ head: [l], body: [] });
      else last.head.push(l);
    } else if (last) last.body.push(l);
    else groups.push({ head: [], body: [l] });
  });

  const entries: Entry[] = [];
  let sharedHead: Line[] = [];
  for (const g of groups) {
    // The same dates printed again on the next line ("March 2013 to July 2015" / "from Mar 2013 to Jul 2015":
    // a job site's field, then the candidate's own text) open the description, not a second entry.
    const again = g.head.findIndex((l, i) => i > 0 && restates(g.head[i - 1]!.text, l.text));
    if (again > 0 && again === g.head.length - 1) g.body.unshift(g.head.pop()!);
    const dated = g.head.map((l) => headingDates(l.text).length > 0);
    const count = dated.filter(Boolean).length;
    if (count <= 1) {
      const at = dated.indexOf(true);
      const line = at >= 0 ? g.head[at]! : null;
      // Undated lines that each name a job and its employer ("Sales Associate, Cheap & Tacky Clothing, Lincoln"
      // / "Produce Clerk, Expensive Foods, Pretend") are a job each, the description going with the last.
      if (count === 0 && opts.sharedEmployers && g.head.length >= 2 && g.head.every((l) => titleThenEmployer(l.text))) {
        g.head.forEach((l, k) => entries.push({ head: [l], body: k === g.head.length - 1 ? g.body : [], dates: null, dateLine: null, inherited: [] }));
        sharedHead = [];
        continue;
      }
      // A heading run with no dates and no description names an employer for the roles below it.
      if (count === 0 && !g.body.length && g.head.length <= 2) {
        sharedHead = g.head;
        continue;
      }
      const inherits = count === 1 && sharedHead.length > 0 && g.head.length <= 2;
      entries.push({ head: g.head, body: g.body, dates: line ? headingDates(line.text)[0]! : null, dateLine: line, inherited: inherits ? sharedHead : [] });
      if (!inherits) sharedHead = [];
      continue;
    }
    // Several dated lines in one heading run: split it. When the run starts with a dated line, each date
    // opens its entry ("2019 – 2021 / Engineer / Acme"); otherwise each date closes one.
    const opens = dated[0] === true;
    const parts: Line[][] = [];
    let cur: Line[] = [];
    g.head.forEach((l, i) => {
      if (opens && dated[i] && cur.length) {
        parts.push(cur);
        cur = [];
      }
      cur.push(l);
      if (!opens && dated[i]) {
        parts.push(cur);
        cur = [];
      }
    });
    if (cur.length) {
      if (parts.length && !cur.some((l) => headingDates(l.text).length)) parts[parts.length - 1]!.push(...cur);
      else parts.push(cur);
    }
    parts.forEach((p, k) => {
      const dl = p.find((l) => headingDates(l.text).length > 0) ?? null;
      entries.push({ head: p, body: k === parts.length - 1 ? g.body : [], dates: dl ? headingDates(dl.text)[0]! : null, dateLine: dl, inherited: [] });
    });
    sharedHead = [];
  }
  // A last heading run that no role below claimed is an entry of its own (an undated school, say).
  if (sharedHead.length) entries.push({ head: sharedHead, body: [], dates: null, dateLine: null, inherited: [] });
  return opts.sharedEmployers ? inheritEmployers(entries) : entries;
}

/** A name the word lists or the phrase model read as an employer's and not as a job title ("Perry Local School District"). */
export const employerName = (text: string): boolean => titleScore(text) < 0.45 && (orgScore(text) >= 0.7 || phraseRoles(text).org >= 0.6);

/**
 * A heading line that names an employer after its first piece (pieces are cut at separators and commas;
 * "Assistant Vice President, Operations" names none).
 */
const namesEmployer = (line: Line): boolean =>
  line.text
    .replace(/\t+/g, '|')
    .split(/\s*[|｜•·,]\s*|\s+[–—-]\s+/)
    .slice(1)
    .some((p) => /\p{L}{2}/u.test(p) && !headingDates(p).length && employerName(p));

/**
 * Roles under one employer: "Acme Corp / Senior Engineer | 2021 – Present / • … / Engineer | 2018 – 2021".
 * A one-line entry with fewer pieces than the entry before it, whose heading had a line of its own
 * without dates, shares that line (the employer).
 */
function inheritEmployers(entries: Entry[]): Entry[] {
  const pieces = (lines: Line[]): number =>
    lines.reduce((n, l) => n + l.text.replace(/\t+/g, '|').split(/\s*[|｜•·]\s*|\s+[–—-]\s+/).filter((p) => /\p{L}{2}/u.test(p) && !headingDates(p).length).length, 0);
  const style = (l: Line): string => `${Math.round(l.fontSize * 2) / 2}|${l.bold}|${l.italic}`;
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    const prev = entries[i - 1]!;
    // "Legal & General" (large) / "Sales Representative" (smaller) / dates …, then "Sales Associate" (the
    // smaller type again) / dates …: the type tells a role under the employer above from a new employer.
    const employer = prev.inherited[0] ?? prev.head[0];
    const role = prev.inherited.length ? prev.head[0] : prev.head[1];
    if (!e.inherited.length && e.dates && employer && role && e.head[0] && employer !== prev.dateLine && role !== prev.dateLine) {
      if (style(e.head[0]) === style(role) && style(role) !== style(employer) && !headingDates(employer.text).length && !headingDates(e.head[0].text).length) {
        e.inherited = [employer];
        continue;
      }
    }
    // (Its dates may have a line of their own, over a bare title: "December 2019 – January 2023" / "Clinical Nurse
    // Specialist".)
    const own = e.head.length === 1 ? e.head : e.head.filter((l) => l !== e.dateLine || !onlyDates(l.text));
    const bare = e.head.length === 1 || (own.length === 1 && own[0]!.text.trim().split(/\s+/).length <= 5 && !/[,|｜•·@\t]|\s[–—-]\s|\s(?:in|at|with|for|as)\s/i.test(own[0]!.text));
    if (e.inherited.length || own.length !== 1 || !bare || !e.dates) continue;
    // "Educational Associate, Perry School District, Perry, OH Aug 2012 May 2013" names its own employer.
    if (namesEmployer(own[0]!)) continue;
    const source = prev.inherited.length ? prev.inherited : prev.head.filter((l) => l !== prev.dateLine && !headingDates(l.text).length);
    if (!source.length || prev.head.length < 2 && !prev.inherited.length) continue;
    // (The employer's line, not the town over it: "Singapore" / "NATIONAL UNIVERSITY HOSPITAL".)
    const employerLine = source.find((l) => employerName(l.text)) ?? source[0]!;
    if (pieces(own) < pieces([...prev.inherited, ...prev.head.filter((l) => l !== prev.dateLine || !onlyDates(l.text))])) e.inherited = [employerLine];
  }
  return entries;
}

/** A piece of a heading line between separators, with its style. */
export interface Slot {
  text: string;
  /** Position: line index within the entry head, piece index within the line. */
  line: number;
  piece: number;
  bold: boolean;
  italic: boolean;
  source: Line;
  /** Offset of the piece in the document text. */
  start: number;
  /** Where a comma inside a name sits, not to be cut at ("University of California⸱, Berkeley"). */
  inName?: number;
}

// Also a full stop closing a word of three or more lower-case letters before a capital ("Canada. GPA 3.9"),
// which leaves abbreviations ("B.Sc. Biology", "Inc. Software") alone. And a comma before another label
// ("Title: WMI, Period: Oct 2010 – Dec 2011"). Words shortened in titles and names ("Asst. Store Mgr",
// "Intl. Business Machines") end in a full stop that separates nothing.
const SHORTENED = 'asst|assoc|coord|mgmt|mktg|engg|engr|acct|dept|corp|univ|govt|intl|bros|prof|exec|tech|spec|cons|pres|supv|admin|mfg|svcs';
// And a symbol set between two fields, an icon before each field's value ("Cipla ⌂ Mumbai", "Acme ✦ Berlin").
const SEPARATORS = new RegExp(
  `\\t+|,\\s+(?=\\p{Lu}\\p{Ll}{2,15}:\\s)|\\s+[|｜•·◦▪–—:]\\s+|\\s+\\p{So}\\s+|\\s*[|;]\\s*|\\s+-{1,3}\\s+|\\s{3,}|(?<=\\p{Ll}{3})(?<!(?:^|[^\\p{L}])(?:${SHORTENED.replace(/\b(\w)/g, (c) => `[${c.toUpperCase()}${c}]`)}))\\.\\s+(?=\\p{Lu})`,
  'gu',
);

const SHORTENED_WORDS = new Set(SHORTENED.split('|'));
/**
 * The text without the full stop that closes it as a sentence ("London School of Commerce.", "LevelUp."), an
 * abbreviation's kept: "Ltd.", "Corp.", "B.Sc.", and a capitalised word of four letters or fewer ("Hosp.", "Assn.").
 */
function withoutStop(text: string, by = ''): string {
  const m = /(?<![\p{L}.])(\p{L}+)\.$/u.exec(text);
  if (!m) return text;
  const word = m[1]!;
  const sentence = !SHORTENED_WORDS.has(word.toLowerCase()) && (word.length >= 5 || (word.length === 4 && word === word.toLowerCase()));
  return sentence ? text.slice(0, -1) + by : text;
}
/** A slot without the full stop that closed its line as a sentence. */
export const withoutSentenceStop = (slot: Slot): Slot => ({ ...slot, text: withoutStop(slot.text) });

/** The words that introduce a job in a sentence ("Currently working as a", "I have worked as an"). */
export const WORKING_AS = /^\s*(?:i\s+)?(?:(?:am|was|have\s+been|had\s+been|have|had)\s+)?(?:currently\s+)?(?:working|worked|employed|serving|served)\s+(?:currently\s+)?as\s+(?:an?\s+)?(?=\S)/i;

/**
 * Cuts heading lines into slots at separators (tab, pipe, bullet, spaced dash), after removing the
 * entry's date text.
 */
export function slotsOf(head: Line[], dates: DateRange | null, dateLine: Line | null): Slot[] {
  const slots: Slot[] = [];
  const dateAt = dateLine ? head.indexOf(dateLine) : -1;
  head.forEach((line, li) => {
    // A bullet glyph opening a heading line is no part of its first field.
    let text = line.text.replace(BULLET, (m) => ' '.repeat(m.length));
    if (line === dateLine && dates) text = text.slice(0, dates.index) + ' '.repeat(dates.length) + text.slice(dates.index + dates.length);
    // The dates line of an entry, and the lines over it in its block, are its heading: a full stop closing one
    // ("April 2013 - present Senior Engineer, LevelUp.", "Intern at Northwind Traders." over its dates) is
    // punctuation, unless the line reads as prose. (Lines under the dates are often the description's first.)
    if (dates && dateAt >= li && line.block === dateLine!.block && line.pageIndex === dateLine!.pageIndex && proseWords(text) === 0) {
      const end = text.trimEnd().length;
      text = withoutStop(text.slice(0, end), ' ') + text.slice(end);
    }
    // Other date expressions and date labels on the line go too.
    for (const r of headingDates(text)) text = text.slice(0, r.index) + ' '.repeat(r.length) + text.slice(r.index + r.length);
    let piece = 0;
    let last = 0;
    const push = (from: number, to: number): void => {
      let raw = text.slice(from, to);
      // A label is not a field ("Duration:" once its dates are gone); a labelled value is its value
      // ("Company: Infosys Ltd" → "Infosys Ltd").
      if (/^[^:]{1,30}:\s*$/.test(raw.trim()) && raw.trim().split(/\s+/).length <= 3) return;
      const labelled = /^(\s*[\p{L}][\p{L} /&.-]{0,28}(?:\s\d{1,2})?:\s+)(?=\S)/u.exec(raw);
      if (labelled && labelled[1]!.trim().split(/\s+/).length <= 3) {
        // (An employer's name before a colon is a field of its own: "Google: Senior Engineer, 2013-2016".)
        const name = labelled[1]!.replace(/:\s*$/, '');
        // (So is a degree's: "Bachelor of Arts: University of Toronto".)
        // (Not a kind of employer alone: "Bank: Retail Banking", "Hospital: Cardiac Unit".)
        const kind = !/\s/.test(name.trim()) && orgScore(name.trim()) >= 0.7;
        if (/^\s*\p{Lu}/u.test(name) && ((phraseRoles(name.trim()).org >= 0.8 && !kind) || degreeScore(name.trim()) >= 0.9)) push(from, from + name.length);
        from += labelled[1]!.length;
        raw = raw.slice(labelled[1]!.length);
      }
      // "Working as a Support Engineer", "Have worked as Analyst at Acme": the job, not the phrase that
      // introduces it.
      const intro = WORKING_AS.exec(raw);
      if (intro && /\p{L}{2}/u.test(raw.slice(intro[0].length))) {
        from += intro[0].length;
        raw = raw.slice(intro[0].length);
      }
      // (An icon font's glyph, a private-use character, before a field or after it is no part of it.)
      const cleaned = raw.replace(/^[\s,;:()[\]|–—\uE000-\uF8FF-]+|[\s,;:([\]|–—\uE000-\uF8FF-]+$/gu, '').replace(/\s+/g, ' ');
      // A printed duration ("2 years", "8 mos") repeats the dates; a link or an e-mail names no job.
      if (!cleaned || !/\p{L}/u.test(cleaned) || /^\d+\+?\s*(years?|yrs?|months?|mos?)(\s*,?\s*\d+\s*(months?|mos?))?$/i.test(cleaned)) return;
      if (/^(https?:\/\/|www\.)|\S+@\S+\.\w/i.test(cleaned)) return;
      // An open end on a line of its own ("January 2018 to Present" / "Present") belongs to the dates.
      if (/^(present|current|currently|recently|now|today|till date|to date|ongoing|date)$/i.test(cleaned)) return;
      if (isEntryLabel(cleaned)) return;
      // A date label whose dates were cut out after it ("Joining date from: …", "Period: …").
      if (/^([\p{L}]+\s+){0,2}(dates?|period|duration|tenure|since|from)$/iu.test(cleaned)) return;
      const offset = raw.indexOf(cleaned.split(' ')[0]!);
      const words = line.words.filter((w) => w.start >= line.start + from && w.end <= line.start + to);
      const bold = words.length ? words.every((w) => w.bold) : line.bold;
      const italic = words.length ? words.every((w) => w.italic) : line.italic;
      slots.push({ text: cleaned, line: li, piece: piece++, bold, italic, source: line, start: line.start + from + Math.max(0, offset) });
    };
    for (const m of text.matchAll(SEPARATORS)) {
      push(last, m.index);
      last = m.index + m[0].length;
    }
    push(last, text.length);
  });
  return slots;
}
