/**
 * Skills against the taxonomy (knowledge/skill-taxonomy.ts): each listed skill gets its taxonomy id and type,
 * synonyms listed twice become one ("MS Excel" and "Excel"), and skills named in job descriptions and the
 * summary (knowledge/skill-mentions.ts) are counted — the listed ones, and taxonomy skills the list lacks,
 * which are added. A skill's jobs give when it was last used and for how long.
 *
 * Listed skills keep their printed name: it is what the candidate wrote, and Affinda's schema has no field
 * for a canonical name (the taxonomy id in `emsiId` identifies it). Added skills take the taxonomy's name.
 *
 * weighting (0–1) = 0.6 × evidence + 0.4 × recency, where evidence = min(1, mentions / 3) and recency is 1
 * for a skill used in a current job, falling linearly to 0 over the ten years after it was last used, and 0
 * for a skill no job mentions.
 */
import type { Component } from '../doc.ts';
import { citeText, sectionLines } from '../doc.ts';
import type { ResumeData, Skill, SkillSource, WorkExperience } from '../../affinda/types.ts';
import { skillByName, skillKey, type TaxonomySkill } from '../../knowledge/skill-taxonomy.ts';
import { skillMentions, type ListedSkills } from '../../knowledge/skill-mentions.ts';
import { monthsOf } from '../understand/entry-dates.ts';

/** Months since year 0 of an ISO date. */
const monthIndex = (iso: string): number => +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1);
const isoMonth = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;

interface Tally {
  skill: Skill;
  count: number;
  sources: SkillSource[];
  jobs: WorkExperience[];
}

/** Months covered by the jobs' periods together, overlaps counted once; null when none is dated. */
function monthsUsed(jobs: WorkExperience[], reference: Date): number | null {
  const spans = jobs.map((j) => monthsOf(j.dates, reference)).filter((s): s is [number, number] => s != null).sort((a, b) => a[0] - b[0]);
  if (!spans.length) return null;
  let total = 0;
  let [start, end] = spans[0]!;
  for (const [s, e] of spans.slice(1)) {
    if (s <= end) end = Math.max(end, e);
    else {
      total += end - start;
      [start, end] = [s, e];
    }
  }
  return total + end - start;
}

/** When the latest of the jobs ended, as YYYY-MM-01 (the reference month for a current job). */
function lastUsedOf(jobs: WorkExperience[], reference: Date): string | null {
  const months = jobs.map((j) => (j.dates?.isCurrent ? reference.getUTCFullYear() * 12 + reference.getUTCMonth() : j.dates?.endDate ? monthIndex(j.dates.endDate) : j.dates?.startDate ? monthIndex(j.dates.startDate) : null)).filter((m): m is number => m != null);
  return months.length ? isoMonth(Math.max(...months)) : null;
}

export function weighting(count: number, lastUsed: string | null, reference: Date): number {
  const evidence = Math.min(1, count / 3);
  const yearsAgo = lastUsed ? (reference.getUTCFullYear() * 12 + reference.getUTCMonth() - monthIndex(lastUsed)) / 12 : null;
  const recency = yearsAgo == null ? 0 : Math.max(0, 1 - yearsAgo / 10);
  return Math.round((0.6 * evidence + 0.4 * recency) * 100) / 100;
}

/** The skills list with taxonomy ids, types, counts, sources and use dates, plus skills found in the prose. */
export function enrichSkills(data: ResumeData, reference: Date): Skill[] {
  const tallies: Tally[] = [];
  const byRef = new Map<TaxonomySkill, Tally>();
  const byKey = new Map<string, TaxonomySkill>();
  const byId = new Map<string, TaxonomySkill>();
  for (const listed of data.skills) {
    const taxonomy = skillByName(listed.name);
    const known = taxonomy && byId.get(taxonomy.id);
    if (known) {
      // A synonym of a skill already listed: one skill, mentioned once more.
      const tally = byRef.get(known)!;
      tally.count++;
      byKey.set(skillKey(listed.name), known);
      continue;
    }
    const ref: TaxonomySkill = taxonomy ?? { id: '', name: listed.name, type: listed.type === 'soft_skill' ? 'soft_skill' : 'hard_skill', tool: false };
    const skill: Skill = { ...listed, emsiId: taxonomy?.id ?? listed.emsiId, type: taxonomy?.type ?? listed.type };
    const tally: Tally = { skill, count: 1, sources: [...listed.sources], jobs: [] };
    tallies.push(tally);
    byRef.set(ref, tally);
    byKey.set(skillKey(listed.name), ref);
    if (taxonomy) byId.set(taxonomy.id, ref);
  }
  const listed: ListedSkills = { byKey, byId };

  const texts: { text: string | null; source: SkillSource; job: WorkExperience | null }[] = [
    { text: data.summary, source: { section: 'Summary', position: null, workExperienceId: null }, job: null },
    ...data.workExperience.map((job, position) => ({ text: job.jobDescription, source: { section: 'WorkExperience', position, workExperienceId: job.id }, job })),
  ];
  // With a skills list, the candidate has said what their skills are: the prose adds only the tools it
  // names. Without one, the prose is all there is, and every taxonomy skill it names is taken.
  const adds = (skill: TaxonomySkill): boolean => skill.tool || data.skills.length === 0;
  for (const { text, source, job } of texts) {
    if (!text) continue;
    for (const { target } of skillMentions(text, listed)) {
      let tally = byRef.get(target);
      if (!tally && !adds(target)) continue;
      if (!tally) {
        const skill: Skill = { id: 0, emsiId: target.id, name: target.name, lastUsed: null, numberOfMonths: null, type: target.type, count: null, weighting: null, sources: [] };
        tally = { skill, count: 0, sources: [], jobs: [] };
        tallies.push(tally);
        byRef.set(target, tally);
      }
      tally.count++;
      if (!tally.sources.some((s) => s.section === source.section && s.position === source.position)) tally.sources.push(source);
      if (job && !tally.jobs.includes(job)) tally.jobs.push(job);
    }
  }

  return tallies.map(({ skill, count, sources, jobs }, i) => {
    const lastUsed = lastUsedOf(jobs, reference);
    return { ...skill, id: i + 1, count, sources, lastUsed, numberOfMonths: monthsUsed(jobs, reference), weighting: weighting(count, lastUsed, reference) };
  });
}

export const skillTaxonomy: Component = {
  name: 'skill-taxonomy',
  stage: 'enrich',
  creates: 'skills[].emsiId, type, count, weighting, sources, lastUsed, numberOfMonths; skills named in job descriptions and the summary',
  run(doc) {
    doc.data.skills = enrichSkills(doc.data, doc.options.referenceDate);
    doc.data.skills.forEach((s, i) => s.sources.some((source) => source.section === 'Skills') && citeText(doc, `/skills/${i}`, s.name, sectionLines(doc, 'skills')));
  },
};
