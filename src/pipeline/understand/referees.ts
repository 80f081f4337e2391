/**
 * Referees: each is a small block — name, position and employer, e-mail, phone — printed one under the
 * other or side by side. A new referee starts where a line looks like a person's name.
 */
import { sectionLines, type Component } from '../doc.ts';
import { citeText } from '../doc.ts';
import type { Referee } from '../../affinda/types.ts';
import type { Line } from '../layout.ts';
import { findEmails, findPhones } from './contact.ts';
import { nameScore } from './name.ts';
import { stripBullet } from './entries.ts';

export function readReferees(lines: Line[], country: string | null): Referee[] {
  if (lines.length && /available (up)?on request|on request|sur demande|auf anfrage/i.test(lines.map((l) => l.text).join(' '))) return [];
  // Side-by-side referees arrive as one row with tabs: read each tab column as its own line list.
  const groups: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    const text = stripBullet(l.text.split('\t')[0]!);
    const startsNew = nameScore(text) >= 0.5 && !findEmails(text).length && cur.length > 0 && cur.some((c) => findEmails(c.text).length || findPhones(c.text, country).length || cur.length >= 2);
    if (startsNew || (cur.length && l.block !== cur[cur.length - 1]!.block && cur.length >= 2)) {
      groups.push(cur);
      cur = [];
    }
    cur.push(l);
  }
  if (cur.length) groups.push(cur);
  return groups
    .map((g) => {
      const texts = g.map((l) => stripBullet(l.text.replace(/\t+/g, ' ')));
      const text = texts.join('\n');
      const email = findEmails(text)[0]?.value ?? null;
      const number = findPhones(text, country)[0]?.value ?? null;
      const nameLine = texts.find((t) => nameScore(t.replace(/^(name|referee)\s*[:：]\s*/i, '')) >= 0.4) ?? null;
      const position = texts.find((t) => t !== nameLine && !findEmails(t).length && !findPhones(t, country).length && /\p{L}{3}/u.test(t)) ?? null;
      return { name: nameLine, text, email, number, position };
    })
    .filter((r) => r.name);
}

export const referees: Component = {
  name: 'referees',
  stage: 'understand',
  creates: 'data.referees (name, position, e-mail, phone)',
  run(doc) {
    doc.data.referees = readReferees(
      sectionLines(doc, 'referees'),
      doc.country,
    );
    doc.data.referees.forEach((r, i) => (['name', 'position', 'email', 'number'] as const).forEach((key) => citeText(doc, `/referees/${i}/${key}`, r[key], sectionLines(doc, 'referees'))));
  },
};
