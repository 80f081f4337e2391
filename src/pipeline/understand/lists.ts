/**
 * Sections that are lists: skills, languages, certifications, publications; and the prose ones, summary
 * and objective.
 */
import { sectionLines, type Component } from '../doc.ts';
import { citeText } from '../doc.ts';
import type { Skill } from '../../affinda/types.ts';
import type { Line } from '../layout.ts';
import { isBullet, stripBullet } from './entries.ts';
import { findLanguages } from './languages.ts';
import { findDateRanges } from './dates.ts';
import { mentionsEmail } from './contact.ts';
import { exactHeadingTopic, headingTopic } from '../../knowledge/headings.ts';


/** "Tools: MIG Welding, TIG" → label "Tools", rest "MIG Welding, TIG". */
const LABELLED = /^([\p{L}][\p{L}\s&/+-]{1,40}?)\s*[:：]\s*(.*)$/u;

/**
 * The items of a list section. Items are separated by bullets, commas, semicolons, pipes and line ends.
 * A bullet's item goes on over lines indented under its text. A comma list wraps onto the next line when
 * the line ends with a comma, or runs to the right edge of the column, or the next line's first word would
 * not have fitted on it (then its last item continues: "… Fabrication, Metal" / "Cutting, Hand Tools").
 */
export function listItems(lines: Line[]): string[] {
  const items: string[] = [];
  const right = Math.max(0, ...lines.map((l) => l.bbox[2]));
  const left = Math.min(...lines.map((l) => l.bbox[0]));
  const flush = (text: string): void => {
    // Also a spaced "*", "»" or "+": bullet glyphs as OCR reads them.
    // (A box's edge OCR read as an underscore, alone or against a dash, parts two pills: "Speechwriting _
    // Internal Communications", "Canva_—Hootsuite".)
    for (const raw of pillBorders(text).split(/\s*[,;|•·▪●◦]\s*|\s[*»+]\s|\t+|\s{3,}|\s_+\s|_+[—–]+|[—–]+_+/)) {
      // (A pair around the whole item is a box's edges too: "{Work Ethic }".)
      const item = raw.replace(/^[\s\-–—*]+|[\s.]+$/g, '').trim().replace(/^[[{]\s*([^[\]{}]+?)\s*[\]}]$/u, '$1');
      if (item) items.push(item);
    }
  };
  let current = '';
  let open = false;
  const commaList = lines.filter((l) => /,/.test(l.text)).length >= 0.5 * lines.length;
  // The bullet line whose item is being read: a line indented under its text, not its glyph, continues it
  // ("● Emotional" / "Intelligence").
  let bullet: Line | null = null;
  lines.forEach((l, i) => {
    const raw = stripBullet(l.text);
    const labelled = LABELLED.exec(raw);
    const content = labelled ? labelled[2]!.trim() : raw.trim();
    const underBullet = bullet != null && !isBullet(l) && !labelled && l.pageIndex === bullet.pageIndex && l.bbox[0] > bullet.bbox[0] + 0.5 * l.fontSize;
    if (isBullet(l)) bullet = l;
    else if (!underBullet) bullet = null;
    if (!underBullet && (isBullet(l) || labelled || !open)) {
      flush(current);
      current = content;
    } else current += (/\p{L}-$/u.test(current) ? '' : ' ') + content; // "Go-to-" / "Market Strategy"
    const full = l.bbox[2] >= left + 0.85 * (right - left);
    // …or the next line's first word would not have fitted after it: the line broke because it was full,
    // however far short of the edge it stops (a narrow sidebar: "Management, CRM" / "Management, Record").
    // In a list written as comma-separated runs, that holds for a line with no comma of its own too
    // ("Conversion Rate" / "Optimisation, Customer").
    // (Only where lines were laid out on a page, PDF or OCR: in plain text and Word a line break is a
    // paragraph's end.)
    const first = lines[i + 1]?.words[0];
    const forced = first?.baseline != null && l.words[0]?.baseline != null && l.bbox[2] + 0.25 * l.fontSize + (first.bbox[2] - first.bbox[0]) > right;
    open = /[,•·|;]\s*$|\p{L}-$/u.test(content) || (/[,•·|;]/.test(content) && (full || forced)) || (commaList && forced);
  });
  flush(current);
  return items;
}

/**
 * Skills set in boxes ("pills") come out of OCR with the boxes' edges read as brackets: "RF Scanners } [ Manhattan
 * WMS", "[Cost Reduction [Communication". A square bracket or brace that closes nothing, or that nothing
 * closes, is such an edge and separates items; a pair ("Python [advanced]") stays.
 */
export function pillBorders(text: string): string {
  const chars = [...text];
  const open: number[] = [];
  const stray = new Set<number>();
  chars.forEach((c, i) => {
    if (c === '[' || c === '{') open.push(i);
    else if (c === ']' || c === '}') {
      const at = open.at(-1);
      if (at != null && (chars[at] === '[') === (c === ']')) open.pop();
      else stray.add(i);
    }
  });
  for (const i of open) stray.add(i);
  return stray.size ? chars.map((c, i) => (stray.has(i) ? '|' : c)).join('') : text;
}

