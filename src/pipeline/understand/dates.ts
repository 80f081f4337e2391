/**
 * Dates and date ranges as résumés print them: "Jan 2019 – Present", "03/2015 - 06/2017", "May-Aug '18",
 * "2015–2017", "Summer 2019", "Expected May 2027", "seit März 2020", "janv. 2019 – aujourd'hui".
 *
 * Why our own grammar: chrono-node (stack.md §5) reads most résumé ranges wrongly or not at all; résumé dates
 * are a small closed language, so a table-driven tokenizer plus a few pairing rules does better.
 *
 * How it works, top-down:
 *   1. `tokenize` finds date *tokens* with one regular expression built from the tables below: full dates,
 *      ISO-ish "2019-01", numeric "03/2019", month names with a year ("Sept. 2012", "15 März 2019"), a bare month
 *      ("May" in "May-Aug '18"), seasons, quarters, bare years, "'18", and "present" words.
 *   2. `findDateRanges` walks the tokens left to right and pairs them: token, connector (– — - to until bis
 *      au …), token or present word → a range; a token followed by a dangling dash at the end of the text → an
 *      open (current) range; otherwise a single date, if it survives the guards against phone numbers,
 *      money, postcodes, versions, counts and street numbers.
 *   3. Words before the first token ("since", "Expected", "Graduated", "Class of") and after ("(expected)")
 *      set the flags and are included in `raw`.
 *
 * Pure functions, no dependencies, no I/O.
 */

export interface PartialDate {
  year: number;
  /** 1–12, null when only the year is printed. */
  month: number | null;
  /** 1–31, null unless a day is printed and its position is known (see `DateOptions.dayFirst`). */
  day: number | null;
}

export interface DateRange {
  /** The first (or only) date. For a single date this holds the date; null never happens in practice. */
  start: PartialDate | null;
  /** The second date; null when the range is open-ended/current, or when `single`. */
  end: PartialDate | null;
  /** "– Present", "to date", "– heute", "since 2020", "2019 –" (dangling dash at the end), or `expected`. */
  isCurrent: boolean;
  /** "Expected 2027", "(expected)", "anticipated", "exp." — a future completion. Implies `isCurrent`. */
  expected: boolean;
  /** One date, not a range ("June 2021", "Graduated 2019", "Expected 2027"). */
  single: boolean;
  /** Every printed side is a bare year ("2015 – 2017", "2019 – Present", "'18–'20", "Class of 2020"). */
  yearOnly: boolean;
  /** Introduced as a completion: "Graduated 2019", "Class of 2020", "Expected 2027", "Completed 2018". */
  completion: boolean;
  /**
   * The match is (nearly) the whole text segment it sits in: nothing but separators (tab, |, •, ·, ;, comma,
   * colon, brackets, two spaces, a spaced dash) between it and other words. "Jan 2019 – Present" on its own or
   * after "Google, London  " is standalone; the "2019" in "Led the 2019 migration" is not.
   * Callers should trust non-standalone *single* dates — above all bare years — only with other evidence
   * (e.g. they are the only date of an entry heading); ranges are strong evidence wherever they are.
   */
  standalone: boolean;
  /** Offset of the match in the input (prefix words such as "since"/"Expected" included). */
  index: number;
  length: number;
  /** The matched text, `text.slice(index, index + length)`. */
  raw: string;
}

export interface DateOptions {
  /**
   * How to read an ambiguous all-numeric full date such as 03/04/2019 (both parts ≤ 12). Default true
   * (3 April 2019): full numeric dates on résumés are mostly European/Commonwealth (dates of birth,
   * Europass), while US résumés print month/year ("03/2019"), which this never affects. Pass false for
   * US/CA/PH documents. Dotted dates (03.04.2019) are always day-first; unambiguous ones (13/04/2019,
   * 04/13/2019) are read as printed whatever this says.
   */
  dayFirst?: boolean;
  /** The year against which two-digit years pivot: '99 → 1999 when 2099 > referenceYear + 5. Default: this year. */
  referenceYear?: number;
}

// ─── Tables ──────────────────────────────────────────────────────────────────────────────────────────────────
// Month names per language, full and abbreviated, lower case. A trailing dot is optional everywhere ("Sept.",
// "févr."). Accent-free spellings are added automatically (fevrier, marz, decembre), since PDFs and ATS
// exports often lose accents. Duplicates across languages agree (mar, mai, set, dec, ago …), so one flat map
// works without knowing the language.

