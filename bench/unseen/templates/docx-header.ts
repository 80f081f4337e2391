/**
 * Word document whose contact block lives in the PAGE HEADER (repeated on every page); sections are Word
 * "Heading 1" paragraphs; experience and education are 2-column tables: dates (and place) | details.
 */
import { Header, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, AlignmentType } from 'docx';
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, langText, pickLangStyle, presentSections, skillGroups } from './common.ts';
import { bullet, NO_BORDERS, numbered, packer, para, textWidth, wordDocument } from './docxkit.ts';

function render(p: Person, rng: Rng): Rendered {
  const font = rng.pick(['Calibri', 'Arial', 'Cambria', 'Georgia']);
  const nameInHeader = rng.chance(0.55);
  const langStyle = pickLangStyle(rng);
  const width = textWidth(p);
  const left = Math.round(width * 0.24);
  const order = presentSections(p, ['Summary', 'WorkExperience', 'Education', 'Skills', 'Certifications', 'Languages', 'Publications', 'Referees']);
  const sep = rng.pick(['  |  ', '  •  ', '   ']);
  const contact = contactItems(p)
    .map((c) => (c.kind === 'dob' ? `DOB: ${c.text}` : c.kind === 'nationality' ? `Nationality: ${c.text}` : c.text))
    .join(sep);
  const headerKids: Paragraph[] = [];
  if (nameInHeader) headerKids.push(new Paragraph({ children: [new TextRun({ text: p.name.raw, bold: true, size: 32 }), new TextRun({ text: `   ${p.headline}`, size: 22, color: '555555' })] }));
  headerKids.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 4 } }, children: [new TextRun({ text: contact, size: 17, color: '333333' })] }));
  const header = new Header({ children: headerKids });

  const row = (leftLines: string[], right: Paragraph[]): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: left, type: WidthType.DXA }, children: leftLines.length ? leftLines.map((l, i) => new Paragraph({ spacing: { after: 20 }, children: [new TextRun({ text: l, size: i === 0 ? 19 : 17, color: i === 0 ? '333333' : '777777', bold: i === 0 })] })) : [new Paragraph('')] }),
        new TableCell({ width: { size: width - left, type: WidthType.DXA }, children: right }),
      ],
    });
  const table = (rows: TableRow[]): Table => new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [left, width - left], borders: NO_BORDERS, rows });

  const workRows: TableRow[] = [];
  for (const e of p.employers) {
    if (e.roles.length === 1) {
      const r = e.roles[0]!;
      workRows.push(row([r.span.text, ...(e.location ? [e.location.rawInput] : [])], [para([new TextRun({ text: r.title, bold: true })], { after: 10 }), para([new TextRun({ text: e.org, italics: true })], { after: 40 }), ...r.bullets.map((b) => bullet(b)), para([], { after: 80 })]));
    } else {
      workRows.push(row(e.location ? [e.location.rawInput] : [], [para([new TextRun({ text: e.org, bold: true, allCaps: true })], { after: 30 })]));
      for (const r of e.roles) workRows.push(row([r.span.text], [para([new TextRun({ text: r.title, bold: true })], { after: 30 }), ...r.bullets.map((b) => bullet(b)), para([], { after: 60 })]));
    }
  }
  const eduRows = p.education.map((ed) =>
    row([ed.span.text, ...(ed.location ? [ed.location.rawInput] : [])], [para([new TextRun({ text: ed.degree, bold: true })], { after: 10 }), para([ed.org], { after: ed.grade ? 10 : 80 }), ...(ed.grade ? [para([new TextRun({ text: ed.grade.raw, color: '555555' })], { after: 80 })] : [])]),
  );
  const h1 = (s: SectionType): Paragraph => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(p.headings[s])] });
  const body: Array<Paragraph | Table> = [];
  if (!nameInHeader) body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(p.name.raw)] }), para([new TextRun({ text: p.headline, size: 24, color: '555555' })], { after: 120 }));
  for (const s of order) {
    body.push(h1(s));
    if (s === 'Summary') body.push(para([p.summary?.text ?? '']));
    else if (s === 'WorkExperience') body.push(table(workRows));
    else if (s === 'Education') body.push(table(eduRows));
    else if (s === 'Skills') {
      if (rng.chance(0.5)) for (const g of skillGroups(p)) body.push(para([new TextRun({ text: `${g.label}: `, bold: true }), g.items.join(', ')]));
      else body.push(para([p.skills.map((x) => x.name).join(', ')]));
    } else if (s === 'Languages') body.push(para([p.languages.map((l) => langText(l, langStyle)).join(', ')]));
    else if (s === 'Certifications') for (const c of p.certifications) body.push(bullet(c.printed));
    else if (s === 'Publications') for (const x of p.publications) body.push(numbered(x));
    else if (s === 'Referees')
      body.push(
        new Table({
          width: { size: width, type: WidthType.DXA },
          columnWidths: [Math.floor(width / 2), Math.ceil(width / 2)],
          borders: NO_BORDERS,
          rows: [new TableRow({ children: [0, 1].map((i) => new TableCell({ children: (p.referees.filter((_r, k) => k % 2 === i).flatMap((r) => [...r.lines.map((l, j) => new Paragraph({ spacing: { after: 10 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: l, bold: j === 0 })] })), new Paragraph('')])) as Paragraph[] })) })],
        }),
      );
  }
  const doc = wordDocument(p, font, 20, body, header, rng.pick(['1F3864', '244061', '7B2C2C', '2E5E3E']));
  return { kind: 'docx', buffer: packer(doc), sections: ['PersonalDetails', ...order] };
}

export const docxHeader: Template = {
  id: 'docx-header',
  format: 'docx',
  description: 'Word: contact block (often the name too) in the page header; Heading 1 section styles; experience/education as a borderless 2-column table dates | details',
  prefs: {},
  render,
};
