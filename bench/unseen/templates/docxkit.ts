/** Shared pieces for the Word layouts built with the `docx` package. */
import { AlignmentType, BorderStyle, Document, LevelFormat, Packer, Paragraph, TableBorders, TextRun, type Header, type ISectionOptions, type Table } from 'docx';
import type { Person } from '../model.ts';

export const BULLETS = 'cv-bullets';
export const NUMBERS = 'cv-numbers';

/** Usable text width in twips for the page size and 0.75" side margins. */
export const textWidth = (p: Person): number => (p.pageSize === 'Letter' ? 12240 : 11906) - 2 * 1080;

export const NO_BORDERS = TableBorders.NONE;
export const NO_CELL_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export const bullet = (text: string, level = 0): Paragraph => new Paragraph({ numbering: { reference: BULLETS, level }, spacing: { after: 30 }, children: [new TextRun(text)] });
export const numbered = (text: string): Paragraph => new Paragraph({ numbering: { reference: NUMBERS, level: 0 }, spacing: { after: 60 }, children: [new TextRun(text)] });
export const para = (children: Array<TextRun | string>, opts: { after?: number; before?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph =>
  new Paragraph({ spacing: { after: opts.after ?? 40, before: opts.before ?? 0 }, alignment: opts.align, children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)) });

/** A whole document: default font, bullet numbering, page size and margins, optional page header. */
export function wordDocument(p: Person, font: string, size: number, children: Array<Paragraph | Table>, header?: Header, headingColor = '1F3864'): Document {
  const section: ISectionOptions = {
    properties: {
      page: {
        size: p.pageSize === 'Letter' ? { width: 12240, height: 15840 } : { width: 11906, height: 16838 },
        margin: { top: header ? 1500 : 1000, bottom: 1000, left: 1080, right: 1080, header: 500 },
      },
    },
    headers: header ? { default: header } : undefined,
    children,
  };
  return new Document({
    creator: 'bench/unseen',
    title: `CV – ${p.name.raw}`,
    styles: {
      default: {
        document: { run: { font, size } },
        heading1: { run: { font, size: size + 7, bold: true, color: headingColor }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading2: { run: { font, size: size + 4, bold: true, color: headingColor }, paragraph: { spacing: { before: 220, after: 80 } } },
        title: { run: { font, size: 44, bold: true, color: '111111' }, paragraph: { spacing: { after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 240 } } } },
          ],
        },
        { reference: NUMBERS, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }] },
      ],
    },
    sections: [section],
  });
}

export const packer = (doc: Document) => (): Promise<Buffer> => Packer.toBuffer(doc);
