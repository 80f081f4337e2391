/**
 * Education: entries of the education sections, each with school, qualification (and its level), grade,
 * place and dates.
 */
import type { Component, Doc, Section } from '../doc.ts';
import { cite } from '../doc.ts';
import type { Education, EducationGrade } from '../../affinda/types.ts';
import { degreeScore, educationLevel, matchDegree } from '../../knowledge/degrees.ts';
import { orgScore, schoolScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';
import { splitEntries, slotsOf, withoutSentenceStop, type Entry, type Slot } from './entries.ts';
import type { Line } from '../layout.ts';
import { AFTER_ABBREVIATION, assignRoles, refineSlots, splitTrailingPlace } from './roles.ts';
import { isKnownTown, placeScore, toLocation } from './places.ts';
import { educationDatesOf } from './entry-dates.ts';
import { clauseLike, proseWords } from './text-shape.ts';

type EduRole = 'degree' | 'school' | 'place' | 'grade';
const ROLES: EduRole[] = ['degree', 'school', 'place', 'grade'];

const GRADE = /\b(gpa|cgpa|grade|grades|mention|honou?rs|first class|upper second|lower second|2[:.][12]|distinction|merit|summa|magna|cum laude|percentage|score|note|final grade|with (high )?honou?rs|\d(\.\d+)?\s*\/\s*\d(\.\d+)?|\d{2,3}(\.\d+)?\s*%)\b/i;

/** The last word decides between "High School Diploma" (a qualification) and "Jefferson High School". */
const ENDS_AS_QUALIFICATION = /\b(diploma|certificate|degree|ged|a[- ]?levels?|abitur|baccalaur[ée]ate?|gcses?|hsc|ssc|\(hons\)|honours|honors)\W*$/i;
/** India's pre-university course (PUC): a qualification, though it ends in "University". */
const PRE_UNIVERSITY = /^pre[- ]?university(?:\s+(?:course|certificate|education|\(?puc?\)?))?$/i;
const EXAM_BOARD = /\bboard\b(?!\s+(?:school|college|academy))/i;
const ENDS_AS_SCHOOL = /\b(school|college|university|academy|institute|gymnasium|polytechnic|lyc[ée]e|universit[äa]t|hochschule|conservatory|seminary)\W*$/i;

/** How much the learned phrase model (knowledge/phrase-roles.ts) weighs against the rules. */
const LEARNED = 0.5;

function scoreEdu(text: string, _slot: Slot): Record<EduRole, number> {
  let degree = degreeScore(text);
  // "B Tech Honors" names a degree; "First Class Honours" only grades one.
  const grade = GRADE.test(text) && degree === 0 && !/\b(bachelor|master|doctor|diploma|certificate)\b/i.test(text) ? 0.9 : 0;
  const place = placeScore(text);
  let school = Math.max(schoolScore(text), degree > 0 ? 0 : orgScore(text) * 0.6 + (titleScore(text) < 0.3 ? 0.15 : 0));
  if (degree > 0 && ENDS_AS_QUALIFICATION.test(text)) [degree, school] = [0.95, school * 0.3];
  else if (degree >= 0.95 && !ENDS_AS_SCHOOL.test(text)) school *= 0.4; // "Bachelor of Business Administration"
  else if (ENDS_AS_SCHOOL.test(text)) [degree, school] = [degree * 0.3, 0.95];
  // The learned phrase model (knowledge/phrase-roles.ts) is blended in: it knows schools and degrees by
  // more than their marker words ("Kendriya Vidyalaya", "B-Tech").
  const learned = phraseRoles(text);
  // Where the rules see no qualification, the model's doubt ("Lincoln Tech": 0.1 a degree) is no evidence.
  degree = degree > 0 || learned.degree >= 0.2 ? (1 - LEARNED) * degree + LEARNED * learned.degree : 0;
  // The model knows schools by their words; a name it has never seen keeps part of what the rules gave it.
  school = Math.max((1 - LEARNED) * school + LEARNED * learned.school, 0.6 * school);
  // The model, like the rules, takes "Pre University" for a school by its last word.
  if (PRE_UNIVERSITY.test(text.trim())) [degree, school] = [0.9, 0.1];
  // An examination board ("State Board", "U.P. Board", "Board/ University" over a column) awards, it does not teach.
  const board = EXAM_BOARD.test(text) ? 0.2 : 1;
  return { degree: degree * (grade ? 0.3 : 1), school: school * board * (place > 0.7 ? 0.3 : 1) * (grade ? 0.2 : 1), place: place * (degree ? 0.2 : 1), grade };
}

/** "GPA 3.8/4.0" → {raw, metric "GPA", value "3.8/4.0"}; "First Class Honours" → value is the text. */
export function parseGrade(raw: string): EducationGrade {
  const m = /^(.*?)[:\s]*(\d+(?:[.,]\d+)?\s*(?:\/\s*\d+(?:[.,]\d+)?|%)?)\s*$/.exec(raw);
  if (m && m[2] && /\d/.test(m[2])) return { raw, metric: m[1]!.trim() || null, value: m[2].replace(/\s+/g, '') };
  return { raw, metric: null, value: raw };
}

export function readEducation(doc: Doc, sections: Section[]): Education[] {
  const out: Education[] = [];
  for (const section of sections) {
    const entries = splitEntries(section.lines, { headBullet: namesQualification, field: namesQualificationAlone }).filter((e) => e.head.length).flatMap(splitRepeatedRoles);
    const slotLists = entries.map((e) =>
      refineSlots(
        splitTrailingPlace(splitDegreeColon(slotsOf([...e.inherited, ...e.head], e.dates, e.dateLine)), placeScore, isKnownTown),
        scoreEdu,
        [['degree', 'school'], ['school', 'place'], ['school', 'degree'], ['degree', 'grade'], ['school', 'grade']],
        [['degree', 'school']],
      ),
    );
    const roles = assignRoles(slotLists, ROLES, scoreEdu, 0.7);
    entries.forEach((entry, k) => {
      const slots = slotLists[k]!;
      const find = (r: EduRole): Slot | undefined => slots.find((s) => roles[k]!.get(s) === r);
      const degree = withField(find('degree'), slots, roles[k]!) ?? degreeInSentence([...entry.head, ...entry.body]);
      const found = find('school');
      const school = found && nameLike(found) ? withoutSentenceStop(found) : undefined;
      const place = find('place');
      const grade = find('grade') ?? gradeInBody(entry.body.map((l) => l.text));
      if (!degree && !school) return;
      const at = `/education/${out.length}`;
      if (degree) cite(doc, `${at}/accreditation/education`, degree.start, degree.start + degree.text.length);
      if (school) cite(doc, `${at}/organization`, school.start, school.start + school.text.length);
      if (entry.dateLine && entry.dates) cite(doc, `${at}/dates`, entry.dateLine.start + entry.dates.index, entry.dateLine.start + entry.dates.index + entry.dates.length);
      if (place) cite(doc, `${at}/location`, place.start, place.start + place.text.length);
      out.push({
        id: out.length + 1,
        organization: school?.text ?? null,
        accreditation: degree
          ? { education: degree.text, inputStr: degree.text, matchStr: matchDegree(degree.text)?.match ?? null, educationLevel: educationLevel(degree.text) }
          : null,
        grade: grade ? parseGrade(typeof grade === 'string' ? grade : grade.text) : null,
        location: place ? toLocation(place.text, doc.country) : null,
        dates: educationDatesOf(entry),
      });
    });
  }
  return out;
}

/**
 * Whether a school's slot reads as a name, not as a piece of prose that fell into an education section
 * ("Responsibilities include overseeing all college assessment, …", "I spent more than 22 years…",
 * "Assessment."), a street address ("2136 G Street NW") or a stray fragment (". Program: …"). Schools are
 * often typed in lower case ("sunder deep group of institution"), so lower-case words count against a slot
 * only when its line is a sentence's length.
 */
function nameLike(slot: Slot): boolean {
  const t = slot.text.trim();
  if (/^[.,;:)]/.test(t) || clauseLike(t) || /^\d+\s+\p{Lu}/u.test(t)) return false;
  const school = schoolScore(t) > 0;
  if (slot.source.text.split(/\s+/).length >= 10 && proseWords(t) >= (school ? 5 : 3)) return false;
  // A full stop after a word ends a sentence ("Integration."), unless it closes a name ("Universidad de Colombia.").
  if (/\p{Ll}{3,}\.["”]?$/u.test(t) && (!/\s/.test(t) || (!school && proseWords(t) > 0))) return false;
  return /\p{L}{3}/u.test(t);
}

/** A short line that is a qualification and nothing else ("Advanced Diploma of Hospitality Management"). */
const namesQualificationAlone = (text: string): boolean => text.split(/\s+/).length <= 8 && degreeScore(text) >= 0.9 && !graded(text);

/** A grade in a qualification's name, not its "(Honours)", which names the degree ("Bachelor of Science (Honours)"). */
const graded = (text: string): boolean => GRADE.test(text.replace(/\(?\bhon(?:ou)?r?s\b\)?/gi, ''));

/**
 * A bullet that opens with a qualification and names where it was taken ("• Bachelors in Commerce (B.Com)
 * from Vivekananda College, Bangalore (2007)"): an entry of a bulleted education list, not a detail of the
 * entry above. A bullet of a qualification alone ("• MBA") says nothing of the school and stays what it was.
 */
export function namesQualification(text: string): boolean {
  const parts = text.split(/\s+(?:from|at)\s+|,\s+|\s+[-–|]\s+/);
  return text.split(/\s+/).length <= 20 && parts.length >= 2 && degreeScore(parts[0]!) >= 0.7 && !graded(parts[0]!);
}

/** "Bachelor of Education (Honours): Monash University": a degree, a colon, its school — two fields. */
function splitDegreeColon(slots: Slot[]): Slot[] {
  return slots.flatMap((s) => {
    const m = /^(.+?):\s+(.+)$/.exec(s.text);
    // (Not a colon inside brackets: "MBA (GPA: 3.8), Kellogg School of Management".)
    if (!m || m[1]!.split('(').length !== m[1]!.split(')').length || degreeScore(m[1]!) < 0.7 || schoolScore(m[2]!) === 0 || degreeScore(m[2]!) > 0) return [s];
    return [{ ...s, text: m[1]! }, { ...s, text: m[2]!, start: s.start + s.text.length - m[2]!.length, piece: s.piece + 0.5 }];
  });
}

/**
 * The fields of a schooling line: at commas, dashes, bars and tabs, and after a degree's abbreviation, whose full
 * stop alone parts it from its school ("M.Tech. Anna University").
 */
const PIECES = new RegExp(String.raw`,\s+|\s+[|–—-]\s+|\t+|` + AFTER_ABBREVIATION, 'u');

/**
 * Schooling printed as a run of lines ("MCA / Osmania University / B.Sc. / Osmania University"), undated or
 * dated once, reads as one heading run; a line that plays a role the run already has (a second degree, a second
 * school) starts the next entry.
 */
function splitRepeatedRoles(entry: Entry): Entry[] {
  if (entry.inherited.length || entry.head.length < 2) return [entry];
  const roleOf = (text: string): EduRole | null => {
    const s = scoreEdu(text, {} as Slot);
    const best = (['degree', 'school'] as const).reduce((a, b) => (s[b] > s[a] ? b : a));
    return s[best] >= 0.4 ? best : null;
  };
  // A line may play both roles ("Masters, Business Administration, University of Florida"): its pieces are
  // read one by one.
  const rolesOf = (text: string): EduRole[] => {
    // (A state's code after the town is no degree: "Boston College, Chestnut Hill, MA".)
    const pieces = text.split(PIECES).filter((p) => p.trim() && !/^[A-Z]{2}$/.test(p.trim()));
    const roles = new Set((pieces.length > 1 ? pieces : [text]).map(roleOf).filter((r): r is EduRole => r != null));
    return [...roles];
  };
  // Two lines split only when each is a whole entry ("B.A., Education, Loyola College" / "A.A., Early
  // Childhood Education, St Augustine College"); a degree over its school is one, and so is "B.S., College of
  // Engineering" over "Stanford University".
  if (entry.head.length === 2 && entry.head.some((l) => rolesOf(l.text).length < 2)) return [entry];
  const groups: Line[][] = [[]];
  let seen = new Set<EduRole>();
  let before: EduRole[] = [];
  for (const line of entry.head) {
    const roles = rolesOf(line.text);
    // A school alone under a whole entry is the university of its college ("B.S., College of Engineering" /
    // "Stanford University").
    // So is one over a whole entry ("Harvard University" / "Master of Public Policy, Kennedy School of Government").
    const parent = (roles.length === 1 && roles[0] === 'school' && before.length === 2) || (roles.length === 2 && before.length === 1 && before[0] === 'school');
    before = roles;
    if (roles.some((r) => seen.has(r)) && !parent) {
      groups.push([]);
      seen = new Set();
    }
    for (const r of roles) seen.add(r);
    groups[groups.length - 1]!.push(line);
  }
  if (groups.length === 1) return [entry];
  // Dates printed once in the run (the others' were never printed) belong to the entry whose lines hold them.
  return groups.map((head, k) => {
    const dated = entry.dateLine != null && head.includes(entry.dateLine);
    return { ...entry, head, body: k === groups.length - 1 ? entry.body : [], dates: dated ? entry.dates : null, dateLine: dated ? entry.dateLine : null };
  });
}

/**
 * "Master of Science" over "Economics" in the same type: the line under a qualification that plays no other
 * role is its field of study, and part of its name.
 */
function withField(degree: Slot | undefined, slots: Slot[], roles: Map<Slot, EduRole>): Slot | undefined {
  if (!degree) return degree;
  // "Diploma, Visual Communication", "BS, Business Analytics": the field after a comma on the degree's line.
  const after = slots.filter((s) => s.line === degree.line && s.start > degree.start).sort((a, b) => a.start - b.start)[0];
  // (Not after a degree that names its subject, "… in Human Services, St." over "Joseph's University", nor a name
  // the next line goes on with: "MBA, Harvard Business" / "School, Boston".)
  const next = slots.find((s) => s.line === degree.line + 1 && s.piece === 0);
  const wrapped = next != null && /^(?:school|university|college|institute|academy|polytechnic)$/i.test(next.text.trim());
  if (after && !roles.has(after) && ofStudy(after.text) && !/\sin\s/.test(degree.text) && !wrapped) {
    const line = degree.source;
    const between = line.text.slice(degree.start + degree.text.length - line.start, after.start - line.start);
    if (/^\s*,\s*$/.test(between)) return { ...degree, text: line.text.slice(degree.start - line.start, after.start - line.start + after.text.length) };
  }
  const field = slots.find((s) => s.line === degree.line + 1 && s.piece === 0 && !roles.has(s) && s.source.text.trim() === s.text);
  const same = field && field.source.fontSize === degree.source.fontSize && field.source.bold === degree.source.bold && field.source.italic === degree.source.italic;
  // A field of study is a name: its words are capitalised but for the little ones ("References available upon
  // request" under the last degree is none).
  const named = field != null && field.text.split(/\s+/).every((w) => !/^\p{Ll}/u.test(w) || /^(?:of|and|in|for|the|with|&)$/.test(w));
  if (!field || !same || !named || field.text.split(/\s+/).length > 5 || degreeScore(field.text) > 0) return degree;
  return { ...degree, text: `${degree.text} ${field.text}` };
}

/** A degree written out in capitals, of its field or in it: "Bachelor of Science in Computer Science". */
const WRITTEN_DEGREE = /(?:^|\b(?:pursuing|earned|earning|completed|completing|awarded|received|obtained|studying|holds?|candidate for|towards|toward)\s+(?:an?\s+|the\s+|my\s+)?)((?:Bachelor|Master|Doctor|Associate)(?:'?s)?(?:\s+(?:of|in)\s+\p{Lu}[\p{L}&'-]*(?:\s+(?:\p{Lu}[\p{L}&'-]*|and|&|of|in))*))/iu;

/**
 * A degree named inside a sentence of the entry as the one taken ("Junior pursuing a Bachelor of Science in Computer
 * Science, Expected Graduation: May 2015."), for an entry whose lines gave none as a field of its own; not one the
 * sentence only mentions ("transferred to UCLA for the Bachelor of Arts", "taught on the Master of Science").
 */
function degreeInSentence(lines: Line[]): Slot | undefined {
  for (const [i, line] of lines.entries()) {
    const m = WRITTEN_DEGREE.exec(line.text);
    // (Written with capitals, whatever case the verb before it was matched in.)
    if (!m || !/^\p{Lu}/u.test(m[1]!)) continue;
    const text = m[1]!.replace(/\s+(?:and|&|of|in)$/i, '');
    return { text, line: i, piece: 0, bold: line.bold, italic: line.italic, source: line, start: line.start + m.index + m[0].length - m[1]!.length };
  }
  return undefined;
}

/** How a course was taken or how it went, said after a comma: no field of study. */
const STATUS =
  /\b(?:part[- ]time|full[- ]time|distance|online|remote|in progress|ongoing|pending|incomplete|completed?|not completed|expected|awarded|current(?:ly)?|withdrawn|deferred|dean'?s|president'?s|list|roll|valedictorian|salutatorian|scholarship|recipient|honou?rs?|hons|distinction|merit|cum laude|graduated?|double|dual|major|minor|degree|certificate|program(?:me)?|year|class|representative|captain|member|abroad|exchange|evening|weekend|executive|top)\b/i;

/** A field of study's name: a few capitalised words, no qualification, school, place, grade, status or date. */
function ofStudy(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const learned = phraseRoles(text);
  return (
    words.length <= 5 && /^\p{Lu}/u.test(text.trim()) && !/[\d.]/.test(text) && !STATUS.test(text) && degreeScore(text) === 0 && schoolScore(text) === 0 &&
    placeScore(text) < 0.5 && !GRADE.test(text) && learned.school < 0.3 && learned.org < 0.5 && !isKnownTown(text.trim()) &&
    // A subject's words are words the lists or the phrase model know ("Biochemistry", "Visual Communication"); a
    // college's own name is a stranger to both ("Kellogg", "Balliol").
    (titleScore(text) >= 0.2 || learned.other + learned.degree >= 0.5) && words.every((w) => !/^\p{Ll}/u.test(w) || /^(?:of|and|in|for|the|with|&)$/.test(w))
  );
}

function gradeInBody(lines: string[]): string | null {
  for (const l of lines) {
    const m = /\b(?:c?gpa|grade|final grade|mention)\s*[:\-]?\s*[^,;|]+/i.exec(l);
    if (m) return m[0].trim();
  }
  return null;
}

export const education: Component = {
  name: 'education',
  stage: 'understand',
  creates: 'data.education (school, qualification and level, grade, location, dates)',
  run(doc) {
    doc.data.education = readEducation(
      doc,
      doc.sections.filter((s) => s.topic === 'education'),
    );
  },
};
