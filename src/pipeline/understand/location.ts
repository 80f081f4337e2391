/**
 * Reads a printed address or place ("San Francisco, CA 94105", "10115 Berlin, Germany",
 * "Flat 41, Lake View Towers Kolkata, WB 700013 IN") into Affinda's Location shape.
 *
 * The string is cut into items (at commas, separators, postcodes and trailing codes); the items at the
 * end that name a country or subdivision are the "region", the item before them is the city, anything
 * before the city is street detail. The country is then the one that explains the most evidence —
 * a printed country name, subdivisions, the city, the postcode's format, the caller's hint — so that
 * "Indianapolis, IN" is Indiana while "Noida, UP, IN" is India.
 */
import type { Location } from '../../affinda/types.ts';
import { emptyLocation } from '../../affinda/types.ts';
import type { Match } from './contact.ts';
import {
  STATE_CODE_PRIORITY,
  citiesByName,
  countryByCode,
  countryByName,
  subdivisionFromPostcode,
  subdivisionOf,
  subdivisionsByCode,
  subdivisionsByName,
  type City,
  type Subdivision,
} from '../../knowledge/geo.ts';

interface Item {
  text: string;
  start: number;
}

interface Postcode {
  value: string;
  /** Countries whose format this is; the first format-unique ones (CA, GB) are decisive. */
  countries: string[];
  /** True when only one country writes postcodes this way. */
  unique: boolean;
}

/** Words that make an item a street, unit or building rather than a place. */
const STREET_WORD =
  /\b(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|parkway|pkwy|highway|hwy|circle|terrace|crescent|close|square|sq|rue|avenue|chemin|straße|strasse|str|weg|platz|allee|gasse|ring|damm|marg|nagar|towers?|blk|block|flat|apt|apartment|unit|suite|ste|house|plot|floor|no|lor|jalan|po box)\b|#/i;

