/**
 * Work experience: entries of the experience sections, each with job title, employer, place, dates and
 * description. Also `profession` and `totalYearsExperience`, which follow from the entries.
 */
import type { Component, Doc, Section } from '../doc.ts';
import { cite } from '../doc.ts';
import type { WorkExperience } from '../../affinda/types.ts';
import { orgScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';
import { opensWithAction, splitEntries, slotsOf, stripBullet, type Entry, type Slot } from './entries.ts';
import { assignRoles, refineSlots, splitTrailingPlace } from './roles.ts';
import { isKnownTown, placeScore, toLocation } from './places.ts';
import { datesOf, monthsOf } from './entry-dates.ts';
import { sentenceJobs } from './sentence-jobs.ts';
import { clauseLike, nameWord, proseWords } from './text-shape.ts';
import { labelledEntries, type LabelledEntry } from './labelled-entries.ts';
import type { Line } from '../layout.ts';

type WorkRole = 'title' | 'org' | 'place';
const ROLES: WorkRole[] = ['title', 'org', 'place'];

/** How much the learned phrase model (knowledge/phrase-roles.ts) weighs against the word-list rules. */
const LEARNED = 0.5;
/** How far the model's "other" lowers a title or employer it doubts, and when it rules out a title alone. */
const OTHER = 0.5;
const JUNK = 0.85;

/** Words abbreviated with a full stop at the end of a name or a title ("Acme Pvt. Ltd.", "Manager, Sales Dept."). */
const ABBREVIATIONS = new Set([
  'ltd', 'inc', 'co', 'corp', 'pvt', 'sr', 'jr', 'st', 'llc', 'plc', 'bros', 'dept', 'mgr', 'asst', 'engg', 'govt', 'intl', 'assoc', 'univ',
  'tech', 'exec', 'no', 'pte', 'bhd', 'sa', 'ag', 'nv', 'bv',
  // Title words as CVs shorten them ("Sr. Software Eng.", "Marketing Coord.").
  'eng', 'engr', 'dev', 'ops', 'admin', 'mgmt', 'mktg', 'acct', 'coord', 'spec', 'rep', 'svc', 'svcs', 'sys', 'dir', 'pres', 'sci', 'prof', 'adv', 'cons',
]);

/**
 * Whether a text is shaped like a name or a title rather than a piece of a sentence: it does not end a
 * sentence ("Provide application support.", "Engineers." — abbreviations such as "Sr." aside), its brackets
 * are balanced ("Service Management)" is a fragment), and it has two letters, or a letter beside a digit.
 */
function wellFormed(text: string): boolean {
  if (/^(?:in|on|at|the|and|of|for|to|by|with|from|an?|as)$/i.test(text)) return false;
  if (fieldLabel(text)) return false;
  if (/\p{Ll}{4,}\.$/u.test(text)) return false;
  // "Team Leads and SMEs.", "Development (TDD).": a full stop after anything but an abbreviation or an initial.
  // A capitalised word of up to four letters is taken for an abbreviation the list lacks ("Eng.", "Mgmt.").
  const last = /([\p{L}\d]+)\)?\.$/u.exec(text);
  const abbreviated = (w: string) => ABBREVIATIONS.has(w.toLowerCase()) || /^\p{Lu}{2,3}$/u.test(w) || /^\p{Lu}\p{Ll}{1,3}$/u.test(w);
  if (last && (last[0].includes(')') || (last[1]!.length >= 2 && !abbreviated(last[1]!) && !/\.\p{L}+\.$/u.test(text)))) return false;
  if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) return false;
  return /\p{L}{2}|\p{L}\d|\d\p{L}/u.test(text); // "3M" and "7-Eleven" are names too
}

/** The words résumés label their fields and tables with ("Company", "Duration", "Tools used", "Resume"). */
const FIELD_WORDS = new Set([
  'no', 'sl', 's', 'sr', 'company', 'companies', 'organization', 'organisation', 'employer', 'role', 'roles', 'designation', 'position',
  'duration', 'period', 'tenure', 'previous', 'current', 'present', 'past', 'experience', 'resume', 'cv', 'curriculum', 'vitae',
  'technology', 'technologies', 'tools', 'tool', 'used', 'environment', 'client', 'team', 'size', 'project', 'projects', 'name',
  'title', 'details', 'domain', 'location', 'from', 'to', 'and', 'of', 'the', 'description', 'summary', 'other', 'job', 'related',
  'activities', 'responsibilities', 'profile', 'career', 'training', 'real', 'time',
]);

