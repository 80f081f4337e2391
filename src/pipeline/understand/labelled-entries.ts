/**
 * Jobs written as labelled fields, one per line, as forms and many Indian and African CVs print them:
 *
 *   Designation: Digital Advertising Executive
 *   Organization: Violet Advertisers, Phoenix, AZ
 *   Duration: May 2010 - till date
 *   Devise advertising and marketing strategies …
 *
 * The entry splitter reads headings by their shape, and a "Label: value" line under a heading is a detail of
 * the entry above it ("Role: …", "Environment: …"), so such a section comes apart: the first job's fields are
 * split from its dates, and every later job is swallowed by the description before it. Here the labels say
 * what each line is: a title, an employer or the dates, and a repeated label opens the next job.
 */
import type { Line } from '../layout.ts';
import { employerName, headingDates, isBullet, onlyDates, stripBullet, type Entry } from './entries.ts';
import { schoolScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';

type FieldKind = 'title' | 'org' | 'dates';

/** An entry read from labelled fields: which heading line holds the title and which the employer. */
export interface LabelledEntry extends Entry {
  fields: Map<Line, 'title' | 'org'>;
}

const TITLE_LABEL = /^(?:current\s+|present\s+|last\s+)?(?:designation|position(?:\s+held)?|job\s+title|post(?:\s+held)?|job\s+role)$/i;
/** "Role" names the job only where no stronger title label is used (else it is a project's role). */
const ROLE_LABEL = /^(?:current\s+)?roles?$/i;
const ORG_LABEL =
  /^(?:current\s+|present\s+|previous\s+|last\s+)?(?:organi[sz]ation(?:\s+name)?|company(?:\s+name)?|employer(?:\s+name)?|name\s+of\s+(?:the\s+)?(?:employer|company|organi[sz]ation)|firm|institution)$/i;
const DATES_LABEL = /^(?:duration|period|tenure|dates?|time\s+period|employment\s+period|working\s+period)$/i;

/** "Designation: X", "• Company Name - X", "(Designation: X)": the label (group 2) and the value (group 3). */
const FIELD = /^(\s*(?:[•●▪◦❖➢►■◆✓*·-]\s*)?\(?\s*)([\p{L}][\p{L} ]{1,30}?)\s*(?::+|\s[-–]\s)\s*(?=\S)(.*?)\)?\s*$/u;

/** Which field of a job a line labels, if any ("Role:" counts as a title only when `roleIsTitle`). */
function fieldOf(text: string, roleIsTitle = true): FieldKind | null {
  const m = FIELD.exec(text);
  if (!m) return null;
  const label = m[2]!.trim().replace(/\s+/g, ' ');
  const value = m[3]!.trim().replace(/[.,;]+$/, '');
  if (!/\p{L}|\d/u.test(value)) return null;
  if (TITLE_LABEL.test(label) || (roleIsTitle && ROLE_LABEL.test(label))) return 'title';
  if (ORG_LABEL.test(label)) return 'org';
  return DATES_LABEL.test(label) && headingDates(value).length ? 'dates' : null;
}

/** A short undated line that names an employer (a school too): the unlabelled head of a labelled job ("Infosys Ltd, Pune"). */
function employerLine(l: Line): boolean {
  const text = l.text.trim();
  if (isBullet(l) || headingDates(text).length || text.split(/\s+/).length > 8 || /[.;:]$/.test(text)) return false;
  const name = text.split(',')[0]!;
  return employerName(name) || (titleScore(name) < 0.45 && (schoolScore(name) > 0 || phraseRoles(name).school >= 0.6));
}

/** A line of a job's heading that is no job title: an employer, a place, dates, a note in brackets. */
function unlabelledHead(l: Line): boolean {
  const text = l.text.trim();
  const titled = text.split(/,\s*/).some((piece) => titleScore(piece) >= 0.45 || phraseRoles(piece).title >= 0.5);
  return !isBullet(l) && text.split(/\s+/).length <= 10 && !/\p{Ll}[.;:]$/u.test(text) && !titled;
}

/** An unlabelled line above a job's labels that is part of its heading: an employer, or dates. */
const pullable = (l: Line): boolean =>
  unlabelledHead(l) && (employerLine(l) || (headingDates(l.text).length > 0 && l.text.trim().split(/\s+/).length <= 8));

interface Group {
  head: Line[];
  body: Line[];
  fields: Map<Line, 'title' | 'org'>;
  kinds: Set<FieldKind>;
}

/**
 * The section's jobs by their labelled fields, or null when the section does not label its jobs. It needs two
 * labelled titles or employers, one of them a title or both employers ("Role:" counts only beside a labelled
 * employer: alone it labels a project's role), and it must open with them or with a short heading that names
 * no job title.
 */
export function labelledEntries(lines: Line[]): LabelledEntry[] | null {
  const strongTitle = lines.some((l) => fieldOf(l.text, false) === 'title');
  const fields = lines.map((l) => fieldOf(l.text, !strongTitle));
  const titles = fields.filter((f) => f === 'title').length;
  const orgs = fields.filter((f) => f === 'org').length;
  if (titles + orgs < 2 || (titles === 0 && orgs < 2) || (!strongTitle && orgs === 0)) return null;

  const before: Line[] = [];
  const groups: Group[] = [];
  lines.forEach((l, i) => {
    const f = fields[i];
    const cur = groups.at(-1);
    if (!f) {
      if (cur) cur.body.push(l);
      else before.push(l);
      return;
    }
    let g = cur;
    if (!g || g.kinds.has(f) || g.body.length) {
      g = { head: [], body: [], fields: new Map(), kinds: new Set() };
      // An employer or dates printed unlabelled right above the labels ("2005–present: Acme" / "Position: …")
      // belong to this job: up to two such lines.
      const above = cur ? cur.body : before;
      for (let n = 0; n < 2 && above.length && pullable(above.at(-1)!); n++) g.head.unshift(above.pop()!);
      groups.push(g);
    }
    g.head.push(l);
    g.kinds.add(f);
    if (f !== 'dates') g.fields.set(l, f);
  });
  // The labels must be what the section is made of, from its top: under an ordinary heading that names the
  // job ("Technical Support Engineer / Microsoft / Position: …") they repeat it, and in a job's description a
  // "Role:" or "Company:" line is a detail of a project. A short heading above the first labels that names
  // no job title ("Georgia Institute of Technology / (Designation: Graduate Research Assistant)") is the
  // first job's employer and dates.
  if (before.length > 4 || !before.every(unlabelledHead)) return null;
  groups[0]!.head.unshift(...before.splice(0));
  // Nor may a job with an ordinary heading hide in a description: a short dated line that is no bullet.
  if (groups.some((g) => g.body.some((l) => !isBullet(l) && headingDates(l.text).length && l.text.trim().split(/\s+/).length <= 8))) return null;
  return groups.map((g): LabelledEntry => {
    // Dates on the first description line ("May 2010 – Present" under the labels) are the job's.
    if (!g.head.some((l) => headingDates(l.text).length) && g.body[0] && onlyDates(stripBullet(g.body[0].text))) g.head.push(g.body.shift()!);
    const dateLine = g.head.find((l) => headingDates(l.text).length) ?? null;
    return { head: g.head, body: g.body, dates: dateLine ? headingDates(dateLine.text)[0]! : null, dateLine, inherited: [], fields: g.fields };
  });
}
