/**
 * Whether a piece of an entry heading is a place, and the place as an Affinda Location.
 * A place is recognised by its parts: a known country, state or city, a postcode, or "Remote".
 */
import type { Location } from '../../affinda/types.ts';
import { citiesByName, countryByName, subdivisionsByCode, subdivisionsByName, townsByName } from '../../knowledge/geo.ts';
import { parseLocation } from './location.ts';
import { orgScore, schoolScore, titleScore } from '../../knowledge/lexicon.ts';

const REMOTE = /^(remote|hybrid|on[- ]?site|home[- ]based|work from home|wfh|various locations|multiple locations|worldwide)\b/i;
const POSTCODE = /\b(\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/;

const isRegion = (part: string): boolean =>
  !!countryByName(part) || subdivisionsByName(part).length > 0 || (/^[A-Z]{2,3}$/.test(part) && subdivisionsByCode(part).length > 0);

/** 0..1: how much the text looks like a place (and only a place). */
export function placeScore(text: string): number {
  const t = text.trim().replace(/[()]/g, '');
  if (!t || t.split(/\s+/).length > 7) return 0;
  if (REMOTE.test(t)) return 0.9;
  const parts = t.split(/\s*,\s*/).filter(Boolean);
  if (!parts.length) return 0; // punctuation only
  const last = parts[parts.length - 1]!;
  const firstCity = isKnownTown(parts[0]!, parts.length >= 2 ? 15000 : 100000);
  // Before a country or state, every part must read as a town or street, not an employer or a title.
  const townish = (part: string): boolean =>
    isKnownTown(part) ||
    (part.split(/\s+/).length <= 4 && !/[&@]/.test(part) && orgScore(part) < 0.5 && titleScore(part) < 0.3 && schoolScore(part) === 0);
  if (parts.length >= 2 && (isRegion(last) || isRegion(last.replace(POSTCODE, '').trim())) && parts.slice(0, -1).every(townish)) return 0.95;
  if (parts.length === 1 && isRegion(t)) return 0.85;
  if (firstCity) return parts.length >= 2 ? 0.9 : 0.8;
  if (parts.length === 2 && /^[A-Z]{2}$/.test(last)) return 0.6;
  return 0;
}

/**
 * A town the gazetteers know by this name: the curated list, or a world town of some size. The size
 * floor keeps employers and words that some village is named after ("Orange", "Mobile") from being places.
 */
export const isKnownTown = (text: string, minPopulation = 15000): boolean => {
  const name = text.replace(POSTCODE, '').trim();
  if (!/^\p{Lu}/u.test(name)) return false;
  return citiesByName(name).length > 0 || (townsByName(name)[0]?.population ?? 0) >= minPopulation;
};

export function toLocation(text: string, countryHint: string | null): Location {
  return parseLocation(text.trim(), countryHint);
}
