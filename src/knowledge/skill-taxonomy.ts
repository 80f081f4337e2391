/**
 * The skill taxonomy: skills with a stable id, a canonical name and a type, and the names they are printed
 * under ("MS Excel", "Excel" → Microsoft Excel; "JS" → JavaScript; "Postgres" → PostgreSQL). Built by
 * scripts/build-taxonomy.ts into data/skills.json from O*NET 27.0 Technology Skills, ESCO v1.0 transversal
 * skills and Vitae's own list (scripts/taxonomy/skills.tsv); read on first use.
 *
 * Ids say where the skill comes from: `esco:<uuid>` (the ESCO concept's URI), `onet:<slug>` (an O*NET
 * Technology Skills product, slug of its canonical name) and `vitae:<slug>` (Vitae's list).
 */
import { readFileSync } from 'node:fs';
import { americanSpelling } from './spelling.ts';

export type SkillType = 'hard_skill' | 'soft_skill';

export interface TaxonomySkill {
  id: string;
  name: string;
  type: SkillType;
  /** A named product or technology ("Microsoft Excel", "Kubernetes"), not a practice ("Budgeting", "Agile"). */
  tool: boolean;
}

/**
 * Where a printed name may be trusted to mean the skill:
 *   PROSE      anywhere, sentences included ("PostgreSQL", "time management")
 *   AMBIGUOUS  also an ordinary word or very short ("Excel", "Go", "R", "Canvas"): in sentences only as
 *              printed (its capitals) and where the context says it is a tool (see knowledge/skill-mentions.ts)
 *   LIST_ONLY  only as a whole item of a skills list (ESCO's verb phrases: "lead others", "persist")
 */
export const PROSE = 0;
export const AMBIGUOUS = 1;
export const LIST_ONLY = 2;
export type AliasMode = typeof PROSE | typeof AMBIGUOUS | typeof LIST_ONLY;

export interface SkillAlias {
  skill: TaxonomySkill;
  mode: AliasMode;
  /** How an AMBIGUOUS name is printed when it means the skill ("Excel", "R"). */
  printed: string | null;
}

/** data/skills.json: skills as [id, name, 'h' hard | 's' soft | 't' tool], aliases by key as [skill index, mode, printed?]. */
export interface SkillData {
  skills: [string, string, 'h' | 's' | 't'][];
  aliases: Record<string, [number, AliasMode] | [number, AliasMode, string]>;
}

export interface Word {
  /** The normalised word: lower case, accents folded, American spelling; "&" is "and". */
  word: string;
  start: number;
  end: number;
}

/**
 * The words of a text as skill names see them: letters and digits, with the "+", "#" and inner dots of
 * "C++", "C#", "Node.js" and ".NET" kept; hyphens and slashes separate ("scikit-learn", "CI/CD"); a lone
 * "&" is the word "and".
 */
export function skillWords(text: string): Word[] {
  const out: Word[] = [];
  // "P&ID", "R&D", "AT&T": an ampersand between letters binds them into one word.
  for (const m of text.matchAll(/[\p{L}\p{N}]+&[\p{L}\p{N}]+|\.?[\p{L}\p{N}][\p{L}\p{N}+#.]*|&/gu)) {
    const raw = m[0].replace(/\.+$/, '');
    const word = raw === '&' ? 'and' : americanSpelling(raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
    out.push({ word, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/** The key a skill name is found by: its words joined by spaces ("Health & Safety" → "health and safety"). */
export function skillKey(text: string): string {
  return skillWords(text)
    .map((w) => w.word)
    .join(' ');
}

interface Taxonomy {
  aliases: Map<string, SkillAlias>;
  /** The most words any name has: how far a scan of running text looks ahead. */
  longest: number;
}

let taxonomy: Taxonomy | null = null;

function load(): Taxonomy {
  if (taxonomy) return taxonomy;
  const data = JSON.parse(readFileSync(new URL('../../data/skills.json', import.meta.url), 'utf8')) as SkillData;
  const skills = data.skills.map(([id, name, type]): TaxonomySkill => ({ id, name, type: type === 's' ? 'soft_skill' : 'hard_skill', tool: type === 't' }));
  const aliases = new Map<string, SkillAlias>();
  let longest = 1;
  for (const [key, [index, mode, printed]] of Object.entries(data.aliases)) {
    aliases.set(key, { skill: skills[index]!, mode, printed: printed ?? null });
    longest = Math.max(longest, key.split(' ').length);
  }
  taxonomy = { aliases, longest };
  return taxonomy;
}

/** The taxonomy entry a whole name stands for (a skills-list item), or null: "MS Excel" → Microsoft Excel. */
export function skillByName(name: string): TaxonomySkill | null {
  return load().aliases.get(skillKey(name))?.skill ?? null;
}

/** The alias a run of normalised words spells, if any. */
export function aliasOf(key: string): SkillAlias | null {
  return load().aliases.get(key) ?? null;
}

/** The most words a skill name has. */
export function longestSkillName(): number {
  return load().longest;
}
