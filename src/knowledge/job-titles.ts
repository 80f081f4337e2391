/**
 * Job titles as comparable words. A printed title ("Sr. Mgr, Sales & Mktg", "Head of Learning and
 * Development", "Paediatric Staff Nurse (Bank)") and a taxonomy title are reduced the same way — accents,
 * case and punctuation folded, abbreviations expanded, British spellings made American, "Manager, Sales"
 * and "Head of Sales" put in natural order, connecting words dropped — so that equal titles get equal
 * keys. Used by scripts/build-taxonomy.ts to build the title index and by knowledge/occupations.ts to
 * read it, so both sides always agree.
 */
import { americanSpelling } from './spelling.ts';

/** Abbreviations whose meaning does not depend on their place in the title. */
const ABBREVIATIONS: Record<string, string> = {
  sr: 'senior', snr: 'senior', jr: 'junior', jnr: 'junior', mgr: 'manager', mngr: 'manager', mgmt: 'management',
  engr: 'engineer', asst: 'assistant', assoc: 'associate', rep: 'representative', reps: 'representatives',
  dir: 'director', supv: 'supervisor', supvr: 'supervisor', acctg: 'accounting', mktg: 'marketing',
  ops: 'operations', svc: 'service', svcs: 'services', cust: 'customer', dept: 'department', govt: 'government',
  intl: 'international', natl: 'national', hr: 'human resources', it: 'information technology',
  ict: 'information communication technology', qa: 'quality assurance', qc: 'quality control', pr: 'public relations',
  vp: 'vice president', svp: 'senior vice president', evp: 'executive vice president', avp: 'assistant vice president',
  ceo: 'chief executive officer', cfo: 'chief financial officer', coo: 'chief operating officer',
  cto: 'chief technology officer', cio: 'chief information officer', cmo: 'chief marketing officer',
  chro: 'chief human resources officer', hgv: 'heavy goods vehicle', lgv: 'large goods vehicle',
  rn: 'registered nurse', lpn: 'licensed practical nurse', cna: 'certified nursing assistant',
  bdr: 'business development representative', sdr: 'sales development representative', bd: 'business development',
  swe: 'software engineer', sde: 'software development engineer', sre: 'site reliability engineer',
  gm: 'general manager', ea: 'executive assistant', seo: 'search engine optimization',
};

/** Abbreviations read one way as the last word of a title (its head) and another way before it. */
const BY_POSITION: Record<string, [head: string, modifier: string]> = {
  tech: ['technician', 'technical'], eng: ['engineer', 'engineering'], admin: ['administrator', 'administrative'],
  exec: ['executive', 'executive'], dev: ['developer', 'development'], spec: ['specialist', 'specialist'],
  coord: ['coordinator', 'coordination'], acct: ['accountant', 'account'],
};

/** "L&D", "R&D": pairs that mean one thing and would otherwise fall apart into letters. */
const PAIRS: Record<string, string> = {
  'l&d': 'learning and development', 'r&d': 'research and development', 'f&b': 'food and beverage',
  'a&e': 'accident and emergency', 'p&l': 'profit and loss', 'm&a': 'mergers and acquisitions',
  'fp&a': 'financial planning and analysis', 'h&s': 'health and safety', 'd&i': 'diversity and inclusion',
};

/** Two words that are one in other spellings ("Front End" / "Frontend"). */
const JOINED: Record<string, string> = {
  'front end': 'frontend', 'back end': 'backend', 'full stack': 'fullstack', 'web master': 'webmaster',
  'book keeper': 'bookkeeper', 'data base': 'database', 'fork lift': 'forklift', 'care giver': 'caregiver',
  'sales person': 'salesperson', 'chair person': 'chairperson', 'house keeper': 'housekeeper',
};

/** Words that join a title's parts and carry nothing once the order is natural. */
const CONNECTIVES = new Set(['and', 'of', 'the', 'for', 'in', 'a', 'an', 'to', 'with', 'at', 'on']);

/**
 * Words of rank, grade and terms of employment: they leave the occupation unchanged ("Senior Accountant",
 * "Accountant II", "Trainee Electrician", "Interim Finance Manager"), so a title not found whole is looked
 * up again without them.
 */
