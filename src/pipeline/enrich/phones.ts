/**
 * Phone numbers as Affinda describes them (PhoneNumberDetails), and the country a résumé lives in,
 * which decides how national numbers ("0412 632 636", "(704) 996-9966") are read.
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { PhoneNumberDetails } from '../../affinda/types.ts';
import { normalisePrinted } from '../understand/contact.ts';
import { countryByCode, countryByName } from '../../knowledge/geo.ts';

/**
 * Details of one printed number: international format ("+1 704 996 9966"), the region it belongs to
 * ("US"), the calling code (1) and the national significant number ("7049969966"). `country` is the
 * résumé's country, used for numbers printed without an international prefix. Nulls when unparseable.
 */
export function phoneDetails(raw: string, country: string | null): PhoneNumberDetails {
  const details: PhoneNumberDetails = {
    rawText: raw,
    formattedNumber: null,
    countryCode: null,
    internationalCountryCode: null,
    nationalNumber: null,
  };
  const text = normalisePrinted(raw);
  const region = country ? (country.toUpperCase() as CountryCode) : undefined;
  const pn = text.startsWith('+') ? parsePhoneNumberFromString(text) : region ? parsePhoneNumberFromString(text, region) : soleRegionParse(text);
  if (!pn || !pn.isPossible()) return details;
  details.formattedNumber = pn.formatInternational();
  // A number outside any region's plan (invalid) still belongs to its calling code; name the region only
  // when the number, or the résumé's own country, pins it down.
  details.countryCode = pn.country ?? (region && pn.countryCallingCode === callingCodeOf(region) ? region : null);
  details.internationalCountryCode = Number(pn.countryCallingCode);
  details.nationalNumber = pn.nationalNumber;
  return details;
}

/** Countries a national number is tried in when the résumé's country is unknown. */
const CANDIDATE_REGIONS: CountryCode[] = ['US', 'GB', 'IN', 'AU', 'CA', 'DE', 'FR', 'ZA', 'SG', 'IE', 'NZ'];

/**
 * A national number with no country to read it by. Digit strings are valid in many plans, so a region
 * counts only when its national format splits the digits where the print does ("07868 930 227" is
 * British "07868 930227"; "984-313-1890" North American "(984) 313-1890"). Regions whose format matches
 * as printed beat those that only match once their trunk "0" is dropped; the survivors must share one
 * calling code, else nothing is assumed.
 */
function soleRegionParse(text: string): PhoneNumber | null {
  const printed = breaks(text);
  if (printed.size === 0) return null;
  const tiers: PhoneNumber[][] = [[], []];
  for (const region of CANDIDATE_REGIONS) {
    const pn = parsePhoneNumberFromString(text, region);
    if (!pn?.isValid()) continue;
    const national = pn.formatNational();
    const trunkAdded = /^\(?0/.test(national) && !/^\D*0/.test(text);
    const wanted = breaks(national, trunkAdded ? 1 : 0);
    if ([...wanted].every((b) => printed.has(b))) tiers[trunkAdded ? 1 : 0]!.push(pn);
  }
  const best = tiers[0]!.length ? tiers[0]! : tiers[1]!;
  const codes = new Set(best.map((pn) => pn.countryCallingCode));
  return codes.size === 1 ? best[0]! : null;
}

/** Digit positions where a printed number is split: "(984) 313-1890" → {3, 6}; `skip` leading digits ignored. */
function breaks(s: string, skip = 0): Set<number> {
  const out = new Set<number>();
  let n = -skip;
  for (const g of s.match(/\d+/g) ?? []) {
    n += g.length;
    out.add(n);
  }
  out.delete(n); // the end of the number is not a split
  for (const b of out) if (b <= 0) out.delete(b);
  return out;
}

/** Calling code of a region ("1" for US), or null for a code libphonenumber does not know. */
function callingCodeOf(region: CountryCode): string | null {
  try {
    return getCountryCallingCode(region);
  } catch {
    return null;
  }
}

export interface CountrySignals {
  /** The résumé's own location: an ISO alpha-2 code or a country name. */
  locationCountry?: string | null;
  /** Phone numbers as printed; only internationally prefixed ones say where they belong. */
  phones?: string[];
  regionBias?: { country?: string; countries?: string[] } | null;
}

/**
 * The country the résumé lives in: its own location first, then an international phone prefix, then the
 * caller's region bias. Null when nothing says — never a hard-coded default.
 */
export function inferCountry(signals: CountrySignals): string | null {
  const fromLocation = asCountryCode(signals.locationCountry);
  if (fromLocation) return fromLocation;

  for (const phone of signals.phones ?? []) {
    const text = normalisePrinted(phone);
    if (!text.startsWith('+')) continue;
    const pn = parsePhoneNumberFromString(text);
    if (pn?.country) return pn.country;
  }

  const bias = signals.regionBias;
  return asCountryCode(bias?.country) ?? asCountryCode(bias?.countries?.[0]) ?? null;
}

function asCountryCode(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return countryByCode(v)?.code ?? null;
  return countryByName(v)?.code ?? null;
}
