/**
 * What a redacted résumé hides, and where it is printed: spans of `layout.text` per category (Affinda's
 * `redact*` flags), found three ways —
 *  - the pipeline's citations (`doc.provenance`): where each value was read, even when the value was normalised
 *    afterwards (a phone number reformatted, a date range turned into ISO dates);
 *  - every other occurrence of the parsed values in the text, case-insensitive and whitespace-normalised, whole
 *    words only (a name repeated in a footer, an employer named again in a sentence);
 *  - patterns for what has no parsed value: dates, gender statements, a date-of-birth line, phone numbers written
 *    another way than the parsed one.
 * Over-redacting a word is the safe error here; the spans are widened to whole words by boxes.ts. Pure.
 */
import type { ResumeData } from '../../affinda/types.ts';
import type { Provenance } from '../doc.ts';

/** Affinda's `redact*` form fields, read into booleans (each defaults to true). */
export interface RedactOptions {
  /** The candidate's photo. */
  headshot: boolean;
  /** Name, e-mails, phone numbers, web sites and profiles, home address, date of birth. */
  personalDetails: boolean;
  /** Employers' names. */
  workDetails: boolean;
  /** Schools' and universities' names. */
  educationDetails: boolean;
  /** Referees' names, positions and contact details (their whole block). */
  referees: boolean;
  /** Place names: the candidate's, each job's and each school's location. */
  locations: boolean;
  /** Dates: date ranges of jobs and schools, years, dates of birth. */
  dates: boolean;
  /** Gender statements ("Gender: female", "Sex: M") and pronouns ("she/her"). */
  gender: boolean;
  /** The PDF's document information (title, author…): emptied, else copied from the original PDF. */
  pdfMetadata: boolean;
}

export const REDACT_EVERYTHING: RedactOptions = {
  headshot: true,
  personalDetails: true,
  workDetails: true,
  educationDetails: true,
  referees: true,
  locations: true,
  dates: true,
  gender: true,
  pdfMetadata: true,
};

/** The categories that black out text (the headshot is a picture, metadata is not drawn). */
export type TextCategory = 'personalDetails' | 'workDetails' | 'educationDetails' | 'referees' | 'locations' | 'dates' | 'gender';

export interface Span {
  start: number;
  end: number;
  category: TextCategory;
}

/** Citation paths (doc.ts `cite`) and the categories whose flag hides them. */
const CITED: Array<[RegExp, TextCategory[]]> = [
  [/^\/name$/, ['personalDetails']],
  [/^\/emails\/\d+$/, ['personalDetails']],
  [/^\/phoneNumbers\/\d+$/, ['personalDetails']],
  [/^\/dateOfBirth$/, ['personalDetails', 'dates']],
  // The candidate's location is their address (personal) and a place name (locations).
  [/^\/location$/, ['personalDetails', 'locations']],
  [/^\/workExperience\/\d+\/organization$/, ['workDetails']],
  [/^\/workExperience\/\d+\/dates$/, ['dates']],
  [/^\/education\/\d+\/organization$/, ['educationDetails']],
];

/** Parsed values each category hides, as the parser read them (matched against the text below). */
export function categoryValues(d: ResumeData): Record<TextCategory, string[]> {
  const name = d.name;
  return {
    personalDetails: [
      name?.raw,
      // The parts too: a résumé may repeat only the surname ("Blake — page 2"). Two letters or fewer would
      // black out initials and short words all over the page.
      ...[name?.first, name?.middle, name?.last].filter((p) => p && p.trim().length > 2),
      ...d.emails,
      ...d.phoneNumbers,
      ...d.phoneNumberDetails.map((p) => p.rawText),
      ...d.websites,
      d.linkedin,
      d.location?.rawInput,
    ].filter(present),
    workDetails: d.workExperience.map((w) => w.organization).filter(present),
    educationDetails: d.education.map((e) => e.organization).filter(present),
    // A referee's whole block: name, position, employer and contacts are theirs, not the candidate's to share.
    referees: d.referees.flatMap((r) => [r.name, r.email, r.number, r.position, ...r.text.split('\n')]).filter(present),
    locations: [d.location?.rawInput, ...d.workExperience.map((w) => w.location?.rawInput), ...d.education.map((e) => e.location?.rawInput)].filter(present),
    dates: [...d.workExperience.map((w) => w.dates?.rawText), ...d.education.map((e) => e.dates?.rawText)].filter(present),
    gender: [],
  };
}

