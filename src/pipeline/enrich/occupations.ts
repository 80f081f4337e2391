/**
 * Occupations: each job's printed title mapped to an occupation (knowledge/occupations.ts) and classified in
 * UK SOC 2010 (knowledge/soc.ts), with its management level (knowledge/management-level.ts); the profession
 * becomes the normalised title of the job it was taken from. Each job's industry is its employer's
 * (knowledge/industries.ts).
 */
import type { Component } from '../doc.ts';
import type { Occupation, WorkExperience } from '../../affinda/types.ts';
import { occupationOf } from '../../knowledge/occupations.ts';
import { managementLevel } from '../../knowledge/management-level.ts';
import { socClassification } from '../../knowledge/soc.ts';
import { industryOf } from '../../knowledge/industries.ts';

/** Affinda's occupation of a job title, or null when there is no title. */
export function occupationFor(jobTitle: string | null): Occupation | null {
  if (!jobTitle) return null;
  const match = occupationOf(jobTitle);
  return {
    jobTitle,
    jobTitleNormalized: match?.normalized ?? null,
    emsiId: match?.occupationId ?? null,
    managementLevel: managementLevel(jobTitle),
    classification: match?.soc ? socClassification(match.soc) : null,
  };
}

/** The job with its occupation, socCode, socName and the employer's industry (knowledge/industries.ts) filled in. */
export function classifyJob(job: WorkExperience): WorkExperience {
  const occupation = occupationFor(job.jobTitle);
  const classification = occupation?.classification ?? null;
  const socCode = classification ? String(classification.socCode) : null;
  return { ...job, occupation, socCode, socName: classification?.title ?? null, industry: job.industry ?? industryOf({ ...job, socCode }) };
}

export const occupations: Component = {
  name: 'occupations',
  stage: 'enrich',
  creates: 'workExperience[].occupation (normalised title, management level, UK SOC 2010 classification), socCode, socName, industry; profession normalised',
  run(doc) {
    doc.data.workExperience = doc.data.workExperience.map(classifyJob);
    // The profession is the title of the current or latest job (understand/work.ts), as the taxonomy names
    // it when the taxonomy knows that title (whole, or but for its rank); a title matched only by its last
    // words ("Emergency Department Nurse" → "Nurse") or read another way ("Head of Research" → "Research
    // Director") stays as printed: it says more than the occupation found.
    const source = doc.data.workExperience.find((w) => w.jobTitle != null && w.jobTitle === doc.data.profession);
    const match = source?.jobTitle ? occupationOf(source.jobTitle) : null;
    if (match && (match.match === 'whole' || match.match === 'without-rank')) doc.data.profession = match.normalized;
  },
};
