/**
 * Affinda's `ResumeSearchParameters` (the body of `POST /v2/resume_search` and `…/details/{identifier}`), read
 * into `SearchCriteria`: every criterion with its weight and whether it is required, names already normalised.
 * Pure: it returns the field errors a request has (DRF's `{attr, code, detail}`), the route answers them.
 */
import type { ManagementLevel } from '../../knowledge/management-level.ts';

export const EDUCATION_LEVELS = ['school', 'certificate', 'bachelors', 'masters', 'doctoral'] as const;
export const MANAGEMENT_LEVELS = ['None', 'Low', 'Mid', 'Upper'] as const;
export type SearchEducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The request body as Affinda documents it (every field optional but `indices`). */
export interface ResumeSearchParameters {
  indices?: string[];
  jobDescription?: string | null;
  resume?: string | null;
  jobTitles?: string[];
  jobTitlesCurrentOnly?: boolean;
  jobTitlesRequired?: boolean;
  jobTitlesWeight?: number;
  yearsExperienceMin?: number | null;
  yearsExperienceMax?: number | null;
  yearsExperienceRequired?: boolean;
  yearsExperienceWeight?: number;
  locations?: SearchLocationParameter[];
  locationsWeight?: number;
  locationsRequired?: boolean;
  skills?: { name?: string; required?: boolean }[];
  skillsWeight?: number;
  languages?: { name?: string; required?: boolean }[];
  languagesWeight?: number;
  institutions?: string[];
  institutionsRequired?: boolean;
  degrees?: string[];
  degreesRequired?: boolean;
  highestDegreeTypes?: (SearchEducationLevel | null)[];
  highestDegreeTypesRequired?: boolean;
  isCurrentStudent?: boolean;
  isCurrentStudentRequired?: boolean;
  isRecentGraduate?: boolean;
  isRecentGraduateRequired?: boolean;
  educationWeight?: number;
  searchExpression?: string | null;
  searchExpressionRequired?: boolean;
  searchExpressionWeight?: number;
  socCodes?: number[];
  socCodesWeight?: number;
  socCodesRequired?: boolean;
  managementLevel?: ManagementLevel | null;
  managementLevelRequired?: boolean;
  managementLevelWeight?: number;
  customData?: unknown[];
}

export interface SearchLocationParameter {
  name?: string;
  coordinates?: { latitude?: number | null; longitude?: number | null } | null;
  distance?: number;
  unit?: 'km' | 'mi';
}

export interface FieldError {
  attr: string;
  code: string;
  detail: string;
}

/** One weighted criterion; `weight` 0 shows the criterion's score without counting it. */
export interface Weighted {
  weight: number;
  required: boolean;
}

export interface LocationCriterion {
  /** As asked (echoed in details' `missing`). */
  asked: SearchLocationParameter;
  name: string;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number;
}

/** A search, normalised. A criterion that was not asked for is null. */
export interface SearchCriteria {
  jobTitles: (Weighted & { titles: string[]; currentOnly: boolean }) | null;
  yearsExperience: (Weighted & { min: number | null; max: number | null }) | null;
  locations: (Weighted & { places: LocationCriterion[] }) | null;
  skills: (Weighted & { skills: { name: string; required: boolean }[] }) | null;
  languages: (Weighted & { languages: { name: string; required: boolean }[] }) | null;
  education: (Weighted & {
    degrees: string[];
    degreesRequired: boolean;
    institutions: string[];
    institutionsRequired: boolean;
    highestDegreeTypes: SearchEducationLevel[];
    highestDegreeTypesRequired: boolean;
    isCurrentStudent: boolean | null;
    isCurrentStudentRequired: boolean;
    isRecentGraduate: boolean | null;
    isRecentGraduateRequired: boolean;
  }) | null;
  socCodes: (Weighted & { codes: number[] }) | null;
  managementLevel: (Weighted & { level: ManagementLevel }) | null;
  searchExpression: (Weighted & { expression: string }) | null;
}

/** Weight of a criterion the request gives none for: all criteria count alike unless told otherwise. */
export const DEFAULT_WEIGHT = 0.5;
/** Affinda's default radius (ResumeSearchParametersLocation.distance). */
export const DEFAULT_DISTANCE = 100;
const KM_PER_MILE = 1.609344;

