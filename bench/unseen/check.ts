/**
 * Self-check (`--check`): extract the text of each written document and assert that every truth string that
 * should be printed literally (whitespace-normalised) appears in it, and that every phone number reads back
 * to its E.164 form through the scorer's own lenient parser.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Truth } from './truth.ts';

/** Text of a PDF, items in content order (pdf.js). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const pg = await doc.getPage(i);
    const tc = await pg.getTextContent();
    for (const it of tc.items) if ('str' in it) out.push(it.str + (it.hasEOL ? '\n' : ''));
    out.push('\n');
  }
  await doc.destroy();
  return out.join('');
}

/** Text of a DOCX: body, headers and footers, with tabs and paragraph breaks. */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const parts = Object.keys(files).filter((f) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(f)).sort();
  const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const out: string[] = [];
  for (const f of parts) {
    const xml = strFromU8(files[f]!);
    for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
      if (m[1] !== undefined) out.push(decode(m[1]));
      else out.push(m[0] === '<w:tab/>' ? '\t' : '\n');
    }
    out.push('\n');
  }
  return out.join('');
}

export async function documentText(file: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(file));
  if (file.endsWith('.pdf')) return pdfText(bytes);
  if (file.endsWith('.docx')) return docxText(bytes);
  return new TextDecoder().decode(bytes);
}

/** Whitespace removed, soft hyphens dropped, typographic apostrophes kept as printed. */
const squash = (s: string): string => s.normalize('NFC').replace(/\u00ad/g, '').replace(/\s+/g, '');

type PhoneCandidates = (raw: string, defaultDial: string | null) => string[];
let phoneCandidates: PhoneCandidates | null = null;
/** The scorer's lenient phone parser, when the shared scorer is present. */
async function scorerPhones(): Promise<PhoneCandidates | null> {
  if (phoneCandidates) return phoneCandidates;
  const file = path.resolve(import.meta.dirname, '../../../shared/eval/score.mjs');
  try {
    const mod = (await import(pathToFileURL(file).href)) as { phoneCandidates?: PhoneCandidates };
    phoneCandidates = mod.phoneCandidates ?? null;
  } catch {
    phoneCandidates = null;
  }
  return phoneCandidates;
}

const DIAL: Record<string, string> = { US: '1', CA: '1', GB: '44', AU: '61', IN: '91', DE: '49', FR: '33', SG: '65', ZA: '27' };

/** Problems found in one document (empty = consistent). */
export async function checkDocument(file: string, truth: Truth): Promise<string[]> {
  const text = squash(await documentText(file));
  const problems: string[] = [];
  const expect = (what: string, s: string | null | undefined): void => {
    if (s && !text.includes(squash(s))) problems.push(`${what} not found: "${s}"`);
  };
  expect('name', truth.name.raw);
  truth.emails.forEach((e) => expect('email', e));
  truth.phoneNumbers.forEach((e) => expect('phone', e));
  truth.websites.forEach((e) => expect('website', e));
  expect('location', truth.location.rawInput);
  expect('summary', truth.summary);
  expect('objective', truth.objective);
  for (const w of truth.workExperience) {
    expect('jobTitle', w.jobTitle);
    expect('organization', w.organization);
    expect('work location', w.location?.rawInput);
    for (const b of w.jobDescription.split('\n')) expect('bullet', b);
  }
  for (const e of truth.education) {
    expect('school', e.organization);
    expect('degree', e.accreditation.education);
    expect('grade', e.grade?.raw);
  }
  truth.skills.forEach((s) => expect('skill', s.name));
  truth.languages.forEach((l) => expect('language', l));
  truth.certifications.forEach((c) => expect('certification', c));
  truth.publications.forEach((c) => expect('publication', c));
  for (const r of truth.referees) for (const line of r.text.split('\n')) expect('referee', line);
  const pc = await scorerPhones();
  if (pc) {
    const dial = DIAL[truth.meta.locale.slice(3)] ?? null;
    truth.phoneNumbers.forEach((raw, i) => {
      const want = truth.phoneE164[i]!.replace(/\D/g, '');
      if (!pc(raw, dial).includes(want)) problems.push(`phone "${raw}" does not read back as ${truth.phoneE164[i]}`);
    });
  }
  return problems;
}
