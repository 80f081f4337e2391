/**
 * Scores a résumé's search projection against search criteria: each criterion 0–1, the overall score their
 * weighted mean, and whether every required criterion holds. Criteria are prepared once per search (query
 * titles looked up in the taxonomy, places geocoded, expressions parsed), then `scoreResume` runs once per
 * candidate: pure comparisons of keys and numbers, no I/O.
 */
import { occupationOf } from '../../knowledge/occupations.ts';
import { titleKey, titleWords } from '../../knowledge/job-titles.ts';
import { countryByName, countryByCode, geoKey, subdivisionsByCode, subdivisionsByName, townsByName } from '../../knowledge/geo.ts';
import { educationLevel } from '../../knowledge/degrees.ts';
import type { ManagementLevel } from '../../knowledge/management-level.ts';
import { socGroup } from '../../knowledge/soc.ts';
import { evaluate, parseExpression, positiveTerms, hasTerm, type Expr } from './expression.ts';
import type { LocationCriterion, SearchCriteria, SearchEducationLevel } from './params.ts';
import { fold, languageSearchKey, skillSearchKey, titleKeys, type ProjectedJob, type SearchProjection } from './projection.ts';

export const CRITERIA = ['jobTitle', 'managementLevel', 'experience', 'skills', 'languages', 'location', 'education', 'occupationGroup', 'searchExpression'] as const;
export type CriterionName = (typeof CRITERIA)[number];

/** Affinda's labels of the result components. */
export const LABELS: Record<CriterionName, string> = {
  jobTitle: 'Job Title',
  managementLevel: 'Management level',
  experience: 'Experience',
  skills: 'Skills',
  languages: 'Languages',
  location: 'Location',
  education: 'Education',
  occupationGroup: 'Occupation group',
  searchExpression: 'Search expression',
};

export interface PreparedTitle {
  title: string;
  key: string;
  core: string;
  coreWords: string[];
  normalized: string | null;
  soc: number | null;
}

export interface PreparedPlace extends LocationCriterion {
  /** Where the place is, given or geocoded; null when only its name can be compared. */
  point: { latitude: number; longitude: number } | null;
  /** A country asked for by name ("Germany"): matched by the résumé's country. */
  countryCode: string | null;
  folded: string;
}

export interface PreparedCriteria {
  criteria: SearchCriteria;
  titles: PreparedTitle[];
  places: PreparedPlace[];
  skills: { name: string; key: string; required: boolean }[];
  languages: { name: string; key: string; required: boolean }[];
  degrees: { name: string; folded: string; level: string | null }[];
  institutions: { name: string; folded: string }[];
  expression: Expr | null;
  expressionTerms: string[];
}

export function prepareCriteria(criteria: SearchCriteria): PreparedCriteria {
  const titles = (criteria.jobTitles?.titles ?? []).map((title): PreparedTitle => {
    const occupation = occupationOf(title);
    const keys = titleKeys(title);
    return {
      title,
      ...keys,
      coreWords: keys.core.split(' ').filter(Boolean),
      normalized: occupation ? titleKey(titleWords(occupation.normalized)) : null,
      soc: occupation?.soc ?? null,
    };
  });
  const expression = criteria.searchExpression ? parseExpression(criteria.searchExpression.expression) : null;
  return {
    criteria,
    titles,
    places: (criteria.locations?.places ?? []).map(preparePlace),
    skills: (criteria.skills?.skills ?? []).map((s) => ({ ...s, key: skillSearchKey(s.name) })),
    languages: (criteria.languages?.languages ?? []).map((l) => ({ ...l, key: languageSearchKey(l.name) })),
    degrees: (criteria.education?.degrees ?? []).map((d) => ({ name: d, folded: fold(d), level: educationLevel(d) })),
    institutions: (criteria.education?.institutions ?? []).map((i) => ({ name: i, folded: fold(i) })),
    expression,
    expressionTerms: expression ? positiveTerms(expression) : [],
  };
}

