/**
 * Person names: splitting a printed name into Affinda's parts, and judging whether a line is a name.
 *
 * Splitting is deliberately conservative — first token first, last token (with its particles) last,
 * everything between middle — because that is right for the great majority of résumés and the
 * alternatives (guessing Spanish double surnames, East-Asian order) are wrong as often as right.
 */
import type { ResumeName } from '../../affinda/types.ts';
import { citiesByName, countryByName, subdivisionsByName } from '../../knowledge/geo.ts';
import { titleScore } from '../../knowledge/lexicon.ts';

/** Honorifics printed before a name; several may stack ("Prof. Dr."). German degree titles have a tail ("Dr. med."). */
const TITLE =
  /^(?:(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev|revd)\.?|(?:hon|eng|engr|ing|dipl\.?-ing|capt|col|lt|maj|sgt)\.)(?:\s+(?:med|rer\.?\s*nat|phil|jur|dent|vet|habil|oec)\.)*\s+)+/i;

/** Generational suffixes and post-nominal letters, compared without dots and case. */
const SUFFIXES = new Set(
  ('jr sr ii iii iv v phd dphil md do dds dmd mba cpa pe rn np pa cfa pmp cissp esq esquire mphil msc ms ma ' +
    'bsc bs ba beng meng mtech btech llb llm jd edd psyd faia aia leed cma acca aca fca ceng mrcp frcs frcp mbbs ' +
    'pgdip dip cpp shrm scp phr sphr lpn lcsw cnp fnp dnp pharmd od dc cfp cip chfc crna csm cscp pmi macp ' +
    'ceo cto').split(' '),
);

/** Two-letter post-nominals that are also surnames (Ma, Do, Pa…): only stripped after a comma. */
const AMBIGUOUS_SUFFIXES = new Set(['ma', 'ms', 'do', 'pa', 'pe', 'ba', 'bs', 'od', 'dc', 'np', 'v']);

/** Lower-case words that belong to the surname that follows them. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dela', 'di', 'da', 'dos', 'das', 'do', 'du', 'la', 'le',
  'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'af', 'ap', 'st', 'st.', 'y', 'mac', 'abu',
]);

export function splitName(raw: string): ResumeName {
  const printed = raw.replace(/\s+/g, ' ').trim();
  // Affinda sends absent parts as empty strings (the v2 schema types them as non-nullable strings).
  const name: ResumeName = { raw: printed, first: '', last: '', middle: '', title: '' };
  let text = printed
    .replace(/\s*\([^)]*\)|\s*"[^"]*"|\s*“[^”]*”/g, '') // nicknames: Robert (Bob) Smith, Robert "Bob" Smith
    .trim();

  const title = TITLE.exec(text + ' ');
  if (title && title[0].trim().length < text.length) {
    name.title = title[0].trim();
    text = text.slice(title[0].length).trim();
  }

  // Comma forms: "Sullivan, PhD" post-nominals, or "SMITH, John" surname first.
  let surnameFirst: string | null = null;
  const comma = text.indexOf(',');
  if (comma > 0) {
    const head = text.slice(0, comma).trim();
    const tail = text.slice(comma + 1).trim();
    const tailTokens = tail.split(/[\s,]+/).filter(Boolean);
    if (tailTokens.every((t) => isSuffix(t, true))) text = head;
    else if (head.split(' ').length <= 3 && tailTokens.length <= 3 && !tailTokens.some((t) => NOT_NAME_WORDS.has(t.toLowerCase()))) {
      surnameFirst = head;
      text = tailTokens.filter((t) => !isSuffix(t, true)).join(' ');
    } else text = head;
  }

  const tokens = text.split(' ').filter(Boolean);
  while (tokens.length > 2 && isSuffix(tokens[tokens.length - 1]!, false)) tokens.pop();
  // Two tokens with an unambiguous suffix ("Smith Jr") only when it cannot be the surname.
  if (tokens.length === 2 && !surnameFirst && isSuffix(tokens[1]!, false) && /^(?:jr|sr|ii|iii|iv)$/i.test(tokens[1]!.replace(/\./g, ''))) tokens.pop();

  const shout = isShouting(surnameFirst ? [...tokens, surnameFirst] : tokens);
  const fix = (s: string) => (shout ? titleCase(s) : s);

  if (surnameFirst) {
    // "SMITH, John": a capitalised surname is a convention of this form, not how the name is spelt.
    name.last = shout || isShouting([surnameFirst]) ? titleCase(surnameFirst) : surnameFirst;
    if (tokens.length) name.first = fix(tokens[0]!);
    if (tokens.length > 1) name.middle = tokens.slice(1).map(fix).join(' ');
    return name;
  }
  if (!tokens.length) return name;
  name.first = fix(tokens[0]!);
  if (tokens.length === 1) return name;

  // The surname is the last token plus any particles before it ("van der Berg", "de la Cruz", "Dela Cruz").
  let s = tokens.length - 1;
  while (s > 1 && PARTICLES.has(tokens[s - 1]!.toLowerCase())) s--;
  name.last = tokens.slice(s).map((t, i, all) => (shout && i < all.length - 1 ? t.toLowerCase() : fix(t))).join(' ');
  if (s > 1) name.middle = tokens.slice(1, s).map(fix).join(' ');
  return name;
}

function isSuffix(token: string, afterComma: boolean): boolean {
  const t = token.replace(/[.,]/g, '').toLowerCase();
  if (!SUFFIXES.has(t)) return false;
  return afterComma || !AMBIGUOUS_SUFFIXES.has(t);
}

/** A name printed in capitals ("YASMIN AL-SAYED"): every word of two or more letters is upper-case. */
function isShouting(tokens: string[]): boolean {
  const words = tokens.flatMap((t) => t.split(' ')).filter((t) => /\p{L}{2}/u.test(t));
  return words.length > 0 && words.every((t) => t === t.toUpperCase() && t !== t.toLowerCase());
}

