/**
 * Word document laid out with tab stops: "Job Title<TAB>Dates" against a right tab stop at the margin, the
 * company (and city) in italics on the next line, Word bullet lists; headings are bold caps paragraphs with a
 * bottom border (not heading styles); centred name and contact line.
 */
import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, langText, pickLangStyle, presentSections, skillGroups } from './common.ts';
import { bullet, numbered, packer, para, textWidth, wordDocument } from './docxkit.ts';

function render(p: Person, rng: Rng): Rendered {
  const font = rng.pick(['Garamond', 'Times New Roman', 'Calibri', 'Book Antiqua']);
  const langStyle = pickLangStyle(rng);
  const width = textWidth(p);
  const tabs = [{ type: TabStopType.RIGHT, position: width }];
  const order = presentSections(
    p,
    rng.chance(0.7)
      ? ['Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees']
      : ['Summary', 'Skills', 'Education', 'WorkExperience', 'Certifications', 'Languages', 'Publications', 'Referees'],
  );
  const upper = rng.chance(0.6);
  const tabbed = (left: TextRun[], right: string, after = 0): Paragraph => new Paragraph({ tabStops: tabs, spacing: { after, before: 60 }, keepNext: true, children: [...left, new TextRun({ children: [new Tab(), right] })] });
  const heading = (s: SectionType): Paragraph =>
    new Paragraph({
      spacing: { before: 240, after: 80 },
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '444444', space: 2 } },
      children: [new TextRun({ text: upper ? p.headings[s].toLocaleUpperCase('en') : p.headings[s], bold: true, size: 23 })],
    });
  const body: Paragraph[] = [];
  body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 40 }, children: [new TextRun({ text: p.name.raw, bold: true, size: 40 })] }));
  body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 40 }, children: [new TextRun({ text: p.headline, italics: true, size: 24 })] }));
  const items = contactItems(p).map((c) => (c.kind === 'dob' ? `Born ${c.text}` : c.kind === 'nationality' ? `${c.text} national` : c.text));
  const half = Math.ceil(items.length / 2);
  const lines = items.length > 4 ? [items.slice(0, half), items.slice(half)] : [items];
  for (const l of lines) body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 20 }, children: [new TextRun({ text: l.join('  •  '), size: 19 })] }));

  for (const s of order) {
    body.push(heading(s));
    if (s === 'Summary') body.push(para([p.summary?.text ?? ''], { after: 60 }));
    else if (s === 'WorkExperience') {
      for (const e of p.employers) {
        if (e.roles.length === 1) {
          const r = e.roles[0]!;
          body.push(tabbed([new TextRun({ text: r.title, bold: true })], r.span.text));
          body.push(para([new TextRun({ text: e.location ? `${e.org}, ${e.location.rawInput}` : e.org, italics: true })], { after: 40 }));
          for (const b of r.bullets) body.push(bullet(b));
        } else {
          body.push(tabbed([new TextRun({ text: e.org, bold: true, italics: true })], e.location?.rawInput ?? ''));
          for (const r of e.roles) {
            body.push(tabbed([new TextRun({ text: r.title, bold: true })], r.span.text, 30));
            for (const b of r.bullets) body.push(bullet(b, 0));
          }
        }
      }
    } else if (s === 'Education') {
      for (const ed of p.education) {
        body.push(tabbed([new TextRun({ text: ed.degree, bold: true })], ed.span.text));
        body.push(para([new TextRun({ text: ed.location ? `${ed.org}, ${ed.location.rawInput}` : ed.org, italics: true }), ...(ed.grade ? [new TextRun(` — ${ed.grade.raw}`)] : [])], { after: 60 }));
      }
    } else if (s === 'Skills') {
      for (const g of skillGroups(p)) body.push(new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 2200 }], spacing: { after: 40 }, children: [new TextRun({ text: `${g.label}:`, bold: true }), new TextRun({ children: [new Tab(), g.items.join(', ')] })] }));
    } else if (s === 'Languages') body.push(para([p.languages.map((l) => langText(l, langStyle)).join(' · ')]));
    else if (s === 'Certifications') for (const c of p.certifications) body.push(bullet(c.printed));
    else if (s === 'Publications') for (const x of p.publications) body.push(numbered(x));
    else if (s === 'Referees') for (const r of p.referees) body.push(...r.lines.map((l, i) => para([new TextRun({ text: l, bold: i === 0 })], { after: i === r.lines.length - 1 ? 120 : 0 })));
  }
  const doc = wordDocument(p, font, 21, body);
  return { kind: 'docx', buffer: packer(doc), sections: ['PersonalDetails', ...order] };
}

export const docxTabs: Template = {
  id: 'docx-tabs',
  format: 'docx',
  description: 'Word: centred name/contact; "Title<TAB>Dates" with a right tab stop, company in italics on the next line; headings are bold caps paragraphs with a bottom rule',
  prefs: {},
  render,
};
