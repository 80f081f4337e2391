/**
 * Multi-page CV with a running header (name, headline) and footer ("Curriculum Vitae – Name", "Page 1 of 2")
 * printed by Chromium on every page; a personal-details table; long careers, certifications and referees.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, langText, page, pickLangStyle, presentSections, skillGroups } from './common.ts';

function render(p: Person, rng: Rng): Rendered {
  const font = rng.pick([FONTS.dejavuSerif, FONTS.serif]);
  const accent = rng.pick(['#6b1d2a', '#1d3d6b', '#333333']);
  const langStyle = pickLangStyle(rng);
  const order = presentSections(
    p,
    rng.chance(0.6)
      ? ['Summary', 'WorkExperience', 'Education', 'Certifications', 'Skills', 'Languages', 'Publications', 'Referees']
      : ['Summary', 'Education', 'WorkExperience', 'Publications', 'Skills', 'Certifications', 'Languages', 'Referees'],
  );
  const details = contactItems(p)
    .map((c) => `<tr><th>${esc(c.label)}</th><td>${esc(c.text)}</td></tr>`)
    .join('');
  const job = (title: string, org: string | null, loc: string | null, dates: string, bullets: string[]): string =>
    `<div class="job"><div class="jh"><span class="t">${esc(title)}</span><span class="d">${esc(dates)}</span></div>${org ? `<div class="o">${esc(org)}${loc ? `, ${esc(loc)}` : ''}</div>` : ''}<ul>${bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`;
  const work = p.employers
    .map((e) => {
      if (e.roles.length === 1) {
        const r = e.roles[0]!;
        return job(r.title, e.org, e.location?.rawInput ?? null, r.span.text, r.bullets);
      }
      return `<div class="grp"><div class="o big">${esc(e.org)}${e.location ? `, ${esc(e.location.rawInput)}` : ''}</div>${e.roles.map((r) => job(r.title, null, null, r.span.text, r.bullets)).join('')}</div>`;
    })
    .join('');
  const html: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p>${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: p.education.map((ed) => `<div class="job"><div class="jh"><span class="t">${esc(ed.degree)}</span><span class="d">${esc(ed.span.text)}</span></div><div class="o">${esc(ed.org)}${ed.location ? `, ${esc(ed.location.rawInput)}` : ''}</div>${ed.grade ? `<div class="g">${esc(ed.grade.raw)}</div>` : ''}</div>`).join(''),
    Skills: `<table class="sk">${skillGroups(p).map((g) => `<tr><th>${esc(g.label)}</th><td>${g.items.map(esc).join(', ')}</td></tr>`).join('')}</table>`,
    Languages: `<ul class="plain">${p.languages.map((l) => `<li>${esc(langText(l, langStyle))}</li>`).join('')}</ul>`,
    Certifications: `<ul class="plain">${p.certifications.map((c) => `<li>${esc(c.printed)}</li>`).join('')}</ul>`,
    Publications: `<ol>${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map(esc).join('<br>')}</div>`).join('')}</div>`,
  };
  const css = `
body{font-family:${font};font-size:10.3pt;color:#1a1a1a;line-height:1.42}
.cv{font-size:9pt;letter-spacing:.18em;text-transform:uppercase;color:${accent}}
h1{font-size:23pt;font-weight:700;color:${accent};line-height:1.15}
.hl{font-size:12pt;font-style:italic;color:#444;margin-bottom:3mm}
h2{font-size:12.5pt;color:${accent};border-left:4px solid ${accent};padding-left:2.5mm;margin:5mm 0 2.4mm;break-after:avoid}
table.pd{border-collapse:collapse;margin-bottom:1mm}
table th{text-align:left;font-weight:700;padding:.5mm 6mm .5mm 0;vertical-align:top;white-space:nowrap;color:#444;font-size:9.4pt}
table td{padding:.5mm 0;vertical-align:top}
.job{margin-bottom:3.2mm;break-inside:avoid}
.jh{display:flex;justify-content:space-between;gap:5mm}
.t{font-weight:700}
.d{white-space:nowrap;color:#444}
.o{font-style:italic}
.o.big{font-style:normal;font-weight:700;font-size:11pt;margin-bottom:1mm}
.grp .job{margin-left:4mm}
.g{font-size:9.4pt;color:#444}
ul{margin:1mm 0 0 5mm;list-style:disc} li{margin-bottom:.6mm}
ul.plain{margin-left:5mm}
ol{margin-left:6mm} ol li{margin-bottom:1.6mm}
.refs{display:grid;grid-template-columns:1fr 1fr;gap:5mm;break-inside:avoid}
`;
  const body = `<div class="cv">Curriculum Vitae</div><h1>${esc(p.name.raw)}</h1><div class="hl">${esc(p.headline)}</div><section><h2>${esc(p.headings.PersonalDetails)}</h2><table class="pd">${details}</table></section>${order
    .map((s) => `<section><h2>${esc(p.headings[s])}</h2>${html[s]}</section>`)
    .join('')}`;
  const hf = `font-family:${font.replace(/'/g, '"')};font-size:7.5pt;color:#666;width:100%;margin:0 18mm;display:flex;justify-content:space-between;`;
  const header = `<div style='${hf}border-bottom:0.5px solid #aaa;padding-bottom:1mm'><span>${esc(p.name.raw)}</span><span>${esc(p.headline)}</span></div>`;
  const footer = `<div style='${hf}'><span>Curriculum Vitae – ${esc(p.name.raw)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...order], header, footer, margin: { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' } };
}

export const paged: Template = {
  id: 'paged',
  format: 'pdf',
  description: 'multi-page serif CV; running header (name | headline) and footer ("Curriculum Vitae – Name", "Page 1 of 2") on every page; personal-details table',
  prefs: { employers: [3, 5], bullets: [3, 6], long: true },
  render,
};
