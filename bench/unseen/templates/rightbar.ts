/**
 * Right-hand sidebar: a full-width name header, then experience/education on the left and a tinted column on
 * the RIGHT with contact details, skills (as pills), languages and certifications.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, langText, page, pickLangStyle, presentSections } from './common.ts';

const PALETTES = [
  { accent: '#1d5c8c', tint: '#e9f1f8' },
  { accent: '#2f6b4f', tint: '#ebf4ee' },
  { accent: '#7a3b5d', tint: '#f6edf2' },
  { accent: '#8a5a14', tint: '#f7f0e4' },
];

function render(p: Person, rng: Rng): Rendered {
  const pal = rng.pick(PALETTES);
  const font = rng.pick([FONTS.sans, FONTS.dejavu]);
  const langStyle = pickLangStyle(rng);
  const pills = rng.chance(0.6);
  const h = p.headings;
  const main = presentSections(p, rng.chance(0.8) ? ['Summary', 'WorkExperience', 'Education', 'Publications', 'Referees'] : ['Summary', 'Education', 'WorkExperience', 'Publications', 'Referees']);
  const side = presentSections(p, ['Skills', 'Languages', 'Certifications']);

  const role = (title: string, dates: string, bullets: string[]): string =>
    `<div class="role"><div class="rt">${esc(title)}</div><div class="rd">${esc(dates)}</div><ul>${bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`;
  const work = p.employers
    .map((e) => {
      const loc = e.location ? ` <span class="loc">· ${esc(e.location.rawInput)}</span>` : '';
      if (e.roles.length === 1) {
        const r = e.roles[0]!;
        return `<div class="job"><div class="rt">${esc(r.title)}</div><div class="org">${esc(e.org)}${loc}</div><div class="rd">${esc(r.span.text)}</div><ul>${r.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`;
      }
      return `<div class="job multi"><div class="org big">${esc(e.org)}${loc}</div>${e.roles.map((r) => role(r.title, r.span.text, r.bullets)).join('')}</div>`;
    })
    .join('');
  const edu = p.education
    .map((ed) => `<div class="edu"><div class="rt">${esc(ed.degree)}</div><div class="org">${esc(ed.org)}${ed.location ? ` <span class="loc">· ${esc(ed.location.rawInput)}</span>` : ''}</div><div class="rd">${esc(ed.span.text)}${ed.grade ? ` &nbsp;|&nbsp; ${esc(ed.grade.raw)}` : ''}</div></div>`)
    .join('');
  const mainHtml: Record<string, string> = {
    Summary: `<p class="summary">${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: edu,
    Publications: `<ol class="pubs">${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map((l, i) => (i === 0 ? `<b>${esc(l)}</b>` : esc(l))).join('<br>')}</div>`).join('')}</div>`,
  };
  const sideHtml: Record<string, string> = {
    Skills: pills ? `<div class="pills">${p.skills.map((s) => `<span>${esc(s.name)}</span>`).join(' ')}</div>` : `<ul class="plain">${p.skills.map((s) => `<li>${esc(s.name)}</li>`).join('')}</ul>`,
    Languages: `<ul class="langs">${p.languages.map((l) => (langStyle === 'paren' && l.levelText ? `<li><span>${esc(l.name)}</span><em>${esc(l.levelText)}</em></li>` : `<li>${esc(langText(l, langStyle))}</li>`)).join('')}</ul>`,
    Certifications: `<ul class="plain">${p.certifications.map((c) => `<li>${esc(c.printed)}</li>`).join('')}</ul>`,
  };
  const contact = contactItems(p)
    .map((c) => `<li><span class="lbl">${esc(c.label)}</span>${esc(c.text)}</li>`)
    .join('');

  const css = `
body{font-family:${font};font-size:9.6pt;color:#222;line-height:1.38}
.tint{position:fixed;top:0;bottom:0;right:0;width:35%;background:${pal.tint};z-index:0}
header{position:relative;z-index:1;background:#fff;padding:2mm 14mm 5mm;border-bottom:3px solid ${pal.accent}}
header h1{font-size:25pt;color:${pal.accent};font-weight:700;line-height:1.1}
header .hl{font-size:12pt;color:#555;margin-top:1mm}
.cols{position:relative;z-index:1;display:flex}
main{width:65%;padding:4mm 8mm 0 14mm}
aside{width:35%;padding:5mm 10mm 0 7mm}
h2{font-size:11pt;color:${pal.accent};border-bottom:1px solid ${pal.accent}55;margin:4mm 0 2mm;padding-bottom:.6mm}
aside h2{font-size:10pt}
.job,.edu{margin-bottom:3mm;break-inside:avoid}
.job.multi{break-inside:auto}
.rt{font-weight:700;font-size:10.2pt}
.org{color:#333}
.org.big{font-weight:700;font-size:10.4pt;color:${pal.accent}}
.loc{color:#666}
.rd{color:#666;font-size:8.8pt;font-style:italic}
.role{margin:1.5mm 0 0 3mm;padding-left:3mm;border-left:2px solid ${pal.tint}}
ul{margin-top:1mm}
main li{padding-left:4mm;position:relative;margin-bottom:.6mm}
main li::before{content:'▪';position:absolute;left:0;color:${pal.accent}}
.pubs{padding-left:5mm} .pubs li{padding-left:1mm;margin-bottom:1.2mm} .pubs li::before{content:none}
.refs{display:grid;grid-template-columns:1fr 1fr;gap:3mm}
aside li{margin-bottom:1mm;word-break:break-word}
.lbl{display:block;font-size:7.6pt;text-transform:uppercase;color:#777}
.pills span{display:inline-block;background:#fff;border:1px solid ${pal.accent}44;border-radius:8px;padding:.4mm 2mm;margin:0 .6mm 1.2mm 0;font-size:8.6pt}
.langs li{display:flex;justify-content:space-between;gap:2mm} .langs em{color:#666;font-size:8.6pt}
`;
  const body = `<div class="tint"></div><header><h1>${esc(p.name.raw)}</h1><div class="hl">${esc(p.headline)}</div></header><div class="cols"><main>${main
    .map((s) => `<section><h2>${esc(h[s])}</h2>${mainHtml[s]}</section>`)
    .join('')}</main><aside><section><h2>${esc(h.PersonalDetails)}</h2><ul class="contact">${contact}</ul></section>${side.map((s) => `<section><h2>${esc(h[s])}</h2>${sideHtml[s]}</section>`).join('')}</aside></div>`;
  const sections: SectionType[] = ['PersonalDetails', ...main, ...side];
  return { kind: 'html', html: page(css, body), sections, margin: { top: '11mm', bottom: '11mm', left: '0', right: '0' } };
}

export const rightbar: Template = {
  id: 'rightbar',
  format: 'pdf',
  description: 'full-width name header; experience/education left, tinted RIGHT sidebar with contact, skill pills, languages, certifications',
  prefs: {},
  render,
};
