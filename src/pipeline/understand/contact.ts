/**
 * Contact details as printed: e-mail addresses, web addresses and phone numbers.
 *
 * Each finder returns `Match`es into the text it was given, so the caller can cite them. The text may
 * hold several lines joined by "\n": an e-mail address or URL that a narrow column wrapped onto the
 * next line is found whole (its `value` has the line break removed; `index`/`length` cover the span
 * in the text, break included).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface Match {
  value: string;
  index: number;
  length: number;
}

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL = /[A-Za-z0-9](?:[A-Za-z0-9._%+'-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/g;

/** Whether a line carries an e-mail address, for telling contact lines apart (cheaper than `findEmails`). */
export const mentionsEmail = (text: string): boolean => /\S@\S+\.\w/.test(text);

/**
 * E-mail addresses, including ones wrapped across a line break: the break may fall after the "@"
 * ("jennifer.evans@\ngmail.com") or inside the local part after a ".", "-" or "_" ("name.sur-\nname@x.com").
 */
export function findEmails(text: string): Match[] {
  const out: Match[] = [];
  const seen = new Set<string>();
  // Join wrapped fragments first, remembering where each character of the joined text came from.
  const { joined, origin } = unwrapContact(text);
  for (const m of joined.matchAll(EMAIL)) {
    const start = origin[m.index!]!;
    const end = origin[m.index! + m[0].length - 1]! + 1;
    const key = m[0].toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ value: m[0], index: start, length: end - start });
  }
  return out;
}

/**
 * Removes line breaks that split an e-mail address or URL: a line ending in "@" or in an address-like
 * token ending with ".", "-", "_" or "/", followed by a line starting with a token that completes it.
 * Returns the joined text and, for each of its characters, the offset in the original text.
 */
function unwrapContact(text: string): { joined: string; origin: number[] } {
  const origin: number[] = [];
  let joined = '';
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (let k = 0; k < line.length; k++) origin.push(offset + k);
    joined += line;
    offset += line.length + 1;
    if (i < lines.length - 1) {
      if (!isWrapped(line, lines[i + 1]!)) {
        origin.push(offset - 1);
        joined += '\n';
      }
    }
  }
  return { joined, origin };
}

