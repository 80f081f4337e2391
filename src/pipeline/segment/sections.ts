/**
 * Splits the lines (in reading order) into typed sections at their headings.
 *
 * A heading is found in two passes. First, lines whose words name a section ("Work History", "FORMATION",
 * "Sprachkenntnisse") and that look set apart: bold, capitals, larger type, a source heading style, an
 * underline or a colon, or standing alone at the start of a block. Then the style of those headings (size,
 * weight, capitals) is learnt, and other short lines of exactly that style become headings too, with an
 * unknown topic: that is how "Volunteering in Patagonia" or a heading in another language is still
 * recognised as a boundary rather than swallowed by the section above.
 */
import type { Component, Section } from '../doc.ts';
import { exactHeadingTopic, headingTopic, SECTION_TYPE_OF, type Topic } from '../../knowledge/headings.ts';
import { unionBox, type Line, type Word } from '../layout.ts';
import { findDateRanges } from '../understand/dates.ts';
import { isEntryLabel } from '../understand/entries.ts';
import { nameScore } from '../understand/name.ts';
import { placeScore } from '../understand/places.ts';
import { degreeScore, educationLevel } from '../../knowledge/degrees.ts';
import { orgScore, schoolScore, titleScore } from '../../knowledge/lexicon.ts';
import { phraseRoles } from '../../knowledge/phrase-roles.ts';

