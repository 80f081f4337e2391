/**
 * Scores in Affinda's shapes: `ResumeSearchResult` (one row of a search: the overall score and one
 * `{label, value, score}` component per criterion, `score` null for criteria the search did not ask for),
 * `ResumeSearchDetail` (per criterion, what matched and what is missing) and `ResumeSearchMatch`. Pure.
 */
import type { Education, Location, ResumeData, Skill } from '../../affinda/types.ts';
import { socGroup } from '../../knowledge/soc.ts';
import { CRITERIA, LABELS, degreeScore, educationParts, expressionResult, highestEducation, placeScore, titleSimilarity, type CriterionName, type PreparedCriteria, type ResumeScore } from './scoring.ts';
import { languageSearchKey, skillSearchKey, type SearchProjection } from './projection.ts';
import type { SearchLocationParameter } from './params.ts';

export interface ScoreComponent {
  label: string;
  value: string;
  score: number | null;
}

export type ResumeSearchResult = {
  identifier: string;
  score: number;
  pdf: string | null;
  name: string | null;
  customData: Record<string, never>;
} & Record<CriterionName, ScoreComponent>;

/** What a result shows for criteria the search did not ask for: the résumé's own value. */
export function shownValues(projection: SearchProjection): Record<CriterionName, string> {
  const current = projection.jobs.find((j) => j.current) ?? projection.jobs[0];
  const unit = projection.jobs.find((j) => j.current && j.soc != null)?.soc ?? projection.jobs.find((j) => j.soc != null)?.soc;
  return {
    jobTitle: current?.title ?? '',
    managementLevel: projection.managementLevel ?? '',
    experience: projection.years == null ? '' : `${projection.years} years`,
    skills: projection.skills.slice(0, 5).map((s) => s.name).join(', '),
    languages: projection.languages.map((l) => l.name).join(', '),
    location: projection.location?.formatted ?? '',
    education: highestEducation(projection)?.degreeShown ?? '',
    occupationGroup: unit != null ? (socGroup(unit)?.title ?? '') : '',
    searchExpression: '',
  };
}

export function components(projection: SearchProjection, scored: ResumeScore): Record<CriterionName, ScoreComponent> {
  const shown = shownValues(projection);
  const out = {} as Record<CriterionName, ScoreComponent>;
  for (const name of CRITERIA) {
    const part = scored.criteria[name];
    out[name] = { label: LABELS[name], value: part ? part.value || shown[name] : shown[name], score: part ? Math.round(part.score * 10_000) / 10_000 : null };
  }
  return out;
}

export function searchResult(identifier: string, projection: SearchProjection, scored: ResumeScore): ResumeSearchResult {
  // `pdf` is Affinda's link to the stored file; Vitae's Meta has none (meta.pdf is null), so neither have results.
  return { identifier, score: scored.score, pdf: null, name: projection.name, ...components(projection, scored), customData: {} };
}

export function matchResult(projection: SearchProjection, scored: ResumeScore): { score: number; details: Record<CriterionName, ScoreComponent> } {
  return { score: scored.score, details: components(projection, scored) };
}

// ---------------------------------------------------------------------------------------------

export interface ResumeSearchDetail {
  jobTitle: { missing: string[]; value: { name: string | null; startDate: string | null; endDate: string | null; companyName: string | null; match: boolean }[] };
  location: { missing: SearchLocationParameter[]; value: (Location & { match: boolean }) | null };
  education: {
    missing: { degrees: string[]; highestDegreeTypes: string[]; institutions: string[]; currentStudent: boolean; recentGraduate: boolean };
    value: (Education & { match: boolean })[];
  };
  skills: { missing: { name: string; required: boolean }[]; value: (Skill & { match: boolean })[] };
  experience: { years: number | null; match: boolean };
  occupationGroup: { missing: number[]; value: { match: boolean; code: number; name: string; children: []; parents: { code: number; name: string; children: [] }[] }[] };
  languages: { missing: { name: string; required: boolean }[]; value: { name: string; match: boolean }[] };
  managementLevel: { level: string | null; match: boolean } | null;
  searchExpression: { missing: string[]; value: string[] };
}