const KNOWN = new Set([
  'indices', 'jobDescription', 'resume', 'jobTitles', 'jobTitlesCurrentOnly', 'jobTitlesRequired', 'jobTitlesWeight', 'yearsExperienceMin',
  'yearsExperienceMax', 'yearsExperienceRequired', 'yearsExperienceWeight', 'locations', 'locationsWeight', 'locationsRequired', 'skills',
  'skillsWeight', 'languages', 'languagesWeight', 'institutions', 'institutionsRequired', 'degrees', 'degreesRequired', 'highestDegreeTypes',
  'highestDegreeTypesRequired', 'isCurrentStudent', 'isCurrentStudentRequired', 'isRecentGraduate', 'isRecentGraduateRequired', 'educationWeight',
  'searchExpression', 'searchExpressionRequired', 'searchExpressionWeight', 'socCodes', 'socCodesWeight', 'socCodesRequired', 'managementLevel',
  'managementLevelRequired', 'managementLevelWeight', 'customData',
]);

export interface ParsedParameters {
  indices: string[];
  /** A résumé to find others like (`resume`); its criteria are filled in by the service. */
  resume: string | null;
  criteria: SearchCriteria;
  errors: FieldError[];
}

/**
 * Reads a request body. `requireIndices`: the search needs `indices`; a details request scores one résumé and
 * takes them only for symmetry.
 */
export function parseSearchParameters(body: unknown, requireIndices: boolean): ParsedParameters {
  const errors: FieldError[] = [];
  const empty: ParsedParameters = { indices: [], resume: null, criteria: noCriteria(), errors };
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    errors.push({ attr: 'non_field_errors', code: 'invalid', detail: 'Send a JSON object of search parameters.' });
    return empty;
  }
  const p = body as Record<string, unknown>;
  // The schema is closed (additionalProperties: false): a misspelt criterion must not silently search for everything.
  for (const key of Object.keys(p)) if (!KNOWN.has(key)) errors.push({ attr: key, code: 'invalid', detail: `Unknown search parameter "${key}".` });

  const r = new Reader(p, errors);
  const indices = r.strings('indices') ?? [];
  if (requireIndices && p.indices == null) errors.push({ attr: 'indices', code: 'required', detail: 'This field is required.' });
  else if (requireIndices && !indices.length && !errors.some((e) => e.attr === 'indices')) errors.push({ attr: 'indices', code: 'empty', detail: 'Name at least one index.' });

  const jobDescription = r.string('jobDescription');
  if (jobDescription) {
    errors.push({ attr: 'jobDescription', code: 'invalid', detail: 'Vitae does not parse job descriptions: search with jobTitles, skills and the other criteria instead.' });
  }
  const resume = r.string('resume') || null;

  const criteria = noCriteria();
  const titles = (r.strings('jobTitles') ?? []).map((t) => t.trim()).filter(Boolean);
  if (titles.length) {
    criteria.jobTitles = { titles, currentOnly: r.bool('jobTitlesCurrentOnly') ?? false, ...r.weighted('jobTitles') };
  }

  const min = r.integer('yearsExperienceMin', 0);
  const max = r.integer('yearsExperienceMax', 0);
  if (min != null && max != null && min > max) errors.push({ attr: 'yearsExperienceMax', code: 'invalid', detail: 'yearsExperienceMax must not be less than yearsExperienceMin.' });
  if (min != null || max != null) criteria.yearsExperience = { min: min ?? null, max: max ?? null, ...r.weighted('yearsExperience') };

  const places = r.locations('locations');
  if (places.length) criteria.locations = { places, ...r.weighted('locations') };

  const skills = r.named('skills');
  if (skills.length) criteria.skills = { skills, weight: r.weight('skillsWeight'), required: skills.some((s) => s.required) };
  const languages = r.named('languages');
  if (languages.length) criteria.languages = { languages, weight: r.weight('languagesWeight'), required: languages.some((l) => l.required) };

  const degrees = (r.strings('degrees') ?? []).map((d) => d.trim()).filter(Boolean);
  const institutions = (r.strings('institutions') ?? []).map((d) => d.trim()).filter(Boolean);
  const highest = r.levels('highestDegreeTypes');
  const student = r.bool('isCurrentStudent');
  const graduate = r.bool('isRecentGraduate');
  if (degrees.length || institutions.length || highest.length || student != null || graduate != null) {
    const e = {
      degrees,
      degreesRequired: (r.bool('degreesRequired') ?? false) && degrees.length > 0,
      institutions,
      institutionsRequired: (r.bool('institutionsRequired') ?? false) && institutions.length > 0,
      highestDegreeTypes: highest,
      highestDegreeTypesRequired: (r.bool('highestDegreeTypesRequired') ?? false) && highest.length > 0,
      isCurrentStudent: student ?? null,
      isCurrentStudentRequired: (r.bool('isCurrentStudentRequired') ?? false) && student != null,
      isRecentGraduate: graduate ?? null,
      isRecentGraduateRequired: (r.bool('isRecentGraduateRequired') ?? false) && graduate != null,
      weight: r.weight('educationWeight'),
    };
    criteria.education = { ...e, required: e.degreesRequired || e.institutionsRequired || e.highestDegreeTypesRequired || e.isCurrentStudentRequired || e.isRecentGraduateRequired };
  }

  const codes = r.socCodes('socCodes');
  if (codes.length) criteria.socCodes = { codes, ...r.weighted('socCodes') };

  const level = r.string('managementLevel');
  if (level) {
    if (!(MANAGEMENT_LEVELS as readonly string[]).includes(level)) {
      errors.push({ attr: 'managementLevel', code: 'invalid_choice', detail: `"${level}" is not a valid choice (${MANAGEMENT_LEVELS.join(', ')}).` });
    } else criteria.managementLevel = { level: level as ManagementLevel, ...r.weighted('managementLevel') };
  }

  const expression = r.string('searchExpression')?.trim();
  if (expression) criteria.searchExpression = { expression, ...r.weighted('searchExpression') };

  const custom = p.customData;
  if (custom != null && (!Array.isArray(custom) || custom.length)) {
    errors.push({ attr: 'customData', code: 'invalid', detail: 'Vitae documents have no custom data fields to search.' });
  }
  // Read every flag and weight even when its criterion is absent, so a wrong type is reported either way.
  for (const name of ['jobTitlesCurrentOnly', 'degreesRequired', 'institutionsRequired', 'highestDegreeTypesRequired', 'isCurrentStudentRequired', 'isRecentGraduateRequired']) r.bool(name);
  for (const name of ['jobTitles', 'yearsExperience', 'locations', 'socCodes', 'managementLevel', 'searchExpression']) r.weighted(name);
  r.weight('skillsWeight');
  r.weight('languagesWeight');
  r.weight('educationWeight');
  return { indices, resume, criteria, errors: dedupe(errors) };
}

