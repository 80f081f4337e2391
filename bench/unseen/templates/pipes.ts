/**
 * Compact one-liners: dense narrow-font résumé where each role is a single line, either date-first
 * ("2019 – 2021   Senior Analyst, Deloitte, London") or pipe-separated ("Data Engineer | Shopify | Ottawa | 2020–2023").
 */
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, esc, FONTS, langText, page, pickLangStyle, presentSections } from './common.ts';

function render(p: Person, rng: Rng): Rendered {
  const variant = rng.pick(['datefirst', 'pipes'] as const);
  const font = rng.pick([FONTS.narrow, FONTS.sans]);
  const langStyle = pickLangStyle(rng);
  const bullet = rng.pick(['–', '•', '›']);
  const order = presentSections(p, ['Summary', 'WorkExperience', 'Education', 'Skills', 'Certifications', 'Languages', 'Publications', 'Referees']);
  const P = ' | ';
  const ul = (bs: string[]): string => `<ul>${bs.map((b) => `<li><span class="b">${bullet}</span>${esc(b)}</li>`).join('')}</ul>`;
  const line = (title: string, org: string | null, loc: string | null, dates: string): string => {
    if (variant === 'datefirst') return `<div class="ln"><b class="dt">${esc(dates)}</b>${[title, org, loc].filter(Boolean).map((x) => esc(x!)).join(', ')}</div>`;
    return `<div class="ln">${[`<b>${esc(title)}</b>`, org ? esc(org) : null, loc ? esc(loc) : null, `<span class="d">${esc(dates)}</span>`].filter(Boolean).join(P)}</div>`;
  };
  const work = p.employers
    .map((e) => {
      const loc = e.location?.rawInput ?? null;
      if (e.roles.length === 1) {
        const r = e.roles[0]!;
        return `<div class="it">${line(r.title, e.org, loc, r.span.text)}${ul(r.bullets)}</div>`;
      }
      return `<div class="it"><div class="ln emp">${esc(e.org)}${loc ? (variant === 'pipes' ? P : ', ') + esc(loc) : ''}</div>${e.roles.map((r) => `<div class="sub">${line(r.title, null, null, r.span.text)}${ul(r.bullets)}</div>`).join('')}</div>`;
    })
    .join('');
  const edu = p.education
    .map((ed) => {
      const extra = ed.grade ? ` (${esc(ed.grade.raw)})` : '';
      return `<div class="it">${line(ed.degree, ed.org, ed.location?.rawInput ?? null, ed.span.text).replace('</div>', `${extra}</div>`)}</div>`;
    })
    .join('');
  const html: Record<SectionType, string> = {
    PersonalDetails: '',
    Summary: `<p>${esc(p.summary?.text ?? '')}</p>`,
    WorkExperience: work,
    Education: edu,
    Skills: `<p>${p.skills.map((s) => esc(s.name)).join(' · ')}</p>`,
    Languages: `<p>${p.languages.map((l) => esc(langText(l, langStyle))).join(' · ')}</p>`,
    Certifications: `<p>${p.certifications.map((c) => esc(c.printed)).join(' · ')}</p>`,
    Publications: p.publications.map((x) => `<p class="pub">${esc(x)}</p>`).join(''),
    Referees: p.referees.map((r) => `<p class="ref">${r.lines.map(esc).join(P)}</p>`).join(''),
  };
  const contact = contactItems(p)
    .map((c) => (c.kind === 'dob' ? `DOB ${esc(c.text)}` : c.kind === 'nationality' ? esc(c.text) : esc(c.text)))
    .join(P);
  const css = `
body{font-family:${font};font-size:9.6pt;color:#111;line-height:1.32}
.top{border-bottom:1.5px solid #111;padding-bottom:1.5mm;margin-bottom:1mm}
.top .nm{font-size:17pt;font-weight:700}
.top .nm span{font-size:11pt;font-weight:400;color:#444}
.top .ct{font-size:8.9pt;margin-top:.6mm}
h2{font-size:10pt;text-transform:none;margin:3mm 0 1mm;padding:.3mm 1.5mm;background:#eee;border-left:3px solid #333}
.it{margin-bottom:1.6mm;break-inside:avoid}
.ln{font-size:9.8pt}
.ln.emp{font-weight:700}
.dt{display:inline-block;margin-right:3mm}
.d{color:#444}
.sub{margin-left:3mm}
ul{margin:.3mm 0 0 2mm} li{margin-bottom:.2mm;padding-left:3.5mm;text-indent:-3.5mm}
.b{display:inline-block;width:3.5mm;text-indent:0}
.pub,.ref{margin-bottom:.8mm}
`;
  const body = `<div class="top"><div class="nm">${esc(p.name.raw)} <span>${P}${esc(p.headline)}</span></div><div class="ct">${contact}</div></div>${order
    .map((s) => `<section><h2>${esc(p.headings[s])}</h2>${html[s]}</section>`)
    .join('')}`;
  return { kind: 'html', html: page(css, body), sections: ['PersonalDetails', ...order], margin: { top: '11mm', bottom: '11mm', left: '13mm', right: '13mm' } };
}

export const pipes: Template = {
  id: 'pipes',
  format: 'pdf',
  description: 'dense narrow-font one-liners: date-first role lines ("2019 – 2021  Title, Company, City") or pipe-separated ("Title | Company | City | dates")',
  prefs: { dateStyles: ['YYYY', 'MM/YYYY', 'MMM YYYY', 'YYYY-MM', 'MM.YYYY'], bullets: [1, 4] },
  render,
};
