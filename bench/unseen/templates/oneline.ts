/**
 * One-line role headers: serif résumé whose roles read "Title, Company, City ............ Mar 2019 – Present"
 * on ONE line (flex space-between, dates right-aligned), bullets below; name left with contact stacked right.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, langText, page, pickLangStyle, presentSections, skillGroups } from './common.ts';

function render(p: Person, rng: Rng): Rendered {
  const font = rng.pick([FONTS.serif, FONTS.dejavuSerif]);
  const joiner = rng.pick([', ', ' — ', ' | ']);
  const titleFirst = rng.chance(0.7);
  const ruleColor = rng.pick(['#222', '#1c3d6e', '#5b1f1f']);
  const langStyle = pickLangStyle(rng);
  const order = presentSections(
    p,
    rng.chance(0.7)
      ? ['Summary', 'WorkExperience', 'Education', 'Skills', 'Certifications', 'Languages', 'Publications', 'Referees']
      : ['Summary', 'Education', 'WorkExperience', 'Publications', 'Skills', 'Languages', 'Certifications', 'Referees'],
  );
  const row = (left: string, right: string): string => `<div class="row"><span class="l">${left}</span><span class="r">${right}</span></div>`;
  const ul = (bs: string[]): string => (bs.length ? `<ul>${bs.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` : '');
  const work = p.employers
    .map((e) => {
      const loc = e.location ? esc(e.location.rawInput) : '';
      if (e.roles.length === 1) {
        const r = e.roles[0]!;
        const parts = titleFirst ? [`<b>${esc(r.title)}</b>`, `<i>${esc(e.org)}</i>`] : [`<b>${esc(e.org)}</b>`, `<i>${esc(r.title)}</i>`];
        if (loc) parts.push(loc);
        return `<div class="job">${row(parts.join(esc(joiner)), esc(r.span.text))}${ul(r.bullets)}</div>`;
      }
      return `<div class="job">${row(`<b>${esc(e.org)}</b>${loc ? esc(joiner) + loc : ''}`, '')}${e.roles.map((r) => `<div class="sub">${row(`<i>${esc(r.title)}</i>`, esc(r.span.text))}${ul(r.bullets)}</div>`).join('')}</div>`;
    })
    .join('');
  const edu = p.education
    .map((ed) => `<div class="job">${row(`<b>${esc(ed.degree)}</b>${esc(joiner)}${esc(ed.org)}${ed.location ? esc(joiner) + esc(ed.location.rawInput) : ''}`, esc(ed.span.text))}${ed.grade ? `<div class="note">${esc(ed.grade.raw)}</div>` : ''}</div>`)
    .join('');
  const skills = rng.chance(0.6)
    ? skillGroups(p).map((g) => `<div><span class="sc">${esc(g.label)}:</span> ${g.items.map(esc).join(', ')}</div>`).join('')
    : `<div>${p.skills.map((s) => esc(s.name)).join(' • ')}</div>`;
  const html: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p>${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: edu,
    Skills: skills,
    Languages: `<div>${p.languages.map((l) => esc(langText(l, langStyle))).join('; ')}</div>`,
    Certifications: p.certifications.map((c) => `<div class="cert">${esc(c.printed)}</div>`).join(''),
    Publications: `<ol>${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map(esc).join('<br>')}</div>`).join('')}</div>`,
  };
  const contact = contactItems(p)
    .map((c) => `<div>${c.kind === 'dob' ? 'Date of birth: ' : c.kind === 'nationality' ? 'Nationality: ' : ''}${esc(c.text)}</div>`)
    .join('');
  const css = `
body{font-family:${font};font-size:10.4pt;color:#111;line-height:1.36}
.head{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid ${ruleColor};padding-bottom:2.5mm}
.head h1{font-size:24pt;font-weight:700;line-height:1.05}
.head .hl{font-size:12pt;font-style:italic;color:#333;margin-top:1mm}
.contact{text-align:right;font-size:9.2pt;line-height:1.35}
h2{font-variant:small-caps;font-size:13pt;color:${ruleColor};border-bottom:.8px solid ${ruleColor};margin:4.5mm 0 2mm;letter-spacing:.02em}
.row{display:flex;justify-content:space-between;gap:6mm}
.row .r{white-space:nowrap;font-style:italic;color:#333}
.job{margin-bottom:2.6mm;break-inside:avoid}
.sub{margin:1mm 0 0 4mm}
ul{margin:.8mm 0 0 5mm;list-style:disc} li{margin-bottom:.4mm}
ol{margin-left:5mm} ol li{margin-bottom:1.2mm}
.note{font-size:9.4pt;color:#444}
.sc{font-variant:small-caps;font-weight:700}
.cert{margin-bottom:.6mm}
.refs{display:flex;gap:10mm}
`;
  const body = `<div class="head"><div><h1>${esc(p.name.raw)}</h1><div class="hl">${esc(p.headline)}</div></div><div class="contact">${contact}</div></div>${order
    .map((s) => `<section><h2>${esc(p.headings[s])}</h2>${html[s]}</section>`)
    .join('')}`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...order], margin: { top: '14mm', bottom: '14mm', left: '16mm', right: '16mm' } };
}

export const oneline: Template = {
  id: 'oneline',
  format: 'pdf',
  description: 'serif; name left, contact stacked right; each role on ONE line "Title, Company, City" with dates flush right, bullets below',
  prefs: {},
  render,
};