const UNDERLINE = /^\s*([=\-_*~#.·•])\1{2,}\s*$/;

export interface HeadingStyle {
  size: number;
  bold: boolean;
  caps: boolean;
}

const letters = (s: string): string => s.replace(/[^\p{L}]/gu, '');
export const isAllCaps = (s: string): boolean => {
  const l = letters(s);
  return l.length >= 3 && l === l.toUpperCase() && l !== l.toLowerCase();
};

/** The heading's own text: without a trailing colon, decoration or numbering. */
export function headingText(line: Line): string {
  // Widely spaced capitals can read as fields: "ACADEMIC⇥BACKGROUND" is one heading.
  const spaced = line.text.replace(/\t+/g, ' ');
  const text = isAllCaps(line.text) && exactHeadingTopic(spaced.replace(/[:：]\s*$/, '')) ? spaced : line.text.replace(/\t.*$/, '');
  return text.replace(/[:：]\s*$/, '').replace(/^[\s#*•▪■►–—=~>[-]+|[\s#*•▪■►–—=~<\]-]+$/g, '').replace(/[:：]\s*$/, '').trim();
}

/**
 * A plain-text heading drawn with symbols around it ("--- Experience ---", "*** SKILLS ***", "[ Education ]",
 * "== Work ==", ">> Projects"): set apart from the text as surely as one underlined.
 */
const decorated = (line: Line): boolean => DECORATED.test(line.text.trim()) && headingText(line).length > 0;
/** The same symbols on both sides, a bracket pair, or a double chevron: a single dash or star before a word is a bullet. */
const DECORATED = /^(?:([-=*~#]{2,})\s*[^\t]*\p{L}[^\t]*?\s*\1|\[\s*[^\]\t]*\p{L}[^\]\t]*\s*\]|>>\s*\p{L}[^\t]*)$/u;

function styleOf(line: Line): HeadingStyle {
  return { size: Math.round(line.fontSize * 2) / 2, bold: line.bold, caps: isAllCaps(line.text) };
}

const sameStyle = (a: HeadingStyle, b: HeadingStyle): boolean => a.size === b.size && a.bold === b.bold && a.caps === b.caps;

/** The most common font size of body text, weighted by characters. */
function bodySize(lines: Line[]): number {
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.fontSize * 2) / 2, (count.get(Math.round(l.fontSize * 2) / 2) ?? 0) + l.text.length);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

interface HeadingCandidate {
  index: number;
  topic: Topic | null;
}

/** A list item: a bullet glyph or a dash opening the line. */
const ITEM = /^\s*[•●▪◦❖➢►■◆✓*·–›»-]\s/u;
/** Every word of more than three letters starts with a capital ("Projects & Accomplishments", "Key Skills"). */
const titleCase = (text: string): boolean => {
  const words = text.trim().split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
};

/** The phrase model is sure the text names an employer or a school (not letter-spaced capitals: "L A N G U AG E S"). */
function namesEmployerOrSchool(text: string): boolean {
  if ((text.match(/\p{L}{3,}/gu) ?? []).length < 2) return false;
  const roles = phraseRoles(text);
  return roles.org >= 0.8 || roles.school >= 0.8;
}

/** Text that lost its blank lines (a form field, a flattened export): blocks run ten lines or more on average. */
const blockless = (lines: Line[]): boolean => new Set(lines.map((l) => `${l.pageIndex}:${l.block}`)).size * 10 <= lines.length;

/** A line that is one contact detail and nothing else: an e-mail address, a web address or a phone number. */
const CONTACT_VALUE = /^\s*(?:\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?|\+?[\d(][\d\s().\/-]{6,}\d)\s*$/i;
/** (Not a date range, which a phone number's pattern would take: "2013 - 2016".) */
const contactValue = (text: string): boolean => CONTACT_VALUE.test(text) && findDateRanges(text).length === 0;

/** Lines that are headings, with their topics (null = a heading whose topic is unknown). */
export function findHeadings(lines: Line[]): HeadingCandidate[] {
  const body = bodySize(lines);
  const found: HeadingCandidate[] = [];
  const styles: HeadingStyle[] = [];
  const shortEnough = (l: Line): boolean => {
    const t = headingText(l);
    const toks = t.split(/\s+/);
    const words = toks.length >= 4 && toks.filter((w) => w.length <= 2).length >= 0.7 * toks.length ? 1 : toks.length; // letter-spaced
    return t.length >= 3 && t.length <= 60 && words <= 7 && !/[@]|\d{3,}/.test(t);
  };
  // Plain text carries no type styles; there a line that is a heading and nothing else stands apart by itself
  // ("Experience" between an address and a job), even with no blank line before it, when the text lost its
  // blank lines (a form field, a flattened export).
  // Text that keeps its blank lines has blocks to go by, and a wrapped line's end ("Technologies") stays in
  // its block: only where blocks run ten lines or more on average is a bare heading line trusted.
  const unstyled = lines.every((l) => !l.bold && l.headingLevel == null && Math.round(l.fontSize * 2) / 2 === body) && blockless(lines);
  const widths = lines.map((l) => l.bbox[2] - l.bbox[0]).sort((a, b) => a - b);
  const fullWidth = widths[Math.floor(widths.length * 0.9)] ?? 0;
  // With nothing to set it apart, a line is a heading only by its words, and never when they name a school or
  // an organisation that merely ends in a heading word ("School of Social Work").
  const bareHeading = (l: Line, prev: Line | undefined, next: Line | undefined): boolean => {
    const text = l.text.trim();
    const words = text.split(/\s+/).length;
    if ((text !== headingText(l) && !decorated(l)) || words > 5) return false;
    // (The word lists take "Information Technology Professional Experience" for an employer by its
    // "Technology"; the phrase model knows it for a heading.)
    if (exactHeadingTopic(text) == null && (schoolScore(l.text) > 0 || (orgScore(l.text) >= 0.7 && phraseRoles(text).other < 0.9))) return false;
    // Not a sentence's end, nor a field ("Duration: 6 Month (Internship)").
    if (/[.!?]$|[:：]\s*\S|\d/u.test(text)) return false;
    if (!(isAllCaps(l.text) || titleCase(l.text) || (/^\p{Lu}/u.test(text) && words <= 4))) return false;
    if (!prev) return true;
    // Not the end of a wrapped phrase: the line above runs on ("…with expertise in project" / "Management"),
    // or is a line of prose that reaches the right margin mid-sentence ("…CRM project in Wipro" / "Technologies";
    // not an e-mail address that happens to be as wide as the short lines around it).
    const runsOn = /(?:[,;&/+-]|\b(?:and|or|of|in|for|the|to|with|a|an))\s*$/i.test(prev.text);
    const wrapped = prev.bbox[2] - prev.bbox[0] >= 0.8 * fullWidth && prev.text.trim().split(/\s+/).length >= 6 && /\p{Ll}\s*$/u.test(prev.text);
    // A section's name word for word ("Education", "Work experience") is taken for the wrapped end of no
    // sentence, résumé prose seldom ending on a heading word without its full stop, unless the sentence goes on
    // below it ("…enhance my technical" / "Skills" / "and contribute to…").
    // A section's name word for word over a date opens that section's first entry, whatever the line above
    // ended with ("…for assigned copy writing projects," / "Education" / "2001 - 2004: In-house training…").
    const overDates = exactHeadingTopic(text) != null && next != null && /^\s*(?:(?:19|20)\d{2}\b|\p{L}{3,9}\.?\s+(?:19|20)\d{2}\b)/u.test(next.text) && findDateRanges(next.text).length > 0;
    return overDates || (!runsOn && (!wrapped || (exactHeadingTopic(text) != null && !(next && /^\s*\p{Ll}/u.test(next.text)))));
  };
  const setApart = (l: Line, i: number): boolean => {
    const next = lines[i + 1];
    const prev = lines[i - 1];
    return (
      (unstyled && bareHeading(l, prev, next)) ||
      l.bold ||
      isAllCaps(l.text) ||
      l.fontSize > body * 1.15 ||
      l.headingLevel != null ||
      (next != null && UNDERLINE.test(next.text)) ||
      (decorated(l) && !(prev != null && decorated(prev)) && !(next != null && decorated(next))) ||
      /[:：]\s*$/.test(l.text) ||
      // Plain text has no styles: a heading word standing alone at the start of a block.
      ((prev == null || prev.block !== l.block || prev.pageIndex !== l.pageIndex || prev.column !== l.column) && l.text.trim() === headingText(l)) ||
      // …or closing a bulleted list, in title case ("• Passed 10th STD…" / "Projects & Accomplishments").
      (prev != null && ITEM.test(prev.text) && !ITEM.test(l.text) && l.text.trim() === headingText(l) && titleCase(l.text) && l.text.trim().split(/\s+/).length <= 5)
    );
  };
  lines.forEach((l, i) => {
    if (!shortEnough(l) || l.listItem) return;
    // A heading has no text after a tab (a tab means a second field on the same row), unless the words
    // on both sides make the heading together (widely spaced capitals: "ACADEMIC⇥BACKGROUND").
    if (/\t\S/.test(l.text.trim()) && !(isAllCaps(l.text) && exactHeadingTopic(l.text.replace(/\t+/g, ' ')))) return;
    // Headings start with a capital ("work." wrapped from the line above is not one), and not inside brackets
    // ("Bachelor of Science" / "(Honours) in Human" / "Resource Management" is a degree's name wrapped).
    if (!/^\P{Ll}/u.test(headingText(l)) || /^\s*\(/.test(l.text)) return;
    const topic = headingTopic(headingText(l));
    // An employer or a school whose name ends in a heading word ("Aricent Technologies", "HCL Technologies")
    // is an entry's line, however it is set: the phrase model knows such names.
    if (topic && !exactHeadingTopic(headingText(l)) && namesEmployerOrSchool(headingText(l))) return;
    // Right under a heading of the same topic, it is that section's first line ("Languages" / "Turkish — first
    // language"), unless it is itself a heading word for word ("EXPERIENCE:-" / "WORK EXPERIENCE").
    const prev = found[found.length - 1];
    if (prev && prev.index === i - 1 && prev.topic === topic && !exactHeadingTopic(headingText(l))) return;
    // Inside a section of its own topic, in the type of the line above it, it is an item of that section
    // ("Attention to Detail" / "Organisational Skills" in a skills list).
    const above = lines[i - 1];
    // (Not a second heading whose topic its content decides: "Professional background" then "Qualifications".)
    if (prev && prev.topic === topic && topic !== 'ambiguous' && prev.index < i - 1 && above && sameStyle(styleOf(above), styleOf(l)) && !isAllCaps(l.text)) return;
    // Between two contact details, each under its label, a heading word labels the one under it ("LINKEDIN" /
    // "linkedin.com/in/…" / "PORTFOLIO" / "connorfraser.com"): it opens no section.
    const below = lines[i + 1];
    const label = lines[i - 2] != null && /^\s*\p{Lu}[\p{Lu}\s-]{1,20}:?\s*$/u.test(lines[i - 2]!.text);
    if (above && below && label && contactValue(above.text) && contactValue(below.text) && headingText(l).split(/\s+/).length <= 2) return;
    if (topic && setApart(l, i)) {
      found.push({ index: i, topic });
      styles.push(styleOf(l));
    }
  });
  // A banner — a line in much larger type than any heading, such as the name at the top of a main
  // column read after a sidebar — opens a personal-details part of its own.
  const headingMax = Math.max(0, ...found.map((f) => lines[f.index]!.fontSize));
  const firstTop = Math.min(...lines.filter((l) => l.pageIndex === 0 && l.role !== 'header').map((l) => l.bbox[1]));
  lines.forEach((l, i) => {
    if (i === 0 || found.some((f) => f.index === i)) return;
    const above = lines[i - 1]!;
    // So does a person's name atop the first page's second column, read after the one beside it (the main
    // column of a layout table after its sidebar, where the source keeps no type sizes: DOC). Not lower down,
    // where columns hold referees side by side.
    const atTop = l.pageIndex === 0 && l.bbox[1] <= firstTop + 2 * l.fontSize;
    if (atTop && l.column !== above.column && above.pageIndex === 0 && l.bbox[1] < above.bbox[1] && nameScore(l.text) >= 0.75) {
      found.push({ index: i, topic: 'personal' });
      return;
    }
    // A banner printed over two lines ("Chanchal" / "Sharma") opens once.
    if (Math.abs(above.fontSize - l.fontSize) < 0.5 && above.pageIndex === l.pageIndex) return;
    // (On the first page: a word that OCR sized large on a later page, "Manitoba" wrapped from a referee's
    // employer, opens nothing.)
    if (l.pageIndex === 0 && l.fontSize >= body * 1.6 && l.fontSize > headingMax * 1.15 && l.text.trim().split(/\s+/).length <= 5) found.push({ index: i, topic: 'personal' });
  });
  found.sort((a, b) => a.index - b.index);
  // Second pass: unknown headings in the exact style of the known ones, when that style is distinctive
  // (bold, capitals or larger than body text) and shared by at least two known headings.
  const distinctive = styles.filter((s) => s.bold || s.caps || s.size > body * 1.15);
  const common = distinctive.find((s) => distinctive.filter((t) => sameStyle(s, t)).length >= 2);
  if (common) {
    const known = new Set(found.map((f) => f.index));
    const banner = new Set(found.filter((f) => f.topic === 'personal').map((f) => f.index));
    lines.forEach((l, i) => {
      if (known.has(i) || !shortEnough(l) || l.listItem || /\t\S/.test(l.text.trim())) return;
      if (!sameStyle(styleOf(l), common) || banner.has(i)) return;
      if (findDateRanges(l.text).length) return;
      // An entry's own sub-heading in capitals ("ROLES AND RESPONSIBILITIES", "DESCRIPTION", "TEAM SIZE 20").
      if (isEntryLabel(l.text) || /\d/.test(l.text)) return;
      // Content in heading style: a qualification, a job title, or a line right under a heading.
      if (educationLevel(l.text) || titleScore(l.text) >= 0.45 || found.some((f) => f.index === i - 1)) return;
      // An entry's employer or school in capitals ("SAP AG -" over its dates): a field that runs on into
      // a dash or comma, a line right above a date range, or a name the phrase model reads as an employer,
      // title or school.
      if (/[-–—,]\s*$/.test(l.text)) return;
      if ([lines[i + 1], lines[i + 2]].some((n) => n && findDateRanges(n.text).some((r) => !r.single))) return;
      const roles = phraseRoles(headingText(l));
      if (roles.org + roles.title + roles.school > 0.5) return;
      // The very first line in heading style is usually the candidate's name.
      if (i === 0) return;
      found.push({ index: i, topic: null });
    });
    found.sort((a, b) => a.index - b.index);
  }
  return withoutFormLabels(lines, found);
}

/**
 * A form's labels can be set like headings: "NAME⇥:⇥Jane Doe" read as a label, a colon and a value, each on
 * a line of its own, or a column of labels read before its column of colons and its values ("NAME OF EMPLOYER /
 * POSITION / PERIOD / : / : / :"). A label of no known topic stands over a lone colon ("Key Experience⇥:⇥…"
 * does name a section). A heading that is a section's name word for word always stays.
 */
function withoutFormLabels(lines: Line[], found: HeadingCandidate[]): HeadingCandidate[] {
  const colon = (i: number): boolean => /^[\s:：]*[:：][\s:：]*$/.test(lines[i]?.text ?? '');
  // A label: a few capitals and nothing else ("DATE OF BIRTH", "PERIOD").
  const label = (i: number): boolean => {
    const t = lines[i]?.text.trim() ?? '';
    return isAllCaps(t) && t.split(/\s+/).length <= 4 && !/[\d\t]/.test(t);
  };
  // A column of labels: three or more in a row, then the column of their colons ("NAME OF EMPLOYER / POSITION /
  // PERIOD / : / : / :"); capitals in a row with no colons after them are headings and entries set in capitals.
  const inColumn = (i: number): boolean => {
    if (!label(i)) return false;
    let [from, to] = [i, i];
    while (label(from - 1)) from--;
    while (label(to + 1)) to++;
    return to - from >= 2 && colon(to + 1);
  };
  return found.filter((f) => exactHeadingTopic(headingText(lines[f.index]!)) != null || !((f.topic == null && colon(f.index + 1)) || inColumn(f.index)));
}

/**
 * A heading printed in a left gutter on the same row as the first line of its section ("Work⇥Senior
 * Engineer") is cut off that line: the heading becomes a line of its own, the rest another.
 */
export function splitLeadingHeadings(lines: Line[]): Line[] {
  const out: Line[] = [];
  const noBlocks = blockless(lines);
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const tab = l.text.indexOf('\t');
    // Or "SKILLS: Python, SQL": a heading in capitals or bold, then a colon, opening its block — or, in text
    // without blocks, a section's name word for word in capitals ("EDUCATION: Western Kentucky University").
    const colon = /^[^:：\t]{3,40}[:：]\s*\S/.test(l.text) ? l.text.search(/[:：]/) : -1;
    // (Schooling only: "ACHIEVEMENTS: Grew revenue…" and "TECHNOLOGIES: Java, Spring" are details of a job.)
    const named = colon > 0 && noBlocks && isAllCaps(l.text.slice(0, colon)) && exactHeadingTopic(l.text.slice(0, colon)) === 'education';
    const opensBlock = !prev || prev.block !== l.block || prev.pageIndex !== l.pageIndex || named;
    const styled = (at: number): boolean => {
      const head = l.words.filter((w) => w.end <= l.start + at + 1);
      return isAllCaps(l.text.slice(0, at)) || (head.length > 0 && head.every((w) => w.bold) && !l.bold);
    };
    // Right under a heading, "Languages: Python, Go" is a group of that section ("Technical Skills"), not a new one.
    const underHeading = prev != null && prev.text.trim().split(/\s+/).length <= 4 && headingTopic(headingText(prev)) != null;
    const cut = tab > 0 ? tab : colon > 0 && opensBlock && styled(colon) && !underHeading ? colon : -1;
    const head = cut > 0 ? l.text.slice(0, cut) : '';
    // "WORK⇥+44 7711 726245", "HOME⇥jane@example.com": a label of a contact detail, not a heading.
    const rest = cut > 0 ? l.text.slice(cut + 1).trim() : '';
    const contact = /^[+(]?\d[\d\s().\/-]{6,}$|@|^(https?:|www\.)/i.test(rest);
    // (Nor is a list item: "› Leadership⇥› Pipedrive" is a row of skills.)
    if (cut <= 0 || head.split(/\s+/).length > 4 || !headingTopic(head) || contact || ITEM.test(head)) {
      out.push(l);
      return;
    }
    const headWords = l.words.filter((w) => w.end <= l.start + cut + 1);
    const restWords = l.words.filter((w) => w.start > l.start + cut);
    if (!headWords.length || !restWords.length) {
      out.push(l);
      return;
    }
    const restFrom = cut + 1 + (l.text.slice(cut + 1).length - l.text.slice(cut + 1).trimStart().length);
    const part = (words: typeof l.words, from: number, to: number): Line => ({
      ...l,
      text: l.text.slice(from, to),
      words,
      bbox: unionBox(words.map((w) => w.bbox)),
      fontSize: words[0]!.fontSize,
      bold: words.every((w) => w.bold),
      start: l.start + from,
      end: l.start + to,
    });
    out.push(part(headWords, 0, cut), part(restWords, restFrom, l.text.length));
  });
  return out;
}

/**
 * Labels repeated inside entries ("Highlights", "Responsibilities", "Key achievements" under every job)
 * name no section: a heading-like line printed twice or more is dropped from the flow.
 */
export function dropRepeatedLabels(lines: Line[]): Line[] {
  const count = new Map<string, number>();
  const key = (l: Line): string | null => {
    const t = headingText(l);
    // (Not a list's items, which repeat words freely: "-- Leadership" among skills, "> Leadership" under a job.)
    if (t.split(/\s+/).length > 4 || !headingTopic(t) || /^\s*(?:[-–—•*>›»·▪◦]|\d+[.)])\s/.test(l.text)) return null;
    // Printed alike each time: same words, same case, same type.
    const st = styleOf(l);
    return `${t}|${st.size}|${st.bold}`;
  };
  for (const l of lines) {
    const k = key(l);
    if (k) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return lines.filter((l) => {
    const k = key(l);
    return !k || (count.get(k) ?? 0) < 2;
  });
}

const CONTINUED = /^(?:.*?(?:,|\s[–—-]|\s\())?\s*\(?(?:[Cc]ontinued|CONTINUED|[Cc]ont'?d|[Cc]ont\.)\)?\s*(?:…|\.{2,3})?\s*$|^.*\s(?:Continued|CONTINUED)$/;

/**
 * Running headers and footers are not part of any section: page numbers ("Page 2 of 3", "- 2 -"), and a
 * line repeated at the same height on several pages (the candidate's name and e-mail on every page). The
 * first occurrence of a repeated line stays, since on page one it is the letterhead. Footers a source marks
 * as such (Word) move to the top: what they hold is contact details, not the last section's content.
 */
export function dropRunningLines(lines: Line[]): Line[] {
  const pages = new Set(lines.map((l) => l.pageIndex)).size;
  const key = (l: Line): string => `${l.text.trim().toLowerCase()}|${Math.round(l.bbox[1] / 6)}`;
  const seen = new Map<string, Set<number>>();
  for (const l of lines) {
    const k = key(l);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(l.pageIndex);
  }
  const kept = new Set<string>();
  const ordered = [...lines.filter((l) => l.role === 'footer'), ...lines.filter((l) => l.role !== 'footer')];
  return ordered.filter((l) => {
    if (/^\s*(page\s*)?[-–—]?\s*\d{1,3}\s*([-–—]|(of|\/)\s*\d{1,3})?\s*$/i.test(l.text) && /\d/.test(l.text)) return false;
    // "Continued…", "Vice President of Sales, Continued", "EXPERIENCE (cont'd)": the page goes on, nothing starts.
    if (CONTINUED.test(l.text)) return false;
    const k = key(l);
    if (pages > 1 && seen.get(k)!.size > 1) {
      if (kept.has(k)) return false;
      kept.add(k);
    }
    return true;
  });
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/** A line that stops inside a date range: after its dash or "to", or after the end's month ("August 2016 - May"). */
const OPEN_RANGE = new RegExp(`(?:\\d{4}|\\p{L}{3,}\\.?)\\s*(?:[-–—]|\\bto|\\buntil|\\btill)(?:\\s*${MONTH})?$`, 'iu');
/** The rest of that range on a line of its own: a year, a month and year, or an open end. */
const RANGE_TAIL = new RegExp(`^(?:(?:${MONTH}\\s+)?(?:19|20)\\d{2}|present|current|now|today|date)$`, 'iu');

/**
 * A date cell that wraps in a narrow gutter ("SEPTEMBER 2022 TO" / "PRESENT", "Sep 2006 - May" / "2008")
 * is read row by row, so its halves land on two lines. When a line's first field ends in a date range's
 * connector (or a month without its year) and the next line's first field completes it, the halves
 * are put back together on the first line. So too a range at a right tab stop, too long for the room
 * left, that wrapped ("Bachelor of Science …⇥August 2016 - May" over "2020", which a word processor starts
 * at the left margin): the tail, alone on the next row of the column, joins its line.
 */
export function joinWrappedDates(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1];
    const tail =
      b != null && b.pageIndex === a.pageIndex && b.column === a.column && RANGE_TAIL.test(b.text.trim()) && OPEN_RANGE.test(a.text.trim()) &&
      b.bbox[1] >= a.bbox[1] && b.bbox[1] - a.bbox[3] < b.fontSize &&
      // …and the two make a range that ends in the tail ("University of Toronto" over "2019" makes none).
      findDateRanges(`${a.text} ${b.text}`).some((r) => !r.single && r.index + r.length > a.text.length);
    if (tail) {
      out.push({ ...a, text: `${a.text} ${b.text}`, words: [...a.words, ...b.words], bbox: unionBox([a.bbox, b.bbox]), end: b!.end });
      i++;
      continue;
    }
    const fieldA = a.text.split('\t')[0]!;
    const firstB = b?.text.split('\t')[0] ?? '';
    // Without a tab (OCR may read the gap as "—_"), only the year that opens the line can complete the date.
    const leadingYear = b && !b.text.includes('\t') && firstB.length >= 20 ? /^\s*(?:\p{L}{3,9}\.?\s+)?(?:19|20)\d{2}(?=[\s—–_-])/u.exec(firstB)?.[0] : undefined;
    const fieldB = leadingYear ?? firstB;
    // Or stacked without a connector ("2012⇥Osmania University" / "2015"): a lone date right under the first.
    const stacked = b != null && !b.text.includes('\t') && Math.abs(b.bbox[0] - a.bbox[0]) <= 1.5 && findDateRanges(fieldA).length === 1 && findDateRanges(fieldA)[0]!.single && findDateRanges(fieldB).some((r) => r.single && r.length === fieldB.trim().length);
    const dangling = stacked || /(\b(to|until|till|bis|au|à|a|al|tot)|[–—-])\s*$/i.test(fieldA) || /\b\p{L}{3,9}\.?\s*$/u.test(fieldA);
    const joined = `${fieldA.trim()} ${fieldB.trim()}`;
    const completes =
      b != null &&
      b.pageIndex === a.pageIndex &&
      fieldA.length < 30 &&
      fieldB.length < 20 &&
      dangling &&
      findDateRanges(fieldA).length > 0 &&
      findDateRanges(joined).some((r) => !r.single && r.length > fieldA.trim().length);
    if (!completes) {
      out.push(a);
      continue;
    }
    const restA = a.text.slice(fieldA.length);
    const restB = b!.text.slice(fieldB.length).replace(/^[\t\s—–_-]+/, '');
    const bWords = b!.words.filter((w) => w.start < b!.start + fieldB.length);
    out.push({ ...a, text: joined + restA, words: [...a.words, ...bWords], bbox: unionBox([a.bbox, ...bWords.map((w) => w.bbox)]), end: a.end });
    if (restB.trim()) {
      const rest = b!.words.filter((w) => w.start >= b!.start + fieldB.length);
      out.push({ ...b!, text: restB, words: rest, bbox: rest.length ? unionBox(rest.map((w) => w.bbox)) : b!.bbox, start: b!.start + (b!.text.length - restB.length) });
    }
    i++;
  }
  return out;
}

/**
 * A field that wraps in a narrow column ("2016 2018⇥Indian Institute of Management" / "Ahmedabad", "Master
 * of Science" / "Economics") is read as two lines, and the second looks like a field of its own. A short
 * line in the same type, starting where the last field of the line above starts, continues that field when
 * its first word would not have fitted at the end of the line above (the column's right edge is the
 * furthest any line of `page` in that column on that page reaches). Lines with edges of their own (table
 * cells, text boxes) are left alone.
 */
export function joinWrappedFields(lines: Line[], page: Line[] = lines): Line[] {
  const rightEdge = new Map<string, number>();
  const key = (l: Line) => `${l.pageIndex}:${l.column}`;
  for (const l of page) rightEdge.set(key(l), Math.max(rightEdge.get(key(l)) ?? 0, l.bbox[2]));
  /** The words after the line's last tab: the field that may have wrapped. */
  const lastField = (l: Line): Word[] => {
    const tab = l.text.lastIndexOf('\t');
    return tab < 0 ? l.words : l.words.filter((w) => w.start >= l.start + tab + 1);
  };
  const continues = (a: Line, b: Line): boolean => {
    const first = b.words[0];
    const field = lastField(a);
    if (!first || !field.length || b.pageIndex !== a.pageIndex || b.column !== a.column) return false;
    if (field.every((w) => w.bold) !== b.bold || field.every((w) => w.italic) !== b.italic || Math.abs(field[0]!.fontSize - first.fontSize) > 0.3) return false;
    // Table cells and text boxes have edges of their own, which the column's right edge does not tell.
    if (a.cell || b.cell || a.role !== 'body' || b.role !== 'body') return false;
    // Only where the lines were laid out on a page (PDF, OCR: words with baselines): plain text and Word
    // paragraphs carry no wrapping of this kind.
    if (first.baseline == null || a.words[0]?.baseline == null) return false;
    if (b.start !== a.end + 1) return false;
    if (/\t/.test(b.text) || b.text.trim().split(/\s+/).length > 4 || b.listItem || a.listItem || /^\s*[•▪●◦*–-]/.test(b.text)) return false;
    if (/[.:;,]\s*$/.test(a.text) || findDateRanges(b.text).length || a.text.length < 12) return false;
    // The line above is an entry's heading (fields after a tab, or bold), not a line of description whose
    // last words happen to reach the margin above the next entry's heading.
    if (!a.text.includes('\t') && !a.bold) return false;
    if (Math.abs(b.bbox[0] - field[0]!.bbox[0]) > 1.5) return false;
    if (b.bbox[1] - a.bbox[3] > 0.8 * a.fontSize) return false;
    const room = rightEdge.get(key(a))! - a.bbox[2];
    return room < first.bbox[2] - first.bbox[0] + 0.3 * a.fontSize;
  };
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, l)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${l.text}`, words: [...prev.words, ...l.words], bbox: unionBox([prev.bbox, l.bbox]), end: l.end };
    } else out.push(l);
  }
  return out;
}

/** Groups lines under their headings. Lines before the first heading form the personal-details section. */
export function splitSections(all: Line[]): Section[] {
  const lines = joinWrappedDates(dropRepeatedLabels(splitLeadingHeadings(dropRunningLines(all))));
  const headings = findHeadings(lines);
  const sections: Section[] = [];
  const make = (topic: Topic, heading: Line | null, body: Line[]): Section => {
    const all = heading ? [heading, ...body] : body;
    const firstPage = all[0]?.pageIndex ?? 0;
    return {
      type: SECTION_TYPE_OF[topic],
      topic,
      heading,
      lines: body,
      bbox: unionBox(all.filter((l) => l.pageIndex === firstPage).map((l) => l.bbox)),
      pageIndex: firstPage,
    };
  };
  const dropRules = (ls: Line[]): Line[] => ls.filter((l) => !UNDERLINE.test(l.text));
  const first = headings[0]?.index ?? lines.length;
  if (first > 0) sections.push(make('personal', null, dropRules(lines.slice(0, first))));
  headings.forEach((h, k) => {
    const end = headings[k + 1]?.index ?? lines.length;
    let body = dropRules(lines.slice(h.index + 1, end));
    // "Professional Development" over a university and its bachelor's degree is schooling, however named.
    const named = h.topic === 'ambiguous' ? resolveAmbiguous(body) : (h.topic ?? 'additional');
    const topic = named === 'certifications' && holdsDegree(body) ? 'education' : named;
    // Only entries' fields are joined: a list of skills in a narrow sidebar looks just like wrapped text.
    if (topic === 'work' || topic === 'education') body = joinWrappedFields(body, lines);
    const jobs = topic === 'summary' || topic === 'additional' || topic === 'achievements' ? firstJobHeading(body) : -1;
    if (jobs < 0) sections.push(make(topic, lines[h.index]!, body));
    else {
      // The jobs run on under the summary with no heading of their own.
      if (jobs > 0) sections.push(make(topic, lines[h.index]!, body.slice(0, jobs)));
      sections.push(make('work', jobs > 0 ? null : lines[h.index]!, body.slice(jobs)));
    }
  });
  return joinGridRows(continueAcrossPages(sections));
}

/**
 * Where jobs start in a section with no work heading: the first of two or more lines that head a job — a date
 * range beside a field that is a job title ("QA Engineer, Contoso Labs, Seattle, WA (Jun 2018 - Feb 2021)"),
 * in a short line. -1 when there are fewer than two.
 */
function firstJobHeading(body: Line[]): number {
  // A date range on a line of its own ("2005 to 2012") next to a short title line ("Chief Business Officer").
  const dateOnly = (l: Line | undefined): boolean => {
    if (!l) return false;
    const r = findDateRanges(l.text).filter((d) => !d.single);
    return r.length === 1 && l.text.replace(/[\s()[\]|,:–—-]+/g, '').length === r[0]!.raw.replace(/[\s()[\]|,:–—-]+/g, '').length;
  };
  const titleLine = (l: Line | undefined): boolean =>
    !!l && /^\P{Ll}/u.test(l.text.trim()) && l.text.trim().split(/\s+/).length <= 6 && !/[.;:]$/.test(l.text.trim()) && titleScore(l.text.trim()) >= 0.45;
  // …or with the employer between them ("2011 to Present" / "Blentech, Santa Rosa, California" / "CNC Programmer").
  const employerThenTitle = (i: number): boolean => {
    const l = body[i];
    if (!l || findDateRanges(l.text).length || l.text.trim().split(/\s+/).length > 10) return false;
    const [name, ...place] = l.text.split(',');
    return (orgScore(name!.trim()) >= 0.7 || phraseRoles(name!.trim()).org >= 0.5 || (place.length > 0 && placeScore(place.join(',').trim()) >= 0.8)) && titleLine(body[i + 1]);
  };
  const stacked = body.flatMap((l, i) => (dateOnly(l) && (titleLine(body[i - 1]) || titleLine(body[i + 1]) || employerThenTitle(i + 1)) ? [titleLine(body[i - 1]) ? i - 1 : i] : []));
  const heads = body.flatMap((l, i) => {
    // A heading line: capitalised, short, no sentence before its dates.
    if ((l.text.match(/\p{L}+/gu) ?? []).length > 20 || !/^\P{Ll}/u.test(l.text.trim())) return [];
    const ranges = findDateRanges(l.text).filter((r) => !r.single);
    if (!ranges.length) return [];
    let rest = l.text;
    for (const r of ranges) rest = rest.slice(0, r.index) + ' '.repeat(r.length) + rest.slice(r.index + r.length);
    const first = rest.split(/[,|()\t]|\s[–—-]\s/).map((f) => f.trim()).find((f) => /\p{L}/u.test(f));
    return first && first.split(/\s+/).length <= 6 && !/\p{Ll}\.\s/u.test(rest.slice(0, rest.indexOf(first) + first.length)) && titleScore(first) >= 0.45 ? [i] : [];
  });
  const all = [...new Set([...heads, ...stacked])].sort((a, b) => a - b);
  if (all.length < 2) return -1;
  // The first job's employer printed above its dates ("THUNDERBIRD SCHOOL OF GLOBAL MANAGEMENT, Phoenix" /
  // "2000 to 2012" / "Chief Business Officer") belongs to the jobs too.
  const first = all[0]!;
  const above = body[first - 1];
  const employer = (l: Line): boolean => {
    const t = l.text.split(',')[0]!.trim();
    return !findDateRanges(l.text).length && l.text.trim().split(/\s+/).length <= 10 && !/[.;:]$/.test(l.text.trim()) && (isAllCaps(t) || orgScore(t) >= 0.7);
  };
  return above && dateOnly(body[first]) && employer(above) ? first - 1 : first;
}

/** Sections whose entries are short items set in a grid of columns. */
const LIST_TOPICS = new Set<string>(['languages', 'skills', 'interests', 'certifications']);

/**
 * A heading over a row of items in two columns ("Languages" over "Marathi / Native" and, beside it, "English /
 * Fluent"): read column by column, the right-hand item falls under the right column's section above ("Key
 * Skills"). A block of another column that is level with the section's first line, to the right of its
 * heading, made of short items, and that starts below the heading (its column has nothing beside the heading)
 * joins the section.
 */
function joinGridRows(sections: Section[]): Section[] {
  const short = (l: Line): boolean => l.text.trim().split(/\s+/).length <= 4;
  for (const s of sections) {
    const first = s.lines[0];
    if (!s.heading || !first || !LIST_TOPICS.has(s.topic) || !short(first)) continue;
    for (const other of sections) {
      if (other === s) continue;
      const at = other.lines.findIndex(
        (l, k) => k > 0 && l.pageIndex === first.pageIndex && l.column !== first.column && l.bbox[0] > s.heading!.bbox[0] && Math.abs(l.bbox[1] - first.bbox[1]) <= 2 && other.lines[k - 1]!.block !== l.block,
      );
      if (at < 0) continue;
      const before = other.lines[at - 1]!;
      if (before.pageIndex === first.pageIndex && before.bbox[3] > s.heading.bbox[1]) continue;
      let end = at;
      while (end < other.lines.length && other.lines[end]!.block === other.lines[at]!.block) end++;
      const block = other.lines.slice(at, end);
      if (block.length > s.lines.length + 1 || !block.every(short)) continue;
      other.lines.splice(at, end - at);
      s.lines.push(...block);
    }
  }
  return sections.filter((s) => s.lines.length || s.heading);
}

/**
 * A page that begins without a heading carries on a section of the page before; in a layout with columns
 * that is not always the section read last (often the sidebar's) but the one whose lines on the page before
 * sit in the same column as the new page's first lines ("Graduate Nurse" on page 2 belongs to the work
 * history of page 1's main column, not to the languages in its sidebar). Those lines move to it.
 */
function continueAcrossPages(sections: Section[]): Section[] {
  const onPage = (t: Section, p: number): Line[] => [t.heading, ...t.lines].filter((l): l is Line => l != null && l.pageIndex === p);
  for (const s of sections) {
    for (const p of new Set(s.lines.map((l) => l.pageIndex))) {
      const before = p > 0 ? onPage(s, p - 1) : [];
      const run = s.lines.filter((l) => l.pageIndex === p);
      // (Not a section whose heading closed the page before with nothing under it: these lines are its own.)
      const waiting = s.heading?.pageIndex === p - 1 && before.length === 1;
      if (!before.length || s.heading?.pageIndex === p || waiting) continue;
      const x = run.map((l) => l.bbox[0]).sort((a, b) => a - b)[Math.floor(run.length / 2)]!;
      const inBand = (ls: Line[]) => ls.filter((l) => Math.abs(l.bbox[0] - x) <= 20);
      if (inBand(before).length) continue;
      // The section lowest on the page before in that column is the one that ran on.
      let best: Section | null = null;
      let bottom = -Infinity;
      for (const t of sections) {
        const band = t === s ? [] : inBand(onPage(t, p - 1));
        const y = Math.max(...band.map((l) => l.bbox[3]));
        if (band.length && y > bottom) [best, bottom] = [t, y];
      }
      if (!best) continue;
      s.lines = s.lines.filter((l) => !run.includes(l));
      best.lines = [...best.lines, ...run];
    }
  }
  return sections;
}

/** Lines of at most sixteen words: fields and headings, not sentences of a description. */
const shortLines = (body: Line[]): Line[] => body.filter((l) => (l.text.match(/\p{L}+/gu) ?? []).length <= 16);

/**
 * A university's name and a degree named as one ("Bachelor of Science in Civil Engineering", "B.Tech", not
 * "Certificate in …"), each in a short line of their own or a field of one: a section of schooling.
 */
function holdsDegree(body: Line[]): boolean {
  const short = shortLines(body);
  const degree = short.some((l) => l.text.split(/\t|\s[·•–—-]\s|[,;|]/).some((f) => /^\s*(bachelor|master(?:'?s)?\s+(?:of|in)\b|doctor|b\.?\s?(tech|sc|a|e|s|com)\b|m\.?\s?(tech|sc|a|s|ba|com)\b|ph\.?\s?d)/i.test(f) && degreeScore(f.trim()) >= 0.9));
  return degree && short.some((l) => schoolScore(l.text) > 0);
}

/** "Career Summary" or "Qualifications": entries with dates are work (or schooling), prose is a summary. */
function resolveAmbiguous(body: Line[]): Topic {
  const dated = body.filter((l) => findDateRanges(l.text).some((r) => !r.single || r.standalone)).length;
  // Employers can be universities: only qualifications make it a list of schooling.
  const short = shortLines(body);
  // A qualification is named in a field of its own, not inside a sentence ("supervised master's students").
  // (A date range is a field of its own however it is set off: "Bachelor of Science … August 2016 - May 2020".)
  const fields = (text: string): string[] => findDateRanges(text).filter((r) => !r.single).reduceRight((t, r) => t.slice(0, r.index) + '\t' + t.slice(r.index + r.length), text).split(/\t|\s[·•–—]\s|[,;|]/);
  const degrees = short.filter((l) => fields(l.text).some((f) => f.trim().split(/\s+/).length <= 8 && degreeScore(f.trim()) > 0)).length;
  const schools = short.filter((l) => schoolScore(l.text) > 0).length;
  const schooling = degrees > 0 ? Math.max(degrees, Math.min(schools, degrees * 2)) : 0;
  if (schooling > 0 && schooling >= 0.8 * dated) return 'education';
  return dated === 0 ? 'summary' : 'work';
}

export const sections: Component = {
  name: 'sections',
  stage: 'segment',
  creates: 'sections: typed sections with heading, lines, box and page; data.sections',
  run(doc) {
    doc.sections = splitSections(doc.layout.lines);
    doc.data.sections = doc.sections.flatMap((s) => {
      // Affinda reports a section once per page it appears on.
      const all = s.heading ? [s.heading, ...s.lines] : s.lines;
      const pages = [...new Set(all.map((l) => l.pageIndex))];
      return pages.map((p) => {
        const onPage = all.filter((l) => l.pageIndex === p);
        const box = unionBox(onPage.map((l) => l.bbox));
        return { sectionType: s.type, bbox: box.map((v) => Math.round(v * 100) / 100), pageIndex: p, text: onPage.map((l) => l.text).join('\n') };
      });
    });
  },
};
