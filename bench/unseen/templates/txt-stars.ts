/**
 * Plain text with decorated headings ("*** EXPERIENCE ***", "--- Skills ---", "[ Education ]", ">> Profile",
 * or dash-underlined), bullets as "*", "•", "-", "+" or "o", and dates in square or round brackets.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, langText, pickLangStyle, presentSections, skillGroups, wrap } from './common.ts';

function render(p: Person, rng: Rng): Rendered {
  const hstyle = rng.pick(['stars', 'dashes', 'underline', 'brackets', 'arrows'] as const);
  const upper = rng.chance(0.55);
  const mark = rng.pick(['*', '•', '-', '+', 'o']);
  const indent = rng.pick(['', '  ']);
  const [open, close] = rng.pick([['[', ']'], ['(', ')']] as const);
  const roleStyle = rng.pick(['commas', 'dash', 'orgfirst'] as const);
  const langStyle = pickLangStyle(rng);
  const W = rng.pick([76, 80, 90]);
  const upperName = rng.chance(0.4);
  const nameShown = upperName ? p.name.raw.toLocaleUpperCase('en') : p.name.raw;
  const order = presentSections(p, ['Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees']);

  const heading = (s: SectionType): string => {
    const h = upper ? p.headings[s].toLocaleUpperCase('en') : p.headings[s];
    switch (hstyle) {
      case 'stars': return `*** ${h} ***`;
      case 'dashes': return `--- ${h} ---`;
      case 'underline': return `${h}\n${'-'.repeat(h.length)}`;
      case 'brackets': return `[ ${h} ]`;
      case 'arrows': return `>> ${h}`;
    }
  };
  const bl = (text: string, extra = ''): string => wrap(`${indent}${extra}${mark} ${text}`, W, `${indent}${extra}  `);
  const out: string[] = [];
  out.push(nameShown, p.headline);
  const contact = contactItems(p);
  if (rng.chance(0.5)) out.push(...contact.map((c) => `${`${c.label}:`.padEnd(15)}${c.text}`));
  else out.push(wrapJoin(contact.map((c) => (c.kind === 'dob' ? `DOB ${c.text}` : c.text)), ' | ', W));
  for (const s of order) {
    out.push('', heading(s));
    if (hstyle !== 'underline') out.push('');
    if (s === 'Summary') out.push(wrap(p.summary?.text ?? '', W));
    else if (s === 'WorkExperience') {
      p.employers.forEach((e, i) => {
        if (i > 0) out.push('');
        const loc = e.location?.rawInput;
        if (e.roles.length === 1) {
          const r = e.roles[0]!;
          const dates = `${open}${r.span.text}${close}`;
          if (roleStyle === 'commas') out.push(`${[r.title, e.org, loc].filter(Boolean).join(', ')}  ${dates}`);
          else if (roleStyle === 'dash') out.push(`${r.title} - ${e.org}${loc ? ` (${loc})` : ''}`, dates);
          else out.push(`${e.org}${loc ? `, ${loc}` : ''}`, `${r.title} ${dates}`);
          out.push(...r.bullets.map((b) => bl(b)));
        } else {
          out.push(`${e.org}${loc ? `, ${loc}` : ''}`);
          for (const r of e.roles) {
            out.push(`  ${r.title} ${open}${r.span.text}${close}`);
            out.push(...r.bullets.map((b) => bl(b, '  ')));
          }
        }
      });
    } else if (s === 'Education') {
      p.education.forEach((ed) => {
        out.push(`${ed.degree}, ${ed.org}${ed.location ? `, ${ed.location.rawInput}` : ''} ${open}${ed.span.text}${close}`);
        if (ed.grade) out.push(`${indent}Grade: ${ed.grade.raw}`);
      });
    } else if (s === 'Skills') {
      if (rng.chance(0.5)) out.push(wrapJoin(p.skills.map((x) => x.name), ', ', W));
      else out.push(...skillGroups(p).map((g) => wrap(`${indent}${mark} ${g.label}: ${g.items.join(', ')}`, W, `${indent}    `)));
    } else if (s === 'Languages') out.push(wrapJoin(p.languages.map((l) => langText(l, langStyle)), ', ', W));
    else if (s === 'Certifications') out.push(...p.certifications.map((c) => bl(c.printed)));
    else if (s === 'Publications') out.push(...p.publications.map((x, i) => wrap(`${i + 1}. ${x}`, W, '   ')));
    else if (s === 'Referees') p.referees.forEach((r, i) => out.push(...(i > 0 ? [''] : []), ...r.lines));
  }
  return { kind: 'txt', text: out.join('\n') + '\n', sections: ['PersonalDetails', ...order], nameRaw: upperName ? nameShown : undefined };
}

/** Join items with a separator, breaking lines between items only. */
function wrapJoin(items: string[], sep: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const it of items) {
    const next = line ? line + sep + it : it;
    if (line && next.length > width) {
      lines.push(line + sep.trimEnd());
      line = it;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export const txtStars: Template = {
  id: 'txt-stars',
  format: 'txt',
  description: 'plain text; headings decorated as "*** X ***", "--- X ---", "[ X ]", ">> X" or dash-underlined; bullets "*", "•", "-", "+", "o"; dates in brackets',
  prefs: {},
  render,
};
