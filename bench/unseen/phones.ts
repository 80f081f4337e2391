/**
 * Local phone numbers, printed the way people in each country write them, checked with libphonenumber-js:
 * only numbers it calls valid (and whose printed form parses back to the same E.164) are emitted.
 */
import { parsePhoneNumberFromString, type CountryCode as LibCountry } from 'libphonenumber-js/max';
import type { CountryCode, Phone } from './model.ts';
import type { CityInfo } from './pools/countries.ts';
import type { Rng } from './rng.ts';

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
const nz = (rng: Rng): string => String(rng.int(2, 9));

/** Split a digit string into groups of the given sizes. */
function groups(d: string, sizes: number[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const s of sizes) {
    out.push(d.slice(i, i + s));
    i += s;
  }
  if (i < d.length) out.push(d.slice(i));
  return out.filter(Boolean);
}

interface Candidate {
  /** The national significant number (no trunk 0, no country code). */
  nsn: string;
  printed: string;
}

function usca(rng: Rng, city: CityInfo): Candidate {
  const area = rng.pick(city.area);
  const exch = nz(rng) + digits(rng, 2);
  const line = digits(rng, 4);
  const printed = rng.weighted<string>([
    [`(${area}) ${exch}-${line}`, 4],
    [`${area}-${exch}-${line}`, 3],
    [`${area}.${exch}.${line}`, 2],
    [`+1 ${area} ${exch} ${line}`, 2],
    [`+1 (${area}) ${exch}-${line}`, 2],
    [`+1-${area}-${exch}-${line}`, 1],
    [`${area} ${exch} ${line}`, 1],
  ]);
  return { nsn: area + exch + line, printed };
}

function gb(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  if (mobile) {
    const nsn = '7' + rng.pick(['4', '5', '7', '8', '9']) + digits(rng, 8);
    const [a, b] = [nsn.slice(0, 4), nsn.slice(4)];
    const printed = rng.weighted<string>([
      [`0${a} ${b}`, 4],
      [`0${a} ${b.slice(0, 3)} ${b.slice(3)}`, 2],
      [`+44 ${a} ${b}`, 2],
      [`+44 (0)${a} ${b.slice(0, 3)} ${b.slice(3)}`, 2],
      [`+44 (0) ${a} ${b}`, 1],
    ]);
    return { nsn, printed };
  }
  const area = rng.pick(city.area);
  const rest = area.length === 2 ? (area === '20' ? rng.pick(['7', '8', '3']) : rng.pick(['2', '3', '9'])) + digits(rng, 7) : area.length === 3 ? rng.pick(['2', '3', '4', '5', '6', '7', '8', '9']) + digits(rng, 6) : rng.pick(['2', '3', '4', '5', '6', '7', '8', '9']) + digits(rng, 5);
  const nsn = area + rest;
  const local = area.length === 2 ? `${rest.slice(0, 4)} ${rest.slice(4)}` : area.length === 3 ? `${rest.slice(0, 3)} ${rest.slice(3)}` : rest;
  const printed = rng.weighted<string>([
    [`0${area} ${local}`, 4],
    [`(0${area}) ${local}`, 2],
    [`+44 ${area} ${local}`, 2],
    [`+44 (0)${area} ${local}`, 2],
  ]);
  return { nsn, printed };
}

function au(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  if (mobile) {
    const nsn = '4' + rng.pick(['0', '1', '2', '3', '5', '6', '7', '8', '9']) + digits(rng, 7);
    const [a, b, c] = groups(nsn, [3, 3, 3]);
    const printed = rng.weighted<string>([
      [`0${a} ${b} ${c}`, 5],
      [`+61 ${a} ${b} ${c}`, 3],
      [`+61 (0)${a} ${b} ${c}`, 1],
      [`0${a}${b}${c}`, 1],
    ]);
    return { nsn, printed };
  }
  const area = rng.pick(city.area);
  const local = rng.pick(['9', '8', '7', '6', '5', '3']) + digits(rng, 7);
  const printed = rng.weighted<string>([
    [`(0${area}) ${local.slice(0, 4)} ${local.slice(4)}`, 3],
    [`+61 ${area} ${local.slice(0, 4)} ${local.slice(4)}`, 2],
    [`0${area} ${local.slice(0, 4)} ${local.slice(4)}`, 2],
  ]);
  return { nsn: area + local, printed };
}

function inn(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  if (mobile) {
    const nsn = rng.pick(['9', '8', '7', '6']) + digits(rng, 9);
    const [a, b] = [nsn.slice(0, 5), nsn.slice(5)];
    const printed = rng.weighted<string>([
      [`+91 ${a} ${b}`, 5],
      [`+91-${nsn}`, 2],
      [`${a} ${b}`, 2],
      [`+91 ${nsn}`, 2],
      [`0${a} ${b}`, 1],
      [`(+91) ${a}-${b}`, 1],
    ]);
    return { nsn, printed };
  }
  const area = rng.pick(city.area);
  const len = 10 - area.length;
  const local = rng.pick(['2', '4', '6']) + digits(rng, len - 1);
  const printed = rng.weighted<string>([
    [`+91 ${area} ${local}`, 3],
    [`0${area}-${local}`, 2],
    [`+91-${area}-${local}`, 2],
  ]);
  return { nsn: area + local, printed };
}