const present = (v: string | null | undefined): v is string => !!v && v.trim().length > 1;

/**
 * Spans of `text` to black out for the flags that are on, in text order (they may overlap). `refereeBlocks` are the
 * spans of the referees section's lines, hidden whole with `referees`: the parser may not read every referee.
 */
export function redactionSpans(
  text: string,
  data: ResumeData,
  provenance: readonly Provenance[],
  options: RedactOptions,
  refereeBlocks: ReadonlyArray<readonly [number, number]> = [],
): Span[] {
  const on = (c: TextCategory): boolean => options[c];
  const spans: Span[] = [];
  for (const p of provenance) {
    for (const [path, categories] of CITED) {
      if (!path.test(p.path)) continue;
      for (const category of categories) if (on(category) && p.end > p.start) spans.push({ start: p.start, end: p.end, category });
    }
  }
  const folded = foldText(text);
  const values = categoryValues(data);
  for (const category of Object.keys(values) as TextCategory[]) {
    if (!on(category)) continue;
    for (const value of values[category]) for (const [start, end] of occurrences(folded, value)) spans.push({ start, end, category });
  }
  const phones = [...data.phoneNumbers, ...data.phoneNumberDetails.map((p) => p.rawText)];
  if (on('personalDetails')) {
    for (const [start, end] of phoneMatches(text, phones)) spans.push({ start, end, category: 'personalDetails' });
    for (const [start, end] of unparsedPhones(text)) spans.push({ start, end, category: 'personalDetails' });
    // Any e-mail address: the candidate's, or someone else's (a referee's) that is no more the reader's to see.
    for (const m of text.matchAll(EMAIL)) spans.push({ start: m.index, end: m.index + m[0].length, category: 'personalDetails' });
    for (const [start, end] of birthDates(text)) spans.push({ start, end, category: 'personalDetails' });
  }
  if (on('referees')) {
    for (const [start, end] of refereeBlocks) if (end > start) spans.push({ start, end, category: 'referees' });
    const numbers = data.referees.map((r) => r.number).filter(present);
    for (const [start, end] of phoneMatches(text, numbers)) spans.push({ start, end, category: 'referees' });
  }
  if (on('dates')) for (const [start, end] of dateMatches(text)) spans.push({ start, end, category: 'dates' });
  if (on('gender')) for (const [start, end] of genderMatches(text)) spans.push({ start, end, category: 'gender' });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Text lower-cased with each run of whitespace as one space, and the offset in the original of each character. */
export interface Folded {
  text: string;
  origin: number[];
}

export function foldText(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let lastSpace = true; // leading whitespace is dropped
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (!lastSpace) {
        out += ' ';
        origin.push(i);
      }
      lastSpace = true;
      continue;
    }
    // One character for one: a lower case that grows ('İ' → 'i̇') would shift the offsets.
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : c;
    origin.push(i);
    lastSpace = false;
  }
  return { text: out, origin };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `value` occurs in the folded text, as spans of the original: whole words only (a first name "Ann" must
 * not black out "Annual"), punctuation at the value's ends ignored (a value "Acme Corp." printed "Acme Corp").
 */