const MONTH_NAMES: Record<string, string[][]> = {
  en: [
    ['january', 'jan'], ['february', 'feb', 'febr'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'],
    ['december', 'dec'],
  ],
  fr: [
    ['janvier', 'janv'], ['février', 'févr', 'fév'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
    ['juillet', 'juil'], ['août'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc'],
  ],
  de: [
    ['januar', 'jänner', 'jän', 'jan'], ['februar', 'feber', 'feb'], ['märz', 'mrz', 'maerz'], ['april', 'apr'],
    ['mai'], ['juni'], ['juli'], ['august', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'],
    ['november', 'nov'], ['dezember', 'dez'],
  ],
  es: [
    ['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'],
    ['julio', 'jul'], ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept', 'set'], ['octubre', 'oct'],
    ['noviembre', 'nov'], ['diciembre', 'dic'],
  ],
  pt: [
    ['janeiro', 'jan'], ['fevereiro', 'fev'], ['março', 'mar'], ['abril', 'abr'], ['maio', 'mai'], ['junho', 'jun'],
    ['julho', 'jul'], ['agosto', 'ago'], ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'],
    ['dezembro', 'dez'],
  ],
  it: [
    ['gennaio', 'gen'], ['febbraio', 'feb'], ['marzo', 'mar'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'],
    ['luglio', 'lug'], ['agosto', 'ago'], ['settembre', 'set'], ['ottobre', 'ott'], ['novembre', 'nov'],
    ['dicembre', 'dic'],
  ],
  nl: [
    ['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt'], ['april', 'apr'], ['mei'], ['juni', 'jun'],
    ['juli', 'jul'], ['augustus', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'],
    ['december', 'dec'],
  ],
};

/**
 * Seasons → the month they are read as. Spring → March, Summer → June, Fall/Autumn → September (the
 * meteorological starts, which is also when internships/terms of that name begin). Winter → January, not
 * December: on résumés "Winter 2019" names a term or internship early in 2019 (US quarter system, "winter
 * school"), and December would date a 2–3-month stint almost entirely to the wrong year.
 */
const SEASONS: Record<string, number> = {
  spring: 3, summer: 6, fall: 9, autumn: 9, winter: 1,
  printemps: 3, 'été': 6, automne: 9, hiver: 1,
  'frühling': 3, 'frühjahr': 3, sommer: 6, herbst: 9,
  primavera: 3, verano: 6, 'otoño': 9, invierno: 1,
  'verão': 6, outono: 9, inverno: 1,
  estate: 6, autunno: 9,
  lente: 3, voorjaar: 3, zomer: 6, herfst: 9, najaar: 9,
};

/** Words standing for "until now" as the end of a range. Multi-word phrases are matched with any spacing. */
const PRESENT_WORDS = [
  // en
  'present', 'present day', 'current', 'currently', 'now', 'today', 'to date', 'till date', 'til date', 'until date',
  'to present', 'till now', 'until now', 'up to now', 'to now', 'ongoing', 'on going', 'continuing', 'pres',
  // fr
  "aujourd'hui", 'présent', 'à présent', 'à ce jour', 'ce jour', 'en cours', 'actuel', 'actuellement', 'maintenant',
  // de
  'heute', 'bis heute', 'derzeit', 'aktuell', 'jetzt', 'laufend', 'bis dato', 'dato', 'gegenwart',
  // es
  'actualidad', 'la actualidad', 'presente', 'actual', 'actualmente', 'hoy', 'la fecha', 'en curso',
  // pt
  'atual', 'atualmente', 'hoje', 'o momento', 'momento',
  // it
  'oggi', 'in corso', 'attuale',
  // nl
  'heden', 'nu', 'huidig', 'thans',
];

/** Connectors between the two sides of a range. Dashes of every kind, and words per language. */
const CONNECTOR_WORDS = [
  'to', 'through', 'thru', 'till', 'til', 'until', 'up to',
  'au', 'à', 'a', "jusqu'à", "jusqu'au", 'jusqu’à', 'jusqu’au', // fr (also es/pt/it "a")
  'bis', // de
  'hasta', 'al', // es/it
  'até', 'ate', // pt
  'fino a', 'fino al', // it
  'tot', 't/m', 'tot en met', // nl
];
const DASHES = '\\-‐‑‒–—―~→';

/** Words before a date, by what they mean. Matched against the text just before the first token. */
const PREFIX_WORDS = {
  /** Open-ended from this date: the range is current. */
  since: ['since', 'depuis', 'seit', 'desde', 'dal', 'sinds', 'à partir de', 'a partir de', 'starting', 'ab'],
  /** Start of a range ("from 2018 to 2020"); kept in `raw` only. */
  from: ['from', 'von', 'vom', 'van', 'de', 'du'],
  /** A future completion. */
  expected: [
    'expected', 'anticipated', 'exp.', 'exp', 'est.', 'estimated', 'projected', 'graduating', 'prévu', 'prévue',
    'prévu en', 'voraussichtlich', 'previsto', 'prevista', 'verwacht',
  ],
  /** A completion in the past. */
  completion: ['graduated', 'graduation', 'class of', 'completed', 'conferred', 'awarded', 'obtained', 'diplômé', 'diplômée', 'abschluss'],
};

/** Filler allowed between a prefix word and the date: "Expected graduation: May 2027", "Graduated in 2019". */
const PREFIX_FILLER = ['graduation', 'completion', 'date', 'in', 'on', 'of', 'en', 'im', 'em'];

/** The tail of a gap that introduces an expected end: "– Expected ", "- anticipated ". */
const EXPECTED_GAP_RE = /\s*\(?(expected|anticipated|exp\.?|est\.|estimated|projected|prévue?|voraussichtlich|previst[oa]|verwacht)\s*$/iu;

/** Words after a date meaning it is expected: "2027 (expected)", "May 2027 expected". */
const EXPECTED_SUFFIX = ['expected', 'anticipated', 'exp.', 'exp', 'est.', 'prévu', 'prévue', 'voraussichtlich', 'previsto', 'prevista', 'verwacht'];

// Guards for *single* numeric dates (a bare year, '18, 03/2019): contexts in which a year-shaped number is not a date.
/** Right before: products/standards ("Windows 2000", "ISO 2015"), the Sydney postcode "NSW 2000", labels. */
const NOT_YEAR_AFTER_WORDS = [
  'windows', 'office', 'server', 'studio', 'exchange', 'sharepoint', 'autocad', 'revit', 'excel', 'outlook', 'word',
  'project', 'dynamics', 'iso', 'iec', 'nsw', 'act', 'no', 'no.', 'nr', 'nr.', 'page', 'p.', 'pp.', 'room', 'suite',
  'unit', 'box', 'ext', 'ext.', 'tel', 'tel.', 'phone', 'fax', 'version', 'v', 'v.', 'ver', 'ver.', 'release', 'model',
];
/** Right after: counts ("2000 employees"), money, street names ("2000 Pennsylvania Ave"). */
const COUNT_NOUNS = [
  'employees', 'staff', 'people', 'persons', 'users', 'customers', 'clients', 'students', 'members', 'units', 'items',
  'patients', 'accounts', 'hours', 'hrs', 'words', 'records', 'transactions', 'stores', 'sites', 'beds', 'calls',
  'tickets', 'leads', 'participants', 'attendees', 'downloads', 'sq', 'sqft', 'ft', 'km', 'miles', 'usd', 'eur',
  'gbp', 'aud', 'cad', 'inr', 'dollars', 'euros', 'pounds', 'rupees', 'k', 'm', 'bn', 'mn',
];
const STREET_SUFFIXES = [
  'st', 'street', 'ave', 'avenue', 'rd', 'road', 'blvd', 'boulevard', 'pkwy', 'parkway', 'lane', 'ln', 'dr', 'drive',
  'way', 'court', 'ct', 'place', 'pl', 'hwy', 'highway', 'terrace', 'crescent', 'cres', 'square', 'sq',
];

// ─── Building the patterns ───────────────────────────────────────────────────────────────────────────────────

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Alternation of phrases, longest first (so "sept" wins over "sep"), with flexible spaces and apostrophes. */
const alternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ /g, '\\s+').replace(/['’]/g, "['’]"))
    .join('|');
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'").replace(/\.$/, '');

/** Lower-case month name (with and without accents) → 1–12. */
const MONTHS = new Map<string, number>();
for (const table of Object.values(MONTH_NAMES)) {
  table.forEach((forms, i) => {
    for (const f of forms) for (const v of [f, stripAccents(f)]) MONTHS.set(v, i + 1);
  });
}
for (const s of Object.keys(SEASONS)) SEASONS[stripAccents(s)] = SEASONS[s]!;

const NUM_Y = '(?:19|20)\\d{2}'; // a year next to a month: 1900–2099
const BARE_Y = '(?:19[5-9]\\d|20[0-4]\\d|2050)'; // a year on its own: 1950–2050
const APOS_YY = "['’‘`]\\d{2}"; // '18
const MM = '(?:0?[1-9]|1[0-2])';
const MM2 = '(?:0[1-9]|1[0-2])';
const DD = '(?:0?[1-9]|[12]\\d|3[01])';
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/**
 * The end of a token: no digit after it, and no letter after a letter. A letter right after a digit is
 * checked in code (`gluedWordOk`), because the `i` flag makes case-sensitive tests impossible in the pattern.
 */
const TOKEN_END = '(?!\\p{N})(?:(?<=\\p{N})|(?!\\p{L}))';
/**
 * After a digit, a capitalised word may follow without a space: PDF text runs are often glued
 * ("Sep 2016Research Associate"). Anything else ("1990s", "2019th", "2000AD") is not a date.
 */
const gluedWordOk = (text: string, end: number): boolean => {
  const c = text.charCodeAt(end);
  if (Number.isNaN(c) || c < 0x41 || !/\p{L}/u.test(text[end]!)) return true;
  return /^\p{Lu}\p{Ll}/u.test(text.slice(end, end + 2));
};

/**
 * One token. Alternatives are tried in this order at each position, so the more specific forms come first
 * (a full date before month/year before a bare year). Every quantifier is bounded or followed by a literal,
 * so there is no catastrophic backtracking.
 */
const TOKEN_RE = new RegExp(
  NOT_WORD_BEFORE +
    '(?:' +
    [
      // 15/03/2019, 03/15/2019, 15.03.2019, 15-03-2019
      `(?<fA>${DD})(?<fS>[/.\\-])(?<fB>${DD})\\k<fS>(?<fY>${NUM_Y})`,
      // 2019-01-01, 2019-01, 2019/03, 2015.03
      `(?<iY>${NUM_Y})(?<iS>[/.\\-])(?<iM>${MM2})(?:\\k<iS>(?<iD>${DD}))?`,
      // 2020 Q1, 2020-H2
      `(?<qY2>${NUM_Y})\\s?[-/]?\\s?(?:Q(?<qN2>[1-4])|H(?<hN2>[12]))`,
      // 03/2019, 3-2019, 03.2019 (a dot needs two digits: "Python 3.2019" is not a date)
      `(?:(?<nM>${MM})[/\\-]|(?<nM2>${MM2})\\.)(?<nY>${NUM_Y})`,
      // 1/09, 08/08: month and two-digit year, a date only as a side of a range ("8/08 to 1/09")
      `(?<xM>${MM})/(?<xYY>\\d{2})`,
      // [15 | 1er | 15.] March[.] [15,] [de] 2019 | '19 | -19 ; or the month alone ("May" in "May-Aug '18")
      `(?:(?<mD1>${DD})(?:st|nd|rd|th|er|\\.)?\\s+(?:of\\s+|de\\s+)?)?` +
        `(?<mName>${alternation(MONTHS.keys())})\\.?` +
        `(?:\\s?(?<mD2>${DD})(?:st|nd|rd|th)?(?!\\d),?)?` +
        `(?:[\\s,.'’/\\-]{0,3}(?:del?\\s+)?(?<mY>${NUM_Y})|\\s?(?<mYY>${APOS_YY})|[/\\-](?<mY2>\\d{2})(?!\\d))?`,
      // Summer 2019, Fall '18, été 2019
      `(?<sName>${alternation(Object.keys(SEASONS))})\\s+(?:(?:of|de|del)\\s+)?(?:(?<sY>${NUM_Y})|(?<sYY>${APOS_YY}))`,
      // Q1 2020, H2-2019, Q3 '19
      `(?:Q(?<qN>[1-4])|H(?<hN>[12]))\\s?[-/,]?\\s?(?:(?<qY>${NUM_Y})|(?<qYY>${APOS_YY}))`,
      // 2019
      `(?<bY>${BARE_Y})`,
      // '18
      `(?<aY>${APOS_YY})`,
      // Present, to date, aujourd'hui, bis heute …
      `(?<pres>${alternation(PRESENT_WORDS)})`,
    ].join('|') +
    ')' +
    TOKEN_END,
  'giu',
);

const CONNECTOR_RE = new RegExp(`^\\s*(?:[${DASHES}]{1,3}|(?:${alternation(CONNECTOR_WORDS)})(?![\\p{L}]))\\s*$`, 'iu');
/** "2019 –" at the end of the text or of its cell: an open range. A cut "— to" (wrapped "— to date") counts too. */
const OPEN_RE = new RegExp(`^\\s*[${DASHES}]{1,3}\\s*(?:to\\s*)?(?:$|[)\\]|•·;\\t]|\\s{2})`, 'u');
/** "2015–16": a two-digit end year after a four-digit start. */
const SHORT_END_RE = new RegExp(`^\\s*(?:[${DASHES}]{1,2}|/|to\\s)\\s*(\\d{2})${NOT_WORD_AFTER}(?![.,/:]\\d)`, 'u');

const PREFIX_ALL = [...PREFIX_WORDS.since, ...PREFIX_WORDS.from, ...PREFIX_WORDS.expected, ...PREFIX_WORDS.completion];
const PREFIX_RE = new RegExp(
  `(?<![\\p{L}])(?<w>${alternation(PREFIX_ALL)})(?:\\s+(?:${alternation(PREFIX_FILLER)})){0,3}\\s*:?\\s*$`,
  'iu',
);
const PREFIX_KIND = new Map<string, keyof typeof PREFIX_WORDS>();
for (const [kind, words] of Object.entries(PREFIX_WORDS)) for (const w of words) PREFIX_KIND.set(norm(w), kind as keyof typeof PREFIX_WORDS);
const SUFFIX_RE = new RegExp(`^\\s*(?:\\(\\s*(?:${alternation(EXPECTED_SUFFIX)})\\s*\\)|(?:${alternation(EXPECTED_SUFFIX)})(?![\\p{L}]))`, 'iu');

const GUARD_BEFORE_RE = new RegExp(
  `(?:\\p{N}[\\s).\\-/]{0,2}|[$€£¥₹#+]\\s?|:|(?<![\\p{L}])(?:${alternation(NOT_YEAR_AFTER_WORDS)})\\s*)$`,
  'iu',
);
const GUARD_AFTER_RE = new RegExp(
  `^(?:\\s?[%$€£¥₹+]|[.,:/\\-]\\p{N}|\\s?[\\-.]?\\s?\\p{N}{3}` +
    `|(?:\\s+\\p{Lu}[\\p{L}'’.\\-]*){1,3}\\s+(?:${alternation(STREET_SUFFIXES.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))})\\.?(?![\\p{L}]))`,
  'u',
);
/** Kept apart from GUARD_AFTER_RE, which is case-sensitive (a street name starts with a capital). */
const GUARD_AFTER_WORDS_RE = new RegExp(`^\\s*(?:${alternation(COUNT_NOUNS)})(?![\\p{L}])`, 'iu');

// ─── Tokens ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Token {
  kind: 'date' | 'month' | 'present';
  index: number;
  end: number;
  date: PartialDate | null;
  /** kind 'month': the month of a month printed without a year. */
  month: number | null;
  /** The year is printed alone (2019, '19): contributes to `yearOnly`. */
  bare: boolean;
  /** Only digits and separators (2019, '19, 03/2019, 2019-03): needs the guards when it stands alone. */
  numeric: boolean;
  /** A date only as a side of a range: "1/09" alone is as likely a fraction or a score. */
  pairOnly?: boolean;
}

function twoDigitYear(yy: number, referenceYear: number): number {
  return 2000 + yy > referenceYear + 5 ? 1900 + yy : 2000 + yy;
}

function tokenize(text: string, opts: DateOptions): Token[] {
  const refYear = opts.referenceYear ?? new Date().getFullYear();
  const yy = (s: string): number => twoDigitYear(+s.replace(/^\D/, ''), refYear);
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const g = m.groups!;
    const t: Token = { kind: 'date', index: m.index, end: m.index + m[0].length, date: null, month: null, bare: false, numeric: false };
    if (!gluedWordOk(text, t.end)) continue;
    if (g.fY) {
      const a = +g.fA!, b = +g.fB!;
      const dayFirst = g.fS === '.' || (opts.dayFirst ?? true);
      // Unambiguous when one side cannot be a month; otherwise the convention decides.
      const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : dayFirst ? [a, b] : [b, a];
      if (month > 12) continue; // 13/14/2019: not a date
      t.date = { year: +g.fY, month, day };
      t.numeric = true;
    } else if (g.iY) {
      t.date = { year: +g.iY, month: +g.iM!, day: g.iD ? +g.iD : null };
      t.numeric = true;
    } else if (g.qY2) {
      t.date = { year: +g.qY2, month: g.qN2 ? (+g.qN2 - 1) * 3 + 1 : g.hN2 === '1' ? 1 : 7, day: null };
    } else if (g.nY) {
      t.date = { year: +g.nY, month: +(g.nM ?? g.nM2)!, day: null };
      t.numeric = true;
    } else if (g.xM) {
      t.date = { year: yy(g.xYY!), month: +g.xM, day: null };
      t.numeric = t.pairOnly = true;
    } else if (g.mName) {
      const month = MONTHS.get(norm(g.mName))!;
      const year = g.mY ? +g.mY : g.mYY ? yy(g.mYY) : g.mY2 ? yy(g.mY2) : null;
      if (year === null) {
        // A month without a year: usable only as the left side of "May – Aug 2018" (a printed day is dropped).
        t.kind = 'month';
        t.month = month;
      } else {
        const d = g.mD1 ?? g.mD2;
        t.date = { year, month, day: d ? +d : null };
      }
    } else if (g.sName) {
      t.date = { year: g.sY ? +g.sY : yy(g.sYY!), month: SEASONS[norm(g.sName)] ?? null, day: null };
    } else if (g.qN || g.hN) {
      t.date = { year: g.qY ? +g.qY : yy(g.qYY!), month: g.qN ? (+g.qN - 1) * 3 + 1 : g.hN === '1' ? 1 : 7, day: null };
    } else if (g.bY) {
      t.date = { year: +g.bY, month: null, day: null };
      t.bare = t.numeric = true;
    } else if (g.aY) {
      t.date = { year: yy(g.aY), month: null, day: null };
      t.bare = t.numeric = true;
    } else if (g.pres) {
      t.kind = 'present';
    }
    tokens.push(t);
  }
  return tokens;
}

// ─── Pairing ─────────────────────────────────────────────────────────────────────────────────────────────────

const cmp = (a: PartialDate, b: PartialDate): number => a.year - b.year || (a.month ?? 1) - (b.month ?? 1);

/** Present phrases that carry their own connector: "Jan 2019 to date", "2019 bis heute". */
const SELF_CONNECTING_RE = /^(?:to|till|til|until|up\s+to|bis|à)\s/iu;

/** Why a lone numeric token is not a date: see the guard tables. */
function guardedOut(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.index - 24), t.index);
  const after = text.slice(t.end, t.end + 60);
  return GUARD_BEFORE_RE.test(before) || GUARD_AFTER_RE.test(after) || GUARD_AFTER_WORDS_RE.test(after);
}

/** Weaker guard for the first side of a range: a digit, currency sign or colon glued to it ("996-2015", "9001:2015"). */
function gluedToNumber(text: string, index: number): boolean {
  return /(?:\p{N}[.\-/:,]?|[$€£¥₹:])$/u.test(text.slice(Math.max(0, index - 2), index));
}

const SEPARATOR_CHARS = new Set(['\t', '|', '•', '·', ';', ',', ':', '(', ')', '[', ']', '/', '–', '—', '\n', '\r']);

/** Is the run of non-word characters between the match and the nearest word a segment boundary? */
function isBoundary(run: string, atTextEdge: boolean): boolean {
  if (atTextEdge) return true;
  if (/\s{2}/u.test(run) || /\s-\s/u.test(run)) return true;
  for (const c of run) if (SEPARATOR_CHARS.has(c)) return true;
  return false;
}

function isStandalone(text: string, index: number, end: number): boolean {
  let i = index;
  while (i > 0 && !/[\p{L}\p{N}]/u.test(text[i - 1]!)) i--;
  if (!isBoundary(text.slice(i, index), i === 0)) return false;
  let j = end;
  while (j < text.length && !/[\p{L}\p{N}]/u.test(text[j]!)) j++;
  return isBoundary(text.slice(end, j), j === text.length);
}

/**
 * Every date range and single date in `text`, left to right, non-overlapping. Made for one line (or one
 * cell) at a time; a range wrapped over two lines ("August 2019 —" / "December 2023") is found if the caller
 * joins the lines (otherwise the first half reads as an open, current range).
 */
export function findDateRanges(text: string, opts: DateOptions = {}): DateRange[] {
  if (!/\d/.test(text)) return []; // every date has a digit: a cheap exit for most lines
  const tokens = tokenize(text, opts);
  const out: DateRange[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    if (a.kind === 'present') continue;
    const b = tokens[i + 1];
    let start: PartialDate | null = a.date;
    let end: PartialDate | null = null;
    let isCurrent = false;
    let matchEnd = a.end;
    let single = false;
    let yearOnly = a.bare;

    // 1. A range: side, connector, side or present word.
    let paired = false;
    let expectedRange = false;
    if (b && b.kind !== 'month' && !(a.numeric && gluedToNumber(text, a.index))) {
      let gap = text.slice(a.end, b.index);
      // "Sep 2025 – Expected 2027": a connector, then a word saying the end is still to come.
      const expectedEnd = EXPECTED_GAP_RE.exec(gap);
      if (expectedEnd) gap = gap.slice(0, expectedEnd.index);
      const connected =
        CONNECTOR_RE.test(gap) ||
        (gap === '/' && a.bare && b.bare) || // "2019/2020", an academic year
        // Two years, or two months with their years, stacked or set side by side with no connector ("2018 2021",
        // "August 2012 May 2013": the dash lost on the way), close and in order.
        (/^\s+$/.test(gap) && a.kind === 'date' && a.bare === b.bare && !!a.date && !!b.date && cmp(a.date, b.date) <= 0 && b.date.year - a.date.year <= 12) ||
        (b.kind === 'present' && /^\s*$/.test(gap) && SELF_CONNECTING_RE.test(text.slice(b.index, b.end))) ||
        // "2005 Present", "June 2019  Current": the dash lost on the way (a glyph the text export dropped).
        (b.kind === 'present' && /^\s+$/.test(gap) && !!a.date);
      if (connected && b.kind === 'present' && a.date) {
        isCurrent = paired = true;
      } else if (connected && b.kind === 'date') {
        const e = b.date!;
        if (a.kind === 'month') {
          // "May – Aug 2018", "Nov – Feb 2019": the month takes the end's year (the year before if it comes later).
          const year = e.month !== null && a.month! > e.month ? e.year - 1 : e.year;
          start = { year, month: a.month, day: null };
        }
        if (start && cmp(start, e) <= 0) {
          end = e;
          paired = true;
          yearOnly = a.kind !== 'month' && a.bare && b.bare;
        }
      }
      if (paired) {
        matchEnd = b.end;
        i++;
        if (expectedEnd) expectedRange = true;
      }
    }
    if (!paired && a.kind === 'month') continue; // a month without a year, not followed by a dated side
    if (!paired && a.pairOnly) continue;

    if (!paired) {
      const after = text.slice(a.end);
      const short = a.bare && a.date!.year >= 1000 ? SHORT_END_RE.exec(after) : null;
      const open = OPEN_RE.exec(after);
      if (short) {
        // "2015–16", "2019-20": the end year in the start's century (or the next one: "1999–00").
        let y = a.date!.year - (a.date!.year % 100) + +short[1]!;
        if (y <= a.date!.year) y += 100;
        if (y - a.date!.year <= 10) {
          end = { year: y, month: null, day: null };
          matchEnd = a.end + short[0].length;
          paired = true;
        }
      }
      if (!paired && open && !(a.numeric && gluedToNumber(text, a.index))) {
        // "2019 –" with nothing after it: an open range, i.e. current. Keep the dash in raw, not what follows.
        isCurrent = paired = true;
        matchEnd = a.end + open[0].replace(/(?:[)\]|•·;\t]|\s{2})$/u, '').replace(/\s+$/u, '').length;
      }
    }
    if (!paired) {
      if (a.numeric && guardedOut(text, a)) continue;
      single = true;
    }

    // 2. Words around it.
    let index = a.index;
    let expected = false;
    let completion = false;
    const pm = PREFIX_RE.exec(text.slice(Math.max(0, a.index - 48), a.index));
    if (pm) {
      const kind = PREFIX_KIND.get(norm(pm.groups!.w!));
      index = a.index - pm[0].length + pm[0].indexOf(pm.groups!.w!);
      if (kind === 'since' && single) {
        single = false;
        isCurrent = true;
      } else if (kind === 'expected') {
        expected = completion = true;
      } else if (kind === 'completion') {
        completion = true;
      }
    }
    const sm = SUFFIX_RE.exec(text.slice(matchEnd, matchEnd + 24));
    if (sm) {
      expected = completion = true;
      matchEnd += sm[0].length;
    }
    if (expectedRange) expected = completion = true;
    if (expected) isCurrent = true;

    out.push({
      start,
      end,
      isCurrent,
      expected,
      single,
      yearOnly,
      completion,
      standalone: isStandalone(text, index, matchEnd),
      index,
      length: matchEnd - index,
      raw: text.slice(index, matchEnd),
    });
  }
  return out;
}

/**
 * One date expression ("Jan 2019", "15/03/1990", "2019-03", "Summer 2019", "24 Nov 1999"), with surrounding
 * spaces and punctuation ignored; null if the text is anything else (a range, a month without a year, prose).
 * Years as printed are accepted from 1900 (dates of birth), bare years from 1950.
 */
export function parseDate(text: string, opts: DateOptions = {}): PartialDate | null {
  const t = text.replace(/^[\s,;:|()[\]•·]+|[\s,;|()[\]•·]+$/gu, '');
  if (!t) return null;
  const tokens = tokenize(t, opts);
  if (tokens.length !== 1) return null;
  const tok = tokens[0]!;
  if (tok.kind !== 'date' || tok.index !== 0) return null;
  const rest = t.slice(tok.end);
  return /^\.?$/.test(rest) ? tok.date : null;
}

/** "YYYY-MM-DD"; a missing month or day is 01. `monthOnly` drops the day too (Affinda prints "YYYY-MM-01"). */
export function toIsoDate(d: PartialDate, opts: { monthOnly?: boolean } = {}): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.year).padStart(4, '0')}-${p(d.month ?? 1)}-${p(opts.monthOnly ? 1 : (d.day ?? 1))}`;
}

/**
 * Whole months from start to end, the end month not counted: Jan 2019 → Mar 2021 = 26, Jan 2019 → Jan 2019 = 0.
 * Days are ignored and a missing month counts as January (2015 → 2017 = 24). Never negative.
 * This is exactly Affinda's monthsInPosition on the dev corpus (354 ended roles).
 */
export function monthsBetween(start: PartialDate, end: PartialDate): number {
  return Math.max(0, end.year * 12 + (end.month ?? 1) - (start.year * 12 + (start.month ?? 1)));
}

/**
 * Affinda's monthsInPosition for a range, "Present" read as `asOf`. Matches all 472 dated roles of the dev corpus:
 * a current role counts to the reference month ("Jun 2025 – Present" as of Nov 2026 = 17), except a year-only
 * one, which counts to January of the reference year ("2025 – Present" as of Nov 2026 = 12).
 * Null without a start, or without an end that is not current.
 */
export function monthsInPosition(range: Pick<DateRange, 'start' | 'end' | 'isCurrent' | 'yearOnly' | 'single'>, asOf: Date | PartialDate): number | null {
  if (!range.start) return null;
  if (range.isCurrent) {
    const ref: PartialDate = asOf instanceof Date ? { year: asOf.getUTCFullYear(), month: asOf.getUTCMonth() + 1, day: null } : asOf;
    return monthsBetween(range.start, range.yearOnly ? { year: ref.year, month: 1, day: null } : ref);
  }
  return range.end ? monthsBetween(range.start, range.end) : null;
}