/** A field label or a table header: every word is one of FIELD_WORDS ("No. Company Role Duration", "Technology/Tools used"). */
export function fieldLabel(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => FIELD_WORDS.has(w));
}

/** A legal form opening a slot ("Limited, Chennai", "Inc"): the tail of an employer's name cut by a line break. */
const LEGAL_TAIL = /^(?:limited|ltd|inc|llc|llp|plc|pvt|gmbh)\b/i;
/** A legal form closing an employer's name ("Pvt Ltd", "Inc."). */
const LEGAL_FORM = /\b(?:limited|ltd|inc|llc|llp|plc|gmbh|corp|corporation)\.?$/i;

function scoreWork(text: string, slot: Slot): Record<WorkRole, number> {
  const place = placeScore(text);
  const learned = phraseRoles(text);
  const ruleTitle = titleScore(text);
  const ruleOrg = orgScore(text);
  const title = (1 - LEARNED) * ruleTitle + LEARNED * learned.title;
  // An employer is rarely written like a title; a proper name with no title words is likely one.
  const org = (1 - LEARNED) * (ruleOrg + (title < 0.3 && place < 0.5 ? 0.25 : 0)) + LEARNED * learned.org;
  // What the model calls neither ("Duration", "Roles and Responsibilities", a sentence) is seldom either,
  // unless the word lists are sure ("Progressive Insurance" has an employer's word). It is never a title
  // when the word lists see no title in it; it may still be an employer, since employers are often named
  // like products or skills ("Oracle", "SAP").
  const doubt = 1 - OTHER * learned.other;
  // What the model is sure is neither and that reads as prose (lower-case words beyond a name's joiners) is
  // neither, whatever words it holds: "SLA's to provide quality services to end users" has an employer's
  // word, "Providing support in every stage of website development" a title's.
  const prose = proseWords(text);
  // A school the model is sure of ("Guru Nanak Dev University") is no job title, though it may employ.
  const school = learned.school >= JUNK && ruleTitle < 0.45;
  const notTitle = !wellFormed(text) || clauseLike(text) || school || (learned.other >= JUNK && prose >= 3) ? 0 : ruleTitle >= 0.45 ? 1 : learned.other >= JUNK ? 0 : doubt;
  // An employer's name starts with a capital (or a digit) and is no sentence ("Undergone a training by…").
  const notOrg = !wellFormed(text) || clauseLike(text) || /^\p{Ll}/u.test(text) || opensWithAction(text) || LEGAL_TAIL.test(text) || (learned.other >= JUNK && prose >= 2) ? 0 : ruleOrg >= 0.7 ? 1 : doubt;
  // Bold and italics carry meaning only relative to the other slots; a little nudge each.
  return {
    title: notTitle * title * (place > 0.7 ? 0.3 : 1) + (slot.bold ? 0.03 : 0),
    org: notOrg * org * (place > 0.7 ? 0.3 : 1) * (text.split(/\s+/).length > 8 ? 0.5 : 1),
    place,
  };
}

/**
 * "Security Analyst in Infosys", "Job Profile with Accenture": a job title (or a field label) joined by "in" or
 * "with" to an employer that no word list knows. refineSlots cuts at " in " only on plain evidence on both
 * sides, and a bare name ("Infosys") is no plain evidence; here the left side must be plainly a job title and
 * the right a short capitalised name that is no title, place or subject ("Engineer in Training", "Diploma in
 * Nursing", "Manager in Pune" stay whole). A field label on the left is dropped.
 */
