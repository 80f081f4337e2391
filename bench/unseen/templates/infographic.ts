/**
 * Infographic: a coloured header band with a round headshot placeholder, a contact strip with icon glyphs
 * (✉ ☎ ⌂), skill bars, experience as cards with date pills, and a bottom row of three columns
 * (education | languages with dots | certifications).
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { esc, FONTS, headshotSvg, page, presentSections } from './common.ts';

const THEMES = [
  { a: '#0b7a75', b: '#14a098', soft: '#e3f4f3' },
  { a: '#3a3f9e', b: '#5b61d6', soft: '#e9eafb' },
  { a: '#b24a2b', b: '#e07a3f', soft: '#fbeee6' },
  { a: '#26415e', b: '#3f6e9e', soft: '#e6eef6' },
];

const WEB_ICON = '<svg width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4.2" fill="none" stroke="currentColor" stroke-width="1"/><path d="M1 5h8M5 1c2 2.2 2 5.8 0 8M5 1c-2 2.2-2 5.8 0 8" fill="none" stroke="currentColor" stroke-width=".8"/></svg>';

function render(p: Person, rng: Rng): Rendered {
  const th = rng.pick(THEMES);
  const glyphDots = rng.chance(0.5);
  const bars = rng.chance(0.65);
  const icon = (k: string): string => (k === 'email' ? '✉' : k === 'phone' ? '☎' : k === 'location' ? '⌂' : k === 'web' ? WEB_ICON : k === 'dob' ? '✱' : '⚑');
  const contact = [
    ...p.emails.map((e) => ['email', e] as const),
    ...p.phones.map((x) => ['phone', x.printed] as const),
    ...(p.location ? [['location', p.location.rawInput] as const] : []),
    ...p.websites.map((w) => ['web', w.printed] as const),
    ...(p.dob ? [['dob', p.dob.printed] as const] : []),
    ...(p.nationality ? [['nat', p.nationality] as const] : []),
  ]
    .map(([k, v]) => `<span class="ci"><i>${icon(k)}</i>${esc(v)}</span>`)
    .join('');
  const skillHtml = bars
    ? `<div class="bars">${p.skills.map((s) => `<div class="bar"><span>${esc(s.name)}</span><b><u style="width:${s.level * 20}%"></u></b></div>`).join('')}</div>`
    : `<div class="chips">${p.skills.map((s) => `<span>${esc(s.name)}<em>${'<s class="on"></s>'.repeat(s.level)}${'<s></s>'.repeat(5 - s.level)}</em></span>`).join('')}</div>`;
  const work = p.employers
    .map((e) =>
      e.roles
        .map(
          (r, i) => `<div class="card${i > 0 ? ' cont' : ''}"><div class="ch"><div><div class="rt">${esc(r.title)}</div>${i === 0 ? `<div class="org">${esc(e.org)}${e.location ? ` <span class="loc">⌂ ${esc(e.location.rawInput)}</span>` : ''}</div>` : ''}</div><span class="pill">${esc(r.span.text)}</span></div><ul>${r.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`,
        )
        .join(''),
    )
    .join('');
  const dots = (n: number): string => (glyphDots ? `<span class="gd">${'●'.repeat(n)}${'○'.repeat(5 - n)}</span>` : `<span class="cd">${'<s class="on"></s>'.repeat(n)}${'<s></s>'.repeat(5 - n)}</span>`);
  const parts: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p class="sum">${esc(p.summary?.text ?? '')}</p>`,
    Skills: skillHtml,
    WorkExperience: work,
    Education: p.education.map((ed) => `<div class="ed"><div class="rt">${esc(ed.degree)}</div><div>${esc(ed.org)}</div><div class="muted">${esc(ed.span.text)}${ed.location ? ` · ${esc(ed.location.rawInput)}` : ''}${ed.grade ? ` · ${esc(ed.grade.raw)}` : ''}</div></div>`).join(''),
    Languages: p.languages.map((l) => `<div class="lg"><span>${esc(l.name)}${l.levelText && !glyphDots ? ` <em>${esc(l.levelText)}</em>` : ''}</span>${dots(l.level)}</div>`).join(''),
    Certifications: p.certifications.map((c) => `<div class="ce">✓ ${esc(c.printed)}</div>`).join(''),
    Publications: `<ol>${p.publications.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`,
    Referees: `<div class="refs">${p.referees.map((r) => `<div>${r.lines.map(esc).join('<br>')}</div>`).join('')}</div>`,
  };
  const top = presentSections(p, ['Summary', 'Skills', 'WorkExperience']);
  const bottom = presentSections(p, ['Education', 'Languages', 'Certifications']);
  const tail = presentSections(p, ['Publications', 'Referees']);
  const sec = (s: SectionType): string => `<section class="s-${s}"><h2>${esc(p.headings[s])}</h2>${parts[s]}</section>`;
  const css = `
body{font-family:${FONTS.dejavu};font-size:8.9pt;color:#2a2a2a;line-height:1.4}
.band{background:linear-gradient(100deg,${th.a},${th.b});color:#fff;display:flex;align-items:center;gap:7mm;padding:8mm 12mm}
.band h1{font-size:24pt;font-weight:700;line-height:1.1}
.band .hl{font-size:11pt;opacity:.9;margin-top:1mm;letter-spacing:.02em}
.strip{background:${th.soft};padding:2.5mm 12mm;display:flex;flex-wrap:wrap;gap:1.2mm 6mm;font-size:8.5pt}
.ci i{font-style:normal;color:${th.a};margin-right:1.4mm;display:inline-block}
.ci svg{vertical-align:-1px;color:${th.a}}
.body{padding:2mm 12mm 0}
h2{font-size:11pt;color:${th.a};margin:4mm 0 2mm;display:flex;align-items:center;gap:2mm}
h2::after{content:'';flex:1;height:2px;background:${th.soft}}
.bars{display:grid;grid-template-columns:1fr 1fr;gap:1.6mm 8mm}
.bar span{display:block;font-size:8.6pt}
.bar b{display:block;height:2.2mm;background:${th.soft};border-radius:1.1mm;overflow:hidden}
.bar u{display:block;height:100%;background:${th.b}}
.chips{display:flex;flex-wrap:wrap;gap:1.5mm 5mm}
.chips em,.cd{display:inline-flex;gap:.7mm;margin-left:1.5mm;vertical-align:middle}
s{display:inline-block;width:1.8mm;height:1.8mm;border-radius:50%;background:${th.soft};border:.2mm solid ${th.b}}
s.on{background:${th.b}}
.card{border-left:3px solid ${th.b};padding:.5mm 0 .5mm 3.5mm;margin-bottom:2.6mm;break-inside:avoid}
.card.cont{margin-left:4mm;border-left-style:dotted}
.ch{display:flex;justify-content:space-between;align-items:flex-start;gap:4mm}
.rt{font-weight:700;font-size:9.8pt}
.org{color:${th.a};font-weight:700}
.loc{color:#777;font-weight:400;font-size:8.4pt}
.pill{white-space:nowrap;background:${th.soft};color:${th.a};border-radius:3mm;padding:.3mm 2.5mm;font-size:8pt;font-weight:700}
.card ul{margin:.8mm 0 0 4mm;list-style:disc}
.row3{display:grid;grid-template-columns:repeat(${Math.max(1, bottom.length)},1fr);gap:7mm;break-inside:avoid}
.ed{margin-bottom:2mm}
.muted{color:#777;font-size:8.3pt}
.lg{display:flex;justify-content:space-between;align-items:center;margin-bottom:1mm}
.lg em{color:#777;font-size:8pt}
.gd{color:${th.b};letter-spacing:.5mm}
.ce{margin-bottom:1mm}
ol{margin-left:5mm} ol li{margin-bottom:1mm}
.refs{display:grid;grid-template-columns:1fr 1fr;gap:4mm}
`;
  const body = `<div class="band">${headshotSvg(86, '#ffffff33', '#ffffffcc')}<div><h1>${esc(p.name.raw)}</h1><div class="hl">${esc(p.headline)}</div></div></div><div class="strip">${contact}</div><div class="body">${top.map(sec).join('')}<div class="row3">${bottom.map(sec).join('')}</div>${tail.map(sec).join('')}</div>`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...top, ...bottom, ...tail], margin: { top: '0', bottom: '9mm', left: '0', right: '0' } };
}

export const infographic: Template = {
  id: 'infographic',
  format: 'pdf',
  description: 'coloured header band with round headshot placeholder, icon contact strip, skill bars/dots, role cards with date pills, bottom row education | languages (dots) | certifications',
  prefs: { employers: [1, 4], bullets: [2, 4] },
  render,
};
