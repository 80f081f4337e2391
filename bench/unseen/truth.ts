/** The ground truth of one document, in the corpus's shape (see shared/corpus/README.md). */
import { AS_OF_TEXT, monthsInPosition, totalYears, ymIso } from './dates.ts';
import type { Format, Person, SectionType } from './model.ts';

export interface Truth {
  name: { raw: string; first: string; middle: string | null; last: string; title: string | null };
  emails: string[];
  phoneNumbers: string[];
  phoneE164: string[];
  websites: string[];
  linkedin: string | null;
  dateOfBirth: string | null;
  location: { rawInput: string | null; city: string | null; state: string | null; stateCode: string | null; country: string | null; countryCode: string | null; postalCode: string | null };
  objective: string | null;
  summary: string | null;
  languages: string[];
  languageCodes: string[];
  totalYearsExperience: number;
  profession: string;
  education: Array<{
    organization: string;
    accreditation: { education: string; educationLevel: string };
    grade: { raw: string; metric: string; value: string } | null;
    location: { rawInput: string; city: string; country: string } | null;
    dates: { startDate: string | null; completionDate: string | null; isCurrent: boolean; yearOnly?: true };
  }>;
  workExperience: Array<{
    jobTitle: string;
    organization: string;
    location: { rawInput: string; city: string; country: string } | null;
    jobDescription: string;
    dates: { startDate: string; endDate: string | null; isCurrent: boolean; monthsInPosition: number; yearOnly?: true };
  }>;
  skills: Array<{ name: string }>;
  certifications: string[];
  publications: string[];
  referees: Array<{ name: string; email: string; number: string; position: string; text: string }>;
  sectionTypes: SectionType[];
  meta: { template: string; format: Format; locale: string; seed: number; asOf: string; pages?: number };
}

export function buildTruth(p: Person, sections: SectionType[], meta: { template: string; format: Format; seed: number; pages?: number }): Truth {
  const roles = p.employers.flatMap((e) => e.roles.map((r) => ({ e, r })));
  const linkedin = p.websites.find((w) => w.kind === 'linkedin')?.printed ?? null;
  const seen = new Set<SectionType>();
  const sectionTypes = sections.filter((s) => (seen.has(s) ? false : (seen.add(s), true)));
  return {
    name: { ...p.name },
    emails: [...p.emails],
    phoneNumbers: p.phones.map((x) => x.printed),
    phoneE164: p.phones.map((x) => x.e164),
    websites: p.websites.map((w) => w.printed),
    linkedin,
    dateOfBirth: p.dob?.iso ?? null,
    location: p.location
      ? { ...p.location }
      : { rawInput: null, city: null, state: null, stateCode: null, country: null, countryCode: null, postalCode: null },
    objective: p.summary?.kind === 'objective' ? p.summary.text : null,
    summary: p.summary?.kind === 'summary' ? p.summary.text : null,
    languages: p.languages.map((l) => l.name),
    languageCodes: p.languages.map((l) => l.code),
    totalYearsExperience: totalYears(roles.map(({ r }) => ({ start: r.span.start, end: r.span.end, yearOnly: r.span.yearOnly }))),
    profession: p.headline,
    education: p.education.map((ed) => ({
      organization: ed.org,
      accreditation: { education: ed.degree, educationLevel: ed.level },
      grade: ed.grade,
      location: ed.location ? { ...ed.location } : null,
      dates: {
        startDate: ymIso(ed.span.start, ed.span.yearOnly),
        completionDate: ymIso(ed.span.end, ed.span.yearOnly),
        isCurrent: ed.span.current,
        ...(ed.span.yearOnly ? { yearOnly: true as const } : {}),
      },
    })),
    workExperience: roles.map(({ e, r }) => ({
      jobTitle: r.title,
      organization: e.org,
      location: e.location ? { ...e.location } : null,
      jobDescription: r.bullets.join('\n'),
      dates: {
        startDate: ymIso(r.span.start, r.span.yearOnly)!,
        endDate: ymIso(r.span.end, r.span.yearOnly),
        isCurrent: r.span.current,
        monthsInPosition: monthsInPosition(r.span.start, r.span.end, r.span.yearOnly),
        ...(r.span.yearOnly ? { yearOnly: true as const } : {}),
      },
    })),
    skills: p.skills.map((s) => ({ name: s.name })),
    certifications: p.certifications.map((c) => c.name),
    publications: [...p.publications],
    referees: p.referees.map((r) => ({ name: r.name, email: r.email, number: r.phone, position: r.position, text: r.lines.join('\n') })),
    sectionTypes,
    meta: { template: meta.template, format: meta.format, locale: p.locale, seed: meta.seed, asOf: AS_OF_TEXT, ...(meta.pages ? { pages: meta.pages } : {}) },
  };
}
