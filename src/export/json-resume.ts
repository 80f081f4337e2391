/**
 * Affinda's ResumeData → a JSON Resume document (https://jsonresume.org/schema, v1.0.0 as published in
 * @jsonresume/schema 1.3.1), for the themes and tools of that ecosystem. Pure: one value in, one value out.
 *
 * What has no place in JSON Resume (phone details, occupation codes, sections, raw text) is left out; what JSON
 * Resume wants and Affinda does not read (volunteering, awards, interests, projects) is left empty. Values are
 * omitted rather than written as null, as the schema's types are plain strings.
 */
import type { Education, Location, ResumeData, WorkExperience } from '../affinda/types.ts';

export interface JsonResume {
  $schema: string;
  basics: {
    name?: string;
    label?: string;
    image?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { address?: string; postalCode?: string; city?: string; countryCode?: string; region?: string };
    profiles: Array<{ network: string; username?: string; url: string }>;
  };
  work: Array<{ name?: string; position?: string; location?: string; startDate?: string; endDate?: string; summary?: string; highlights: string[] }>;
  education: Array<{ institution?: string; area?: string; studyType?: string; startDate?: string; endDate?: string; score?: string }>;
  certificates: Array<{ name: string }>;
  publications: Array<{ name: string }>;
  skills: Array<{ name: string }>;
  languages: Array<{ language: string }>;
  references: Array<{ name: string; reference?: string }>;
  meta: { version: string };
}

export const JSON_RESUME_SCHEMA = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/** Drops undefined, null and empty-string values, so the object carries only what is known. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/** Affinda's full dates ("2019-06-01") as JSON Resume's partial ISO dates, to the month: the day is not printed on résumés. */
const month = (iso: string | null | undefined): string | undefined => (iso && /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : undefined);

/** A web address as a URI the schema accepts: "linkedin.com/in/x" → "https://linkedin.com/in/x". */
const uri = (s: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);

const PROFILE_NETWORKS: Array<[RegExp, string]> = [
  [/linkedin\.com/i, 'LinkedIn'],
  [/github\.com/i, 'GitHub'],
  [/gitlab\.com/i, 'GitLab'],
  [/(twitter|x)\.com/i, 'Twitter'],
  [/stackoverflow\.com/i, 'Stack Overflow'],
  [/behance\.net/i, 'Behance'],
  [/dribbble\.com/i, 'Dribbble'],
];

function profileOf(url: string): { network: string; username?: string; url: string } | null {
  const network = PROFILE_NETWORKS.find(([re]) => re.test(url))?.[1];
  if (!network) return null;
  const username = uri(url).replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop();
  return defined({ network, username, url: uri(url) });
}

function location(loc: Location | null): JsonResume['basics']['location'] {
  if (!loc) return undefined;
  const address = [loc.streetNumber, loc.street].filter(Boolean).join(' ');
  return defined({ address, postalCode: loc.postalCode ?? undefined, city: loc.city ?? undefined, countryCode: loc.countryCode ?? undefined, region: loc.state ?? undefined });
}

/** A job's description: its lines (bullets, sentences) become highlights; a single paragraph its summary. */
function work(w: WorkExperience): JsonResume['work'][number] {
  const lines = (w.jobDescription ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  // One paragraph is a summary; several lines are the job's highlights.
  const summary = lines.length === 1 ? lines[0] : undefined;
  const highlights = lines.length > 1 ? lines : [];
  return {
    ...defined({
      name: w.organization ?? undefined,
      position: w.jobTitle ?? undefined,
      location: w.location?.formatted ?? w.location?.rawInput ?? undefined,
      startDate: month(w.dates?.startDate),
      endDate: w.dates?.isCurrent ? undefined : month(w.dates?.endDate),
      summary,
    }),
    highlights,
  };
}

function education(e: Education): JsonResume['education'][number] {
  const acc = e.accreditation;
  // "Bachelor of Science in Biology": the matched degree is the study type, what follows "in" the area.
  const area = acc?.inputStr && acc.matchStr ? acc.inputStr.slice(acc.inputStr.indexOf(acc.matchStr) + acc.matchStr.length).replace(/^[\s,:–—-]*(in|of)?\s+/i, '').trim() : '';
  return defined({
    institution: e.organization ?? undefined,
    studyType: acc?.matchStr ?? acc?.education ?? undefined,
    area: area || undefined,
    startDate: month(e.dates?.startDate),
    endDate: e.dates?.isCurrent ? undefined : month(e.dates?.completionDate),
    score: e.grade?.raw ?? undefined,
  });
}

export function toJsonResume(d: ResumeData): JsonResume {
  const urls = [...(d.linkedin ? [d.linkedin] : []), ...d.websites.filter((w) => w !== d.linkedin)];
  const profiles = urls.map(profileOf).filter((p): p is NonNullable<typeof p> => p !== null);
  const homepage = urls.find((u) => !profileOf(u));
  return {
    $schema: JSON_RESUME_SCHEMA,
    basics: {
      ...defined({
        name: d.name?.raw,
        label: d.profession ?? undefined,
        image: d.headShot ? `data:${d.headShot.startsWith('/9j/') ? 'image/jpeg' : 'image/png'};base64,${d.headShot}` : undefined,
        email: d.emails[0],
        phone: d.phoneNumbers[0],
        url: homepage ? uri(homepage) : undefined,
        summary: d.summary ?? d.objective ?? undefined,
        location: location(d.location),
      }),
      profiles,
    },
    work: d.workExperience.map(work),
    education: d.education.map(education),
    certificates: d.certifications.map((name) => ({ name })),
    publications: d.publications.map((name) => ({ name })),
    skills: d.skills.map((s) => ({ name: s.name })),
    languages: d.languages.map((language) => ({ language })),
    references: d.referees.filter((r) => r.name).map((r) => defined({ name: r.name!, reference: r.position ?? undefined })),
    meta: { version: 'v1.0.0' },
  };
}
