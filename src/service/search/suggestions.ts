/**
 * Search suggestions from the shipped taxonomies (`GET /v2/resume_search/suggestion_job_title` and
 * `…/suggestion_skill`). Job titles: other titles of the same occupation (O*NET/ESCO occupation, else the same
 * UK SOC unit), those sharing most words with the asked title first. Skills: taxonomy skills whose names share a
 * word with the asked one — the asked skill's canonical name first ("js" → "JavaScript"), then names that begin
 * with the word, then names holding it. Offline and pure once the tables are loaded.
 */
import { readFileSync } from 'node:fs';
import { capitalised, titleKey, titleWords } from '../../knowledge/job-titles.ts';
import { occupationOf, type TitleData } from '../../knowledge/occupations.ts';
import { skillByName, skillKey, type SkillData } from '../../knowledge/skill-taxonomy.ts';

export const SUGGESTIONS = 10;

interface TitleIndex {
  byOccupation: Map<number, { key: string; shown: string }[]>;
  bySoc: Map<number, { key: string; shown: string }[]>;
  occupations: Map<string, number>;
}

let titleIndex: TitleIndex | null = null;

function titles(): TitleIndex {
  if (titleIndex) return titleIndex;
  const data = JSON.parse(readFileSync(new URL('../../../data/job-titles.json', import.meta.url), 'utf8')) as TitleData;
  const byOccupation = new Map<number, { key: string; shown: string }[]>();
  const bySoc = new Map<number, { key: string; shown: string }[]>();
  for (const [key, [soc, occupation, shown]] of Object.entries(data.titles)) {
    // As knowledge/occupations.ts shows a title: its own string, or its key's words in the order the digits give.
    const words = key.split(' ');
    const title = { key, shown: shown && !/^\d+$/.test(shown) ? shown : capitalised(shown ? [...shown].map((i) => words[Number(i)]).join(' ') : key) };
    if (occupation >= 0) (byOccupation.get(occupation) ?? byOccupation.set(occupation, []).get(occupation)!).push(title);
    if (soc) (bySoc.get(soc) ?? bySoc.set(soc, []).get(soc)!).push(title);
  }
  titleIndex = { byOccupation, bySoc, occupations: new Map(data.occupations.map((id, i) => [id, i])) };
  return titleIndex;
}

export function suggestJobTitles(asked: string[], limit = SUGGESTIONS): string[] {
  const index = titles();
  const askedKeys = new Set(asked.map((t) => titleKey(titleWords(t))));
  const scored = new Map<string, { shown: string; score: number }>();
  for (const title of asked) {
    const occupation = occupationOf(title);
    if (!occupation) continue;
    const words = new Set(titleWords(title));
    const sameOccupation = occupation.occupationId != null ? (index.byOccupation.get(index.occupations.get(occupation.occupationId) ?? -1) ?? []) : [];
    const sameSoc = occupation.soc != null ? (index.bySoc.get(occupation.soc) ?? []) : [];
    for (const [candidates, bonus] of [[sameOccupation, 1], [sameSoc, 0]] as const) {
      for (const t of candidates) {
        if (askedKeys.has(t.key)) continue;
        const tWords = t.key.split(' ');
        const shared = tWords.filter((w) => words.has(w)).length;
        // Same occupation first; then titles sharing words; short, plain titles before long reported ones.
        const score = bonus * 100 + shared * 10 - tWords.length - (t.shown.length > 40 ? 5 : 0);
        const prior = scored.get(t.shown.toLowerCase());
        if (!prior || prior.score < score) scored.set(t.shown.toLowerCase(), { shown: t.shown, score });
      }
    }
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.shown.localeCompare(b.shown))
    .slice(0, limit)
    .map((s) => s.shown);
}

let skillNames: { name: string; words: string[] }[] | null = null;

function skills(): { name: string; words: string[] }[] {
  if (skillNames) return skillNames;
  const data = JSON.parse(readFileSync(new URL('../../../data/skills.json', import.meta.url), 'utf8')) as SkillData;
  skillNames = data.skills.map(([, name]) => ({ name, words: skillKey(name).split(' ') }));
  return skillNames;
}

export function suggestSkills(asked: string[], limit = SUGGESTIONS): string[] {
  const askedNames = new Set(asked.map((s) => skillKey(s)));
  const scored = new Map<string, number>();
  for (const skill of asked) {
    const canonical = skillByName(skill);
    if (canonical && !askedNames.has(skillKey(canonical.name))) scored.set(canonical.name, 1000);
    const words = new Set(skillKey(canonical?.name ?? skill).split(' ').filter((w) => w.length > 1));
    for (const s of skills()) {
      if (askedNames.has(s.words.join(' ')) || scored.get(s.name) === 1000) continue;
      const shared = s.words.filter((w) => words.has(w)).length;
      if (!shared) continue;
      const score = shared * 10 + (words.has(s.words[0]!) ? 5 : 0) - s.words.length;
      if ((scored.get(s.name) ?? -Infinity) < score) scored.set(s.name, score);
    }
  }
  return [...scored]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
}
