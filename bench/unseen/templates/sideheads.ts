/**
 * Side headings: the name centred in a big coloured banner, a centred contact line, then every section as a
 * grid row with its heading in a narrow left column and the content to the right of it.
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, langText, page, pickLangStyle, presentSections, skillGroups } from './common.ts';

const BANNERS = ['#203a5c', '#3b2f4a', '#1f4d4a', '#5a2a27', '#2b2b2b'];

function render(p: Person, rng: Rng): Rendered {
  const banner = rng.pick(BANNERS);
  const font = rng.pick([FONTS.sans, FONTS.serif, FONTS.dejavu]);
  const upperName = rng.chance(0.4);
  const nameShown = upperName ? p.name.raw.toLocaleUpperCase('en') : p.name.raw;
  const langStyle = pickLangStyle(rng);
  const grouped = rng.chance(0.5);
  const titleFirst = rng.chance(0.6);
  const order = presentSections(
    p,
    rng.weighted<SectionType[]>([
      [['Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees'], 5],
      [['Summary', 'Skills', 'WorkExperience', 'Education', 'Certifications', 'Languages', 'Publications', 'Referees'], 3],
      [['Summary', 'Education', 'WorkExperience', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees'], 2],
    ]),
  );
  const sep = rng.pick([' · ', '  |  ', ' • ']);
  const contact = contactItems(p)
    .map((c) => (c.kind === 'dob' ? `Born ${esc(c.text)}` : c.kind === 'nationality' ? `${esc(c.text)} citizen` : esc(c.text)))
    .join(`<span class="sep">${esc(sep)}</span>`);

  const bullets = (bs: string[]): string => `<ul>${bs.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`;
  const work = p.employers
    .map((e) => {
      const loc = e.location ? esc(e.location.rawInput) : '';
      if (e.roles.length === 1) {
        const r = e.roles[0]!;
        const l1 = titleFirst ? `<b>${esc(r.title)}</b>, ${esc(e.org)}` : `<b>${esc(e.org)}</b> — ${esc(r.title)}`;
        return `<div class="item"><div class="l1">${l1}</div><div class="l2">${esc(r.span.text)}${loc ? ` | ${loc}` : ''}</div>${bullets(r.bullets)}</div>`;
      }
      return `<div class="item"><div class="l1"><b>${esc(e.org)}</b>${loc ? ` <span class="l2">— ${loc}</span>` : ''}</div>${e.roles
        .map((r) => `<div class="sub"><div class="l1b">${esc(r.title)} <span class="l2">(${esc(r.span.text)})</span></div>${bullets(r.bullets)}</div>`)
        .join('')}</div>`;
    })
    .join('');
  const edu = p.education
    .map((ed) => `<div class="item"><div class="l1"><b>${esc(ed.degree)}</b></div><div class="l2">${esc(ed.org)}${ed.location ? `, ${esc(ed.location.rawInput)}` : ''} — ${esc(ed.span.text)}</div>${ed.grade ? `<div class="l2">${esc(ed.grade.raw)}</div>` : ''}</div>`)
    .join('');
  const skills = grouped
    ? skillGroups(p).map((g) => `<div class="sg"><b>${esc(g.label)}:</b> ${g.items.map(esc).join(', ')}</div>`).join('')
    : `<div class="sk">${p.skills.map((s) => `<span>${esc(s.name)}</span>`).join('')}</div>`;
  const html: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p>${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: edu,
    Skills: skills,
    Languages: `<p>${p.languages.map((l) => esc(langText(l, langStyle))).join(' &nbsp;·&nbsp; ')}</p>`,
    Certifications: `<ul>${p.certifications.map((c) => `<li>${esc(c.printed)}</li>`).join('')}</ul>`,
    Publications: `<ol class="pubs">${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map(esc).join('<br>')}</div>`).join('')}</div>`,
  };
  const css = `
body{font-family:${font};font-size:9.8pt;color:#1e1e1e;line-height:1.4}
.banner{background:${banner};color:#fff;text-align:center;padding:9mm 10mm 7mm}
.banner h1{font-size:${upperName ? 24 : 27}pt;font-weight:700;line-height:1.1}
.banner .hl{font-size:11.5pt;opacity:.85;margin-top:1.5mm}
.contact{text-align:center;font-size:9pt;color:#333;padding:3mm 12mm;border-bottom:1px solid #ccc}
.sep{color:#999}
.wrap{padding:0 13mm}
.row{display:grid;grid-template-columns:36mm 1fr;column-gap:6mm;padding:3.5mm 0;border-bottom:1px solid #e2e2e2}
.row h2{font-size:9.6pt;color:${banner};text-align:right;font-weight:700;padding-top:.3mm}
.item{margin-bottom:2.6mm;break-inside:avoid}
.l1{font-size:10.2pt}
.l1b{font-weight:700;margin-top:1.2mm}
.l2{color:#555;font-size:9pt}
.sub{margin-left:3mm}
ul{margin:1mm 0 0 4.5mm;list-style:disc} li{margin-bottom:.5mm}
.pubs{margin-left:5mm} .pubs li{margin-bottom:1.4mm}
.sk span{display:inline-block;margin:0 4mm 1mm 0}
.sk span::before{content:'›  ';color:${banner}}
.sg{margin-bottom:1mm}
.refs{display:grid;grid-template-columns:1fr 1fr;gap:4mm}
`;
  const body = `<div class="banner"><h1>${esc(nameShown)}</h1><div class="hl">${esc(p.headline)}</div></div><div class="contact">${contact}</div><div class="wrap">${order
    .map((s) => `<section class="row"><h2>${esc(p.headings[s])}</h2><div>${html[s]}</div></section>`)
    .join('')}</div>`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...order], nameRaw: upperName ? nameShown : undefined, margin: { top: '0', bottom: '10mm', left: '0', right: '0' } };
}

export const sideheads: Template = {
  id: 'sideheads',
  format: 'pdf',
  description: 'name centred in a big coloured banner; each section is a grid row with the heading in a narrow left column and content to its right',
  prefs: {},
  render,
};