function de(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  if (mobile) {
    const prefix = rng.pick(['151', '152', '157', '160', '162', '170', '171', '172', '176', '177', '178', '179']);
    const len = prefix.startsWith('15') ? 8 : prefix === '160' || prefix === '170' || prefix === '171' || prefix === '175' ? 7 : 8;
    const sub = nz(rng) + digits(rng, len - 1);
    const printed = rng.weighted<string>([
      [`0${prefix} ${sub}`, 4],
      [`+49 ${prefix} ${sub}`, 3],
      [`+49 (0)${prefix} ${sub.slice(0, 4)} ${sub.slice(4)}`, 2],
      [`0${prefix}/${sub}`, 2],
      [`0${prefix} - ${sub}`, 1],
    ]);
    return { nsn: prefix + sub, printed };
  }
  const area = rng.pick(city.area);
  const len = area.length === 2 ? 8 : 7;
  const sub = nz(rng) + digits(rng, len - 1);
  const printed = rng.weighted<string>([
    [`0${area} ${sub}`, 3],
    [`+49 ${area} ${sub}`, 2],
    [`0${area}/${sub}`, 2],
    [`+49 (0)${area} ${sub}`, 1],
  ]);
  return { nsn: area + sub, printed };
}

function fr(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  const nsn = mobile ? rng.pick(['6', '7']) + rng.pick(['1', '2', '3', '4', '5', '6', '7', '8']) + digits(rng, 7) : rng.pick(city.area) + rng.pick(['4', '5', '7', '8']) + digits(rng, 7);
  const p = groups(nsn.slice(1), [2, 2, 2, 2]);
  const printed = rng.weighted<string>([
    [`0${nsn[0]} ${p.join(' ')}`, 4],
    [`+33 ${nsn[0]} ${p.join(' ')}`, 3],
    [`+33 (0)${nsn[0]} ${p.join(' ')}`, 2],
    [`0${nsn[0]}.${p.join('.')}`, 2],
  ]);
  return { nsn, printed };
}

function sg(rng: Rng, _city: CityInfo, mobile: boolean): Candidate {
  const nsn = (mobile ? rng.pick(['8', '9']) : '6') + digits(rng, 7);
  const printed = rng.weighted<string>([
    [`+65 ${nsn.slice(0, 4)} ${nsn.slice(4)}`, 5],
    [`${nsn.slice(0, 4)} ${nsn.slice(4)}`, 2],
    [`(+65) ${nsn.slice(0, 4)}-${nsn.slice(4)}`, 1],
    [`+65-${nsn}`, 1],
  ]);
  return { nsn, printed };
}

function za(rng: Rng, city: CityInfo, mobile: boolean): Candidate {
  const nsn = mobile ? rng.pick(['60', '61', '71', '72', '73', '74', '76', '79', '82', '83', '84']) + digits(rng, 7) : rng.pick(city.area) + nz(rng) + digits(rng, 6);
  const [a, b, c] = groups(nsn, [2, 3, 4]);
  const printed = rng.weighted<string>([
    [`0${a} ${b} ${c}`, 4],
    [`+27 ${a} ${b} ${c}`, 3],
    [`+27 (0)${a} ${b} ${c}`, 2],
    [`0${a}-${b}-${c}`, 1],
  ]);
  return { nsn, printed };
}

const DIAL: Record<CountryCode, string> = { US: '1', CA: '1', GB: '44', AU: '61', IN: '91', DE: '49', FR: '33', SG: '65', ZA: '27' };

/** A valid local number for someone in `city`, printed locally; throws if none validates after many tries. */
export function makePhone(rng: Rng, country: CountryCode, city: CityInfo, mobile: boolean): Phone {
  for (let attempt = 0; attempt < 200; attempt++) {
    const c =
      country === 'US' || country === 'CA' ? usca(rng, city)
      : country === 'GB' ? gb(rng, city, mobile)
      : country === 'AU' ? au(rng, city, mobile)
      : country === 'IN' ? inn(rng, city, mobile)
      : country === 'DE' ? de(rng, city, mobile)
      : country === 'FR' ? fr(rng, city, mobile)
      : country === 'SG' ? sg(rng, city, mobile)
      : za(rng, city, mobile);
    const e164 = `+${DIAL[country]}${c.nsn}`;
    if (validPrinted(c.printed, country, e164)) return { printed: c.printed, e164, label: mobile ? 'Mobile' : 'Phone' };
  }
  throw new Error(`no valid phone number for ${country}`);
}

/** libphonenumber-js reads the printed form (with the country as default) as exactly this valid number. */
export function validPrinted(printed: string, country: CountryCode, e164: string): boolean {
  const n = parsePhoneNumberFromString(printed, country as LibCountry);
  return !!n && n.isValid() && n.number === e164 && (n.country === country || (country === 'CA' && n.country === 'CA') || (country === 'US' && n.country === 'US'));
}