export function splitEmployerIn(slots: Slot[]): Slot[] {
  return slots.flatMap((s) => {
    const m = /^(.+?)\s+(?:in|with)\s+(?=[\p{Lu}\d])(.+)$/u.exec(s.text);
    if (!m) return [s];
    const [, left, right] = m as unknown as [string, string, string];
    const words = right.split(/\s+/);
    // (Longer when it ends in a legal form: "LabourNet Services India Pvt Ltd".)
    const named = (words.length <= 4 || (words.length <= 7 && LEGAL_FORM.test(right))) && words.every(nameWord) && wellFormed(right);
    if (!named || titleScore(right) >= 0.3 || placeScore(right) >= 0.5 || phraseRoles(right).title >= 0.3 || phraseRoles(right).other >= JUNK) return [s];
    const at = s.start + s.text.length - right.length;
    if (fieldLabel(left)) return [{ ...s, text: right, start: at }];
    if (titleScore(left) < 0.6 || phraseRoles(left).title < 0.7) return [s];
    return [{ ...s, text: left }, { ...s, text: right, start: at, piece: s.piece + 0.5 }];
  });
}

/**
 * The description of an entry, one line per bullet or sentence: a line joins the one above when it
 * carries on its sentence (lower-case start, a dangling comma or "and", or the line above ran to the
 * wrap margin); bullets and lines opening with an action verb start a new one.
 */