/** A skill is a short phrase, not a sentence and not a level. */
const LEVEL = /^(expert|advanced|intermediate|beginner|basic|proficient|fluent|native|good|excellent|strong|familiar|working knowledge|\d+\+? years?|[1-5]\/5|[a-c][12])$/i;
/**
 * Drops a list's own sub-headings ("Technical", "Interpersonal" above groups of skills): short lines set
 * in bolder or larger type than most lines of the list.
 */
export function withoutSubheadings(lines: Line[]): Line[] {
  if (lines.length < 3) return lines;
  const bold = lines.filter((l) => l.bold).length > lines.length / 2;
  const sizes = lines.map((l) => l.fontSize).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  return lines.filter((l) => !((l.bold && !bold) || l.fontSize > size * 1.2) || l.text.trim().split(/\s+/).length > 3);
}

/** The whole item is one spoken language ("German", "Français"), give or take a trailing mark. */
function isLanguageName(item: string): boolean {
  const found = findLanguages(item);
  return found.length === 1 && found[0]!.length >= item.trim().length - 1;
}

/** Not a skill: a spoken language, a label of the language grid, contact details, a reference scale. */
function notASkill(item: string): boolean {
  return (
    isLanguageName(item) ||
    /^(languages?|mother tongues?|other languages?|listening|spoken interaction|spoken production)\b|framework of reference/i.test(item) ||
    /@|https?:|\+?\d[\d\s().-]{7,}\d/.test(item)
  );
}

export function skillNames(lines: Line[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of listItems(lines)) {
    if (notASkill(item)) continue;
    // A trailing level or duration is not part of the name: "Java (Expert)", "C (Less than 1 year)", "SQL (5+ yrs)".
    const name = item.replace(/\s*\((expert|advanced|intermediate|beginner|basic|proficient|fluent|native|((less|more) than )?\d+\+? ?(years?|yrs|months?))\)\s*$/i, '').trim();
    const sentence = /[.!?]$/.test(item) && name.split(/\s+/).length > 3;
    // A sub-heading of the list ("Tools", "Soft skills", "Technologies") is not a skill.
    if (exactHeadingTopic(name) === 'skills') continue;
    if (!name || LEVEL.test(name) || name.split(/\s+/).length > 6 || name.length > 60 || sentence) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function toSkill(name: string, i: number): Skill {
  return { id: i + 1, emsiId: null, name, lastUsed: null, numberOfMonths: null, type: 'hard_skill', count: 1, weighting: null, sources: [{ section: 'Skills', position: i, workExperienceId: null }] };
}

export const skills: Component = {
  name: 'skills',
  stage: 'understand',
  creates: 'data.skills from skills sections',
  run(doc) {
    // A "Languages:" line inside a skills section lists spoken languages (unless it names none: "Languages:
    // Python, Go" are programming languages), an "Interests:" line pastimes; neither lists skills.
    const lines = withoutSubheadings(sectionLines(doc, 'skills')).filter((l) => {
      const text = stripBullet(l.text);
      if (LANGUAGE_LABEL.test(text) && findLanguages(text).length) return false;
      if (headingTopic(LABELLED.exec(text)?.[1] ?? '') === 'interests') return false;
      return !(LANGUAGE_LEVEL.test(l.text) && findLanguages(l.text).length) && !LANGUAGE_GRID.test(l.text);
    });
    doc.data.skills = skillNames(lines).map(toSkill);
  },
};

const LANGUAGE_LABEL = /^\s*((spoken |foreign )?languages?( spoken)?|mother tongues?(\(s\))?|native languages?|other languages?(\(s\))?|sprachen|langues|idiomas|lingue|talen)\s*[:：\t]/i;
/** The header row of a language self-assessment grid (Europass): two or more of its column names. */
const LANGUAGE_GRID = /^\s*(listening|reading|writing|spoken interaction|spoken production|understanding|speaking)\s*(\t|$)/i;
const LANGUAGE_LEVEL = /\b([ABC][12]|native|mother tongue|fluent|bilingual|proficient|conversational|elementary|intermediate|advanced|basic|business level|limited working|full professional)\b/i;

export const languages: Component = {
  name: 'languages',
  stage: 'understand',
  creates: 'data.languages and languageCodes (ISO 639-1)',
  run(doc) {
    const own = new Set(sectionLines(doc, 'languages'));
    const lines = [
      ...own,
      // Elsewhere: labelled lines ("Languages: English, French", Europass "Mother tongue(s)⇥German"), and
      // lines naming a language with a level ("Arabic⇥A2", "Spanish (fluent)").
      ...doc.layout.lines.filter((l) => !own.has(l) && (LANGUAGE_LABEL.test(stripBullet(l.text)) || LANGUAGE_LEVEL.test(l.text))),
    ];
    // A contact line may list languages on their own: "Montreal, QC⇥438-952-8840⇥Hindi, English, French",
    // in the personal details or wherever a line carries an e-mail address.
    const listed = doc.sections
      .flatMap((s) => (s.topic === 'personal' ? s.lines : s.lines.filter((l) => mentionsEmail(l.text))))
      // "Nationality: Polish" names a people, not a language spoken.
      .filter((l) => !/\b(nationality|citizenship|citizen|staatsangeh|nationalit|nacionalidad|nazionalit|nationaliteit)/i.test(l.text))
      // (An icon before the list, read by OCR or from an icon font as a short word — "Pay Vietnamese, English" —
      // is no part of it.)
      .flatMap((l) => l.text.split(/\t|\s[|·•]\s/).map((seg) => seg.replace(/^[^\s,]{1,3}\s+(?=\p{Lu})/u, '')))
      .filter((seg) => {
        const items = seg.split(/\s*[,/]\s*|\s+and\s+/).filter(Boolean);
        return items.length >= 1 && items.every(isLanguageName);
      });
    for (const text of [...lines.map((l) => l.text), ...listed]) {
      for (const lang of findLanguages(text)) {
        if (doc.data.languages.includes(lang.name)) continue;
        citeText(doc, `/languages/${doc.data.languages.length}`, text.slice(lang.index, lang.index + lang.length), doc.layout.lines.filter((l) => l.text.includes(text)));
        doc.data.languages.push(lang.name);
        doc.data.languageCodes.push(lang.code);
      }
    }
  },
};

/** Items that may run over several lines: a new item starts at a bullet, a number, or after a gap. */
export function paragraphItems(lines: Line[]): string[] {
  const items: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const text = l.text.replace(/\t+/g, ' ').trim();
    const starts =
      !prev ||
      isBullet(l) ||
      /^\[\d+\]/.test(text) ||
      l.block !== prev.block ||
      (/[.)]$/.test(prev.text.trim()) && /^\p{Lu}/u.test(text) && l.bbox[0] <= prev.bbox[0] + 1);
    const clean = stripBullet(text).replace(/^\[\d+\]\s*/, '');
    if (starts || !items.length) items.push(clean);
    else items[items.length - 1] += (/-$/.test(items[items.length - 1]!) ? '' : ' ') + clean;
    prev = l;
  }
  return items.filter(Boolean);
}

