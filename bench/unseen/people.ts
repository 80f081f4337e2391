/**
 * Random people and careers. `buildPerson` decides every printed string of a résumé (the `Person` model); the
 * templates only lay them out, and truth.ts reads the same values back.
 */
import { AS_OF, chooseDateFmt, cmp, fmtRange, fmtYM, fromIndex, totalYears, ymIndex, type DateFmt } from './dates.ts';
import { chooseHeadings, HEADING_LANGS, type Casing } from './headings.ts';
import type { BuildPrefs, Certification, CountryCode, Education, Employer, Format, Language, Level, Person, Place, Referee, Role, Skill, Website, YM } from './model.ts';
import { makePhone } from './phones.ts';
import { COUNTRIES, LANGUAGE_CODES, type CityInfo, type CountryInfo, type SchoolInfo } from './pools/countries.ts';
import { FAMILIES, JOURNALS, PUB_TOPICS, type Family } from './pools/occupations.ts';
import type { Rng } from './rng.ts';

export const COUNTRY_CODES: CountryCode[] = ['US', 'GB', 'AU', 'IN', 'CA', 'DE', 'FR', 'SG', 'ZA'];

/** Lower-case ASCII for e-mail addresses and URL slugs. */
export const ascii = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/ı/g, 'i').toLowerCase().replace(/[^a-z0-9]+/g, '');

const CURRENCY: Record<CountryCode, string> = { US: '$', CA: 'C$', GB: '£', AU: 'A$', IN: '₹', DE: '€', FR: '€', SG: 'S$', ZA: 'R' };

function money(rng: Rng, country: CountryCode): string {
  const c = CURRENCY[country];
  if (country === 'IN') return rng.chance(0.5) ? `₹${rng.int(2, 90)} crore` : `INR ${rng.int(15, 95)} lakh`;
  if (country === 'ZA') return rng.chance(0.5) ? `R${rng.int(2, 60)} million` : `R${rng.int(150, 950)}K`;
  return rng.chance(0.5) ? `${c}${rng.int(1, 9)}.${rng.int(1, 9)}M` : `${c}${rng.int(12, 95) * 10}K`;
}

/** A bullet can be used when the person lists at least one of the tools each placeholder allows. */
const usableBullet = (template: string, tools: string[]): boolean => [...template.matchAll(/\{tool:([^}]+)\}/g)].every((m) => m[1]!.split('|').some((t) => tools.includes(t)));

function fillBullet(rng: Rng, template: string, tools: string[], country: CountryCode): string {
  return template
    .replace(/\{tool:([^}]+)\}/g, (_m, list: string) => rng.pick(list.split('|').filter((t) => tools.includes(t))))
    .replace(/\{tool\}/g, () => rng.pick(tools))
    .replace(/\{n\}/g, () => String(rng.int(3, 40)))
    .replace(/\{pct\}/g, () => String(rng.pick([12, 15, 18, 20, 22, 25, 30, 35, 40, 45, 60])))
    .replace(/\{money\}/g, () => money(rng, country))
    .replace(/\{team\}/g, () => String(rng.int(3, 12)));
}

// ------------------------------------------------------------------------------------------- degrees

const HONOURS: Partial<Record<CountryCode, string[]>> = {
  GB: ['First Class Honours', 'Upper Second Class (2:1)', 'Second Class Honours, Upper Division'],
  AU: ['Distinction', 'High Distinction', 'Honours Class I'],
  ZA: ['cum laude', 'with distinction'],
  SG: ['Honours (Distinction)', 'Honours (Merit)'],
};

