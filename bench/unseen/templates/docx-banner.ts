/**
 * Word document with a shaded banner (a one-cell table filled dark, name and headline in white), a 3-column
 * borderless contact grid, coloured Heading 2 sections, "Company — City" then "Title | Dates" lines, and
 * skills in a 3-column table grid.
 */
import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Person, Rendered, SectionType, Template } from '../model.ts';
import type { Rng } from '../rng.ts';
import { contactItems, presentSections } from './common.ts';
import { bullet, NO_BORDERS, numbered, packer, para, textWidth, wordDocument } from './docxkit.ts';

const FILLS = ['1F2A44', '23395B', '3C1F3F', '1E4D40', '4A2C1A'];

function render(p: Person, rng: Rng): Rendered {
  const fill = rng.pick(FILLS);
  const font = rng.pick(['Calibri', 'Segoe UI', 'Arial', 'Helvetica']);
  const width = textWidth(p);
  const order = presentSections(
    p,
    rng.weighted<SectionType[]>([
      [['Summary', 'WorkExperience', 'Skills', 'Education', 'Languages', 'Certifications', 'Publications', 'Referees'], 3],
      [['Summary', 'Skills', 'WorkExperience', 'Education', 'Certifications', 'Languages', 'Publications', 'Referees'], 2],
    ]),
  );
  const banner = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill },
            margins: { top: 240, bottom: 240, left: 300, right: 300 },
            children: [
              new Paragraph({ children: [new TextRun({ text: p.name.raw, bold: true, size: 48, color: 'FFFFFF' })] }),
              new Paragraph({ children: [new TextRun({ text: p.headline, size: 24, color: 'DDDDDD' })] }),
            ],
          }),
        ],
      }),
    ],
  });
  const items = contactItems(p);
  const cols: string[][] = [[], [], []];
  for (const c of items) {
    const col = c.kind === 'email' || c.kind === 'phone' ? 0 : c.kind === 'web' ? 2 : 1;
    cols[col]!.push(c.kind === 'dob' ? `Date of birth: ${c.text}` : c.kind === 'nationality' ? `Nationality: ${c.text}` : c.text);
  }
  const cw = Math.floor(width / 3);
  const contactGrid = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [cw, cw, width - 2 * cw],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: cols.map((lines, i) => new TableCell({ width: { size: i === 2 ? width - 2 * cw : cw, type: WidthType.DXA }, margins: { top: 100 }, children: (lines.length ? lines : ['']).map((l) => new Paragraph({ spacing: { after: 10 }, children: [new TextRun({ text: l, size: 18 })] })) })) })],
  });
  const h2 = (s: SectionType): Paragraph => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(p.headings[s])] });
  const body: Array<Paragraph | Table> = [banner, contactGrid];
  const dateSep = rng.pick([' | ', ' · ', ', ']);
  for (const s of order) {
    body.push(h2(s));
    if (s === 'Summary') body.push(para([p.summary?.text ?? '']));
    else if (s === 'WorkExperience') {
      for (const e of p.employers) {
        body.push(para([new TextRun({ text: e.org, bold: true, size: 23 }), ...(e.location ? [new TextRun({ text: ` — ${e.location.rawInput}`, color: '666666' })] : [])], { before: 120, after: 20 }));
        for (const r of e.roles) {
          body.push(para([new TextRun({ text: r.title, bold: true, color: fill }), new TextRun({ text: `${dateSep}${r.span.text}`, italics: true, color: '555555' })], { after: 30 }));
          for (const b of r.bullets) body.push(bullet(b));
        }
      }
    } else if (s === 'Education') {
      for (const ed of p.education) {
        body.push(para([new TextRun({ text: ed.org, bold: true }), ...(ed.location ? [new TextRun({ text: ` — ${ed.location.rawInput}`, color: '666666' })] : [])], { before: 80, after: 10 }));
        body.push(para([new TextRun(ed.degree), new TextRun({ text: `${dateSep}${ed.span.text}`, italics: true, color: '555555' }), ...(ed.grade ? [new TextRun({ text: `${dateSep}${ed.grade.raw}`, color: '555555' })] : [])], { after: 40 }));
      }
    } else if (s === 'Skills') {
      const names = p.skills.map((x) => x.name);
      const rows: TableRow[] = [];
      for (let i = 0; i < names.length; i += 3)
        rows.push(new TableRow({ children: [0, 1, 2].map((k) => new TableCell({ width: { size: k === 2 ? width - 2 * cw : cw, type: WidthType.DXA }, children: [new Paragraph({ spacing: { after: 20 }, children: [new TextRun(names[i + k] ? `▪ ${names[i + k]}` : '')] })] })) }));
      body.push(new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [cw, cw, width - 2 * cw], borders: NO_BORDERS, rows }));
    } else if (s === 'Languages') {
      const lw = Math.floor(width * 0.3);
      body.push(
        new Table({
          width: { size: Math.floor(width * 0.6), type: WidthType.DXA },
          columnWidths: [lw, Math.floor(width * 0.6) - lw],
          borders: NO_BORDERS,
          rows: p.languages.map((l) => new TableRow({ children: [new TableCell({ children: [para([new TextRun({ text: l.name, bold: true })], { after: 10 })] }), new TableCell({ children: [para([new TextRun({ text: l.levelText ?? '', color: '555555' })], { after: 10 })] })] })),
        }),
      );
    } else if (s === 'Certifications') for (const c of p.certifications) body.push(bullet(c.printed));
    else if (s === 'Publications') for (const x of p.publications) body.push(numbered(x));
    else if (s === 'Referees') for (const r of p.referees) body.push(para([new TextRun({ text: r.lines[0]!, bold: true })], { after: 0 }), ...r.lines.slice(1).map((l, i, a) => para([l], { after: i === a.length - 1 ? 100 : 0 })));
  }
  const doc = wordDocument(p, font, 20, body, undefined, fill);
  return { kind: 'docx', buffer: packer(doc), sections: ['PersonalDetails', ...order] };
}

export const docxBanner: Template = {
  id: 'docx-banner',
  format: 'docx',
  description: 'Word: dark shaded one-cell banner with white name, 3-column contact grid, Heading 2 sections, "Company — City" then "Title | Dates", skills in a 3-column table',
  prefs: {},
  render,
};
