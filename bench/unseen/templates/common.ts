/** Helpers shared by the layouts: escaping, contact items, language and section lists. */
import type { Language, Person, SectionType } from '../model.ts';
import type { Rng } from '../rng.ts';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ContactItem {
  kind: 'email' | 'phone' | 'web' | 'location' | 'dob' | 'nationality';
  /** Printed value (truth-bearing). */
  text: string;
  /** A label some layouts print before it ("Email", "Mobile"). */
  label: string;
}

/** Every contact detail of a person in a sensible order. */
export function contactItems(p: Person): ContactItem[] {
  const out: ContactItem[] = [];
  for (const e of p.emails) out.push({ kind: 'email', text: e, label: 'Email' });
  for (const ph of p.phones) out.push({ kind: 'phone', text: ph.printed, label: ph.label });
  if (p.location) out.push({ kind: 'location', text: p.location.rawInput, label: 'Address' });
  for (const w of p.websites) out.push({ kind: 'web', text: w.printed, label: w.kind === 'linkedin' ? 'LinkedIn' : w.kind === 'github' ? 'GitHub' : w.kind === 'scholar' ? 'Research' : 'Portfolio' });
  if (p.dob) out.push({ kind: 'dob', text: p.dob.printed, label: 'Date of birth' });
  if (p.nationality) out.push({ kind: 'nationality', text: p.nationality, label: 'Nationality' });
  return out;
}

/** How one document prints language levels. */
export type LangStyle = 'paren' | 'dash' | 'colon';
export const pickLangStyle = (rng: Rng): LangStyle => rng.pick(['paren', 'dash', 'colon'] as const);
export function langText(l: Language, style: LangStyle): string {
  if (!l.levelText) return l.name;
  return style === 'paren' ? `${l.name} (${l.levelText})` : style === 'dash' ? `${l.name} – ${l.levelText}` : `${l.name}: ${l.levelText}`;
}

/** The sections a person has content for, in a conventional order. */
export function presentSections(p: Person, order: SectionType[]): SectionType[] {
  const has: Record<SectionType, boolean> = {
    PersonalDetails: true,
    Summary: !!p.summary,
    WorkExperience: p.employers.length > 0,
    Education: p.education.length > 0,
    Skills: p.skills.length > 0,
    Languages: p.languages.length > 0,
    Certifications: p.certifications.length > 0,
    Publications: p.publications.length > 0,
    Referees: p.referees.length > 0,
  };
  return order.filter((s) => has[s]);
}

/** Degree line pieces: "BSc (Hons) Economics", grade text. */
export const gradeText = (p: Person['education'][number]): string | null => (p.grade ? p.grade.raw : null);

/** Lines of a referee block, as printed. */
export const refereeLines = (p: Person): string[][] => p.referees.map((r) => r.lines);

/** Skills split into their printed groups (tools, methods, soft), skipping empty ones. */
export function skillGroups(p: Person): Array<{ label: string; items: string[] }> {
  const out: Array<{ label: string; items: string[] }> = [];
  for (const g of ['tools', 'methods', 'soft'] as const) {
    const items = p.skills.filter((s) => s.group === g).map((s) => s.name);
    if (items.length) out.push({ label: p.skillGroupLabels[g], items });
  }
  return out;
}

/** Word-wrap plain text at `width` columns, continuing lines with `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lead = /^\s*/.exec(text)![0];
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && (line + ' ' + w).length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : line + w;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

/** A headshot placeholder (inline SVG): a circle with a simple silhouette. */
export function headshotSvg(size: number, bg: string, fg: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100"><circle cx="50" cy="50" r="50" fill="${bg}"/><circle cx="50" cy="40" r="18" fill="${fg}"/><path d="M18 88 C22 66 36 60 50 60 C64 60 78 66 82 88 Z" fill="${fg}"/></svg>`;
}

export const FONTS = {
  sans: "'Liberation Sans', 'DejaVu Sans', sans-serif",
  serif: "'Liberation Serif', 'DejaVu Serif', serif",
  dejavu: "'DejaVu Sans', sans-serif",
  dejavuSerif: "'DejaVu Serif', serif",
  narrow: "'Liberation Sans Narrow', 'Liberation Sans', sans-serif",
  mono: "'DejaVu Sans Mono', monospace",
};

/** The page frame shared by the HTML layouts. */
export function page(css: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
*{box-sizing:border-box;margin:0;padding:0}
html,body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
ul{list-style:none}
ol li,.refs>div,.ref,.pub{break-inside:avoid}
${css}
</style></head><body>${body}</body></html>`;
}
