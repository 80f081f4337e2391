/**
 * Personal details: the candidate's name, e-mails, phones, web sites, home location and date of birth.
 *
 * Contacts are looked for everywhere except in the referees' section (their e-mails are not the
 * candidate's); the name and the location only in the personal-details part (the top of the document, a
 * contact sidebar), where they are printed.
 */
import type { Component, Doc, Section } from '../doc.ts';
import { cite } from '../doc.ts';
import { findEmails, findPhones, findUrls, isLinkedIn, mentionsEmail } from './contact.ts';
import { LOWER_CASE_NAME, nameScore, splitName } from './name.ts';
import { findLocations, parseLocation } from './location.ts';
import { isKnownTown } from './places.ts';
import { parseDate, toIsoDate } from './dates.ts';
import { headingTopic } from '../../knowledge/headings.ts';
import { unionBox, type Line } from '../layout.ts';
import { inferCountry } from '../enrich/phones.ts';
import { orgScore, schoolScore, titleScore } from '../../knowledge/lexicon.ts';

/** Lines where the candidate's own details are printed. */
function personalLines(doc: Doc): Line[] {
  return personalSections(doc).flatMap((s) => (s.heading ? [s.heading, ...s.lines] : s.lines));
}

const personalSections = (doc: Doc): Section[] => doc.sections.filter((s) => s.topic === 'personal');

/** A form's label with its value elsewhere ("Date of Birth:"). */
const BARE_LABEL = /^[^:：\t]{1,30}[:：]\s*$/;

/**
 * Where a name can be: the top lines of each personal-details part (a banner, a sidebar's top), and the
 * document's first lines whatever section they fell in (a "RESUME" title read as a summary heading, "Student
 * Seeking Internship" read as a work heading, with the name under it).
 */
function nameCandidates(doc: Doc): Line[] {
  // Lines without a letter (a column of empty bullets) take no place among the top lines, nor a form's bare
  // labels ("Name:" / "Date of Birth:" / "Address:", their values read after them).
  const linesOf = (s: Section): Line[] => (s.heading ? [s.heading, ...s.lines] : s.lines).filter((l) => /\p{L}/u.test(l.text) && !BARE_LABEL.test(l.text));
  const parts = personalSections(doc).flatMap((s) => linesOf(s).slice(0, 6));
  const all = doc.sections.flatMap(linesOf);
  const opening = all.slice(0, 5).filter((l) => !parts.includes(l));
  // The name stands over its contact lines, however far down a sample's preamble pushed them ("DO NOT COPY:
  // …" / "Kim Kreiger" / "790 Brown St" / "Ph: …"): the three lines above the first e-mail address or phone.
  const contact = all.slice(0, 30).findIndex((l) => mentionsEmail(l.text) || findPhones(l.text, doc.country).length > 0);
  const above = contact > 5 ? all.slice(Math.max(5, contact - 3), contact).filter((l) => !parts.includes(l)) : [];
  return parts.length ? [...parts, ...opening, ...above] : contactLines(doc).slice(0, 8);
}

function contactLines(doc: Doc): Line[] {
  return doc.sections.filter((s) => s.topic !== 'referees').flatMap((s: Section) => (s.heading ? [s.heading, ...s.lines] : s.lines));
}

/**
 * The lines of the first-page block that holds an e-mail address: a contact box read under another
 * heading (a sidebar beside "CAREER GOAL") still gives the candidate's home.
 */
function contactBlock(lines: Line[]): Line[] {
  const box = lines.find((l) => l.pageIndex === 0 && mentionsEmail(l.text));
  const block = box ? lines.filter((l) => l.pageIndex === 0 && l.block === box.block) : [];
  // A box, not a whole page that happens to be one block (Word and plain text have few blocks).
  return block.length <= 8 ? block : [];
}

/** "Name:", "Resume of", "CV" before a name. */
const LABEL = /^\s*(?:(?:name|nom|vorname|nachname|full name)\s*[:：]|(?:resume|résumé|curriculum vitae|cv|bio-?data)(?:\s+of)?\s+(?=\p{Lu}))\s*/iu;

