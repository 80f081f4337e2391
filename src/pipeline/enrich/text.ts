/**
 * The document's text as Affinda returns it: `rawText`, and `redactedText` with the candidate's personal
 * values (name, e-mails, phones, web sites, address, date of birth, referees' details) replaced.
 */
import type { Component } from '../doc.ts';
import type { ResumeData } from '../../affinda/types.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every personal value worth hiding, longest first so that a full name goes before its parts. */
export function personalValues(d: ResumeData): string[] {
  const values = [
    d.name?.raw, d.name?.first, d.name?.middle, d.name?.last,
    ...d.emails, ...d.phoneNumbers, ...d.websites, d.linkedin, d.location?.rawInput,
    // A referee's whole block: their name, position, employer and contacts are theirs, not the candidate's to share.
    ...d.referees.flatMap((r) => [r.name, r.email, r.number, ...r.text.split('\n')]),
  ];
  return [...new Set(values.filter((v): v is string => !!v && v.trim().length > 1))].sort((a, b) => b.length - a.length);
}

export function redact(text: string, d: ResumeData): string {
  let out = text;
  // Whole words only: a first name "Ann" must not eat "Annual".
  for (const v of personalValues(d)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(v.trim())}(?![\\p{L}\\p{N}])`, 'giu'), '[REDACTED]');
  if (d.dateOfBirth) out = out.replace(/(date of birth|d\.?o\.?b\.?|born|geburtsdatum|date de naissance)\s*[:：]?\s*[^\n\t|]+/gi, '$1: [REDACTED]');
  return out;
}

export const text: Component = {
  name: 'text',
  stage: 'enrich',
  creates: 'data.rawText and data.redactedText',
  run(doc) {
    doc.data.rawText = doc.layout.text;
    doc.data.redactedText = redact(doc.layout.text, doc.data);
  },
};