const LEVEL_WORDS = new Set([
  'senior', 'junior', 'lead', 'principal', 'graduate', 'trainee', 'apprentice', 'intern', 'internship', 'entry',
  'level', 'mid', 'experienced', 'i', 'ii', 'iii', 'iv', 'v', '1', '2', '3', '4', '5', 'acting', 'interim',
  'temporary', 'temp', 'contract', 'freelance', 'part', 'time', 'full', 'parttime', 'fulltime', 'volunteer',
  'summer', 'placement', 'deputy', 'associate', 'staff', 'certified', 'licensed', 'registered', 'chartered',
  'qualified', 'accredited', 'newly', 'student',
]);

/** "A of B" → "B A" ("Head of Sales" → "Sales Head"), at the first such word only. */
function ofOrder(part: string): string {
  const m = /^(.+?)\s+(?:of|for|in|to)\s+(?:the\s+)?(.+)$/i.exec(part);
  return m ? `${m[2]} ${m[1]}` : part;
}

/**
 * The printed title in natural order: "Manager, Sales" and "Intern - Marketing" put their parts the
 * other way round (the part after the comma or dash qualifies the one before), and each part's
 * "A of B" becomes "B A". Bracketed remarks ("(Contract)", "(CEO)") are dropped.
 */
function naturalOrder(title: string): string {
  const parts = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/\s*,\s*|\s+[-–—|:]\s+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 2)
    .map(ofOrder);
  return parts.reverse().join(' ');
}

/** Lower case, accents folded, "&" pairs and hyphenated prefixes mended; words as a list. */
function rawWords(text: string): string[] {
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  s = s.replace(/\b(fp|[a-z])\s*&\s*([a-z])\b/g, (m) => {
    const pair = m.replace(/\s+/g, '');
    return Object.hasOwn(PAIRS, pair) ? ` ${PAIRS[pair]} ` : m;
  });
  s = s.replace(/&/g, ' and ').replace(/\bco-(?=[a-z])/g, 'co').replace(/[’']s\b/g, '');
  return s.split(/[^a-z0-9+#]+/).filter(Boolean);
}

/**
 * The words of a job title, normalised and in natural order, connecting words dropped:
 * "Sr. Mgr, Sales & Mktg" → ["sales", "marketing", "senior", "manager"].
 */
export function titleWords(title: string): string[] {
  const words = rawWords(naturalOrder(title));
  const out: string[] = [];
  words.forEach((w, i) => {
    const positional = Object.hasOwn(BY_POSITION, w) ? BY_POSITION[w] : undefined;
    const expanded = positional ? positional[i === words.length - 1 ? 0 : 1] : Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w]! : w;
    for (const e of expanded.split(' ')) {
      const word = americanSpelling(e);
      const pair = `${out[out.length - 1]} ${word}`;
      const joined = Object.hasOwn(JOINED, pair) ? JOINED[pair] : undefined;
      if (joined) out[out.length - 1] = joined;
      else if (!CONNECTIVES.has(word)) out.push(word);
    }
  });
  return out;
}

/** The key two titles share when they have the same words in any order ("Sales Manager", "Manager, Sales"). */
export function titleKey(words: string[]): string {
  return [...new Set(words)].sort().join(' ');
}

/** Whether a title uses an abbreviation this module expands ("HVAC Tech", "Sr. Accountant", "L&D Assistant"). */
export function abbreviated(title: string): boolean {
  return /&/.test(title) || rawWords(title).some((w) => Object.hasOwn(ABBREVIATIONS, w) || Object.hasOwn(BY_POSITION, w));
}

/** Words capitalised: how a title is shown when its printed form is just its words ("software developer"). */
export function capitalised(words: string): string {
  return words.replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
}

/** The words without rank and terms of employment ("senior", "II", "interim"…). */
export function withoutLevels(words: string[]): string[] {
  return words.filter((w) => !LEVEL_WORDS.has(w));
}

/**
 * The readings of a title that names two jobs or spells one two ways ("Bookkeeper/Office Manager",
 * "Cook | Chef"): the whole title first, then each alternative.
 */
export function titleAlternatives(title: string): string[] {
  const parts = title.split(/\s*(?:\/|\s\|\s|\bor\b)\s*/i).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? [title.replace(/\//g, ' '), ...parts] : [title];
}
