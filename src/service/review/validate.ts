/**
 * Checks of what the review page saves, before it goes through PATCH's logic (patch.ts), which takes any
 * value: a person typing into a form makes mistakes a program sending JSON does not, and each mistake is
 * answered with the path of its field (`workExperience.0.dates.startDate`) so the page can show it there. Pure.
 */
import type { ErrorItem } from '../api/errors.ts';

/** The ResumeData keys the review page edits; anything else in a save is refused. */
export const REVIEW_FIELDS = [
  'name', 'emails', 'phoneNumbers', 'location', 'summary', 'workExperience', 'education', 'skills', 'languages', 'certifications', 'referees',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Affinda's dates: a day, as the parser writes them. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^[+()\d][\d\s().\-/]{3,}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem found, in field order; empty when the save may go ahead. */
export function reviewErrors(body: unknown): ErrorItem[] {
  if (!isObject(body)) return [{ attr: 'non_field_errors', code: 'invalid', detail: 'Send a JSON object of ResumeData fields.' }];
  const errors: ErrorItem[] = [];
  const fail = (attr: string, detail: string): void => void errors.push({ attr, code: 'invalid', detail });
  for (const key of Object.keys(body)) {
    if (!(REVIEW_FIELDS as readonly string[]).includes(key)) fail(key, `${key} is not edited on the review page.`);
  }
  const list = (key: string): unknown[] => {
    const value = body[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail(key, 'Must be a list.'), [];
    return value;
  };
  list('emails').forEach((email, i) => {
    if (typeof email !== 'string' || !EMAIL.test(email)) fail(`emails.${i}`, 'Not an email address.');
  });
  list('phoneNumbers').forEach((phone, i) => {
    if (typeof phone !== 'string' || !PHONE.test(phone)) fail(`phoneNumbers.${i}`, 'Not a phone number.');
  });
  for (const key of ['languages', 'certifications']) {
    list(key).forEach((value, i) => {
      if (typeof value !== 'string' || !value.trim()) fail(`${key}.${i}`, 'May not be empty.');
    });
  }
  list('skills').forEach((skill, i) => {
    if (!isObject(skill) || typeof skill.name !== 'string' || !skill.name.trim()) fail(`skills.${i}.name`, 'May not be empty.');
  });
  list('workExperience').forEach((job, i) => {
    if (!isObject(job)) return fail(`workExperience.${i}`, 'Must be an object.');
    if (!job.jobTitle && !job.organization) fail(`workExperience.${i}.jobTitle`, 'A job needs a title or an employer.');
    checkDates(job.dates, `workExperience.${i}.dates`, ['startDate', 'endDate'], fail);
  });
  list('education').forEach((school, i) => {
    if (!isObject(school)) return fail(`education.${i}`, 'Must be an object.');
    if (!school.organization) fail(`education.${i}.organization`, 'A school needs a name.');
    checkDates(school.dates, `education.${i}.dates`, ['startDate', 'completionDate'], fail);
  });
  list('referees').forEach((referee, i) => {
    if (!isObject(referee)) return fail(`referees.${i}`, 'Must be an object.');
    if (referee.email && (typeof referee.email !== 'string' || !EMAIL.test(referee.email))) fail(`referees.${i}.email`, 'Not an email address.');
  });
  return errors;
}

function checkDates(dates: unknown, attr: string, keys: string[], fail: (attr: string, detail: string) => void): void {
  if (dates == null) return;
  if (!isObject(dates)) return fail(attr, 'Must be an object.');
  for (const key of keys) {
    const value = dates[key];
    if (value != null && (typeof value !== 'string' || !DATE.test(value))) fail(`${attr}.${key}`, 'Write the date as YYYY-MM-DD.');
  }
  const [start, end] = keys.map((key) => dates[key]);
  if (typeof start === 'string' && typeof end === 'string' && DATE.test(start) && DATE.test(end) && start > end) fail(`${attr}.${keys[1]}`, 'Ends before it starts.');
}