/** True when `line` ends in the first half of an address and `next` starts with the rest. */
function isWrapped(line: string, next: string): boolean {
  const tail = /(\S+)$/.exec(line.trimEnd() === line ? line : '')?.[1];
  const head = /^(\S+)/.exec(next)?.[1];
  if (!tail || !head) return false;
  // "jennifer.evans@" + "gmail.com"
  if (/^[\w.%+'-]+@$/.test(tail)) return /^[\w-]+\.[\w.-]*[a-z]/i.test(head);
  // "neha@yahoo.co.i" + "n": a domain cut inside its last label, the rest alone on the next line.
  if (/^[\w.%+'-]+@[\w-]+(\.[\w-]+)*\.[a-z]$/i.test(tail) && /^[a-z]{1,3}$/i.test(next.trim())) return true;
  // "name.sur-" + "name@x.com", "jennifer." + "evans@gmail.com"
  // Local parts are lower-case in practice; "Java." at a line end is a sentence, not half an address.
  if (/^[a-z0-9.%+'-]*[a-z0-9_][._-]$/.test(tail) && /^[\w.%+'-]+@[\w-]+\./.test(head)) return true;
  // "https://linkedin.com/in/jennifer-" + "evans", "linkedin.com/in/" + "jennifer-evans"
  if (/(?:https?:\/\/|www\.|\.[a-z]{2,}\/)\S*[/_-]$/i.test(tail) && /^[\w/%?=&#.-]+$/.test(head) && !/@/.test(head)) return true;
  return false;
}

/**
 * Lines with wrapped e-mail addresses and URLs merged back ("jennifer.evans@", "gmail.com" →
 * "jennifer.evans@gmail.com"); other lines unchanged. For callers that work line by line.
 */
export function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isWrapped(prev, line)) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URLs

/**
 * Top-level domains accepted without a scheme or "www.": generic ones common on résumés and the
 * country domains of the markets Vitae serves. Others ("report.pl", "main.py") need https:// or www.
 */
const BARE_TLDS = new Set(
  ('com org net edu gov io dev co me ai app info biz tech site online xyz page blog design studio digital ' +
    'cloud pro codes works website space live name ly gg tv fm us uk ca au in de fr sg za nz ie eu nl be ch at ' +
    'es it pt se dk fi jp hk br mx ng ke my ph ae').split(' '),
);

/** Technology names that look like domains. */
const NOT_A_SITE = new Set(['asp.net', 'ado.net', 'vb.net', 'socket.io', 'draw.io', 'ml.net', 'dot.net', 'node.io']);

const URL_WITH_SCHEME = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'|,;()[\]{}]+/gi;
const BARE_DOMAIN =
  /(?<![\w@.\/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,12})(?![\w@-])(?:\/[^\s<>"'|,;()[\]{}]*)?/gi;

/** Web addresses as printed ("linkedin.com/in/x", "https://github.com/y", "www.site.dev", "portfolio.io"). */
export function findUrls(text: string): Match[] {
  const { joined, origin } = unwrapContact(text);
  const emails = [...joined.matchAll(EMAIL)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const insideEmail = (s: number, e: number) => emails.some(([a, b]) => s < b && e > a);
  const found: [number, string][] = [];
  const taken: [number, number][] = [];

  const accept = (start: number, raw: string) => {
    const value = trimUrl(raw);
    const end = start + value.length;
    if (!value || insideEmail(start, end) || taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    found.push([start, value]);
  };

  for (const m of joined.matchAll(URL_WITH_SCHEME)) {
    if (/^www\.?$/i.test(trimUrl(m[0]))) continue;
    accept(m.index!, m[0]);
  }
  for (const m of joined.matchAll(BARE_DOMAIN)) {
    const tld = m[1]!;
    const host = m[0].split('/')[0]!;
    const hasPath = m[0].length > host.length + 1;
    if (!BARE_TLDS.has(tld.toLowerCase()) || NOT_A_SITE.has(host.toLowerCase())) continue;
    // "ASP.NET", "Node.JS": capitalised suffixes are product names unless a path follows.
    if (tld !== tld.toLowerCase() && !hasPath) continue;
    // Abbreviations and degrees ("e.g", "U.S", "B.com", "B.Tech"): a one-letter label and no path.
    if (!hasPath && host.split('.').some((l) => l.length <= 1)) continue;
    accept(m.index!, m[0]);
  }

  return found
    .sort((a, b) => a[0] - b[0])
    .map(([start, value]) => {
      const s = origin[start]!;
      const e = origin[start + value.length - 1]! + 1;
      return { value, index: s, length: e - s };
    });
}

/** Drops punctuation that ends the sentence rather than the URL. */
function trimUrl(raw: string): string {
  return raw.replace(/[.,;:!?'"’”)\]}>*]+$/, '');
}

/** True for LinkedIn profile and company URLs. */
export function isLinkedIn(url: string): boolean {
  return /(?:^|[/.@])linkedin\.com(?:\/|$)|(?:^|\/\/)lnkd\.in\//i.test(url.trim());
}

// ---------------------------------------------------------------------------------------------
// Phones

/**
 * A run of digits with the punctuation phone numbers are printed with (typesetters turn hyphens into en dashes
 * and non-breaking hyphens: "(718) 555–0100"); filtered and validated below.
 */
const PHONE_RUN = /(?<![\w@#$€£¥₹.,\/–-])(?:\(\s?\+\s?\d{1,4}\s?\)|\+\s?\d|\(\d|\d)[\d\s().\/\u2010\u2011–-]{5,}\d(?:\s*(?:ext\.?|x|extn?\.?)\s*\d{1,5})?(?![\w%])/gi;

/** Places a run must be cut: tabs (a field ends there), wide gaps, spaced slashes and dashes between two numbers. */
const RUN_BREAK = /\t|\s{2,}|\s[\/–-]\s/;

/** Shapes that are dates, periods, postcodes or amounts, never phones. */
const NOT_A_PHONE = [
  /^(?:19|20)\d\d\s*[-–\/.]\s*(?:19|20)?\d\d$/, // 2019-2021, 2019/20
  /^\d{1,2}\s*[.\/-]\s*(?:19|20)\d\d(?:\s*[-–]\s*\d{1,2}\s*[.\/-]\s*(?:19|20)\d\d)?$/, // 01/2019, 01/2019 - 03/2021
  /^(?:19|20)\d\d\s*[.\/-]\s*\d{1,2}(?:\s*[.\/-]\s*\d{1,2})?$/, // 2019-01, 2019-01-01
  /^\d{1,2}[.\/-]\d{1,2}[.\/-](?:19|20)?\d\d$/, // 12.03.2019
  /^\d{5}-\d{4}$/, // ZIP+4
  /^\d+\.\d+$/, // decimals
];

/** Countries tried for a national number when the caller knows no country. */
const FALLBACK_COUNTRIES: CountryCode[] = ['US', 'GB', 'IN', 'AU', 'CA', 'DE', 'FR', 'ZA', 'SG'];

/**
 * Phone numbers as printed (labels excluded), each number once. Candidates are runs of digits with the
 * punctuation phones are printed with, so forms libphonenumber's text matcher misses are seen too
 * ("+33 (0)7 34 10 72 63", "(+91) 76686-86274", "040/59647033"); each is then validated by
 * libphonenumber-js's parser, and dates, years, postcodes and amounts are ruled out by shape. (The
 * library's own `findPhoneNumbersInText` found nothing more on the corpus and costs ~3 ms per header.)
 */
export function findPhones(text: string, defaultCountry: string | null): Match[] {
  const country = (defaultCountry?.toUpperCase() || undefined) as CountryCode | undefined;
  const found: { m: Match; key: string }[] = [];
  const add = (index: number, value: string, key: string) => {
    const end = index + value.length;
    if (found.some((f) => f.key === key || (index < f.m.index + f.m.length && end > f.m.index))) return;
    found.push({ m: { value, index, length: value.length }, key });
  };

  for (const run of text.matchAll(PHONE_RUN)) {
    let offset = run.index!;
    for (const piece of run[0].split(RUN_BREAK)) {
      const at = text.indexOf(piece, offset);
      offset = at + piece.length;
      const value = tidyRun(piece);
      // Years side by side ("2017 2020", "2019 - 2021") are dates, whatever a numbering plan allows.
      if (!value || /^(19|20)\d\d[\s–—-]+(19|20)\d\d$/.test(value.trim())) continue;
      const key = phoneKey(value, country);
      if (key) add(at + piece.indexOf(value), value, key);
    }
  }

  return found.sort((a, b) => a.m.index - b.m.index).map((f) => f.m);
}

/** Trims a digit run to a balanced phone shape, or '' when it cannot be one. */
function tidyRun(piece: string): string {
  let v = piece.trim().replace(/[\s.\/\u2010\u2011–-]+$/, '');
  // Unbalanced brackets at the edges come from the surrounding text: "(tel 555 …)".
  const opens = (v.match(/\(/g) ?? []).length;
  const closes = (v.match(/\)/g) ?? []).length;
  if (closes > opens) v = v.replace(/\)+$/, '');
  if (opens > closes && v.startsWith('(')) v = v.slice(1).trim();
  const digits = v.replace(/\D/g, '').length;
  if (digits < 7 || digits > 17) return '';
  if (NOT_A_PHONE.some((re) => re.test(v))) return '';
  // A slash parts an area code with its trunk "0" ("040/59647033", "0511/8463105"); elsewhere it parts
  // references, model numbers and dates ("9/19795/1980", "6123/456789").
  if (v.includes('/') && (!/^(?:\+|\(?0)/.test(v) || v.split('/').length > 2)) return '';
  return v;
}

/**
 * E.164 of a printed phone when it parses as one (the dedupe key), else null. International forms must be
 * possible numbers; national forms must be valid in the default country (or in a common country when none).
 */
function phoneKey(asPrinted: string, country: CountryCode | undefined): string | null {
  const printed = asPrinted.replace(/[\u2010\u2011–]/g, '-');
  const normal = normalisePrinted(printed);
  const grouped = /[\s().\/-]/.test(printed.replace(/\s*(?:ext\.?|x|extn?\.?)\s*\d+$/i, ''));
  if (normal.startsWith('+')) {
    const pn = parsePhoneNumberFromString(normal);
    return pn && (pn.isValid() || pn.isPossible()) ? pn.number : null;
  }
  // Ungrouped national digit strings (IDs, amounts) must be valid for the stated country.
  if (country) {
    const pn = parsePhoneNumberFromString(normal, country);
    if (pn?.isValid()) return pn.number;
    return grouped && pn?.isPossible() && looksLikePhone(printed) ? pn.number : null;
  }
  if (!grouped && normal.replace(/\D/g, '').length < 10) return null;
  for (const c of FALLBACK_COUNTRIES) {
    const pn = parsePhoneNumberFromString(normal, c);
    if (pn?.isValid()) return pn.number;
  }
  return null;
}

/** Typical printed phone layouts: NANP "(704) 996-9966", trunk-prefixed "0412 632 636", "(02) 9876 5432". */
function looksLikePhone(printed: string): boolean {
  return /^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$/.test(printed) || /^\(?0\d{1,4}\)?[\s.\/-]?\d{2,5}(?:[\s.-]\d{2,5}){0,3}$/.test(printed);
}

/**
 * What libphonenumber should parse: "(+91) 76686-86274" → "+91 76686-86274"; the trunk "(0)" after an
 * international prefix is printed for national callers and must go ("+44 (0)20 …" → "+44 20 …");
 * "0044 …" → "+44 …".
 */
export function normalisePrinted(printed: string): string {
  return printed
    .trim()
    .replace(/^\(\s*\+\s*(\d{1,4})\s*\)/, '+$1 ')
    .replace(/^00(?=[1-9])/, '+')
    .replace(/^(\+\s?\d{1,4})[\s.-]*\(\s*0\s*\)\s*/, '$1 ')
    .replace(/\s*(?:ext\.?|x|extn?\.?)\s*(\d{1,5})$/i, ' ext. $1');
}
