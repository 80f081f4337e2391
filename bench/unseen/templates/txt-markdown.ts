/**
 * Markdown-flavoured plain text, as pasted from a README or a notes app: "# Name", "## Experience",
 * "### Title — Company", italic date lines, "-" bullets, a pipe table for languages.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, langText, pickLangStyle, presentSections, skillGroups } from './common.ts';

function render(p: Person, rng: Rng): Rendered {
  const langStyle = pickLangStyle(rng);
  const contactList = rng.chance(0.5);
  const dash = rng.pick([' — ', ' - ', ' @ ', ', ']);
  const order = presentSections(
    p,
    rng.chance(0.75)
      ? ['Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees']
      : ['Summary', 'Skills', 'WorkExperience', 'Education', 'Certifications', 'Languages', 'Publications', 'Referees'],
  );
  const out: string[] = [`# ${p.name.raw}`, '', rng.chance(0.5) ? `**${p.headline}**` : `_${p.headline}_`, ''];
  const items = contactItems(p);
  if (contactList) out.push(...items.map((c) => `- ${c.label}: ${c.text}`));
  else out.push(items.map((c) => (c.kind === 'dob' ? `Born ${c.text}` : c.text)).join(' · '));
  const h = (s: SectionType): string => `## ${p.headings[s]}`;
  for (const s of order) {
    out.push('', h(s), '');
    if (s === 'Summary') out.push(p.summary?.text ?? '');
    else if (s === 'WorkExperience') {
      for (const e of p.employers) {
        const loc = e.location?.rawInput;
        if (e.roles.length === 1) {
          const r = e.roles[0]!;
          out.push(`### ${r.title}${dash}${e.org}`, `*${r.span.text}${loc ? ` · ${loc}` : ''}*`, '', ...r.bullets.map((b) => `- ${b}`), '');
        } else {
          out.push(`### ${e.org}${loc ? ` · ${loc}` : ''}`, '');
          for (const r of e.roles) out.push(`**${r.title}** (${r.span.text})`, '', ...r.bullets.map((b) => `- ${b}`), '');
        }
      }
      if (out[out.length - 1] === '') out.pop();
    } else if (s === 'Education') {
      for (const ed of p.education) out.push(`- **${ed.degree}**, ${ed.org}${ed.location ? `, ${ed.location.rawInput}` : ''} (${ed.span.text})${ed.grade ? ` — ${ed.grade.raw}` : ''}`);
    } else if (s === 'Skills') {
      if (rng.chance(0.5)) out.push(...skillGroups(p).map((g) => `- **${g.label}:** ${g.items.join(', ')}`));
      else out.push(p.skills.map((x) => x.name).join(' · '));
    } else if (s === 'Languages') {
      if (p.languages.some((l) => l.levelText) && rng.chance(0.6)) out.push('| Language | Level |', '|---|---|', ...p.languages.map((l) => `| ${l.name} | ${l.levelText ?? ''} |`));
      else out.push(p.languages.map((l) => langText(l, langStyle)).join(', '));
    } else if (s === 'Certifications') out.push(...p.certifications.map((c) => `- ${c.printed}`));
    else if (s === 'Publications') out.push(...p.publications.map((x, i) => `${i + 1}. ${x}`));
    else if (s === 'Referees') p.referees.forEach((r, i) => out.push(...(i > 0 ? [''] : []), `**${r.lines[0]}**  `, ...r.lines.slice(1).map((l, k, a) => (k < a.length - 1 ? `${l}  ` : l))));
  }
  return { kind: 'txt', text: out.join('\n') + '\n', sections: ['PersonalDetails', ...order] };
}

export const txtMarkdown: Template = {
  id: 'txt-markdown',
  format: 'txt',
  description: 'Markdown-style text: "# Name", "## Section", "### Title — Company", italic date lines, "-" bullets, a pipe table of languages',
  prefs: {},
  render,
};