function degreeName(rng: Rng, country: CountryCode, level: Level, subject: string, fam: Family): { degree: string; grade: Education['grade'] } {
  const eng = !!fam.engineering || /Engineering|Computer Science/.test(subject);
  const biz = /Business|Management|Commerce|Marketing|Accounting|Finance/.test(subject);
  let degree: string;
  let grade: Education['grade'] = null;
  const gpa = (max: number): Education['grade'] => {
    const v = max === 4 ? (rng.int(30, 39) / 10).toFixed(1) : max === 10 ? (rng.int(70, 95) / 10).toFixed(1) : String(rng.int(62, 91));
    return max === 100 ? { raw: `${v}%`, metric: 'percentage', value: v } : { raw: `${max === 10 ? 'CGPA' : 'GPA'} ${v}/${max}${max === 4 ? '.0' : ''}`, metric: max === 10 ? 'CGPA' : 'GPA', value: v };
  };
  switch (country) {
    case 'US':
      degree = level === 'high school' ? 'High School Diploma'
        : level === 'certificate' ? `Certificate in ${subject}`
        : level === 'associates' ? rng.pick([`Associate of Applied Science in ${subject}`, `A.S. in ${subject}`, `Associate of Science, ${subject}`])
        : level === 'bachelors' ? (eng ? rng.pick([`B.S. in ${subject}`, `Bachelor of Science in ${subject}`, `BS, ${subject}`]) : rng.pick([`B.A. in ${subject}`, `Bachelor of Arts in ${subject}`, `B.S. in ${subject}`, `Bachelor of Science in ${subject}`]))
        : level === 'masters' ? (biz && rng.chance(0.6) ? rng.pick(['MBA', 'Master of Business Administration (MBA)']) : rng.pick([`M.S. in ${subject}`, `Master of Science in ${subject}`, `MS, ${subject}`]))
        : rng.pick([`Ph.D. in ${subject}`, `PhD, ${subject}`, `Doctor of Philosophy in ${subject}`]);
      if (rng.chance(0.35) && level !== 'high school') grade = gpa(4);
      break;
    case 'GB':
      degree = level === 'high school' ? rng.pick(['A-Levels', 'A Levels (Mathematics, Economics, Chemistry)', 'Scottish Highers'])
        : level === 'certificate' ? rng.pick([`HND in ${subject}`, `HNC ${subject}`, `Level 3 Extended Diploma in ${subject}`])
        : level === 'associates' ? `Foundation Degree (FdSc) in ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`BEng (Hons) ${subject}`, `BSc (Hons) ${subject}`]) : rng.pick([`BSc (Hons) ${subject}`, `BA (Hons) ${subject}`, `BSc ${subject}`]))
        : level === 'masters' ? (biz && rng.chance(0.4) ? 'MBA' : eng && rng.chance(0.4) ? `MEng ${subject}` : rng.pick([`MSc ${subject}`, `MA ${subject}`, `MSc in ${subject}`]))
        : rng.pick([`PhD ${subject}`, `PhD in ${subject}`, `DPhil in ${subject}`]);
      if (level === 'bachelors' && rng.chance(0.5)) { const h = rng.pick(HONOURS.GB!); grade = { raw: h, metric: 'classification', value: h }; }
      if (level === 'high school' && rng.chance(0.5)) { const g = rng.pick(['A*AA', 'AAB', 'ABB', 'A*AB']); grade = { raw: g, metric: 'grades', value: g }; }
      break;
    case 'AU':
      degree = level === 'high school' ? rng.pick(['Higher School Certificate (HSC)', 'Victorian Certificate of Education (VCE)', 'Queensland Certificate of Education'])
        : level === 'certificate' ? rng.pick([`Diploma of ${subject}`, `Certificate IV in ${subject}`, `Advanced Diploma of ${subject}`])
        : level === 'associates' ? `Associate Degree in ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`Bachelor of Engineering (Honours) – ${subject}`, `Bachelor of Science (${subject})`]) : biz ? rng.pick(['Bachelor of Commerce', `Bachelor of Business (${subject})`]) : rng.pick([`Bachelor of ${subject}`, `Bachelor of Science (${subject})`, `Bachelor of Arts (${subject})`]))
        : level === 'masters' ? (biz && rng.chance(0.4) ? 'Master of Business Administration' : rng.pick([`Master of ${subject}`, `Master of Science (${subject})`]))
        : rng.pick([`Doctor of Philosophy (${subject})`, `PhD (${subject})`]);
      if (level === 'bachelors' && rng.chance(0.3)) { const h = rng.pick(HONOURS.AU!); grade = { raw: h, metric: 'classification', value: h }; }
      if (level === 'high school' && rng.chance(0.5)) { const v = (rng.int(800, 985) / 10).toFixed(1); grade = { raw: `ATAR ${v}`, metric: 'ATAR', value: v }; }
      break;
    case 'IN':
      degree = level === 'high school' ? rng.pick(['Class XII (CBSE)', 'Higher Secondary Certificate (HSC)', 'Class XII, ISC Board'])
        : level === 'certificate' ? `Diploma in ${subject}`
        : level === 'associates' ? `Diploma in ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`B.Tech in ${subject}`, `B.E. ${subject}`, `B.Tech (${subject})`]) : biz ? rng.pick(['B.Com', 'BBA', `B.Com (${subject})`]) : rng.pick([`B.Sc. ${subject}`, `B.A. ${subject}`]))
        : level === 'masters' ? (biz || rng.chance(0.3) ? rng.pick([`MBA (${subject === 'Finance' ? 'Finance' : 'Marketing'})`, 'PGDM', 'MBA']) : eng ? rng.pick([`M.Tech in ${subject}`, `M.E. ${subject}`]) : `M.Sc. ${subject}`)
        : rng.pick([`Ph.D. (${subject})`, `Ph.D. in ${subject}`]);
      if (level !== 'doctoral' && rng.chance(0.55)) grade = level === 'high school' || rng.chance(0.3) ? gpa(100) : gpa(10);
      break;
    case 'CA':
      degree = level === 'high school' ? rng.pick(['Ontario Secondary School Diploma (OSSD)', 'High School Diploma', 'Diplôme d’études secondaires (DES)'])
        : level === 'certificate' ? rng.pick([`Diploma, ${subject}`, `Advanced Diploma in ${subject}`, `Graduate Certificate in ${subject}`])
        : level === 'associates' ? `Associate of Arts, ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`Bachelor of Applied Science (BASc), ${subject}`, `B.Eng. ${subject}`, `BSc ${subject}`]) : biz ? rng.pick(['Bachelor of Commerce (BCom)', `BBA, ${subject}`]) : rng.pick([`B.Sc. ${subject}`, `BA, ${subject}`, `Honours Bachelor of Arts, ${subject}`]))
        : level === 'masters' ? (biz && rng.chance(0.5) ? 'MBA' : eng ? `Master of Engineering (MEng), ${subject}` : rng.pick([`M.Sc. ${subject}`, `MA, ${subject}`]))
        : rng.pick([`Ph.D. ${subject}`, `PhD in ${subject}`]);
      if (level !== 'high school' && rng.chance(0.25)) grade = gpa(4);
      break;
    case 'DE':
      degree = level === 'high school' ? 'Abitur'
        : level === 'certificate' ? rng.pick([`Vocational Diploma in ${subject}`, `State-certified Technician (${subject})`])
        : level === 'associates' ? `Vocational Diploma in ${subject}`
        : level === 'bachelors' ? rng.pick([`B.Sc. ${subject}`, `Bachelor of Science in ${subject}`, `B.A. ${subject}`])
        : level === 'masters' ? (eng && rng.chance(0.5) ? rng.pick([`Diplom-Ingenieur (Dipl.-Ing.) ${subject}`, `Dipl.-Ing. ${subject}`]) : biz && rng.chance(0.3) ? `Diplom-Kaufmann (${subject})` : rng.pick([`M.Sc. ${subject}`, `Master of Science in ${subject}`, `M.A. ${subject}`]))
        : eng ? rng.pick([`Dr.-Ing. ${subject}`, `Doctorate (Dr.-Ing.) in ${subject}`]) : rng.pick([`Dr. rer. nat. ${subject}`, `PhD in ${subject}`, `Dr. rer. pol. ${subject}`]);
      if (rng.chance(0.4)) { const v = rng.pick(['1,3', '1,7', '2,0', '2,3', '1,5']); grade = { raw: `Grade ${v}`, metric: 'German grade', value: v }; }
      break;
    case 'FR':
      degree = level === 'high school' ? rng.pick(['Baccalauréat Général', 'Baccalauréat Scientifique', 'Baccalauréat, série ES'])
        : level === 'certificate' ? `Professional Certificate in ${subject}`
        : level === 'associates' ? `DUT ${subject}`
        : level === 'bachelors' ? rng.pick([`Licence in ${subject}`, `Licence ${subject}`, `Bachelor in ${subject}`])
        : level === 'masters' ? (eng && rng.chance(0.5) ? rng.pick([`Diplôme d'Ingénieur, ${subject}`, `Engineering Degree (Diplôme d'Ingénieur) – ${subject}`]) : rng.pick([`Master in ${subject}`, `Master 2 ${subject}`, `MSc in ${subject}`]))
        : rng.pick([`PhD in ${subject}`, `Doctorat en ${subject}`]);
      if (rng.chance(0.35)) { const m = rng.pick(['Mention Bien', 'Mention Très Bien', 'Mention Assez Bien']); grade = { raw: m, metric: 'classification', value: m }; }
      break;
    case 'SG':
      degree = level === 'high school' ? rng.pick(['GCE A-Level', 'GCE A-Levels', 'International Baccalaureate Diploma'])
        : level === 'certificate' ? `Diploma in ${subject}`
        : level === 'associates' ? `Diploma in ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`Bachelor of Engineering (${subject})`, `Bachelor of Engineering (Honours) in ${subject}`]) : rng.pick([`Bachelor of Science (Honours) in ${subject}`, `Bachelor of Business Administration`, `Bachelor of Arts in ${subject}`]))
        : level === 'masters' ? (biz && rng.chance(0.5) ? 'MBA' : `Master of Science in ${subject}`)
        : `PhD in ${subject}`;
      if (level === 'bachelors' && rng.chance(0.4)) { const h = rng.pick(HONOURS.SG!); grade = { raw: h, metric: 'classification', value: h }; }
      break;
    case 'ZA':
      degree = level === 'high school' ? rng.pick(['National Senior Certificate (Matric)', 'National Senior Certificate', 'Matric (NSC)'])
        : level === 'certificate' ? rng.pick([`National Diploma: ${subject}`, `Higher Certificate in ${subject}`, `Diploma in ${subject}`])
        : level === 'associates' ? `Higher Certificate in ${subject}`
        : level === 'bachelors' ? (eng ? rng.pick([`BEng ${subject}`, `BSc Engineering (${subject})`]) : biz ? rng.pick([`BCom ${subject}`, `BCom Honours in ${subject}`]) : rng.pick([`BSc ${subject}`, `BA ${subject}`]))
        : level === 'masters' ? (biz && rng.chance(0.5) ? 'MBA' : eng ? `MEng ${subject}` : biz ? `MCom ${subject}` : `MSc ${subject}`)
        : `PhD ${subject}`;
      if (rng.chance(0.3) && level !== 'high school') { const h = rng.pick(HONOURS.ZA!); grade = { raw: h, metric: 'classification', value: h }; }
      break;
  }
  return { degree, grade };
}

// ------------------------------------------------------------------------------------------- names

function pickName(rng: Rng, c: CountryInfo, female: boolean): { first: string; middle: string | null; last: string; middleKind: 'none' | 'initial' | 'full' } {
  const pool = female ? c.first.f : c.first.m;
  const first = rng.pick(pool);
  const last = rng.pick(c.last);
  const kind = rng.weighted<'none' | 'initial' | 'full'>([['none', 72], ['initial', 18], ['full', 10]]);
  if (kind === 'none' || first.includes(' ')) return { first, middle: null, last, middleKind: 'none' };
  const mid = rng.pick(pool.filter((x) => x !== first && !x.includes(' ')));
  return kind === 'initial' ? { first, middle: `${mid[0]}.`, last, middleKind: 'initial' } : { first, middle: mid, last, middleKind: 'full' };
}

// ------------------------------------------------------------------------------------------- places

function cityPlace(rng: Rng, cityText: string, c: CountryInfo, withCountry: boolean): Place {
  // cityText may be "Austin, TX" (US/CA pools) or a bare city.
  const city = cityText.split(',')[0]!.trim();
  let raw = cityText;
  if (withCountry) raw = `${cityText}, ${rng.pick(c.printedNames)}`;
  return { rawInput: raw, city, country: c.name };
}

function homeLocation(rng: Rng, c: CountryInfo, city: CityInfo): Person['location'] {
  const pc = rng.pick(city.postcodes);
  const num = rng.int(2, 240);
  const street = rng.pick(c.streets);
  type Variant = [string, boolean];
  let variants: Variant[];
  const st = city.stateCode ?? city.state ?? '';
  switch (c.code) {
    case 'US':
    case 'CA':
      variants = [[`${city.name}, ${st}`, false], [`${city.name}, ${city.state}`, false], [`${city.name}, ${st} ${pc}`, true], [`${num} ${street}, ${city.name}, ${st} ${pc}`, true], [`${city.name}, ${city.state}, ${c.code === 'US' ? 'USA' : 'Canada'}`, false]];
      break;
    case 'GB':
      variants = [[city.name, false], [`${city.name}, UK`, false], [`${city.name} ${pc}`, true], [`${num} ${street}, ${city.name} ${pc}`, true], [`Flat ${rng.int(1, 9)}, ${num} ${street}, ${city.name}, ${pc}`, true]];
      break;
    case 'AU':
      variants = [[`${city.name} ${st} ${pc}`, true], [`${city.name}, ${city.state}`, false], [`${num} ${street}, ${city.name} ${st} ${pc}`, true], [`${city.name}, ${st}`, false], [`${city.name}, Australia`, false]];
      break;
    case 'IN':
      variants = [[`${city.name}, ${city.state} ${pc}`, true], [`${city.name} - ${pc}`, true], [`${num}, ${street}, ${city.name}, ${city.state} - ${pc}`, true], [`${city.name}, India`, false], [`${city.name}, ${city.state}`, false]];
      break;
    case 'DE':
      variants = [[`${pc} ${city.name}`, true], [`${street} ${num}, ${pc} ${city.name}`, true], [`${city.name}, Germany`, false], [city.name, false]];
      break;
    case 'FR':
      variants = [[`${pc} ${city.name}`, true], [`${num} ${street}, ${pc} ${city.name}`, true], [`${city.name}, France`, false], [`${pc} ${city.name}, France`, true]];
      break;
    case 'SG':
      variants = [[`Singapore ${pc}`, true], [`Blk ${num} ${street}, #${String(rng.int(2, 19)).padStart(2, '0')}-${rng.int(10, 480)}, Singapore ${pc}`, true], ['Singapore', false]];
      break;
    case 'ZA':
      variants = [[`${city.name}, ${pc}`, true], [`${city.name}, ${city.state}`, false], [`${num} ${street}, ${city.name}, ${pc}`, true], [`${city.name}, South Africa`, false]];
      break;
  }
  const [raw, hasPc] = rng.pick(variants);
  return { rawInput: raw, city: city.name, state: city.state, stateCode: city.stateCode, country: c.name, countryCode: c.code, postalCode: hasPc ? pc : null };
}