export function describe(body: Line[]): string | null {
  const items: string[] = [];
  const width = Math.max(1, ...body.map((l) => l.bbox[2] - l.bbox[0]));
  const maxRight = Math.max(0, ...body.map((l) => l.bbox[2]));
  const wraps = body.filter((l) => l.bbox[2] >= maxRight - 0.05 * width).length >= 3;
  body.forEach((l, i) => {
    const text = l.text.replace(/\t+/g, ' ').trim();
    const bullet = stripBullet(text) !== text || l.listItem;
    const prev = body[i - 1];
    const carries =
      prev != null &&
      (/^\p{Ll}/u.test(text) ||
        /[,;:&/(–-]$|\b(and|or|of|the|to|in|for|with|a|an|on|by|at)$/i.test(prev.text.trim()) ||
        (wraps && prev.bbox[2] >= maxRight - 0.05 * width && !opensWithAction(text)));
    if (bullet || !items.length || !carries) items.push(stripBullet(text));
    else items[items.length - 1] += ' ' + text;
  });
  const joined = items.filter(Boolean).join('\n');
  return joined || null;
}

export function readWork(doc: Doc, sections: Section[]): WorkExperience[] {
  const out: WorkExperience[] = [];
  for (const section of sections) {
    // Jobs whose fields are labelled ("Designation: …") are read by their labels.
    const entries: Entry[] = (labelledEntries(section.lines) ?? splitEntries(section.lines, { sharedEmployers: true }).flatMap(oneJobPerLine)).filter((e) => e.head.length || e.dates);
    const slotLists = entries.map((e) => refineSlots(splitEmployerIn(splitTrailingPlace(slotsOf([...e.inherited, ...e.head], e.dates, e.dateLine), placeScore, isKnownTown)), scoreWork, [['title', 'org'], ['org', 'title'], ['org', 'place'], ['title', 'place']], [['title', 'org']], (t) => placeScore(t) >= 0.8));
    const roles = assignRoles(slotLists, ROLES, scoreWork, 0.55, ['title', 'org']);
    entries.forEach((e, k) => {
      if ('fields' in e) followLabels(slotLists[k]!, roles[k]!, (e as LabelledEntry).fields);
    });
    const firstDated = entries.findIndex((e) => e.dates);
    const jobs = entries.flatMap((entry, k): Job[] => {
      const slots = slotLists[k]!;
      const role = roles[k]!;
      const find = (r: WorkRole): Slot | undefined => slots.find((s) => role.get(s) === r);
      const title = find('title');
      const employer = find('org');
      const org = employer && withDashedName(slots, role, employer);
      const place = find('place');
      if (!title && !org && !entry.dates) return [];
      // Without dates, an entry must at least name a job or an employer clearly; otherwise it is stray
      // text (a sentence that lost its bullet), not a job.
      // With both, one of them must look the part ("Huddles and catch-ups" over "Daily rostering", two lines of
      // an unbulleted description, name neither).
      const pair = title && org && (titleScore(title.text) >= 0.3 || orgScore(org.text) >= 0.5 || phraseRoles(org.text).org >= 0.5 || phraseRoles(title.text).title >= 0.5);
      if (!entry.dates && !pair && !(title && titleScore(title.text) >= 0.45) && !(org && orgScore(org.text) >= 0.7)) return [];
      // After a dated job, an undated one is more likely lines of its description ("National ID" / "Address
      // proofs" / "Income proofs"): both its parts must look the part.
      if (!entry.dates && firstDated >= 0 && k > firstDated && !lookTheParts(title, org)) return [];
      return [{ entry, title, org, place, dates: datesOf(entry, doc.options.referenceDate) }];
    });
    let last: WorkExperience | null = null;
    for (const job of rolesUnderEmployers(titlesAfterBlurbs(jobs))) {
      const { entry, title, org, place } = job;
      // The same job printed again right after itself, title, employer and dates alike (a job site's export
      // repeats the heading over each project of the job): one job, its descriptions joined.
      if (last && title && org && job.dates?.startDate && last.jobTitle === title.text && last.organization === org.text && sameDates(last.dates, job.dates)) {
        last.jobDescription = [last.jobDescription, describe(entry.body)].filter(Boolean).join('\n') || null;
        continue;
      }
      const id = out.length + 1;
      const work: WorkExperience = {
        id,
        jobTitle: title?.text ?? null,
        socCode: null,
        socName: null,
        organization: org?.text ?? null,
        industry: null,
        location: place ? toLocation(place.text, doc.country) : null,
        jobDescription: describe(entry.body),
        dates: job.dates,
        occupation: null,
      };
      const at = `/workExperience/${out.length}`;
      if (title) cite(doc, `${at}/jobTitle`, title.start, title.start + title.text.length);
      if (org) cite(doc, `${at}/organization`, org.start, org.start + org.text.length);
      if (entry.dateLine && entry.dates) cite(doc, `${at}/dates`, entry.dateLine.start + entry.dates.index, entry.dateLine.start + entry.dates.index + entry.dates.length);
      if (place) cite(doc, `${at}/location`, place.start, place.start + place.text.length);
      out.push(work);
      last = work;
    }
  }
  return out;
}

/**
 * Undated jobs listed one to a line ("Earlier Career:" / "ARLINGTON CORPORATION, Product Development Specialist" /
 * "BRASILO LTD., Engineer"): a job of its own on each line, where every line is a title and an employer.
 */
function oneJobPerLine(entry: Entry): Entry[] {
  if (entry.dates || entry.inherited.length) return [entry];
  const job = (line: Line): boolean => {
    const [a, b, ...rest] = line.text.trim().split(/,\s+|\s+[|–—]\s+/);
    if (!a || !b || rest.length) return false;
    const titled = (t: string): boolean => titleScore(t) >= 0.45 || phraseRoles(t).title >= 0.6;
    const named = (t: string): boolean => orgScore(t) >= 0.5 || phraseRoles(t).org >= 0.6;
    return (titled(a) && named(b)) || (named(a) && titled(b));
  };
  // (Under their own label, which names no job: "Earlier Career:".)
  const lines = entry.head.filter((l) => !/[:：]\s*$/.test(l.text));
  if (lines.length < 2 || !lines.every(job)) return [entry];
  return lines.map((line, k) => ({ ...entry, head: [line], body: k === lines.length - 1 ? entry.body : [] }));
}

/** A title that reads as a job title, and an employer (if any) that reads as one. */
function lookTheParts(title: Slot | undefined, org: Slot | undefined): boolean {
  const titled = !title || titleScore(title.text) >= 0.45 || phraseRoles(title.text).title >= 0.6;
  // (Or a brand's bare name, in capitals, under a title that reads as one: "Barista, Starbucks", "Process Executive" / "Infosys".)
  const brand = !!org && !!title && titleScore(title.text) >= 0.6 && /^\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,2}$/u.test(org.text.trim()) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(org.text.trim());
  const named = !org || orgScore(org.text) >= 0.5 || phraseRoles(org.text).org >= 0.5 || brand;
  return titled && named && (!!title || (org != null && orgScore(org.text) >= 0.7));
}