/** The part of a line that may be a name: before a tab, without stray quotes, a "Name:" label or a trailing comma. */
const nameText = (l: Line): string =>
  l.text.replace(/^["'“”‘’\s]+/, '').replace(LABEL, '').split('\t')[0]!.replace(/["'“”‘’\s]+$/, '').trim().replace(/\s*[,;]$/, '');

/**
 * The name printed at the head of a line that goes on with other fields ("Asha Rao - Email me on Indeed: …",
 * "Asha Rao, Pune", "Asha Rao 87 Some Street"): the text before the first separator or number.
 */
function headOf(text: string, first: boolean): string | null {
  // A number starts the rest only on the first line ("Asha Rao 87 Some Street") or on a line that goes on to
  // an e-mail address ("Asha Rao 87 Some Street  Pune  asha@…"), not in "Room No. CS 106".
  const numbered = first || /\S+@\S+\.\w/.test(text);
  const cut = (numbered ? /\s[-–—|·•]\s|,\s|\s(?=\d)/ : /\s[-–—|·•]\s|,\s/).exec(text);
  if (!cut || cut.index === 0) return null;
  const head = text.slice(0, cut.index).trim();
  // "Glen Waverley, 3150": a town before its postcode.
  if (/^[\s,]*[A-Z]{0,2}[- ]?\d{4,6}\s*$/.test(text.slice(cut.index))) return null;
  // "Huntington Beach, CA 92648", "Pune City, Maharashtra - …": a place at the head of the line is no name. A
  // name before a state ("Mei Ruthanne Schuppe, Telangana") reads as a place too, but names no town ("Bangalore
  // City, Karnataka" does).
  const town = (): boolean => isKnownTown(head) || isKnownTown(head.replace(/\s+(?:city|town|district|county|nagar)$/i, ''));
  if (findLocations(text).some((f) => f.index === 0) && (nameScore(head) < 0.75 || town())) return null;
  // …nor a shortened word ("East Vill., New York"): in a name only initials take a full stop.
  return /\p{L}{2,}\./u.test(head) ? null : head;
}

/**
 * On the first line, a name run straight into the next field with no separator ("Asha Rao Integration
 * Developer - Cisco", "Asha Rao University Communications, University at Buffalo", "Asha Rao a.rao@x.org"):
 * two or three capitalised words, when what follows opens with a job title, an employer, a school or an
 * e-mail address.
 */
function nameBeforeField(text: string): string | null {
  const words = text.split(/\s+/);
  for (const n of [3, 2]) {
    if (words.length <= n) continue;
    const name = words.slice(0, n);
    // A name ends in a word of two letters or more, or in an initial with its full stop.
    if (!name.every((w) => /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.$/u.test(w)) || /^\p{Lu}\.$/u.test(name.at(-1)!)) continue;
    // (An icon font's glyph before the e-mail address comes out as a lone letter: "Asha Rao B asha@…".)
    const rest = words.slice(n).join(' ').split(/\s[-–—|·•]\s|,\s/)[0]!.replace(/^\S\s+(?=\S+@)/, '');
    const field = /^\S+@\S+\.\w/.test(rest) || titleScore(rest) >= 0.45 || orgScore(rest) >= 0.7 || schoolScore(rest) > 0;
    if (field && titleScore(name.join(' ')) < 0.3 && nameScore(name.join(' ')) > 0.35) return name.join(' ');
  }
  return null;
}

/** The name: the line at the top that looks most like a person's name, larger type breaking ties. */
export function findName(lines: Line[]): { line: Line; text: string } | null {
  const top = joinStackedName(lines.slice(0, 18));
  const maxSize = Math.max(...top.map((l) => l.fontSize), 1);
  let best: { line: Line; text: string } | null = null;
  let bestScore = 0.35;
  top.forEach((l, i) => {
    const whole = nameText(l);
    const head = headOf(whole, i === 0);
    const runOn = i === 0 ? nameBeforeField(whole) : null;
    // A name that shares its line with other fields counts for a little less than one on a line of its own.
    for (const [text, cost] of [[whole, 0], ...(head ? [[head, 0.05]] : []), ...(runOn ? [[runOn, 0.05]] : [])] as [string, number][]) {
      if (headingTopic(text)) continue;
      let s = nameScore(text);
      if (s <= 0) continue;
      // A name in lower case, whole or in part, is believed only as the document's first line (a job site's export).
      if (i > 0 && /(?:^|\s)\p{Ll}/u.test(text) && s <= LOWER_CASE_NAME) continue;
      s += 0.25 * (l.fontSize / maxSize) - 0.02 * i + (l.bold ? 0.05 : 0) - cost;
      if (s > bestScore) {
        bestScore = s;
        best = { line: l, text };
      }
    }
  });
  return best;
}

/**
 * A name set in large type over two lines ("Chanchal" / "Sharma"): two short, capitalised lines of the same
 * size, larger than the text around them, become one line to score.
 */
function joinStackedName(top: Line[]): Line[] {
  const sizes = top.map((l) => l.fontSize).sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const out: Line[] = [];
  for (let i = 0; i < top.length; i++) {
    const [a, b] = [top[i]!, top[i + 1]];
    const short = (l: Line) => /^\p{Lu}/u.test(l.text) && l.text.trim().split(/\s+/).length <= 2 && !/\t/.test(l.text);
    if (b && a.pageIndex === b.pageIndex && Math.abs(a.fontSize - b.fontSize) < 0.5 && a.fontSize >= 1.3 * usual && short(a) && short(b)) {
      out.push({ ...a, text: `${a.text.trim()} ${b.text.trim()}`, words: [...a.words, ...b.words], bbox: unionBox([a.bbox, b.bbox]), end: b.end });
      i++;
    } else out.push(a);
  }
  return out;
}

/** A contact detail's label, as printed over or before its value. */
const CONTACT_LABEL = /^(?:mobile|mobile phone|phone|cell|cellphone|tel|telephone|e-?mail|address|home|work|office|fax|linkedin|website|web|github|portfolio|contact|location)\s*[:：]?$/i;

/**
 * The candidate's home: a place printed in the personal details that is not an employer or a school
 * ("Head of School, University of Edinburgh"), nor a label.
 */
export function findHome(lines: Line[]): { value: string; start: number } | null {
  const candidates: { value: string; start: number }[] = [];
  const add = (text: string, start: number, f: { value: string; index: number; length: number }): void => {
    const head = f.value.split(',')[0]!;
    if (schoolScore(head) > 0 || orgScore(head) >= 0.7 || titleScore(head) >= 0.45) return;
    // A label ("MOBILE⇥0490 842 733", "Address:") is not the place, even when a town has its name.
    const label = !f.value.includes(',') && f.value.split(/\s+/).length <= 2;
    if (label && /^\s*$/.test(text.slice(0, f.index)) && /^\s*[:：\t]/.test(text.slice(f.index + f.length))) return;
    // …nor is a label alone on its line, over its value ("MOBILE" / "0157/78278312": Mobile is in Alabama).
    if (CONTACT_LABEL.test(text.trim())) return;
    candidates.push({ value: f.value, start: start + f.index });
  };
  lines.forEach((l, i) => {
    // An address wrapped in a narrow column ("121 Victoria Road, Manchester, United" / "Kingdom M4 8SJ") is
    // read across the break, when the line alone names no place: a line of comma parts, then the next line
    // of the text in its column, short and no other field ("Jacob Ross" / "MOBILE⇥01224 …" is a name over a
    // label, not "Ross Mobile").
    const next = lines[i + 1];
    const found = findLocations(l.text);
    const wrapped =
      next != null && next.start === l.end + 1 && next.column === l.column && l.text.includes(',') && !/[.:;]\s*$|\t/.test(l.text) &&
      !/[\t@]/.test(next.text) && next.text.trim().split(/\s+/).length <= 6;
    // (Also when it does, if the next line plainly carries on: "66 Grove Road, Newcastle" / "upon Tyne, NE2 1XS".)
    if (next && wrapped && (!found.length || /^\s*\p{Ll}/u.test(next.text))) {
      // Joined by one character, as the line break is in the text, so offsets stay those of the text.
      const joined = `${l.text} ${next.text}`;
      const across = findLocations(joined).find((f) => f.index < l.text.length && f.index + f.length > l.text.length + 1);
      if (across) add(joined, l.start, across);
    }
    for (const f of found) add(l.text, l.start, f);
  });
  return candidates[0] ?? null;
}

const DOB = /\b(date of birth|d\.?o\.?b\.?|born( on)?|birth ?date|geburtsdatum|geboren( am)?|date de naissance|n[ée]e? le|fecha de nacimiento|data de nascimento|data di nascita|geboortedatum)\b\s*[:：]?\s*(.+)$/i;

export function findDateOfBirth(lines: Line[]): { iso: string; line: Line } | null {
  for (const l of lines) {
    const m = DOB.exec(l.text);
    if (!m) continue;
    const d = parseDate(m[m.length - 1]!.split(/\t|\s[|·]\s/)[0]!);
    if (d && d.year > 1920) return { iso: toIsoDate(d), line: l };
  }
  return null;
}

/**
 * OCR reads the dot of "victoria.hall@icloud.com" as a space: "victoria hall@icloud.com" finds only
 * "hall@icloud.com". When the address's local part is one of the candidate's names and the lower-case word
 * right before it another, that word is put back, with its dot.
 */
export function withNameBefore(m: { value: string; index: number; length: number }, text: string, name: string): { value: string; index: number; length: number } {
  const before = /(?:^|\s)(\p{Ll}+) $/u.exec(text.slice(Math.max(0, m.index - 30), m.index));
  const parts = name.toLowerCase().split(/[\s.,-]+/);
  // Both halves are the candidate's names ("victoria" and "hall"); "jane smith jsmith@…" is a name, then the address.
  const local = m.value.split('@')[0]!.toLowerCase();
  if (!before || !parts.includes(before[1]!) || !parts.includes(local) || local === before[1]) return m;
  const word = before[1]!;
  return { value: `${word}.${m.value}`, index: m.index - word.length - 1, length: m.length + word.length + 1 };
}

export const personal: Component = {
  name: 'personal',
  stage: 'understand',
  creates: 'data.name, emails, phoneNumbers, websites, linkedin, location, dateOfBirth; doc.country',
  run(doc) {
    const mine = personalLines(doc);
    const all = contactLines(doc);
    const d = doc.data;

    const name = findName(nameCandidates(doc));
    // Location next (never on a line that is only the name): it decides how national phone numbers are read.
    const nameLine = name && name.text === nameText(name.line) ? name.line : null;
    const home = findHome((mine.length ? mine : all.slice(0, 10)).filter((x) => x !== nameLine)) ?? findHome(contactBlock(all));
    if (home) {
      // An ambiguous place ("Perth", "Cambridge") is read in the caller's region when one is given.
      d.location = parseLocation(home.value, doc.options.regionBias?.country?.toUpperCase() ?? doc.options.regionBias?.countries?.[0]?.toUpperCase() ?? null);
      cite(doc, '/location', home.start, home.start + home.value.length);
    }
    doc.country = inferCountry({ locationCountry: d.location?.countryCode ?? null, phones: [], regionBias: doc.options.regionBias ?? null });

    const text = all.map((l) => l.text).join('\n');
    // The texts searched are lines joined by newlines: map an index back into the document.
    const offsetIn = (lines: Line[]) => (i: number): number => {
      let at = i;
      for (const l of lines) {
        if (at <= l.text.length) return l.start + at;
        at -= l.text.length + 1;
      }
      return 0;
    };
    const offsetOf = offsetIn(all);
    const ownOffset = offsetIn(mine);
    // The candidate's own contacts are printed with their name; only when none are, look further.
    const ownText = mine.map((l) => l.text).join('\n');
    const own = findEmails(ownText);
    const found = own.length ? own.map((m) => ({ ...m, index: ownOffset(m.index) })) : findEmails(text).map((m) => ({ ...m, index: offsetOf(m.index) }));
    const emails = doc.layout.isOcrd && name ? found.map((m) => withNameBefore(m, doc.layout.text, name.text)) : found;
    for (const m of emails) {
      if (d.emails.includes(m.value)) continue;
      cite(doc, `/emails/${d.emails.length}`, m.index, m.index + m.length);
      d.emails.push(m.value);
    }
    // Phones line by line: a postcode at the end of one line must not run into a number on the next.
    const phonesIn = (lines: Line[], country: string | null) =>
      lines.flatMap((l) => findPhones(l.text, country).map((m) => ({ ...m, index: l.start + m.index })));
    if (!doc.country) {
      const phonesRaw = phonesIn(all, null).map((p) => p.value);
      doc.country = inferCountry({ locationCountry: null, phones: phonesRaw, regionBias: doc.options.regionBias ?? null });
    }
    const ownPhones = phonesIn(mine, doc.country);
    for (const m of ownPhones.length ? ownPhones : phonesIn(all, doc.country)) {
      if (d.phoneNumbers.includes(m.value)) continue;
      cite(doc, `/phoneNumbers/${d.phoneNumbers.length}`, m.index, m.index + m.length);
      d.phoneNumbers.push(m.value);
    }
    for (const m of findUrls(text)) {
      if (d.websites.includes(m.value)) continue;
      cite(doc, `/websites/${d.websites.length}`, offsetOf(m.index), offsetOf(m.index + m.length));
      d.websites.push(m.value);
      if (!d.linkedin && isLinkedIn(m.value)) d.linkedin = m.value;
    }

    if (name) {
      d.name = splitName(name.text);
      const at = name.line.text.indexOf(name.text);
      cite(doc, '/name', name.line.start + at, name.line.start + at + name.text.length);
    }
    const dob = findDateOfBirth(mine.length ? mine : all);
    if (dob) {
      d.dateOfBirth = dob.iso;
      cite(doc, '/dateOfBirth', dob.line.start, dob.line.end);
    }
  },
};