/**
 * A place name → coordinates: "Portland, OR", "Munich, Germany", "Sydney" (the most populous town of the
 * name, within the state or country the rest of the name gives); a country alone is matched by country.
 */
export function preparePlace(place: LocationCriterion): PreparedPlace {
  const base = { ...place, point: null, countryCode: null, folded: geoKey(place.name) };
  if (place.latitude != null && place.longitude != null) return { ...base, point: { latitude: place.latitude, longitude: place.longitude } };
  const parts = place.name.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return base;
  if (parts.length === 1) {
    const country = countryByName(parts[0]!) ?? (parts[0]!.length === 2 ? countryByCode(parts[0]!.toUpperCase()) : null);
    if (country) return { ...base, countryCode: country.code };
  }
  let towns = townsByName(parts[0]!);
  for (const qualifier of parts.slice(1)) {
    const country = countryByName(qualifier) ?? (qualifier.length === 2 ? countryByCode(qualifier.toUpperCase()) : null);
    const states = [...subdivisionsByCode(qualifier), ...subdivisionsByName(qualifier)];
    const narrowed = towns.filter(
      (t) => (country && t.country === country.code) || states.some((s) => s.country === t.country && (s.code === t.admin || geoKey(s.name) === geoKey(t.admin))),
    );
    if (narrowed.length) towns = narrowed;
  }
  const town = towns[0];
  return town ? { ...base, point: { latitude: town.latitude, longitude: town.longitude } } : base;
}

/** Great-circle distance in km. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface CriterionScore {
  /** 0–1. */
  score: number;
  /** The criterion holds (what `…Required` demands). */
  match: boolean;
  /** What the résumé shows for it, as Affinda's result components print it. */
  value: string;
}

export interface ResumeScore {
  score: number;
  passes: boolean;
  /** Only the criteria the search asked for. */
  criteria: Partial<Record<CriterionName, CriterionScore>>;
}

// ---------------------------------------------------------------------------------------------
// Job titles

/** A job's core words, split once per projection object (projections are cached across searches). */
const coreWords = new WeakMap<object, string[]>();

export function titleSimilarity(q: PreparedTitle, job: Pick<ProjectedJob, 'key' | 'core' | 'normalized' | 'soc'>): number {
  if (q.key === job.key) return 1;
  if (q.normalized && q.normalized === job.normalized) return 0.95;
  if (q.core && q.core === job.core) return 0.9;
  let jobWords = coreWords.get(job);
  if (!jobWords) coreWords.set(job, (jobWords = job.core.split(' ').filter(Boolean)));
  // "Software Engineer" asked, "Backend Software Engineer" held: the job is that occupation, more specific.
  if (q.coreWords.length && q.coreWords.every((w) => jobWords.includes(w))) return 0.8;
  const shared = q.coreWords.filter((w) => jobWords.includes(w)).length;
  const dice = q.coreWords.length + jobWords.length ? (2 * shared) / (q.coreWords.length + jobWords.length) : 0;
  const sameOccupation = q.soc != null && q.soc === job.soc ? 0.5 : 0;
  return Math.max(0.7 * dice, sameOccupation);
}

/** A past job counts for less than the one held now. */
const PAST_JOB = 0.8;
const TITLE_MATCH = 0.8;

export function bestTitle(p: PreparedCriteria, projection: SearchProjection): { job: ProjectedJob | null; score: number } {
  const currentOnly = p.criteria.jobTitles?.currentOnly ?? false;
  let best: { job: ProjectedJob | null; score: number } = { job: null, score: 0 };
  for (const job of projection.jobs) {
    if (currentOnly && !job.current) continue;
    for (const q of p.titles) {
      const score = titleSimilarity(q, job) * (job.current ? 1 : PAST_JOB);
      if (score > best.score) best = { job, score };
    }
  }
  return best;
}