const sameDates = (a: WorkExperience['dates'], b: WorkExperience['dates']): boolean =>
  a?.startDate === b?.startDate && a?.endDate === b?.endDate && a?.isCurrent === b?.isCurrent;

/**
 * An employer whose name holds a spaced dash ("Charité – Universitätsmedizin Berlin"): slotsOf cut the line
 * at the dash, and the piece before it, left without a role, is a short proper name that reads as no title,
 * place, work pattern ("Contract", "Remote") or employer of its own. The two pieces are the employer.
 */
function withDashedName(slots: Slot[], role: Map<Slot, WorkRole>, org: Slot): Slot {
  const line = org.source;
  const before = slots.find((s) => s.source === line && s.line === org.line && s.piece === org.piece - 1 && !role.has(s));
  if (!before || !/^\s+[–—-]\s+$/.test(line.text.slice(before.start + before.text.length - line.start, org.start - line.start))) return org;
  const words = before.text.split(/\s+/);
  const learned = phraseRoles(before.text);
  const named = words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w)) && wellFormed(before.text);
  if (!named || titleScore(before.text) >= 0.3 || placeScore(before.text) >= 0.5 || learned.title >= 0.5 || learned.other >= JUNK) return org;
  // A piece that is an employer on its own is a second one ("Deutsche Bank - Infosys BPO Ltd": client, employer).
  if (orgScore(before.text) >= 0.7 || learned.org >= 0.7) return org;
  return { ...before, text: line.text.slice(before.start - line.start, org.start - line.start + org.text.length) };
}

/**
 * A labelled line's first piece takes the role its label names ("Organization: Violet Advertisers, Phoenix":
 * the employer, then the place), and no other slot of the entry keeps that role.
 */
function followLabels(slots: Slot[], role: Map<Slot, WorkRole>, fields: Map<Line, 'title' | 'org'>): void {
  for (const [line, kind] of fields) {
    const own = slots.filter((s) => s.source === line);
    if (!own.length) continue;
    for (const s of slots) if (role.get(s) === kind) role.delete(s);
    own.forEach((s, i) => {
      if (i === 0) role.set(s, kind);
      else if (role.get(s) !== 'place') role.delete(s);
    });
  }
}

interface Job {
  entry: Entry;
  title: Slot | undefined;
  org: Slot | undefined;
  place: Slot | undefined;
  dates: WorkExperience['dates'];
}

/** A job with a start or an end date. */
const dated = (j: Job): boolean => !!(j.dates?.startDate || j.dates?.endDate);

/**
 * "LEANDER CORPORATION, Boston, MA" / "2000 to Present" / "World leader in analytical instrumentation." /
 * "Vice President of International Sales" / its description: a line about the employer between its dates and
 * the title. The title, read as an undated job of its own with no employer, is this job's title.
 */
function titlesAfterBlurbs(jobs: Job[]): Job[] {
  const out: Job[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const [job, next] = [jobs[i]!, jobs[i + 1]];
    if (next && job.org && !job.title && dated(job) && job.entry.body.length > 0 && job.entry.body.length <= 2 && next.title && !next.org && !dated(next) && !next.entry.inherited.length && next.entry.head.length === 1) {
      out.push({ ...job, title: next.title, entry: { ...job.entry, body: [...job.entry.body, ...next.entry.body] } });
      i++;
    } else out.push(job);
  }
  return out;
}

/**
 * Roles listed under their employer, the employer with its own overall dates ("BANK ONE, Chicago / 1995 to
 * 2000", then "Chief Administrative Officer / 1998 to 2000", "Finance Manager / 1995 to 1998"): the employer's
 * line is no job of its own; each role within its dates gets its employer (and place).
 */