/** Words before a number that make it a unit or house number, never a postcode. */
const UNIT_BEFORE_NUMBER = /(?:\b(?:apt|apartment|unit|flat|suite|ste|no|house|plot|blk|block|floor|room|lor|ave|st|street|road|box)\.?|#)\s*$/i;

/** Printed postcode shapes, most specific first. */
const POSTCODE_SHAPES: { re: RegExp; countries: string[]; unique: boolean }[] = [
  { re: /\b[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d\b/g, countries: ['CA'], unique: true },
  { re: /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b/g, countries: ['GB'], unique: true },
  { re: /\b\d{5}-\d{4}\b/g, countries: ['US'], unique: true },
  { re: /\b\d{5}-\d{3}\b/g, countries: ['BR'], unique: true },
  { re: /\b\d{4}-\d{3}\b/g, countries: ['PT'], unique: true },
  { re: /\b\d{4} ?[A-Z]{2}\b(?! ?\d)/g, countries: ['NL'], unique: true },
  { re: /\b\d{3} ?\d{3}\b/g, countries: ['IN', 'SG'], unique: false },
  { re: /\b\d{5}\b/g, countries: ['US', 'DE', 'FR', 'IT', 'ES', 'MX', 'MY', 'FI'], unique: false },
  { re: /\b\d{4}\b/g, countries: ['AU', 'ZA', 'NZ', 'BE', 'CH', 'AT', 'DK', 'NO', 'PH'], unique: false },
];

const SEPARATORS = /\s*(?:,|;|\||•|·|●|▪|\s[-–—]\s|\t|\s{3,})\s*/g;

export function parseLocation(raw: string, countryHint?: string | null): Location {
  const loc = emptyLocation(raw);
  const text = cleanLocationText(raw);
  if (!text) return loc;

  const { items, postcodes } = itemise(text);
  const regionFrom = regionStart(items);
  let cityIndex = regionFrom - 1;
  const regions = items.slice(regionFrom);

  // City: the item before the region; when it carries street words ("Lake View Towers Kolkata"),
  // the longest known city name at its end.
  let cityText: string | null = null;
  let streetPrefix: string | null = null;
  if (cityIndex >= 0) {
    const found = cityInItem(items[cityIndex]!.text);
    if (found) {
      cityText = found.city;
      streetPrefix = found.before || null;
    } else cityIndex = -1;
  }

  const cityCandidates = cityText ? citiesByName(cityText) : [];
  const country = chooseCountry(regions, cityCandidates, postcodes, countryHint ?? null);

  // A lone region item that is also a city of that country ("Singapore", "Berlin") is the city.
  if (!cityText && regions.length > 0 && country) {
    const first = regions[0]!.text;
    const asCity = citiesByName(first).find((c) => c.country === country);
    if (asCity) {
      cityText = first;
      cityCandidates.push(asCity);
    }
  }

  if (cityText) loc.city = cityText;
  if (country) {
    loc.countryCode = country;
    loc.country = countryByCode(country)?.name ?? null;
  }

  const postcode = postcodes.find((p) => !country || p.countries.includes(country)) ?? null;
  if (postcode) loc.postalCode = postcode.value;

  const sub = country ? chooseSubdivision(country, regions, cityCandidates, postcode) : null;
  if (sub) {
    loc.state = sub.name;
    loc.stateCode = sub.code;
  }

  // Street detail is whatever precedes the city item, or the region when the city was found there.
  const streetEnd = cityIndex >= 0 ? cityIndex : regionFrom;
  fillStreet(loc, items.slice(0, streetEnd).map((i) => i.text), streetPrefix);
  return loc;
}

/** Drops labels ("Address:"), work-mode notes ("(Remote)") and edge punctuation. */
function cleanLocationText(raw: string): string {
  return raw
    .replace(/^\s*(?:address|location|residence|home|based in|lives in|located in|city)\s*[:\-–]?\s+/i, '')
    .replace(/\((?:remote|hybrid|on-?site)\)|\b(?:remote|hybrid)\b/gi, ' ')
    // Brackets hold the region as often as not: "Indore (Madhya Pradesh - India)", "London (UK)".
    .replace(/\s*[()]\s*/g, ', ')
    // Dotted codes: "B.C." → "BC", "N.J." → "NJ" (country forms like "U.S." are known by name as well).
    .replace(/\b((?:[A-Z]\.){2,3})(?=\s|,|$)/g, (m) => m.replace(/\./g, ''))
    .replace(/^[\s,.;:|•\-–—]+|[\s,.;:|•\-–—]+$/g, '')
    .replace(/\s+\./g, '.')
    .trim();
}

/**
 * Cuts the text into items and pulls out postcodes. Trailing upper-case codes are split off their
 * item ("Sydney NSW" → "Sydney", "NSW"; "GJ IN" → "GJ", "IN").
 */
function itemise(text: string): { items: Item[]; postcodes: Postcode[] } {
  const postcodes: Postcode[] = [];
  const items: Item[] = [];
  let last = 0;
  const pieces: Item[] = [];
  for (const m of text.matchAll(SEPARATORS)) {
    pieces.push({ text: text.slice(last, m.index), start: last });
    last = m.index! + m[0].length;
  }
  pieces.push({ text: text.slice(last), start: last });

  for (const piece of pieces) {
    let rest = takePostcodes(piece.text, postcodes);
    // Peel trailing codes and names off the item ("Toronto ON", "Reading UK", "Sydney New South Wales").
    const peeled: string[] = [];
    for (;;) {
      const words = rest.split(/\s+/);
      if (words.length < 2) break;
      const tail = peelableTail(words);
      if (!tail) break;
      peeled.unshift(words.slice(-tail).join(' '));
      rest = words.slice(0, -tail).join(' ');
    }
    if (rest) items.push({ text: rest, start: piece.start });
    for (const p of peeled) items.push({ text: p, start: piece.start + piece.text.lastIndexOf(p) });
  }
  const kept = items.filter((i) => /\p{L}/u.test(i.text));
  // A state code typed in title case as the last item ("Sebastopol, Ca") is still the code.
  const final = kept[kept.length - 1];
  if (final && kept.length > 1 && /^[A-Z][a-z]$/.test(final.text) && subdivisionsByCode(final.text).length) final.text = final.text.toUpperCase();
  return { items: kept, postcodes };
}

/** How many trailing words of an item form a country/subdivision code or name (0 = none). */
function peelableTail(words: string[]): number {
  const lastWord = words[words.length - 1]!;
  if (/^(?:[A-Z]{2,3}|U\.S\.A?\.?|U\.K\.?)$/.test(lastWord) && isRegionText(lastWord)) return 1;
  // Multi-word names only when what remains still looks like a place, not a street ("12 Victoria"), and
  // never inside a name that is itself a region ("South Australia", "New South Wales").
  if (isRegionText(words.join(' '))) return 0;
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    const head = words.slice(0, -n).join(' ');
    if (/^\p{Lu}/u.test(tail) && (countryByName(tail) || subdivisionsByName(tail).length) && /^\p{Lu}[\p{L}'.\- ]*$/u.test(head)) {
      // Do not split a known city that merely contains a region name ("Quebec City", "Salt Lake City").
      if (citiesByName(words.join(' ')).length) return 0;
      return n;
    }
  }
  return 0;
}

/** Removes postcodes from an item, recording them; a number only counts where a postcode is printed. */
function takePostcodes(text: string, out: Postcode[]): string {
  let rest = text;
  for (const shape of POSTCODE_SHAPES) {
    rest = rest.replace(shape.re, (m, ...args) => {
      const offset = args[args.length - 2] as number;
      const before = rest.slice(0, offset);
      const after = rest.slice(offset + m.length);
      if (!shape.unique) {
        if (UNIT_BEFORE_NUMBER.test(before)) return m;
        // A number is a postcode at the end of an item ("Sydney NSW 2000"), alone ("21221"), or first
        // and followed by a place name rather than a street ("10115 Berlin", but not "1600 Main Street").
        const atEnd = /^\s*(?:[A-Z]{2,3}\s*)?$/.test(after);
        const atStart = !before.trim() && /^\s+\p{Lu}/u.test(after) && !STREET_WORD.test(after) && m.length >= 4;
        if (!atEnd && !atStart) return m;
        if (/^\s*\d/.test(after) || /\d\s*$/.test(before)) return m;
      }
      out.push({ value: m, countries: shape.countries, unique: shape.unique });
      return ' ';
    });
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** True when the text names a country or subdivision (codes only in capitals). */
function isRegionText(text: string): boolean {
  const t = text.trim();
  if (/^[A-Z]{2,3}$/.test(t) && (subdivisionsByCode(t).length > 0 || (t.length === 2 && countryByCode(t) !== null))) return true;
  if (/^U\.?S\.?A?\.?$|^U\.?K\.?$/.test(t)) return true;
  return countryByName(t) !== null || subdivisionsByName(t).length > 0;
}

/** Index of the first item of the trailing run of region items; the first item stays a city if it is a known one. */
function regionStart(items: Item[]): number {
  let r = items.length;
  while (r > 0 && isRegionText(items[r - 1]!.text)) {
    if (r - 1 === 0 && citiesByName(items[0]!.text).length > 0) break;
    r--;
  }
  return r;
}

/** The city named by an item: the whole item when it looks like a place, else a known city at its end. */
function cityInItem(text: string): { city: string; before: string } | null {
  const words = text.split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (citiesByName(tail).length) return { city: tail, before: words.slice(0, -n).join(' ') };
  }
  // Unknown towns: capitalised words without digits or street vocabulary, at most five words.
  if (/^\p{Lu}[\p{L}'’.\- ]*$/u.test(text) && words.length <= 5 && !STREET_WORD.test(text)) return { city: text, before: '' };
  return null;
}

/**
 * The country that explains the most evidence. Printed names and codes in a position that can only be a
 * country are decisive; subdivisions, the city and the postcode shape add up; the hint breaks ties.
 */
function chooseCountry(regions: Item[], cities: City[], postcodes: Postcode[], hint: string | null): string | null {
  const score = new Map<string, number>();
  const add = (c: string, n: number) => score.set(c, (score.get(c) ?? 0) + n);

  regions.forEach((item, i) => {
    const t = item.text;
    const isLast = i === regions.length - 1;
    if (/^[A-Z]{2,3}$/.test(t)) {
      const subs = subdivisionsByCode(t);
      for (const c of new Set(subs.map((s) => s.country))) add(c, 10);
      if (t.length === 2 && countryByCode(t)) add(t, isLast && regions.length > 1 ? 100 : subs.length ? 9 : 50);
      // Code-like country names that are not ISO codes: "USA", "UAE", "UK".
      const named = t.length === 3 || !countryByCode(t) ? countryByName(t) : null;
      if (named) add(named.code, 100);
      return;
    }
    const named = countryByName(t);
    if (named) add(named.code, 100);
    for (const c of new Set(subdivisionsByName(t).map((s) => s.country))) add(c, 10);
  });
  cities.forEach((c, i) => add(c.country, i === 0 ? 7 : 6));
  for (const p of postcodes) {
    if (p.unique) add(p.countries[0]!, 8);
    else for (const c of p.countries) if (score.has(c)) add(c, 2);
  }
  if (hint && (score.has(hint) || cities.length || postcodes.length || regions.length)) add(hint, 3);

  let best: string | null = null;
  let bestScore = 0;
  for (const [c, s] of score) {
    const better = s > bestScore || (s === bestScore && best !== null && priority(c) < priority(best));
    if (better) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

function priority(country: string): number {
  const i = STATE_CODE_PRIORITY.indexOf(country);
  return i < 0 ? STATE_CODE_PRIORITY.length : i;
}

/** The printed subdivision of the chosen country, else the city's, else the one the postcode implies. */
function chooseSubdivision(country: string, regions: Item[], cities: City[], postcode: Postcode | null): Subdivision | null {
  for (const item of regions) {
    const t = item.text;
    const sub = /^[A-Z]{2,3}$/.test(t)
      ? subdivisionsByCode(t).find((s) => s.country === country)
      : subdivisionsByName(t).find((s) => s.country === country);
    if (sub) return sub;
  }
  const city = cities.find((c) => c.country === country && c.state);
  if (city) return subdivisionOf(country, city.state!);
  return postcode ? subdivisionFromPostcode(country, postcode.value) : null;
}

/** Street detail before the city: "221B Baker Street" → 221B / Baker Street; "Hauptstraße 31" → 31 / Hauptstraße. */
function fillStreet(loc: Location, before: string[], prefix: string | null): void {
  const parts = [...before, ...(prefix ? [prefix] : [])];
  for (const part of parts) {
    const unit = /^(?:apt|apartment|unit|flat|suite|ste|#)\.?\s*([\w-]+)/i.exec(part);
    if (unit) {
      loc.apartmentNumber ??= unit[1]!;
      continue;
    }
    if (/^(?:p\.?\s?o\.?\s?box)\s*(\w+)/i.test(part)) {
      loc.poBox ??= /(\w+)$/.exec(part)![1]!;
      continue;
    }
    if (loc.street) continue;
    const numberFirst = /^(\d+[A-Za-z]?(?:-\d+)?)\s+(.+)$/.exec(part);
    const numberLast = /^(\p{L}[\p{L}.\- ]+?)\s+(\d+[A-Za-z]?)$/u.exec(part);
    if (numberFirst) {
      loc.streetNumber = numberFirst[1]!;
      loc.street = numberFirst[2]!;
    } else if (numberLast) {
      loc.street = numberLast[1]!;
      loc.streetNumber = numberLast[2]!;
    } else if (STREET_WORD.test(part)) loc.street = part;
  }
}

// ---------------------------------------------------------------------------------------------

/** Separators of a contact line ("Rennes, France | M: +33 … | email"); spaced dashes are tried second. */
const SEGMENT_SEPARATORS = /\s*(?:\||•|·|●|▪|◦|♦|⋅|\t|\s{2,}|\s\/\s)\s*/g;
const DASH_SEPARATORS = /\s+[-–—]\s+/g;

/**
 * Spans of a header or contact line that read as a location, best first. A segment qualifies when it names
 * a country or subdivision, carries a postcode, has the "City, XX" shape, or is a known city on its own.
 * A segment that does not qualify whole is tried piece by piece at spaced dashes
 * ("Bengaluru, Karnataka - Email me on Indeed: …"), so that "Kolkata - 700097, West Bengal" stays whole.
 */
export function findLocations(text: string): Match[] {
  const found: { m: Match; score: number }[] = [];
  for (const seg of split(text, 0, SEGMENT_SEPARATORS)) {
    const whole = scoreSegment(text, seg);
    if (whole) {
      found.push(whole);
      continue;
    }
    for (const piece of split(seg.text, seg.start, DASH_SEPARATORS)) {
      const part = scoreSegment(text, piece);
      if (part) found.push(part);
    }
  }
  return found.sort((a, b) => b.score - a.score || a.m.index - b.m.index).map((f) => f.m);
}

function split(text: string, offset: number, separators: RegExp): Item[] {
  const out: Item[] = [];
  let last = 0;
  for (const m of text.matchAll(separators)) {
    out.push({ text: text.slice(last, m.index), start: offset + last });
    last = m.index! + m[0].length;
  }
  out.push({ text: text.slice(last), start: offset + last });
  return out;
}

function scoreSegment(text: string, seg: Item): { m: Match; score: number } | null {
  // (After a list item's marker too: "- Address: 12 George Street, Sydney NSW 2000".)
  const label = /^\s*(?:[-•*·▪◦]\s+)?(?:(?:address|location|residence|home|based in|lives in|located in|city)\s*[:\-–]?\s*)?/i.exec(seg.text);
  const start = seg.start + (label ? label[0].length : 0);
  const value = text.slice(start, seg.start + seg.text.length).replace(/[\s,;.\-–—]+$/, '');
  if (!value || !/\p{L}/u.test(value)) return null;
  // Contact details and prose are never locations.
  // (Hyphenated postcodes, "4050-262 Porto" or "94105-1234", are not phone numbers.)
  if (/@|https?:|www\.|\+\s?\d|\b\w+\.(?:com|org|net|io|dev)\b|:/i.test(value)) return null;
  if (/\d[\d\s().-]{6,}\d/.test(value.replace(/\b\d{4,5}-\d{3,4}\b/g, ' '))) return null;
  if (value.length > 120 || /(?<!\b(?:St|Ste|Ft|Mt|Pt|No))[.!?]\s+\p{Lu}/u.test(value)) return null;
  const score = locationScore(value);
  if (score <= 0) return null;
  // Leading items that are neither street nor place ("Therapist, Mercy Hospital, Columbia, Missouri")
  // are dropped while the rest still reads as the same place.
  let from = 0;
  const loc = parseLocation(value);
  for (;;) {
    const comma = value.indexOf(',', from);
    if (comma < 0) break;
    const head = value.slice(from, comma);
    const rest = value.slice(comma + 1).trimStart();
    if (/\d/.test(head) || STREET_WORD.test(head) || head.trim() === loc.city) break;
    const again = parseLocation(rest);
    if (again.city !== loc.city || again.countryCode !== loc.countryCode || !again.city) break;
    from = value.length - rest.length;
  }
  const kept = value.slice(from);
  return { m: { value: kept, index: start + from, length: kept.length }, score };
}
/** How strongly a text reads as a place (0 = not at all). */
function locationScore(value: string): number {
  const loc = parseLocation(value);
  if (!loc.countryCode) return 0;
  const { items } = itemise(cleanLocationText(value));
  const named = items.some((i) => isRegionText(i.text));
  const knownCity = loc.city !== null && citiesByName(loc.city).length > 0;
  let score = 0;
  if (named) score += 3;
  if (loc.postalCode) score += 2;
  if (knownCity) score += 2;
  if (/^\p{Lu}[\p{L}'.\- ]+,\s*[A-Z]{2,3}\b/u.test(value)) score += 1;
  // Too many words for an address line without a postcode or commas: likely prose or a job title.
  if (!loc.postalCode && !value.includes(',') && value.split(/\s+/).length > 4) return 0;
  // A known city alone ("Austin") is weak: it may be a first name; accept it only as a whole segment.
  if (!named && !loc.postalCode && !knownCity) return 0;
  return score;
}
