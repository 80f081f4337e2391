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

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function redact(text: string, d: ResumeData): string {
  const values = personalValues(d).map((v) => v.trim());
  // One pass over the text (longest values first, so a full name goes before its parts), and whole words
  // only: a first name "Ann" must not eat "Annual". (A regular expression per value with Unicode look-behind
  // cost 8 ms on a long résumé.)
  const inWord = (i: number): boolean => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
  let out = values.length
    ? text.replace(new RegExp(values.map(escape).join('|'), 'gi'), (m: string, at: number) =>
        (WORD_CHAR.test(m[0]!) && inWord(at - 1)) || (WORD_CHAR.test(m.at(-1)!) && inWord(at + m.length)) ? m : '[REDACTED]')
    : text;
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