function rolesUnderEmployers(jobs: Job[]): Job[] {
  const out: Job[] = [];
  const year = (iso: string | null | undefined): number | null => (iso ? Number(iso.slice(0, 4)) : null);
  for (let i = 0; i < jobs.length; i++) {
    const employer = jobs[i]!;
    const from = year(employer.dates?.startDate);
    const to = employer.dates?.isCurrent ? Infinity : year(employer.dates?.endDate);
    const within = (j: Job): boolean => {
      const a = year(j.dates?.startDate);
      const b = j.dates?.isCurrent ? (to === Infinity ? Infinity : -1) : year(j.dates?.endDate) ?? a;
      return a != null && b != null && from != null && to != null && a >= from && b <= to;
    };
    // The roles right after it: each with a title, no employer of its own, and within its dates.
    const roles: Job[] = [];
    if (employer.org && !employer.title && from != null && to != null) {
      for (const role of jobs.slice(i + 1)) {
        if (!role.title || role.org || !within(role)) break;
        roles.push(role);
      }
    }
    if (!roles.length) {
      out.push(employer);
      continue;
    }
    for (const role of roles) out.push({ ...role, org: employer.org, place: role.place ?? employer.place });
    i += roles.length;
  }
  return out;
}

/** Where a job may be told as a sentence: the experience sections, and what the candidate says of themselves. */
const TOLD_IN = new Set(['work', 'summary', 'objective', 'personal', 'additional']);

/**
 * Jobs told in sentences (sentence-jobs.ts) whose employer no entry names, added after the entries (or, for an
 * entry with a title and no employer, as its employer when the sentence gives the same title).
 */
function addSentenceJobs(doc: Doc): void {
  const lines = doc.sections.filter((s) => TOLD_IN.has(s.topic)).flatMap((s) => s.lines);
  const found = sentenceJobs(lines, doc.data.workExperience, doc.options.referenceDate);
  for (const job of found) {
    const same = (a: string | null) => !!a && a.toLowerCase().replace(/\W+/g, ' ').trim() === job.title.toLowerCase().replace(/\W+/g, ' ').trim();
    const orphan = doc.data.workExperience.findIndex((w) => !w.organization && same(w.jobTitle));
    const at = orphan >= 0 ? orphan : doc.data.workExperience.length;
    if (orphan >= 0) doc.data.workExperience[orphan]!.organization = job.org;
    else {
      doc.data.workExperience.push({
        id: at + 1,
        jobTitle: job.title,
        socCode: null,
        socName: null,
        organization: job.org,
        industry: null,
        location: null,
        jobDescription: null,
        dates: job.dates,
        occupation: null,
      });
      cite(doc, `/workExperience/${at}/jobTitle`, job.titleStart, job.titleStart + job.title.length);
    }
    cite(doc, `/workExperience/${at}/organization`, job.orgStart, job.orgStart + job.org.length);
  }
}

/** Months covered by the union of all work periods (overlaps counted once), as years to one decimal. */
export function totalYears(work: WorkExperience[], reference: Date): number | null {
  const spans: [number, number][] = [];
  for (const w of work) {
    const m = monthsOf(w.dates, reference);
    if (m) spans.push(m);
  }
  if (!spans.length) return null;
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = spans[0]!;
  for (const [a, b] of spans.slice(1)) {
    if (a <= e) e = Math.max(e, b);
    else {
      total += e - s;
      [s, e] = [a, b];
    }
  }
  total += e - s;
  return Math.round((total / 12) * 10) / 10;
}

/** The current or most recent job title. */
export function professionOf(work: WorkExperience[]): string | null {
  const dated = work.filter((w) => w.jobTitle);
  if (!dated.length) return null;
  const current = dated.find((w) => w.dates?.isCurrent);
  if (current) return current.jobTitle;
  const latest = [...dated].sort((a, b) => (b.dates?.endDate ?? b.dates?.startDate ?? '').localeCompare(a.dates?.endDate ?? a.dates?.startDate ?? ''))[0]!;
  return latest.jobTitle;
}

export const work: Component = {
  name: 'work',
  stage: 'understand',
  creates: 'data.workExperience (title, organisation, location, dates, description), profession, totalYearsExperience',
  run(doc) {
    const sections = doc.sections.filter((s) => s.topic === 'work');
    doc.data.workExperience = readWork(doc, sections);
    addSentenceJobs(doc);
    doc.data.profession = professionOf(doc.data.workExperience);
    doc.data.totalYearsExperience = totalYears(doc.data.workExperience, doc.options.referenceDate);
  },
};

