/**
 * Work experience: entries of the experience sections, each with job title, employer, place, dates and
 * description. Also `profession` and `totalYearsExperience`, which follow from the entries.
 */
import type { Component, Doc, Section } from '../doc.ts';
import { cite } from '../doc.ts';
import type { WorkExperience } from '../../affinda/types.ts';
import { orgScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';
import { opensWithAction, splitEntries, slotsOf, stripBullet, type Slot } from './entries.ts';
import { assignRoles, refineSlots, splitTrailingPlace } from './roles.ts';
import { isKnownTown, placeScore, toLocation } from './places.ts';
import { datesOf, monthsOf } from './entry-dates.ts';
import type { Line } from '../layout.ts';

type WorkRole = 'title' | 'org' | 'place';
const ROLES: WorkRole[] = ['title', 'org', 'place'];

/** How much the learned phrase model (knowledge/phrase-roles.ts) weighs against the word-list rules. */
const LEARNED = 0.5;
/** How far the model's "other" lowers a title or employer it doubts, and when it rules out a title alone. */
const OTHER = 0.5;
const JUNK = 0.85;

/**
 * Whether a text is shaped like a name or a title rather than a piece of a sentence: it does not end a
 * sentence ("Provide application support.", "Engineers." — abbreviations such as "Sr." aside), its brackets
 * are balanced ("Service Management)" is a fragment), and it has two letters, or a letter beside a digit.
 */
function wellFormed(text: string): boolean {
  if (/\p{Ll}{4,}\.$/u.test(text)) return false;
  if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) return false;
  return /\p{L}{2}|\p{L}\d|\d\p{L}/u.test(text); // "3M" and "7-Eleven" are names too
}

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
  const notTitle = !wellFormed(text) ? 0 : ruleTitle >= 0.45 ? 1 : learned.other >= JUNK ? 0 : doubt;
  // An employer's name starts with a capital (or a digit) and is no sentence ("Undergone a training by…").
  const notOrg = !wellFormed(text) || /^\p{Ll}/u.test(text) || opensWithAction(text) ? 0 : ruleOrg >= 0.7 ? 1 : doubt;
  // Bold and italics carry meaning only relative to the other slots; a little nudge each.
  return {
    title: notTitle * title * (place > 0.7 ? 0.3 : 1) + (slot.bold ? 0.03 : 0),
    org: notOrg * org * (place > 0.7 ? 0.3 : 1) * (text.split(/\s+/).length > 8 ? 0.5 : 1),
    place,
  };
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
    const entries = splitEntries(section.lines, { sharedEmployers: true }).filter((e) => e.head.length || e.dates);
    const slotLists = entries.map((e) => refineSlots(splitTrailingPlace(slotsOf([...e.inherited, ...e.head], e.dates, e.dateLine), placeScore, isKnownTown), scoreWork, [['title', 'org'], ['org', 'title'], ['org', 'place'], ['title', 'place']], [['title', 'org']], (t) => placeScore(t) >= 0.8));
    const roles = assignRoles(slotLists, ROLES, scoreWork, 0.55, ['title', 'org']);
    entries.forEach((entry, k) => {
      const slots = slotLists[k]!;
      const role = roles[k]!;
      const find = (r: WorkRole): Slot | undefined => slots.find((s) => role.get(s) === r);
      const title = find('title');
      const org = find('org');
      const place = find('place');
      if (!title && !org && !entry.dates) return;
      // Without dates, an entry must at least name a job or an employer clearly; otherwise it is stray
      // text (a sentence that lost its bullet), not a job.
      if (!entry.dates && !(title && org) && !(title && titleScore(title.text) >= 0.45) && !(org && orgScore(org.text) >= 0.7)) return;
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
        dates: datesOf(entry, doc.options.referenceDate),
        occupation: null,
      };
      const at = `/workExperience/${out.length}`;
      if (title) cite(doc, `${at}/jobTitle`, title.start, title.start + title.text.length);
      if (org) cite(doc, `${at}/organization`, org.start, org.start + org.text.length);
      if (entry.dateLine && entry.dates) cite(doc, `${at}/dates`, entry.dateLine.start + entry.dates.index, entry.dateLine.start + entry.dates.index + entry.dates.length);
      if (place) cite(doc, `${at}/location`, place.start, place.start + place.text.length);
      out.push(work);
    });
  }
  return out;
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
    doc.data.profession = professionOf(doc.data.workExperience);
    doc.data.totalYearsExperience = totalYears(doc.data.workExperience, doc.options.referenceDate);
  },
};

