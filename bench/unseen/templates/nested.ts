/**
 * Company-first: each employer is a heading (name + location), its roles nested below on a vertical timeline,
 * each with its own dates; schools likewise come before degrees. Skills in a three-column list.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, page, presentSections } from './common.ts';

const ACCENTS = ['#0f6e8c', '#b3541e', '#4a5a9a', '#2e7d32'];

function render(p: Person, rng: Rng): Rendered {
  const accent = rng.pick(ACCENTS);
  const font = rng.pick([FONTS.sans, FONTS.dejavu]);
  const skillsFirst = rng.chance(0.35);
  const order = presentSections(
    p,
    skillsFirst
      ? ['Summary', 'Skills', 'WorkExperience', 'Education', 'Certifications', 'Languages', 'Publications', 'Referees']
      : ['Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees'],
  );
  const work = p.employers
    .map(
      (e) => `<div class="emp"><div class="eh"><span class="org">${esc(e.org)}</span>${e.location ? `<span class="loc">${esc(e.location.rawInput)}</span>` : ''}</div><div class="tl">${e.roles
        .map((r) => `<div class="role"><div class="rt">${esc(r.title)}</div><div class="rd">${esc(r.span.text)}</div><ul>${r.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`)
        .join('')}</div></div>`,
    )
    .join('');
  const edu = p.education
    .map((ed) => `<div class="emp"><div class="eh"><span class="org">${esc(ed.org)}</span><span class="loc">${esc(ed.span.text)}</span></div><div class="deg">${esc(ed.degree)}${ed.location ? ` · ${esc(ed.location.rawInput)}` : ''}${ed.grade ? ` · ${esc(ed.grade.raw)}` : ''}</div></div>`)
    .join('');
  const langTable = `<table class="lang">${p.languages.map((l) => `<tr><td>${esc(l.name)}</td><td>${esc(l.levelText ?? '')}</td></tr>`).join('')}</table>`;
  const html: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p class="sum">${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: edu,
    Skills: `<ul class="cols3">${p.skills.map((s) => `<li>${esc(s.name)}</li>`).join('')}</ul>`,
    Languages: langTable,
    Certifications: `<ul class="certs">${p.certifications.map((c) => `<li>${esc(c.printed)}</li>`).join('')}</ul>`,
    Publications: `<ol>${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map(esc).join('<br>')}</div>`).join('')}</div>`,
  };
  const contact = contactItems(p)
    .map((c) => `<div><span class="k">${esc(c.label)}</span> ${esc(c.text)}</div>`)
    .join('');
  const css = `
body{font-family:${font};font-size:9.7pt;color:#262626;line-height:1.38}
.top{display:grid;grid-template-columns:1fr 1fr;gap:6mm;align-items:end;padding-bottom:3mm;border-bottom:5px solid ${accent}}
.top h1{font-size:26pt;color:${accent};line-height:1.05;font-weight:700}
.top .hl{font-size:11.5pt;color:#444;margin-top:1mm}
.ct{font-size:8.8pt;display:grid;grid-template-columns:1fr;gap:.4mm}
.k{display:inline-block;min-width:17mm;color:#888;font-size:7.8pt;text-transform:uppercase}
h2{font-size:12pt;color:#fff;background:${accent};display:inline-block;padding:.6mm 3mm;margin:5mm 0 2.5mm;border-radius:1.5mm}
.emp{margin-bottom:3.2mm;break-inside:avoid}
.eh{display:flex;justify-content:space-between;border-bottom:1px solid #ddd;padding-bottom:.5mm}
.org{font-weight:700;font-size:11pt}
.loc{color:#777;font-size:9pt}
.tl{margin:1.5mm 0 0 2mm;border-left:2px solid ${accent}66;padding-left:5mm}
.role{position:relative;margin-bottom:2mm}
.role::before{content:'';position:absolute;left:-7.1mm;top:1.3mm;width:2.6mm;height:2.6mm;border-radius:50%;background:${accent}}
.rt{font-weight:700;color:${accent}}
.rd{font-size:8.8pt;color:#666}
.tl ul{margin:.6mm 0 0 4mm;list-style:square} .tl li{margin-bottom:.4mm}
.deg{margin-top:.6mm}
.cols3{columns:3;column-gap:6mm;list-style:none} .cols3 li{break-inside:avoid;margin-bottom:.8mm} .cols3 li::before{content:'• ';color:${accent}}
.lang td{padding:.4mm 6mm .4mm 0} .lang td:last-child{color:#666}
.certs{margin-left:4mm;list-style:circle}
ol{margin-left:5mm} ol li{margin-bottom:1.2mm}
.refs{display:grid;grid-template-columns:1fr 1fr 1fr;gap:4mm;font-size:9pt}
`;
  const body = `<div class="top"><div><h1>${esc(p.name.raw)}</h1><div class="hl">${esc(p.headline)}</div></div><div class="ct">${contact}</div></div>${order
    .map((s) => `<section><h2>${esc(p.headings[s])}</h2>${html[s]}</section>`)
    .join('')}`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...order], margin: { top: '13mm', bottom: '13mm', left: '15mm', right: '15mm' } };
}

export const nested: Template = {
  id: 'nested',
  format: 'pdf',
  description: 'company-first: employer heading with location, its roles nested on a vertical timeline with their own dates; skills in three columns',
  prefs: { employers: [1, 4] },
  render,
};
