/**
 * The search projection: what search needs of one parsed résumé, normalised once when the résumé joins an
 * index (or its data is patched) so a search over thousands only parses small JSON and compares keys. Titles
 * are word keys (knowledge/job-titles.ts), skills taxonomy ids, languages ISO 639-1 codes, places folded
 * names and coordinates, occupations UK SOC 2010 codes with every group above them. Pure.
 */
import type { ResumeData } from '../../affinda/types.ts';
import { titleKey, titleWords, withoutLevels } from '../../knowledge/job-titles.ts';
import type { ManagementLevel } from '../../knowledge/management-level.ts';
import { skillByName, skillKey } from '../../knowledge/skill-taxonomy.ts';
import { socGroup } from '../../knowledge/soc.ts';
import { geoKey } from '../../knowledge/geo.ts';
import { findLanguages } from '../../pipeline/understand/languages.ts';

/** Bump when the shape or the normalisation changes: older projections are rebuilt when read. */
export const PROJECTION_VERSION = 1;

export interface ProjectedJob {
  /** As printed. */
  title: string;
  /** titleKey of all its words, and of its words without rank ("senior", "ii"…). */
  key: string;
  core: string;
  /** titleKey of the taxonomy's name for it, when known. */
  normalized: string | null;
  /** UK SOC 2010 unit group. */
  soc: number | null;
  /** The job the candidate holds now (or, when none is marked current, the latest one). */
  current: boolean;
  level: ManagementLevel | null;
  organization: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface ProjectedEducation {
  level: string | null;
  /** Folded text of the qualification (education, printed and matched strings). */
  degree: string;
  degreeShown: string | null;
  institution: string;
  current: boolean;
  completion: string | null;
}

export interface SearchProjection {
  name: string | null;
  /** Most recent first. */
  jobs: ProjectedJob[];
  years: number | null;
  location: {
    formatted: string | null;
    /** Folded city, state (name and code), country (name and code). */
    places: string[];
    latitude: number | null;
    longitude: number | null;
  } | null;
  /** Taxonomy id, or `name:` + the skill key for names the taxonomy lacks. */
  skills: { key: string; name: string }[];
  /** ISO 639-1 codes, or `name:` + the folded name. */
  languages: { key: string; name: string }[];
  education: ProjectedEducation[];
  /** Units of every job with their minor, sub-major and major groups, current job's first. */
  soc: { current: number[]; all: number[] };
  managementLevel: ManagementLevel | null;
}

/** Folded for comparisons: lower case, accents stripped, punctuation to spaces, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

export function titleKeys(title: string): { key: string; core: string } {
  const words = titleWords(title);
  return { key: titleKey(words), core: titleKey(withoutLevels(words)) };
}

/** A skill name as search compares it: the taxonomy's id when it knows the name, else its words. */
export function skillSearchKey(name: string): string {
  return skillByName(name)?.id ?? `name:${skillKey(name)}`;
}

/** A language name or code as search compares it: its ISO 639-1 code when known. */
export function languageSearchKey(name: string): string {
  const trimmed = name.trim();
  if (/^[a-z]{2}(-[a-z]{2})?$/i.test(trimmed)) return trimmed.slice(0, 2).toLowerCase();
  return findLanguages(trimmed)[0]?.code ?? `name:${fold(trimmed)}`;
}

/** A SOC code with the groups above it: 2136 → [2136, 213, 21, 2]. */
export function socWithParents(code: number): number[] {
  const out: number[] = [];
  for (let g = socGroup(code); g; g = g.parent) out.push(g.code);
  return out.length ? out : [code];
}

const LEVELS: Record<string, ManagementLevel> = { None: 'None', Low: 'Low', Mid: 'Mid', Upper: 'Upper' };

export function projectResume(data: ResumeData): SearchProjection {
  const dated = (data.workExperience ?? []).filter((w) => w.jobTitle?.trim());
  // Most recent first: current jobs, then by end and start date; undated jobs keep the printed order.
  const order = dated
    .map((w, i) => ({ w, i }))
    .sort((a, b) => {
      const current = Number(!!b.w.dates?.isCurrent) - Number(!!a.w.dates?.isCurrent);
      if (current) return current;
      const end = (b.w.dates?.endDate ?? '').localeCompare(a.w.dates?.endDate ?? '');
      if (end) return end;
      const start = (b.w.dates?.startDate ?? '').localeCompare(a.w.dates?.startDate ?? '');
      return start || a.i - b.i;
    })
    .map(({ w }) => w);
  const anyCurrent = order.some((w) => w.dates?.isCurrent);
  const jobs: ProjectedJob[] = order.map((w, i) => {
    const title = w.jobTitle!.trim();
    const normalizedTitle = w.occupation?.jobTitleNormalized;
    const soc = w.occupation?.classification?.socCode ?? (w.socCode && /^\d+$/.test(w.socCode) ? Number(w.socCode) : null);
    return {
      title,
      ...titleKeys(title),
      normalized: normalizedTitle ? titleKey(titleWords(normalizedTitle)) : null,
      soc,
      current: anyCurrent ? !!w.dates?.isCurrent : i === 0,
      level: LEVELS[w.occupation?.managementLevel ?? ''] ?? null,
      organization: w.organization,
      startDate: w.dates?.startDate ?? null,
      endDate: w.dates?.endDate ?? null,
    };
  });

  const loc = data.location;
  const places = loc ? [loc.city, loc.state, loc.stateCode, loc.country, loc.countryCode].filter((p): p is string => !!p?.trim()).map(geoKey) : [];

  const skills = new Map<string, string>();
  // By name, not emsiId: data uploads carry other vendors' ids, and the taxonomy gives a name its id anyway.
  for (const s of data.skills ?? []) if (s.name?.trim()) skills.set(skillSearchKey(s.name), s.name);
  const languages = new Map<string, string>();
  (data.languages ?? []).forEach((name) => name?.trim() && languages.set(languageSearchKey(name), name));
  for (const code of data.languageCodes ?? []) if (code && ![...languages.keys()].includes(code)) languages.set(code.toLowerCase(), code);

  const education: ProjectedEducation[] = (data.education ?? []).map((e) => {
    const a = e.accreditation;
    return {
      level: a?.educationLevel ?? null,
      degree: fold([a?.education, a?.inputStr, a?.matchStr].filter(Boolean).join(' ')),
      degreeShown: a?.education || a?.inputStr || null,
      institution: fold(e.organization ?? ''),
      current: !!e.dates?.isCurrent,
      completion: e.dates?.completionDate ?? null,
    };
  });

  const currentSoc = new Set<number>();
  const allSoc = new Set<number>();
  for (const job of jobs) {
    if (job.soc == null) continue;
    for (const code of socWithParents(job.soc)) {
      if (job.current) currentSoc.add(code);
      allSoc.add(code);
    }
  }

  return {
    name: data.name?.raw?.trim() || null,
    jobs,
    years: typeof data.totalYearsExperience === 'number' ? data.totalYearsExperience : null,
    location: loc ? { formatted: loc.formatted ?? (loc.rawInput || null), places, latitude: loc.latitude ?? null, longitude: loc.longitude ?? null } : null,
    skills: [...skills].map(([key, name]) => ({ key, name })),
    languages: [...languages].map(([key, name]) => ({ key, name })),
    education,
    soc: { current: [...currentSoc], all: [...allSoc] },
    managementLevel: jobs.find((j) => j.current)?.level ?? null,
  };
}

/** The raw text as search expressions read it. */
export function searchText(data: ResumeData): string {
  return fold(data.rawText ?? '');
}