export function noCriteria(): SearchCriteria {
  return { jobTitles: null, yearsExperience: null, locations: null, skills: null, languages: null, education: null, socCodes: null, managementLevel: null, searchExpression: null };
}

export function hasCriteria(c: SearchCriteria): boolean {
  return Object.values(c).some((v) => v !== null);
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.attr}\u0000${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Typed reads of one body, each wrong value recorded once under its field name. */
class Reader {
  readonly #p: Record<string, unknown>;
  readonly #errors: FieldError[];
  constructor(p: Record<string, unknown>, errors: FieldError[]) {
    this.#p = p;
    this.#errors = errors;
  }

  #fail(attr: string, code: string, detail: string): undefined {
    this.#errors.push({ attr, code, detail });
    return undefined;
  }

  string(name: string): string | undefined {
    const v = this.#p[name];
    if (v == null) return undefined;
    return typeof v === 'string' ? v : this.#fail(name, 'invalid', 'Not a valid string.');
  }

  bool(name: string): boolean | undefined {
    const v = this.#p[name];
    if (v == null) return undefined;
    return typeof v === 'boolean' ? v : this.#fail(name, 'invalid', 'Must be a valid boolean.');
  }

  strings(name: string): string[] | undefined {
    const v = this.#p[name];
    if (v == null) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) return this.#fail(name, 'invalid', 'Expected a list of strings.');
    return v as string[];
  }

  integer(name: string, minimum: number): number | undefined {
    const v = this.#p[name];
    if (v == null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.#fail(name, 'invalid', 'A valid integer is required.');
    if (v < minimum) return this.#fail(name, 'min_value', `Ensure this value is greater than or equal to ${minimum}.`);
    return v;
  }

  weight(name: string): number {
    const v = this.#p[name];
    if (v == null) return DEFAULT_WEIGHT;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.#fail(name, 'invalid', 'A valid number is required.') ?? DEFAULT_WEIGHT;
    if (v < 0) return this.#fail(name, 'min_value', 'Ensure this value is greater than or equal to 0.') ?? DEFAULT_WEIGHT;
    if (v > 1) return this.#fail(name, 'max_value', 'Ensure this value is less than or equal to 1.') ?? DEFAULT_WEIGHT;
    return v;
  }

  weighted(prefix: string): Weighted {
    return { weight: this.weight(`${prefix}Weight`), required: this.bool(`${prefix}Required`) ?? false };
  }

  named(name: string): { name: string; required: boolean }[] {
    const v = this.#p[name];
    if (v == null) return [];
    if (!Array.isArray(v)) return this.#fail(name, 'invalid', 'Expected a list of {name, required}.') ?? [];
    const out: { name: string; required: boolean }[] = [];
    for (const item of v) {
      // A bare string is taken as a name: the Python client's users sometimes send ["Python", "SQL"].
      const obj = typeof item === 'string' ? { name: item } : item;
      if (!obj || typeof obj !== 'object' || typeof (obj as { name?: unknown }).name !== 'string') return this.#fail(name, 'invalid', 'Each item needs a "name" string.') ?? [];
      const { name: n, required } = obj as { name: string; required?: unknown };
      if (required != null && typeof required !== 'boolean') return this.#fail(name, 'invalid', '"required" must be a boolean.') ?? [];
      if (n.trim()) out.push({ name: n.trim(), required: required === true });
    }
    return out;
  }

  levels(name: string): SearchEducationLevel[] {
    const v = this.#p[name];
    if (v == null) return [];
    if (!Array.isArray(v)) return this.#fail(name, 'invalid', 'Expected a list of education levels.') ?? [];
    const out: SearchEducationLevel[] = [];
    for (const level of v) {
      if (level === null) continue;
      if (!(EDUCATION_LEVELS as readonly unknown[]).includes(level)) {
        return this.#fail(name, 'invalid_choice', `"${String(level)}" is not a valid choice (${EDUCATION_LEVELS.join(', ')}).`) ?? [];
      }
      if (!out.includes(level as SearchEducationLevel)) out.push(level as SearchEducationLevel);
    }
    return out;
  }

  socCodes(name: string): number[] {
    const v = this.#p[name];
    if (v == null) return [];
    if (!Array.isArray(v) || v.some((c) => typeof c !== 'number' || !Number.isInteger(c))) return this.#fail(name, 'invalid', 'Expected a list of integers.') ?? [];
    const bad = (v as number[]).find((c) => c < 1 || c > 9999);
    if (bad !== undefined) return this.#fail(name, bad < 1 ? 'min_value' : 'max_value', 'Occupation group codes are 1–9999 (see /v2/occupation_groups).') ?? [];
    return [...new Set(v as number[])];
  }

  locations(name: string): LocationCriterion[] {
    const v = this.#p[name];
    if (v == null) return [];
    if (!Array.isArray(v)) return this.#fail(name, 'invalid', 'Expected a list of locations.') ?? [];
    const out: LocationCriterion[] = [];
    for (const item of v as unknown[]) {
      if (!item || typeof item !== 'object') return this.#fail(name, 'invalid', 'Each location is an object {name, coordinates, distance, unit}.') ?? [];
      const loc = item as SearchLocationParameter;
      const distance = loc.distance ?? DEFAULT_DISTANCE;
      if (typeof distance !== 'number' || !Number.isFinite(distance)) return this.#fail(name, 'invalid', 'distance must be a number.') ?? [];
      if (distance < 1) return this.#fail(name, 'min_value', 'distance must be at least 1.') ?? [];
      const unit = loc.unit ?? 'km';
      if (unit !== 'km' && unit !== 'mi') return this.#fail(name, 'invalid_choice', `"${String(unit)}" is not a valid choice (km, mi).`) ?? [];
      const lat = loc.coordinates?.latitude;
      const lon = loc.coordinates?.longitude;
      const hasCoordinates = typeof lat === 'number' && typeof lon === 'number';
      if (hasCoordinates && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) return this.#fail(name, 'invalid', 'Coordinates out of range.') ?? [];
      const placeName = typeof loc.name === 'string' ? loc.name.trim() : '';
      if (!hasCoordinates && !placeName) return this.#fail(name, 'invalid', 'Each location needs a name or coordinates.') ?? [];
      out.push({
        asked: { name: placeName, coordinates: hasCoordinates ? { latitude: lat, longitude: lon } : null, distance, unit },
        name: placeName,
        latitude: hasCoordinates ? lat : null,
        longitude: hasCoordinates ? lon : null,
        radiusKm: unit === 'mi' ? distance * KM_PER_MILE : distance,
      });
    }
    return out;
  }
}