/** The per-criterion breakdown of one résumé against a search (`POST /v2/resume_search/details/{identifier}`). */
export function searchDetail(data: ResumeData, projection: SearchProjection, text: string, p: PreparedCriteria, scored: ResumeScore, now: Date): ResumeSearchDetail {
  const c = p.criteria;
  const currentOnly = c.jobTitles?.currentOnly ?? false;
  const jobMatches = projection.jobs.map((job) => (currentOnly && !job.current ? false : p.titles.some((q) => titleSimilarity(q, job) >= 0.8)));
  const missingTitles = p.titles.filter((q) => !projection.jobs.some((job) => (!currentOnly || job.current) && titleSimilarity(q, job) >= 0.8)).map((q) => q.title);

  const places = p.places.map((place) => ({ place, score: placeScore(place, projection.location) }));
  const skillKeys = new Set(p.skills.map((s) => s.key));
  const heldSkills = new Set(projection.skills.map((s) => s.key));
  const languageKeys = new Set(p.languages.map((l) => l.key));
  const heldLanguages = new Set(projection.languages.map((l) => l.key));

  const parts = c.education ? educationParts(p, projection, now) : null;
  const highest = highestEducation(projection);
  const educationMatch = (e: Education, i: number): boolean => {
    const projected = projection.education[i];
    if (!c.education || !projected) return false;
    const byDegree = p.degrees.some((d) => degreeScore(d, projected) >= 0.7);
    const byInstitution = p.institutions.some((inst) => projected.institution && (projected.institution.includes(inst.folded) || inst.folded.includes(projected.institution)));
    const byLevel = c.education.highestDegreeTypes.length > 0 && projected === highest && c.education.highestDegreeTypes.includes(projected.level as never);
    return byDegree || byInstitution || byLevel;
  };

  const socAsked = c.socCodes?.codes ?? [];
  const units = [...new Set(projection.jobs.map((j) => j.soc).filter((s): s is number => s != null))];
  const expression = p.expression ? expressionResult(p, text) : { found: [], missing: [] };

  return {
    jobTitle: {
      missing: missingTitles,
      value: projection.jobs.map((job, i) => ({ name: job.title, startDate: job.startDate, endDate: job.endDate, companyName: job.organization, match: jobMatches[i]! })),
    },
    location: {
      missing: places.filter((x) => x.score < 1).map((x) => x.place.asked),
      value: data.location ? { ...data.location, match: places.some((x) => x.score === 1) } : null,
    },
    education: {
      missing: {
        degrees: p.degrees.filter((d) => !projection.education.some((e) => degreeScore(d, e) >= 0.7)).map((d) => d.name),
        highestDegreeTypes: parts?.highestDegreeTypes === 1 ? [] : (c.education?.highestDegreeTypes ?? []),
        institutions: p.institutions.filter((inst) => !projection.education.some((e) => e.institution && (e.institution.includes(inst.folded) || inst.folded.includes(e.institution)))).map((i) => i.name),
        currentStudent: parts?.isCurrentStudent === 0,
        recentGraduate: parts?.isRecentGraduate === 0,
      },
      value: (data.education ?? []).map((e, i) => ({ ...e, match: educationMatch(e, i) })),
    },
    skills: {
      missing: p.skills.filter((s) => !heldSkills.has(s.key)).map((s) => ({ name: s.name, required: s.required })),
      value: (data.skills ?? []).map((s) => ({ ...s, match: skillKeys.has(skillSearchKey(s.name)) })),
    },
    experience: { years: projection.years == null ? null : Math.round(projection.years), match: scored.criteria.experience?.match ?? false },
    occupationGroup: {
      missing: socAsked.filter((code) => !projection.soc.all.includes(code)),
      value: units.map((unit) => {
        const group = socGroup(unit);
        const parents: { code: number; name: string; children: [] }[] = [];
        for (let g = group?.parent; g; g = g.parent) parents.push({ code: g.code, name: g.title, children: [] });
        const lineage = [unit, ...parents.map((x) => x.code)];
        return { match: socAsked.some((code) => lineage.includes(code)), code: unit, name: group?.title ?? '', children: [], parents };
      }),
    },
    languages: {
      missing: p.languages.filter((l) => !heldLanguages.has(l.key)).map((l) => ({ name: l.name, required: l.required })),
      value: (data.languages ?? []).map((name) => ({ name, match: languageKeys.has(languageSearchKey(name)) })),
    },
    managementLevel: projection.managementLevel || c.managementLevel ? { level: projection.managementLevel, match: scored.criteria.managementLevel?.match ?? false } : null,
    searchExpression: { missing: expression.missing, value: expression.found },
  };
}
