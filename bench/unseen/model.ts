/**
 * The printed model of one résumé. Every string here is exactly what a template prints, so the ground truth
 * (truth.ts) is derived from the same values the document shows.
 */

import type { Rng } from './rng.ts';

export type CountryCode = 'US' | 'GB' | 'AU' | 'IN' | 'CA' | 'DE' | 'FR' | 'SG' | 'ZA';
export type SectionType = 'PersonalDetails' | 'Summary' | 'WorkExperience' | 'Education' | 'Skills' | 'Languages' | 'Certifications' | 'Publications' | 'Referees';
export type Level = 'high school' | 'certificate' | 'associates' | 'bachelors' | 'masters' | 'doctoral';
export type Format = 'pdf' | 'docx' | 'txt';
export type HeadingLang = 'en' | 'fr' | 'de' | 'es' | 'pt' | 'it' | 'nl';

/** A month (m 1-12). */
export interface YM {
  y: number;
  m: number;
}

/** A printed period of a role. */
export interface RoleSpan {
  start: YM;
  /** null when current. */
  end: YM | null;
  current: boolean;
  /** Printed as years only: dates become YYYY-01-01 in the truth. */
  yearOnly: boolean;
  /** The whole range as printed ("Mar 2019 – Present", "Since 2021"). */
  text: string;
  /** The two halves as printed, for layouts that show them apart ("Since 2021" has no end text). */
  startText: string;
  endText: string | null;
}

export interface EduSpan {
  start: YM | null;
  end: YM | null;
  current: boolean;
  yearOnly: boolean;
  /** As printed: "2014 – 2018", "2018", "Expected Jun 2027", "09/2015 – 07/2018". */
  text: string;
}

export interface Place {
  rawInput: string;
  city: string;
  country: string;
}

export interface Role {
  title: string;
  span: RoleSpan;
  bullets: string[];
}

/** One employer and the roles held there (most recent first). Several roles = "company once, titles below". */
export interface Employer {
  org: string;
  location: Place | null;
  roles: Role[];
}

export interface Education {
  org: string;
  degree: string;
  level: Level;
  grade: { raw: string; metric: string; value: string } | null;
  location: Place | null;
  span: EduSpan;
}

export interface Phone {
  printed: string;
  e164: string;
  /** Printed before the number by some layouts ("Mobile"), never part of `printed`. */
  label: string;
}

export interface Website {
  printed: string;
  kind: 'linkedin' | 'github' | 'portfolio' | 'scholar';
}

export interface Skill {
  name: string;
  /** 1-5, for bar/dot layouts. */
  level: number;
  group: 'tools' | 'methods' | 'soft';
}

export interface Language {
  name: string;
  code: string;
  /** "Native", "C1", "fluent" ... or null when printed without a level. */
  levelText: string | null;
  /** 1-5, for dot layouts. */
  level: number;
}

export interface Certification {
  name: string;
  /** As printed, e.g. "PRINCE2 Practitioner — AXELOS, 2021". */
  printed: string;
}

export interface Referee {
  name: string;
  email: string;
  phone: string;
  position: string;
  org: string;
  /** The lines as printed. */
  lines: string[];
}

export interface Person {
  country: CountryCode;
  locale: string;
  name: { raw: string; first: string; middle: string | null; last: string; title: string | null };
  headline: string;
  emails: string[];
  phones: Phone[];
  websites: Website[];
  dob: { iso: string; printed: string } | null;
  nationality: string | null;
  location: { rawInput: string; city: string; state: string | null; stateCode: string | null; country: string; countryCode: CountryCode; postalCode: string | null } | null;
  summary: { kind: 'summary' | 'objective'; text: string } | null;
  employers: Employer[];
  education: Education[];
  skills: Skill[];
  /** Names of the skill groups as printed by grouping layouts. */
  skillGroupLabels: Record<Skill['group'], string>;
  languages: Language[];
  certifications: Certification[];
  publications: string[];
  referees: Referee[];
  headingLang: HeadingLang;
  /** The printed wording of each section heading. */
  headings: Record<SectionType, string>;
  pageSize: 'A4' | 'Letter';
  family: string;
}

/**
 * What a template produces; `sections` lists the section types in printed order (left column first).
 * `nameRaw` is set when the layout prints the name differently from `Person.name.raw` (e.g. in capitals).
 */
export type Rendered = (
  | { kind: 'html'; html: string; header?: string; footer?: string; margin?: { top: string; bottom: string; left: string; right: string } }
  | { kind: 'docx'; buffer: () => Promise<Buffer> }
  | { kind: 'txt'; text: string }
) & { sections: SectionType[]; nameRaw?: string };

/** Options a template gives the person builder. */
export interface BuildPrefs {
  /** Number of employers [min, max]. */
  employers?: [number, number];
  bullets?: [number, number];
  /** Richer documents (multi-page). */
  long?: boolean;
  /** Date styles this layout likes (defaults to all). */
  dateStyles?: DateStyle[];
}

export type DateStyle = 'MMM YYYY' | 'MMMM YYYY' | 'MMM. YYYY' | 'MM/YYYY' | 'MM.YYYY' | 'YYYY-MM' | 'YYYY';

export interface Template {
  id: string;
  format: Format;
  /** One line: what the layout looks like. */
  description: string;
  prefs: BuildPrefs;
  render(p: Person, rng: Rng): Rendered;
}
