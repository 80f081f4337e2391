/**
 * PATCH semantics (§8): top-level keys replace the stored ones (arrays wholesale); keys that are read-only in
 * Affinda's schema are ignored and recomputed from the fields they follow from. Pure.
 */
import { emptyResumeData, type ResumeData } from '../affinda/types.ts';
import { findLanguages } from '../pipeline/understand/languages.ts';
import { isLinkedIn } from '../pipeline/understand/contact.ts';
import { professionOf } from '../pipeline/understand/work.ts';

const READ_ONLY = new Set<string>(['languageCodes', 'headShot', 'profession', 'linkedin', 'sections', 'isResumeProbability']);
const KNOWN = new Set(Object.keys(emptyResumeData()));

export function applyPatch(stored: ResumeData | null, patch: Partial<ResumeData>): ResumeData {
  const writable = Object.fromEntries(Object.entries(patch).filter(([key, value]) => KNOWN.has(key) && !READ_ONLY.has(key) && value !== undefined));
  const next: ResumeData = { ...emptyResumeData(), ...stored, ...writable };
  if ('workExperience' in writable) next.profession = professionOf(next.workExperience);
  if ('websites' in writable) next.linkedin = next.websites.find(isLinkedIn) ?? null;
  if ('languages' in writable) next.languageCodes = next.languages.map((name) => findLanguages(name)[0]?.code ?? null).filter((c): c is string => c !== null);
  return next;
}

/** `data` given on upload (§6.8): stored as is, unknown keys dropped, missing ones filled with null or []. */
export function resumeDataFromUpload(data: Partial<ResumeData>): ResumeData {
  return { ...emptyResumeData(), ...Object.fromEntries(Object.entries(data).filter(([key, value]) => KNOWN.has(key) && value !== undefined)) };
}