/** "AL-SAYED" → "Al-Sayed", "O'NEIL" → "O'Neil", "MCDONALD" → "McDonald". */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_, c: string) => 'Mc' + c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------

/** Words that make a line a heading, a job title or an organisation rather than a person. */
const NOT_NAME_WORDS = new Set(
  (
    // headings
    'resume résumé cv curriculum vitae summary profile objective experience education skills contact details ' +
    'references referees projects languages certifications certificates history employment professional personal ' +
    'about career interests hobbies achievements awards publications qualifications training competencies expertise ' +
    'page information overview background work volunteer activities statement key core technical objectives ' +
    'goals highlights name address job ' +
    // job titles
    'engineer developer manager analyst consultant designer director specialist officer assistant coordinator ' +
    'administrator executive accountant nurse teacher scientist architect lead senior junior intern head president ' +
    'associate technician attorney lawyer advisor adviser representative supervisor programmer student graduate ' +
    'owner founder ceo cto cfo coo vp sales marketing software data business project product operations finance ' +
    'financial human resources customer service support clinical registered welder electrician professor lecturer ' +
    'researcher physician pharmacist therapist chef driver paralegal recruiter auditor controller planner buyer ' +
    'editor writer producer trainer tutor clerk cashier receptionist secretary mechanic plumber carpenter ' +
    // organisations and common words that are never names
    'university college school institute academy inc ltd llc plc gmbh corp corporation company group bank hospital ' +
    'services solutions technologies systems international the and of for with in at to my our your street road ' +
    'sa ag nv bv grupo'
  ).split(' '),
);

/** The score of a name typed in lower case, whole or in part: a weak guess (see `nameScore`). */
export const LOWER_CASE_NAME = 0.4;

/**
 * How much a line looks like a person's name, 0..1: two to four capitalised words of letters (accents,
 * apostrophes, hyphens, initials), no digits or contact punctuation, no heading or job-title words, not a place.
 */
export function nameScore(text: string): number {
  let t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 60) return 0;
  if (/[\d@/\\|:;!?#&*=+<>[\]{}_]/.test(t)) return 0;
  const title = TITLE.exec(t + ' ');
  if (title && title[0].trim().length < t.length) t = t.slice(title[0].length).trim();
  // Post-nominals after a comma ("Hannah Sullivan, PhD") are part of a name line.
  const comma = t.indexOf(',');
  if (comma > 0) {
    const tail = t.slice(comma + 1).trim().split(/[\s,]+/).filter(Boolean);
    if (tail.length && tail.every((x) => isSuffix(x, true))) t = t.slice(0, comma).trim();
  }
  if (t.includes(',')) return 0.1;

  const tokens = t.split(' ');
  const words = tokens.filter((w, i) => !PARTICLES.has(w.toLowerCase()) || i === 0 || i === tokens.length - 1);
  if (words.length < 2 || words.length > 5) return words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!) ? 0.1 : 0;
  for (const w of words) if (NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.'’]/g, ''))) return 0;
  // Some people type their name in lower case on job sites ("kimaya sonawane", "Vamsi krishna"): a weak
  // guess, taken only when nothing at the top reads better, and never for words that make a job title.
  const lowered = words.some((w) => /^\p{Ll}/u.test(w));
  if (lowered && words.length <= 3 && words.every((w) => /^\p{L}[\p{Ll}\p{M}'’-]+$/u.test(w))) return titleScore(t) < 0.2 && !citiesByName(t).length ? LOWER_CASE_NAME : 0;
  if (!words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w))) return 0;
  // Places ("New York", "South Africa", "Cape Town") are capitalised word pairs too.
  if (citiesByName(t).length || countryByName(t) || subdivisionsByName(t).length) return 0.05;

  // Four or five words are rarer in a name ("María José García López") than in a heading or a title.
  let score = words.length === 5 ? 0.45 : words.length === 4 ? 0.6 : 0.75;
  const shout = words.every((w) => w === w.toUpperCase());
  const titled = words.every((w) => /^\p{Lu}(?:\p{Ll}|\p{M}|['’.-])/u.test(w) || /^\p{Lu}\.?$/u.test(w) || /^\p{Lu}['’]\p{Lu}/u.test(w));
  if (shout || titled) score += 0.15;
  // Initials and short all-caps words everywhere ("A. B. C.", "IT HR") are acronyms, not names.
  if (words.every((w) => w.replace(/\./g, '').length <= 2 && w === w.toUpperCase())) return 0.1;
  if (t.length <= 30) score += 0.1;
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}