function scoreTitles(p: PreparedCriteria, projection: SearchProjection): CriterionScore {
  const { job, score } = bestTitle(p, projection);
  // Required: the title is held (or, for a past job, was) as asked or more specifically.
  const raw = job ? score / (job.current ? 1 : PAST_JOB) : 0;
  return { score, match: raw >= TITLE_MATCH, value: (job ?? projection.jobs.find((j) => j.current) ?? projection.jobs[0])?.title ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Years of experience

export function yearsScore(years: number | null, min: number | null, max: number | null): number {
  if (years == null) return 0;
  if (min != null && years < min) return min > 0 ? Math.max(0, years / min) : 1;
  if (max != null && years > max) return years > 0 ? Math.max(0, Math.min(1, max / years)) : 1;
  return 1;
}

function scoreYears(p: PreparedCriteria, projection: SearchProjection): CriterionScore {
  const { min, max } = p.criteria.yearsExperience!;
  const years = projection.years;
  const score = yearsScore(years, min, max);
  return { score, match: years != null && score === 1, value: years == null ? '' : `${years} years` };
}

// ---------------------------------------------------------------------------------------------
// Locations

export function placeScore(place: PreparedPlace, location: SearchProjection['location']): number {
  if (!location) return 0;
  if (place.point && location.latitude != null && location.longitude != null) {
    const d = haversineKm(place.point, { latitude: location.latitude, longitude: location.longitude });
    // Full marks inside the radius, fading to nothing at twice the radius.
    if (d <= place.radiusKm) return 1;
    return Math.max(0, 1 - (d - place.radiusKm) / place.radiusKm);
  }
  if (place.countryCode) return location.places.includes(geoKey(place.countryCode)) ? 1 : 0;
  // Neither side has coordinates: the place's own name against the résumé's city, state and country.
  const first = geoKey(place.name.split(',')[0] ?? '');
  return first && location.places.includes(first) ? 1 : 0;
}

function scoreLocations(p: PreparedCriteria, projection: SearchProjection): CriterionScore {
  let score = 0;
  for (const place of p.places) score = Math.max(score, placeScore(place, projection.location));
  return { score, match: score === 1, value: projection.location?.formatted ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Skills and languages: what share of the asked names the résumé has (required ones count twice).

function scoreNamed(asked: { name: string; key: string; required: boolean }[], held: { key: string; name: string }[]): CriterionScore & { matched: string[] } {
  let total = 0;
  let got = 0;
  let requiredMissing = false;
  const matched: string[] = [];
  for (const a of asked) {
    const w = a.required ? 2 : 1;
    total += w;
    // A plain scan: both lists are short, and this runs for every candidate of a search.
    const name = held.find((h) => h.key === a.key)?.name;
    if (name !== undefined) {
      got += w;
      matched.push(name);
    } else if (a.required) requiredMissing = true;
  }
  return { score: total ? got / total : 0, match: !requiredMissing, value: (matched.length ? matched : held.slice(0, 5).map((h) => h.name)).join(', '), matched };
}

// ---------------------------------------------------------------------------------------------
// Education

const LEVEL_RANK: Record<string, number> = { school: 1, certificate: 2, associates: 3, bachelors: 4, masters: 5, doctoral: 6 };

export function highestEducation(projection: SearchProjection): SearchProjection['education'][number] | null {
  let best: SearchProjection['education'][number] | null = null;
  for (const e of projection.education) if (!best || (LEVEL_RANK[e.level ?? ''] ?? 0) > (LEVEL_RANK[best.level ?? ''] ?? 0)) best = e;
  return best;
}

export function degreeScore(asked: { folded: string; level: string | null }, education: SearchProjection['education'][number]): number {
  const words = asked.folded.split(' ').filter(Boolean);
  const text = education.degree;
  if (words.length && words.every((w) => hasTerm(text, w))) return 1;
  // "Master of Science" asked, "MSc Physics" held: the same level of degree.
  if (asked.level && asked.level === education.level) return 0.7;
  return 0;
}

let graduationWindow: { at: number; yearAgo: string; today: string } | null = null;

export function recentGraduate(projection: SearchProjection, now: Date): boolean {
  // The window's dates are made once per search time, not once per candidate.
  if (graduationWindow?.at !== now.getTime()) {
    graduationWindow = { at: now.getTime(), yearAgo: new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10), today: now.toISOString().slice(0, 10) };
  }
  const { yearAgo, today } = graduationWindow;
  return projection.education.some((e) => !e.current && e.completion != null && e.completion >= yearAgo && e.completion <= today);
}

export interface EducationParts {
  degrees: number | null;
  institutions: number | null;
  highestDegreeTypes: number | null;
  isCurrentStudent: number | null;
  isRecentGraduate: number | null;
}

export function educationParts(p: PreparedCriteria, projection: SearchProjection, now: Date, highest = highestEducation(projection)): EducationParts {
  const e = p.criteria.education!;
  const highestRank = LEVEL_RANK[highest?.level ?? ''] ?? 0;
  const askedRanks = e.highestDegreeTypes.map((l: SearchEducationLevel) => LEVEL_RANK[l]!);
  return {
    degrees: p.degrees.length ? Math.max(0, ...p.degrees.flatMap((d) => projection.education.map((ed) => degreeScore(d, ed)))) : null,
    institutions: p.institutions.length
      ? p.institutions.some((i) => projection.education.some((ed) => ed.institution && (ed.institution.includes(i.folded) || i.folded.includes(ed.institution))))
        ? 1
        : 0
      : null,
    // Over-qualified is half a match: a doctor may do a job asking for a bachelor's degree, and may not want it.
    highestDegreeTypes: askedRanks.length ? (askedRanks.includes(highestRank) ? 1 : highestRank > Math.max(...askedRanks) ? 0.5 : 0) : null,
    isCurrentStudent: e.isCurrentStudent == null ? null : projection.education.some((ed) => ed.current) === e.isCurrentStudent ? 1 : 0,
    isRecentGraduate: e.isRecentGraduate == null ? null : recentGraduate(projection, now) === e.isRecentGraduate ? 1 : 0,
  };
}

function scoreEducation(p: PreparedCriteria, projection: SearchProjection, now: Date): CriterionScore {
  const e = p.criteria.education!;
  const highest = highestEducation(projection);
  const parts = educationParts(p, projection, now, highest);
  let sum = 0;
  let given = 0;
  for (const v of [parts.degrees, parts.institutions, parts.highestDegreeTypes, parts.isCurrentStudent, parts.isRecentGraduate]) if (v !== null) (sum += v), given++;
  const score = given ? sum / given : 0;
  const match =
    (!e.degreesRequired || (parts.degrees ?? 0) >= 0.7) &&
    (!e.institutionsRequired || parts.institutions === 1) &&
    (!e.highestDegreeTypesRequired || parts.highestDegreeTypes === 1) &&
    (!e.isCurrentStudentRequired || parts.isCurrentStudent === 1) &&
    (!e.isRecentGraduateRequired || parts.isRecentGraduate === 1);
  return { score, match, value: highest?.degreeShown ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Occupation groups, management level, search expression

function scoreSoc(p: PreparedCriteria, projection: SearchProjection): CriterionScore {
  const codes = p.criteria.socCodes!.codes;
  const current = codes.find((c) => projection.soc.current.includes(c));
  const past = current ?? codes.find((c) => projection.soc.all.includes(c));
  const score = current != null ? 1 : past != null ? PAST_JOB : 0;
  const unit = projection.jobs.find((j) => j.current && j.soc != null)?.soc ?? projection.jobs.find((j) => j.soc != null)?.soc ?? null;
  const shown = past ?? unit;
  return { score, match: score > 0, value: shown != null ? (socGroup(shown)?.title ?? '') : '' };
}

const LEVEL_ORDER: Record<ManagementLevel, number> = { None: 0, Low: 1, Mid: 2, Upper: 3 };

export function managementScore(asked: ManagementLevel, held: ManagementLevel | null): number {
  if (held == null) return 0;
  const gap = Math.abs(LEVEL_ORDER[asked] - LEVEL_ORDER[held]);
  return gap === 0 ? 1 : gap === 1 ? 0.5 : 0;
}

function scoreManagement(p: PreparedCriteria, projection: SearchProjection): CriterionScore {
  const score = managementScore(p.criteria.managementLevel!.level, projection.managementLevel);
  return { score, match: score === 1, value: projection.managementLevel ?? '' };
}

export function expressionResult(p: PreparedCriteria, text: string): { satisfied: boolean; found: string[]; missing: string[] } {
  const found = p.expressionTerms.filter((t) => hasTerm(text, t));
  // Terms under NOT are not among the positive ones: only they are looked up again.
  const present = new Set(found);
  const satisfied = evaluate(p.expression!, text, (term) => present.has(term) || (!p.expressionTerms.includes(term) && hasTerm(text, term)));
  return { satisfied, found, missing: p.expressionTerms.filter((t) => !present.has(t)) };
}

function scoreExpression(p: PreparedCriteria, text: string): CriterionScore {
  const { satisfied, found } = expressionResult(p, text);
  // Short of satisfying it, a résumé with some of the terms ranks above one with none.
  const partial = p.expressionTerms.length ? (0.5 * found.length) / p.expressionTerms.length : 0;
  return { score: satisfied ? 1 : partial, match: satisfied, value: found.join(', ') };
}

// ---------------------------------------------------------------------------------------------

/**
 * Scores one résumé. `text` (the folded raw text) is needed only when the search has an expression.
 * The overall score is the weighted mean of the asked criteria (all alike when every weight is 0).
 */
export function scoreResume(p: PreparedCriteria, projection: SearchProjection, text: string | null, now: Date): ResumeScore {
  const c = p.criteria;
  const parts: Partial<Record<CriterionName, CriterionScore>> = {};
  const weights: Partial<Record<CriterionName, { weight: number; required: boolean }>> = {};
  if (c.jobTitles) (parts.jobTitle = scoreTitles(p, projection)), (weights.jobTitle = c.jobTitles);
  if (c.managementLevel) (parts.managementLevel = scoreManagement(p, projection)), (weights.managementLevel = c.managementLevel);
  if (c.yearsExperience) (parts.experience = scoreYears(p, projection)), (weights.experience = c.yearsExperience);
  if (c.skills) (parts.skills = scoreNamed(p.skills, projection.skills)), (weights.skills = c.skills);
  if (c.languages) (parts.languages = scoreNamed(p.languages, projection.languages)), (weights.languages = c.languages);
  if (c.locations) (parts.location = scoreLocations(p, projection)), (weights.location = c.locations);
  if (c.education) (parts.education = scoreEducation(p, projection, now)), (weights.education = c.education);
  if (c.socCodes) (parts.occupationGroup = scoreSoc(p, projection)), (weights.occupationGroup = c.socCodes);
  if (c.searchExpression) (parts.searchExpression = scoreExpression(p, text ?? '')), (weights.searchExpression = c.searchExpression);

  let passes = true;
  let sum = 0;
  let total = 0;
  let plain = 0;
  const names = Object.keys(parts) as CriterionName[];
  for (const name of names) {
    const part = parts[name]!;
    const { weight, required } = weights[name]!;
    // Skills and languages are required name by name (their `match`); the others as a whole.
    if (required && !part.match) passes = false;
    sum += weight * part.score;
    total += weight;
    plain += part.score;
  }
  const score = total > 0 ? sum / total : names.length ? plain / names.length : 0;
  return { score: round(score), passes, criteria: parts };
}

export function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
