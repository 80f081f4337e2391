/**
 * `data.isResumeProbability` (0–100; Affinda: below 30 suggests the document is not a résumé). A résumé names a
 * person and how to reach them, and lists dated jobs and schools under headings; a cover letter is addressed
 * ("Dear…", "Sincerely") and written in the first person; a job description speaks to "you" about what "we"
 * look for; an invoice totals amounts; an article has none of a résumé's parts. The evidence is counted from what the
 * pipeline found and from the text, and weighed by a logistic function whose weights were set by hand on
 * documents made for the tests (test/enrich/resume-probability.test.ts), then checked on real résumés: the dev
 * corpus's 144 text documents all score 98 or more; of 200 DataTurks résumés (plain text from a job site, often
 * without headings), the median is 97 and 17 score below 80.
 */
import type { Component, Doc } from '../doc.ts';

export interface ResumeEvidence {
  /** A name, and an e-mail address or a phone number. */
  contact: number;
  /** Kinds of résumé section found (work, education, skills, languages, certifications…), at most 4. */
  sections: number;
  /** Dated jobs and schools, at most 4. */
  entries: number;
  /** First-person pronouns per 100 words ("I", "my", "me"). */
  firstPerson: number;
  /** Salutations and closings of a letter. */
  letter: number;
  /** Phrases of a job advertisement ("we are looking for", "you will", "apply"). */
  advert: number;
  /** Words of an invoice or a receipt ("invoice", "subtotal", "amount due"). */
  invoice: number;
  /** Whether a job was read (a title or an employer). */
  jobs: boolean;
}

const RESUME_SECTIONS = new Set(['work', 'education', 'skills', 'languages', 'certifications', 'projects', 'publications', 'referees', 'summary']);
const LETTER = [/^\s*dear\b/im, /\b(yours (sincerely|faithfully|truly)|sincerely( yours)?|kind regards|best regards|warm regards)\s*,?\s*$/im, /\bto whom it may concern\b/i, /\bi am writing to\b/i, /\bthank you for (your|considering)\b/i];
const ADVERT = [/\bwe are (looking|seeking|hiring)\b/i, /\bthe ideal candidate\b/i, /\byou will\b/i, /\bwhat you('| wi)ll (do|bring)\b/i, /\b(apply|applications?) (now|by|before|online|today)\b/i, /\babout (us|the role|the company)\b/i, /\bwe offer\b/i, /\b(job|position) (description|summary|overview)\b/i, /\byou have\b/i, /\bequal opportunit(y|ies) employer\b/i];
const INVOICE = [/\binvoice\b/i, /\bsub-?total\b/i, /\bamount due\b/i, /\bbill(ed)? to\b/i, /\bunit price\b/i, /\bqty\b|\bquantity\b/i, /\b(vat|tax) (\d|amount|total)/i, /\bpayment (terms|due)\b/i, /\btotal (due|amount)\b/i];

export function resumeEvidence(doc: Doc): ResumeEvidence {
  const d = doc.data;
  const text = doc.layout.text;
  const words = text.match(/\p{L}+/gu) ?? [];
  const firstPerson = words.filter((w) => /^(I|[Mm]y|[Mm]e|[Mm]yself)$/.test(w)).length;
  const topics = new Set(doc.sections.map((s) => s.topic).filter((t) => RESUME_SECTIONS.has(t)));
  const dated = d.workExperience.filter((w) => w.dates?.startDate || w.dates?.endDate).length + d.education.filter((e) => e.dates?.completionDate || e.dates?.startDate).length;
  return {
    contact: (d.name?.raw ? 1 : 0) + (d.emails.length || d.phoneNumbers.length ? 1 : 0),
    sections: Math.min(4, topics.size),
    entries: Math.min(4, dated),
    firstPerson: words.length ? (100 * firstPerson) / words.length : 0,
    letter: LETTER.filter((re) => re.test(text)).length,
    advert: ADVERT.filter((re) => re.test(text)).length,
    invoice: INVOICE.filter((re) => re.test(text)).length,
    jobs: d.workExperience.some((w) => w.jobTitle || w.organization),
  };
}

/** The evidence weighed: a logistic function of it, as a percentage. */
export function resumeProbability(e: ResumeEvidence): number {
  const z =
    -2.5 +
    0.9 * e.contact +
    0.9 * e.sections +
    0.6 * e.entries +
    (e.jobs ? 0.5 : 0) -
    0.25 * Math.max(0, e.firstPerson - 3) -
    1.6 * e.letter -
    1.3 * e.advert -
    1.5 * e.invoice;
  return Math.round(100 / (1 + Math.exp(-z)));
}

export const isResumeProbability: Component = {
  name: 'isResumeProbability',
  stage: 'enrich',
  creates: 'data.isResumeProbability: how likely the document is a résumé (0–100)',
  run(doc) {
    doc.data.isResumeProbability = resumeProbability(resumeEvidence(doc));
  },
};