// ------------------------------------------------------------------------------------------- careers

interface RawRole {
  start: YM;
  end: YM | null;
  rank: number;
}

/** Employer blocks, newest first, each with contiguous roles (newest first). */
function careerShape(rng: Rng, totalMonths: number, nEmp: number, current: boolean, yearOnly: boolean): RawRole[][] | null {
  const endIdx = current ? ymIndex(AS_OF) : ymIndex(AS_OF) - rng.int(1, 14);
  const minBlock = yearOnly ? 18 : 9;
  const weights = Array.from({ length: nEmp }, () => 0.5 + rng.next());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const lens = weights.map((w) => Math.max(minBlock, Math.round((w / wsum) * totalMonths)));
  const blocks: RawRole[][] = [];
  let cursor = endIdx;
  let gapUsed = false;
  for (let b = 0; b < nEmp; b++) {
    const len = lens[b]!;
    const blockEnd = cursor;
    const blockStart = blockEnd - len;
    // several roles under one employer when the stint is long enough
    const nRoles = len >= (yearOnly ? 48 : 30) && rng.chance(0.35) ? (len >= 60 && rng.chance(0.4) ? 3 : 2) : 1;
    const roles: RawRole[] = [];
    let rEnd = blockEnd;
    for (let r = 0; r < nRoles; r++) {
      const remaining = nRoles - r;
      const rStart = r === nRoles - 1 ? blockStart : rEnd - Math.max(minBlock, Math.round((rEnd - blockStart) / remaining + rng.int(-4, 4)));
      roles.push({ start: fromIndex(rStart), end: b === 0 && r === 0 && current ? null : fromIndex(rEnd), rank: 0 });
      rEnd = rStart;
    }
    blocks.push(roles);
    const gap = !gapUsed && rng.chance(0.18) ? rng.int(6, 20) : rng.int(0, 2);
    if (gap > 5) gapUsed = true;
    cursor = blockStart - gap;
  }
  // validity: every role at least a month (a year apart when printed as years), nothing before 1985
  for (const roles of blocks) {
    for (const r of roles) {
      const e = r.end ?? AS_OF;
      if (cmp(e, r.start) <= 0) return null;
      if (yearOnly && (r.end ? r.end.y : AS_OF.y) <= r.start.y) return null;
      if (r.start.y < 1985) return null;
    }
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------- build

export interface BuildOptions {
  prefs: BuildPrefs;
  format: Format;
  /** Forces the heading language (else ~15% of documents get foreign headings). */
  headingLang?: Person['headingLang'];
}

export function buildPerson(rng: Rng, opts: BuildOptions): Person {
  const prefs = opts.prefs;
  const country = rng.pick(COUNTRY_CODES);
  const c = COUNTRIES[country];
  const fam = rng.weighted<Family>(FAMILIES.map((f) => [f, f.id === 'academic' ? (prefs.long ? 4 : 0.6) : f.id === 'software' || f.id === 'data' ? 1.4 : 1] as const));
  const female = rng.chance(0.5);
  const nm = pickName(rng, c, female);
  const home = rng.pick(c.cities);
  const dateFmt: DateFmt = chooseDateFmt(rng, country, prefs.dateStyles);
  const yearOnly = dateFmt.style === 'YYYY';

  // ---- career length and shape
  const tier = fam.id === 'academic' ? rng.weighted<string>([['mid', 3], ['senior', 4], ['exec', 2]]) : rng.weighted<string>([['junior', 1.2], ['mid', 4], ['senior', 3.5], ['exec', 1.5]]);
  const totalMonths = tier === 'junior' ? rng.int(yearOnly ? 18 : 5, 26) : tier === 'mid' ? rng.int(36, 108) : tier === 'senior' ? rng.int(108, 216) : rng.int(216, 330);
  // employers come from the family's sectors (universities for academics); never more employers than that pool
  const academicEmployers = c.schools.filter((s) => s.kind === 'uni').map((s) => ({ name: s.name, sectors: ['edu' as const], cities: [s.city] }));
  const pool = fam.id === 'academic' ? academicEmployers : c.employers.filter((e) => e.sectors.some((s) => fam.sectors.includes(s)));
  const [minE, maxE] = prefs.employers ?? [1, 5];
  const natural = tier === 'junior' ? [1, 2] : tier === 'mid' ? [2, 4] : [2, 5];
  const lo = Math.max(minE, natural[0]!);
  const hi = Math.min(pool.length, Math.max(lo, Math.min(maxE, natural[1]!)));
  let nEmp = rng.int(Math.min(lo, hi), hi);
  const current = rng.chance(0.78);
  let blocks: RawRole[][] | null = null;
  for (let t = 0; t < 60 && !blocks; t++) {
    blocks = careerShape(rng, totalMonths, nEmp, current, yearOnly);
    if (!blocks && t % 10 === 9 && nEmp > 1) nEmp--;
  }
  if (!blocks) throw new Error('could not shape a career');

  // ---- titles: a track through the family's ladder, rising over time
  // academic ranks are named differently in North America
  const NA: Record<string, string> = { Lecturer: 'Assistant Professor', 'Senior Lecturer': 'Associate Professor', Reader: 'Professor' };
  const UK: Record<string, string> = { 'Assistant Professor': 'Lecturer', 'Associate Professor': 'Senior Lecturer' };
  const naming = fam.id !== 'academic' ? {} : country === 'US' || country === 'CA' ? NA : UK;
  const ladder = fam.ladder.map((rank) => [...new Set(rank.map((t) => naming[t] ?? t))]);
  const topRank = Math.min(ladder.length - 1, tier === 'junior' ? 0 : tier === 'mid' ? rng.int(1, 2) : tier === 'senior' ? rng.int(2, 3) : rng.int(3, 4));
  const variant = rng.int(0, 5);
  let rank = topRank;
  const used = new Set<string>();
  const lastBlock = blocks.length - 1;
  const titled: Array<Array<RawRole & { title: string }>> = blocks.map((roles, bi) =>
    roles.map((r, ri) => {
      if (bi > 0 || ri > 0) rank = Math.max(0, rank - (ri > 0 ? 1 : rng.chance(0.55) ? 1 : 0));
      const oldest = bi === lastBlock && ri === roles.length - 1;
      // one title track per person; internships only as the very first role
      const options = ladder[rank]!.filter((t) => oldest || !/Intern\b/.test(t));
      let title = options[variant % options.length]!;
      const key = `${bi}:${title}`;
      if (used.has(key)) title = options.find((o) => !used.has(`${bi}:${o}`)) ?? title;
      used.add(`${bi}:${title}`);
      return { ...r, rank, title };
    }),
  );

  // ---- skills (tools named in bullets always come from here)
  const tools = rng.sample(fam.tools, rng.int(3, prefs.long ? 9 : 8));
  const methods = rng.sample(fam.methods, rng.int(2, 6));
  const soft = rng.sample(fam.soft, rng.int(1, 4));
  let skills: Skill[] = [
    ...tools.map((name) => ({ name, level: rng.int(2, 5), group: 'tools' as const })),
    ...methods.map((name) => ({ name, level: rng.int(2, 5), group: 'methods' as const })),
    ...soft.map((name) => ({ name, level: rng.int(3, 5), group: 'soft' as const })),
  ];
  skills = skills.slice(0, 20);
  while (skills.length < 6) {
    const extra = fam.methods.find((m) => !skills.some((s) => s.name === m));
    if (!extra) break;
    skills.push({ name: extra, level: 3, group: 'methods' });
  }
  if (rng.chance(0.5)) skills = rng.shuffle(skills);

  // ---- employers
  const jobLocMode = rng.weighted<'city' | 'city-country' | 'none'>([['city', 5], ['city-country', 2], ['none', 2]]);
  const chosen = rng.sample(pool, titled.length);
  const [bMin, bMax] = prefs.bullets ?? [2, 5];
  const employers: Employer[] = titled.map((roles, bi) => {
    const emp = chosen[bi]!;
    const location = jobLocMode === 'none' ? null : cityPlace(rng, rng.pick(emp.cities), c, jobLocMode === 'city-country');
    return {
      org: emp.name,
      location,
      roles: roles.map((r): Role => {
        const span = fmtRange(r.start, r.end, dateFmt);
        const nb = Math.max(1, rng.int(bMin, bMax) - (r.rank === 0 ? 1 : 0) - (bi >= 3 ? 1 : 0));
        // entry-level roles do not lead or mentor teams
        const usable = fam.bullets.filter((b) => usableBullet(b, tools));
        const junior = usable.filter((b) => !/^(Led|Mentored|Managed|Supervised|Coached|Secured)\b|\{team\} (engineers|planners|marketers|accounts)/.test(b));
        const pool = r.rank === 0 && junior.length >= 2 ? junior : usable;
        const bullets = rng.sample(pool, nb).map((b) => fillBullet(rng, b, tools, country));
        return { title: r.title, span: { start: yearOnly ? { y: r.start.y, m: 1 } : r.start, end: r.end ? (yearOnly ? { y: r.end.y, m: 1 } : r.end) : null, current: r.end === null, yearOnly, ...span }, bullets };
      }),
    };
  });
  const careerStart = titled[titled.length - 1]![titled[titled.length - 1]!.length - 1]!.start;
  const profession = employers[0]!.roles[0]!.title;

  // ---- education (newest first)
  const subject = rng.pick(fam.subjects);
  const levels: Level[] = [];
  const highest: Level =
    fam.id === 'academic' ? 'doctoral'
    : rng.weighted<Level>([['bachelors', 10], ['masters', tier === 'junior' ? 2 : 5], ['certificate', fam.id === 'nursing' || fam.id === 'logistics' ? 3 : 1.5], ['associates', country === 'US' ? 1.2 : 0], ['doctoral', fam.id === 'data' ? 0.8 : 0.15]]);
  if (highest === 'doctoral') levels.push('doctoral', ...(rng.chance(0.7) ? (['masters', 'bachelors'] as Level[]) : (['bachelors'] as Level[])));
  else if (highest === 'masters') levels.push('masters', ...(rng.chance(0.85) ? (['bachelors'] as Level[]) : []));
  else if (highest === 'bachelors') levels.push('bachelors', ...(rng.chance(country === 'IN' ? 0.5 : 0.15) ? (['high school'] as Level[]) : []));
  else levels.push(highest, ...(rng.chance(0.6) ? (['high school'] as Level[]) : []));
  const eduYearOnly = yearOnly || rng.chance(0.55);
  const eduMode = rng.weighted<'range' | 'end'>([['range', 6], ['end', 4]]);
  const eduLoc = rng.chance(0.45);
  const studying = tier === 'junior' && rng.chance(0.3);
  const education: Education[] = [];
  // walk backwards from the start of the career
  let anchor: YM = { y: careerStart.y, m: careerStart.m };
  const durations: Record<Level, [number, number]> = { doctoral: [3, 5], masters: [1, 2], bachelors: [3, 4], associates: [2, 2], certificate: [1, 2], 'high school': [2, 2] };
  const usedSchools = new Set<string>();
  levels.forEach((lvl, i) => {
    const kind: SchoolInfo['kind'] = lvl === 'high school' ? 'school' : lvl === 'certificate' || lvl === 'associates' ? 'college' : 'uni';
    const options = c.schools.filter((s) => s.kind === kind && !usedSchools.has(s.name));
    const school = rng.pick(options.length ? options : c.schools.filter((s) => s.kind === 'uni'));
    usedSchools.add(school.name);
    const { degree, grade } = degreeName(rng, country, lvl, subject, fam);
    let end: YM;
    let cur = false;
    let partTime = false;
    if (i === 0 && studying) {
      end = { y: AS_OF.y + rng.int(0, 1) + (AS_OF.m > 6 ? 1 : 0), m: rng.pick([5, 6, 7]) };
      cur = true;
    } else if (i === 0 && lvl === 'masters' && tier !== 'junior' && rng.chance(0.3) && totalMonths > 60) {
      // a part-time master's / MBA during the career
      end = fromIndex(ymIndex(careerStart) + rng.int(24, Math.min(totalMonths - 6, 120)));
      partTime = true;
    } else {
      end = fromIndex(ymIndex(anchor) - rng.int(0, 3));
      end = { y: end.y, m: rng.pick([5, 6, 7, 11, 12]) };
      if (ymIndex(end) > ymIndex(anchor)) end = { y: end.y - 1, m: end.m };
    }
    const [d0, d1] = durations[lvl];
    const years = rng.int(d0, d1);
    const start: YM = { y: end.y - years, m: rng.pick([8, 9, 10]) };
    if (!cur && start.y >= end.y) start.y = end.y - 1;
    if (!partTime) anchor = start;
    const yo = eduYearOnly;
    const sTxt = fmtYM(start, yo ? 'YYYY' : dateFmt.style);
    const eTxt = fmtYM(end, yo ? 'YYYY' : dateFmt.style);
    const mode = cur ? 'expected' : lvl === 'high school' && rng.chance(0.5) ? 'end' : eduMode;
    const sep = dateFmt.sep;
    const expected = rng.pick([`Expected ${eTxt}`, `${sTxt}${sep}${eTxt} (expected)`, `Expected graduation: ${eTxt}`]);
    const text = mode === 'expected' ? expected : mode === 'end' ? eTxt : `${sTxt}${sep}${eTxt}`;
    const printsStart = mode === 'range' || (mode === 'expected' && expected.startsWith(`${sTxt}${sep}`));
    const loc = eduLoc ? cityPlace(rng, school.city, c, rng.chance(0.3)) : null;
    education.push({
      org: school.name,
      degree,
      level: lvl,
      grade,
      location: loc,
      span: { start: printsStart ? (yo ? { y: start.y, m: 1 } : start) : null, end: yo ? { y: end.y, m: 1 } : end, current: cur, yearOnly: yo, text },
    });
  });

  // ---- name with academic titles
  let title: string | null = null;
  const nameParts = [nm.first, nm.middle, nm.last].filter(Boolean) as string[];
  let raw = nameParts.join(' ');
  if (levels[0] === 'doctoral' && rng.chance(0.6)) {
    const form = rng.pick(['Dr', 'Dr.', 'PhD']);
    if (form === 'PhD') raw = `${raw}, PhD`;
    else {
      title = form;
      raw = `${form} ${raw}`;
    }
  }

  // ---- contact
  const fa = ascii(nm.first);
  const la = ascii(nm.last);
  const yy = String(rng.int(70, 99));
  const local = rng.weighted<string>([[`${fa}.${la}`, 5], [`${fa[0]}.${la}`, 2], [`${fa}${la}${yy}`, 2], [`${la}.${fa}`, 1], [`${fa}_${la}`, 1], [`${fa}${la[0]}`, 1]]);
  const emails = [`${local}@${rng.pick(c.domains)}`];
  const websites: Website[] = [];
  const slug = rng.weighted<string>([[`${fa}-${la}`, 4], [`${fa}${la}`, 2], [`${fa}-${la}-${rng.int(100, 999).toString(16)}`, 2], [`${fa[0]}${la}`, 1]]);
  if (rng.chance(0.6)) websites.push({ kind: 'linkedin', printed: rng.weighted<string>([[`linkedin.com/in/${slug}`, 5], [`www.linkedin.com/in/${slug}`, 3], [`https://www.linkedin.com/in/${slug}`, 2], [`https://linkedin.com/in/${slug}/`, 1]]) });
  if ((fam.id === 'software' || fam.id === 'data') && rng.chance(0.55)) websites.push({ kind: 'github', printed: rng.pick([`github.com/${fa[0]}${la}`, `github.com/${fa}${la}`, `https://github.com/${fa}-${la}`]) });
  if ((fam.id === 'design' && rng.chance(0.8)) || rng.chance(0.06)) {
    const site = rng.pick([`${fa}${la}.com`, `${fa}${la}.design`, `www.${fa}-${la}.com`, `${fa}${la}.dev`]);
    websites.push({ kind: 'portfolio', printed: site });
    if (rng.chance(0.3)) emails[0] = `hello@${site.replace(/^www\./, '')}`;
  }
  if (fam.id === 'academic' && rng.chance(0.6)) websites.push({ kind: 'scholar', printed: rng.pick([`orcid.org/0000-000${rng.int(1, 3)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`, `scholar.google.com/citations?user=${ascii(nm.last).slice(0, 4)}${rng.int(1000, 9999)}AAAAJ`]) });
  if (rng.chance(0.06)) emails.push(`${fa}.${la}@${rng.pick(c.domains.filter((d) => !emails[0]!.endsWith(d)))}`);
  const phones = [makePhone(rng, country, home, true)];
  if (rng.chance(0.12)) phones.push(makePhone(rng, country, home, false));

  const location = rng.chance(0.92) ? homeLocation(rng, c, home) : null;

  // ---- date of birth (European-style CVs, common in India)
  const dobP: Record<CountryCode, number> = { DE: 0.45, FR: 0.35, IN: 0.35, ZA: 0.15, SG: 0.1, GB: 0.04, AU: 0.04, US: 0.02, CA: 0.03 };
  let dob: Person['dob'] = null;
  let nationality: string | null = null;
  if (rng.chance(dobP[country])) {
    // age when the earliest printed qualification was completed
    const AGE: Record<Level, number> = { 'high school': 18, certificate: 20, associates: 20, bachelors: 22, masters: 24, doctoral: 28 };
    const earliest = education[education.length - 1];
    const by = earliest?.span.end ? earliest.span.end.y - AGE[earliest.level] - rng.int(0, 1) : careerStart.y - 22 - rng.int(0, 2);
    const bm = rng.int(1, 12);
    const bd = rng.int(1, 28);
    const iso = `${by}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
    const dd = String(bd).padStart(2, '0');
    const mm = String(bm).padStart(2, '0');
    const LONGM = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const printed = country === 'DE' ? rng.pick([`${dd}.${mm}.${by}`, `${bd} ${LONGM[bm - 1]} ${by}`]) : country === 'FR' ? rng.pick([`${dd}/${mm}/${by}`, `${bd} ${LONGM[bm - 1]} ${by}`]) : country === 'US' ? `${LONGM[bm - 1]} ${bd}, ${by}` : rng.pick([`${dd}/${mm}/${by}`, `${bd} ${LONGM[bm - 1]} ${by}`, iso, `${dd}-${mm}-${by}`]);
    dob = { iso, printed };
    if (rng.chance(0.5)) nationality = c.nationality;
  }

  // ---- languages
  const languages: Language[] = [];
  {
    const levelStyle = rng.weighted<'none' | 'cefr' | 'words' | 'paren'>([['none', 2], ['cefr', 3], ['words', 4], ['paren', 2]]);
    const native = country === 'DE' ? 'German' : country === 'FR' ? 'French' : country === 'IN' ? 'Hindi' : null;
    const list: string[] = [];
    if (native && !(country === 'IN' && rng.chance(0.3))) list.push(native);
    list.push('English');
    const extra = rng.int(0, 2);
    for (let i = 0; i < extra; i++) {
      const l = rng.weighted(c.languages);
      if (!list.includes(l) && !(l === 'Cantonese' && list.includes('Mandarin')) && !(l === 'Mandarin' && list.includes('Cantonese'))) list.push(l);
    }
    const nativeIdx = country === 'US' || country === 'GB' || country === 'AU' || country === 'CA' || country === 'ZA' || country === 'SG' ? list.indexOf('English') : 0;
    list.slice(0, 4).forEach((name, i) => {
      const lvl = i === nativeIdx ? 5 : name === 'English' ? rng.int(4, 5) : rng.int(2, 4);
      const cefr = lvl === 5 ? rng.pick(['Native', 'C2']) : lvl === 4 ? 'C1' : lvl === 3 ? 'B2' : 'A2';
      const word = lvl === 5 ? (i === nativeIdx ? rng.pick(['Native', 'Mother tongue', 'native']) : 'Fluent') : lvl === 4 ? rng.pick(['Fluent', 'Professional working proficiency', 'fluent']) : lvl === 3 ? rng.pick(['Conversational', 'Intermediate', 'good']) : rng.pick(['Basic', 'Elementary', 'basic']);
      const levelText = levelStyle === 'none' ? null : levelStyle === 'cefr' ? cefr : word;
      languages.push({ name, code: LANGUAGE_CODES[name] ?? 'xx', levelText, level: lvl });
    });
  }

  // ---- certifications
  const certifications: Certification[] = [];
  if (rng.chance(prefs.long ? 0.75 : 0.5)) {
    const pool2 = [...fam.certs, ...(fam.localCerts?.[country] ?? [])];
    const certStyle = rng.weighted<'plain' | 'year' | 'comma'>([['plain', 4], ['year', 3], ['comma', 2]]);
    for (const name of rng.sample(pool2, rng.int(1, Math.min(4, pool2.length)))) {
      const year = rng.int(Math.max(careerStart.y, 2012), 2026);
      certifications.push({ name, printed: certStyle === 'plain' ? name : certStyle === 'year' ? `${name} (${year})` : `${name}, ${year}` });
    }
  }

  // ---- publications
  const publications: string[] = [];
  const discipline = fam.id === 'academic' ? subject : 'Public Health';
  if (fam.id === 'academic' || (levels[0] === 'doctoral' && rng.chance(0.5))) {
    const style = rng.pick(['apa', 'vancouver', 'harvard'] as const);
    const n = fam.id === 'academic' ? rng.int(3, prefs.long ? 8 : 6) : rng.int(1, 2);
    const topics = PUB_TOPICS[discipline] ?? PUB_TOPICS['Public Health']!;
    const journals = JOURNALS[discipline] ?? JOURNALS['Public Health']!;
    let year = 2026 - rng.int(0, 2);
    for (let i = 0; i < n; i++) {
      const co = rng.sample(COUNTRY_CODES.flatMap((k) => COUNTRIES[k].last), rng.int(1, 3)).map((l) => ({ l, i: String.fromCharCode(65 + rng.int(0, 25)) }));
      const me = { l: nm.last, i: nm.first[0]! };
      const authors = rng.shuffle([me, ...co]);
      const t = rng.pick(topics) + (rng.chance(0.5) ? `: ${rng.pick(['a cohort study', 'evidence from three sites', 'a randomised trial', 'new methods', 'a systematic review', 'a longitudinal analysis'])}` : '');
      const j = rng.pick(journals);
      const vol = rng.int(8, 140);
      const iss = rng.int(1, 12);
      const p1 = rng.int(10, 900);
      const p2 = p1 + rng.int(8, 20);
      let cite: string;
      if (style === 'apa') cite = `${authors.map((a) => `${a.l}, ${a.i}.`).join(', ').replace(/, ([^,]+,[^,]+)$/, ', & $1')} (${year}). ${t}. ${j}, ${vol}(${iss}), ${p1}–${p2}.`;
      else if (style === 'vancouver') cite = `${authors.map((a) => `${a.l} ${a.i}`).join(', ')}. ${t}. ${j}. ${year};${vol}(${iss}):${p1}-${p2}.`;
      else cite = `${authors.map((a) => `${a.l}, ${a.i}.`).join(', ').replace(/, ([^,]+,[^,]+)$/, ' and $1')} (${year}) '${t}', ${j}, ${vol}(${iss}), pp. ${p1}–${p2}.`;
      publications.push(cite);
      year -= rng.int(0, 2);
    }
  }

  // ---- referees
  const referees: Referee[] = [];
  const refP = fam.id === 'academic' ? 0.7 : country === 'AU' || country === 'ZA' || country === 'GB' ? 0.3 : 0.12;
  if (rng.chance(prefs.long ? Math.min(0.9, refP + 0.3) : refP)) {
    const n = rng.int(2, 3);
    for (let i = 0; i < n; i++) {
      const emp = employers[Math.min(employers.length - 1, i)]!;
      const rf = rng.chance(0.5);
      const first = rng.pick(rf ? c.first.f : c.first.m);
      const last = rng.pick(c.last.filter((l) => l !== nm.last));
      const pre = fam.id === 'academic' ? rng.pick(['Prof. ', 'Dr ', 'Professor ']) : '';
      const name = `${pre}${first} ${last}`;
      const position = fam.id === 'academic' ? rng.pick([`Professor of ${subject}`, `Head of Department, ${subject}`, `Reader in ${subject}`]) : rng.pick(['Line Manager', 'Director of Operations', 'Team Lead', 'Head of Department', 'Senior Manager', 'Chief Financial Officer', 'Engineering Director']);
      const dom = `${ascii(emp.org.split(/[ (–-]/)[0]!) || 'mail'}.${country === 'GB' ? 'co.uk' : country === 'US' ? 'com' : country === 'AU' ? 'com.au' : country === 'ZA' ? 'co.za' : country === 'SG' ? 'com.sg' : country === 'IN' ? 'co.in' : country === 'CA' ? 'ca' : country === 'DE' ? 'de' : 'fr'}`;
      const email = `${ascii(first)}.${ascii(last)}@${dom}`;
      const phone = makePhone(rng, country, rng.pick(c.cities), rng.chance(0.4)).printed;
      const lines = rng.chance(0.6) ? [name, `${position}, ${emp.org}`, email, phone] : [name, position, emp.org, `${email} | ${phone}`];
      referees.push({ name, email, phone, position, org: emp.org, lines });
    }
  }

  // ---- summary / objective
  const years = Math.max(1, Math.floor(totalYears(employers.flatMap((e) => e.roles.map((r) => ({ start: r.span.start, end: r.span.end, yearOnly: r.span.yearOnly }))))));
  let summary: Person['summary'] = null;
  if (rng.chance(0.8)) {
    if (tier === 'junior' && rng.chance(0.65)) summary = { kind: 'objective', text: rng.pick(fam.objectives) };
    else summary = { kind: 'summary', text: rng.pick(fam.summaries).replace(/\{title\}/g, profession).replace(/\{years\}/g, String(years)).replace(/\b1 years\b/, '1 year') };
  }

  // ---- headings
  const headingLang = opts.headingLang ?? (rng.chance(0.15) ? rng.pick(HEADING_LANGS) : 'en');
  const casing = rng.weighted<Casing>([['title', 5], ['upper', 3.5], ['sentence', 1.5]]);
  const headings = chooseHeadings(rng, headingLang, summary?.kind === 'objective', casing, fam.id === 'academic');

  const groupLabels: Person['skillGroupLabels'] = {
    tools: rng.pick(['Tools', 'Technologies', 'Software', 'Platforms', 'Tools & Platforms']),
    methods: rng.pick(['Methods', 'Core', 'Professional', 'Practices', 'Domain']),
    soft: rng.pick(['Soft Skills', 'Interpersonal', 'Personal Strengths']),
  };

  return {
    country,
    locale: c.locale,
    name: { raw, first: nm.first, middle: nm.middle, last: nm.last, title },
    headline: profession,
    emails,
    phones,
    websites,
    dob,
    nationality,
    location,
    summary,
    employers,
    education,
    skills,
    skillGroupLabels: groupLabels,
    languages,
    certifications,
    publications,
    referees,
    headingLang,
    headings,
    pageSize: country === 'US' || country === 'CA' ? 'Letter' : 'A4',
    family: fam.id,
  };
}
