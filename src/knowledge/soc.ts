/**
 * The UK Standard Occupational Classification 2010 (ONS): 9 major groups ("2 PROFESSIONAL OCCUPATIONS"),
 * 25 sub-major, 90 minor and 369 unit groups ("2136 Programmers and software development professionals"),
 * with ONS's own titles. Affinda classifies job titles into UK SOC 2020 unit groups; SOC 2010 is the edition
 * whose structure is openly available here, with the same four levels and four-digit codes (most unit
 * groups kept their code in 2020). Read from data/soc2010.json on first use.
 */
import { readFileSync } from 'node:fs';
import type { OccupationClassification } from '../affinda/types.ts';

export interface SocGroup {
  code: number;
  title: string;
  parent: SocGroup | null;
  children: SocGroup[];
}

/** Affinda's `/v2/occupation_groups` item. */
export interface OccupationGroupNode {
  code: number;
  name: string;
  children: OccupationGroupNode[];
}

let groups: Map<number, SocGroup> | null = null;

function load(): Map<number, SocGroup> {
  if (groups) return groups;
  const rows = JSON.parse(readFileSync(new URL('../../data/soc2010.json', import.meta.url), 'utf8')) as [number, string, number][];
  const map = new Map<number, SocGroup>(rows.map(([code, title]) => [code, { code, title, parent: null, children: [] }]));
  for (const [code, , parent] of rows) {
    if (!parent) continue;
    const group = map.get(code)!;
    group.parent = map.get(parent)!;
    group.parent.children.push(group);
  }
  groups = map;
  return map;
}

export function socGroup(code: number): SocGroup | null {
  return load().get(code) ?? null;
}

/** A unit group with its minor, sub-major and major groups, in Affinda's shape; null for other codes. */
export function socClassification(unit: number): OccupationClassification | null {
  const group = socGroup(unit);
  const minor = group?.parent;
  const subMajor = minor?.parent;
  const major = subMajor?.parent;
  if (!group || !minor || !subMajor || !major || group.children.length) return null;
  return {
    title: group.title,
    minorGroup: minor.title,
    subMajorGroup: subMajor.title,
    majorGroup: major.title,
    socCode: group.code,
    minorGroupCode: minor.code,
    subMajorGroupCode: subMajor.code,
    majorGroupCode: major.code,
  };
}

/** The whole classification as a tree of major groups, in code order. */
export function occupationGroups(): OccupationGroupNode[] {
  const node = (g: SocGroup): OccupationGroupNode => ({ code: g.code, name: g.title, children: g.children.map(node) });
  return [...load().values()].filter((g) => !g.parent).map(node);
}