/**
 * Certification items: one per bullet or line, except where a line plainly goes on ("Financial Modeling &",
 * "… Analyst (FMVA) –", a next line opening with "(" or in lower case). In a column where items end with
 * their year, an item runs until its year.
 */
export function certificationItems(lines: Line[]): string[] {
  const endsWithYear = (t: string): boolean => /(19|20)\d\d\)?\s*$/.test(t);
  const yearEnded = lines.filter((l) => endsWithYear(l.text)).length >= Math.max(1, lines.length / 3);
  const items: string[] = [];
  let open = false;
  for (const l of lines) {
    const text = stripBullet(l.text.replace(/\t+/g, ' '));
    const continues = items.length > 0 && !isBullet(l) && (open || /^[(\p{Ll}]/u.test(text));
    if (continues) items[items.length - 1] += ' ' + text;
    else items.push(text);
    const last = items[items.length - 1]!;
    open = /[&,(–—-]\s*$|\b(and|of|for|in)\s*$/i.test(last) || (yearEnded && !endsWithYear(last) && !isBullet(l));
  }
  return items;
}

/**
 * "2015 CELTA, Cambridge English (2016)" → "CELTA, Cambridge English". The issuer stays: after a dash it
 * cannot be told from the name's own tail ("AWS Certified Developer – Associate").
 */
export function certificationName(item: string): string {
  let s = item;
  for (const r of findDateRanges(s).reverse()) if (r.index + r.length >= s.length - 2 || r.index === 0) s = s.slice(0, r.index) + s.slice(r.index + r.length);
  return s.replace(/^[\s,(–—-]+|[\s,(–—-]+$/g, '').replace(/\(\s*\)/g, '').trim();
}

export const certifications: Component = {
  name: 'certifications',
  stage: 'understand',
  creates: 'data.certifications',
  run(doc) {
    doc.data.certifications = certificationItems(sectionLines(doc, 'certifications'))
      .map(certificationName)
      .filter((t) => t.length > 2);
    doc.data.certifications.forEach((name, i) => citeText(doc, `/certifications/${i}`, name, sectionLines(doc, 'certifications')));
  },
};

export const publications: Component = {
  name: 'publications',
  stage: 'understand',
  creates: 'data.publications (one citation each)',
  run(doc) {
    doc.data.publications = paragraphItems(sectionLines(doc, 'publications'));
  },
};

export const summary: Component = {
  name: 'summary',
  stage: 'understand',
  creates: 'data.summary and data.objective',
  run(doc) {
    const join = (ls: Line[]): string | null => ls.map((l) => l.text.replace(/\t+/g, ' ').trim()).join(' ').replace(/\s+/g, ' ').trim() || null;
    doc.data.summary = join(sectionLines(doc, 'summary'));
    doc.data.objective = join(sectionLines(doc, 'objective'));
  },
};