export function occurrences(folded: Folded, value: string): Array<[number, number]> {
  const needle = foldText(value.replace(/^[^\p{L}\p{N}+@]+|[^\p{L}\p{N}]+$/gu, '')).text.trimEnd();
  if (needle.length < 2) return [];
  const hay = folded.text;
  const out: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const startsInWord = WORD_CHAR.test(needle[0]!) && at > 0 && WORD_CHAR.test(hay[at - 1]!);
    const endsInWord = WORD_CHAR.test(needle.at(-1)!) && end < hay.length && WORD_CHAR.test(hay[end]!);
    if (!startsInWord && !endsInWord) out.push([folded.origin[at]!, folded.origin[end - 1]! + 1]);
  }
  return out;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Phone-number-shaped runs: digits with spaces, dots, dashes, slashes and brackets, at least 7 digits. */
const PHONE = /\+?\(?\d[\d ().\-/]{5,}\d/g;

/**
 * Numbers printed in the text that are one of `phones` however either is formatted: the same last digits (at
 * least 7), so "+44 (0)20 7946 0958" is found for a parsed "+44 20 7946 0958".
 */
export function phoneMatches(text: string, phones: string[]): Array<[number, number]> {
  const wanted = phones.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 7);
  if (!wanted.length) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7) continue;
    const same = wanted.some((w) => {
      const n = Math.min(w.length, digits.length, 9);
      return n >= 7 && w.slice(-n) === digits.slice(-n);
    });
    if (same) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Two years with a separator ("2011 - 2015", "2019/2020"): a date range, not a phone number. */
const YEAR_RANGE = /^(?:19|20)\d\d\D+(?:19|20)\d\d$/;

/**
 * Phone numbers the parser did not take as the candidate's (too short for its rules, or beside another one):
 * phone-shaped runs written internationally ("+1 555 0100"), with an area code in brackets, or of 9 digits and more.
 */
export function unparsedPhones(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || YEAR_RANGE.test(m[0])) continue;
    if (/^[+(]/.test(m[0]) || digits.length >= 9) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** The value after a date-of-birth label, to the end of its field (as enrich/text.ts redacts it). */
const BIRTH = /(?:date of birth|d\.o\.b\.?|\bdob\b|\bborn\b|geburtsdatum|date de naissance|fecha de nacimiento)\s*[:：]?\s*([^\n\t|]+)/gi;

export function birthDates(text: string): Array<[number, number]> {
  return [...text.matchAll(BIRTH)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return [start, start + m[1]!.trimEnd().length] as [number, number];
  });
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '(?:19|20)\\d{2}';
/**
 * Dates as résumés print them: "Jan 2019", "12 March 2020", "March 12, 2020", "03/2019", "2019-03-12", "12.03.2019",
 * and lone years ("2011 – 2015"). "Present" is no date and stays.
 */
const DATE = new RegExp(
  [
    `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?,?)?\\s+'?(?:${YEAR}|\\d{2})\\b`,
    `\\b\\d{1,2}[./-]\\d{1,2}[./-](?:${YEAR}|\\d{2})\\b`,
    `\\b${YEAR}[./-]\\d{1,2}(?:[./-]\\d{1,2})?\\b`,
    `\\b\\d{1,2}[./]${YEAR}\\b`,
    `\\b${YEAR}\\b`,
  ].join('|'),
  'gi',
);

export function dateMatches(text: string): Array<[number, number]> {
  return [...text.matchAll(DATE)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** A labelled gender ("Gender: Female", "Sex – M", "Geschlecht: weiblich"), a pronoun set, or a line saying only Male/Female. */
const GENDER = new RegExp(
  [
    '\\b(?:gender|sex|geschlecht|sexe|género|genre)\\s*[:：\\-–]\\s*(?:male|female|man|woman|non-?binary|m|f|männlich|weiblich|masculin|féminin|masculino|femenino|divers)\\b',
    '\\b(?:he|she|they|ze|xe)\\s*/\\s*(?:him|her|them|hir|zir|xem)(?:\\s*/\\s*(?:his|hers|theirs|hirs|zirs|xyrs))?\\b',
    '(?<=^|\\n)[ \\t]*(?:male|female)[ \\t]*(?=\\n|$)',
  ].join('|'),
  'gi',
);

export function genderMatches(text: string): Array<[number, number]> {
  return [...text.matchAll(GENDER)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}
