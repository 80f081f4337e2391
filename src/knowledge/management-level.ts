/**
 * Management level from a job title's words, in Affinda's four values:
 *
 *   Upper  runs an organisation or a function: Chief …, President, Vice President, Director (not assistant,
 *          associate or deputy), Head of …, Head Teacher, Managing Director, General Manager, Owner, Founder,
 *          Proprietor, Partner, Chair, Principal (of a school: the title's last word)
 *   Mid    manages people or a unit: Manager, Lead, Leader, Superintendent, Head Chef/Cook/Nurse, and the deputies
 *          and assistants of Upper titles ("Deputy Director", "Assistant Vice President", "Deputy Head")
 *   Low    supervises a team's daily work: Supervisor, Team Lead/Leader, Shift or Crew Lead, Foreman, Charge
 *          Nurse, Head Waiter, Assistant Manager
 *   None   everything else ("Senior Accountant", "Principal Engineer", "Account Executive", "Product Owner")
 *
 * Words are read after normalisation (knowledge/job-titles.ts), so "VP", "Sr. Mgr" and "Head of Sales" work.
 */
import { titleWords } from './job-titles.ts';

export type ManagementLevel = 'None' | 'Low' | 'Mid' | 'Upper';

const has = (words: string[], phrase: string): boolean => ` ${words.join(' ')} `.includes(` ${phrase} `);

/** Words before an Upper word that make it a deputy's title. */
const DEPUTY = /^(assistant|associate|deputy|vice)$/;
/** What a "Head" in front leads when the title is a working role, not the head of something. */
const HEAD_OF_CRAFT = /^(chef|cook|nurse|gardener|porter|housekeeper|groundsman|baker|brewer|bartender|buyer)$/;

export function managementLevel(title: string): ManagementLevel {
  const words = titleWords(title);
  if (!words.length) return 'None';
  const before = (i: number): string => words[i - 1] ?? '';

  const low = ['team lead', 'team leader', 'shift lead', 'shift leader', 'crew lead', 'crew leader', 'charge nurse', 'head waiter', 'head waitress', 'assistant manager'];
  if (words.some((w) => /^(supervisor|foreman|forewoman|foreperson)$/.test(w)) || low.some((p) => has(words, p))) return 'Low';

  let upper = false;
  let deputy = false;
  words.forEach((w, i) => {
    const head = w === 'head' && !HEAD_OF_CRAFT.test(words[i + 1] ?? '');
    const top =
      /^(chief|president|director|owner|founder|cofounder|proprietor|chairman|chairwoman|chairperson)$/.test(w) ||
      head ||
      (w === 'chair' && i === words.length - 1) ||
      (w === 'partner' && i === words.length - 1 && before(i) !== 'business') ||
      (w === 'principal' && i === words.length - 1) ||
      (w === 'manager' && before(i) === 'general');
    if (!top || (w === 'owner' && before(i) === 'product')) return;
    if (DEPUTY.test(before(i)) && !(w === 'president' && before(i) === 'vice' && !DEPUTY.test(before(i - 1)))) deputy = true;
    else upper = true;
  });
  if (upper) return 'Upper';
  if (deputy) return 'Mid';
  if (words.some((w) => /^(manager|lead|leader|superintendent|head)$/.test(w))) return 'Mid';
  return 'None';
}
