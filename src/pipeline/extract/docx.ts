/**
 * DOCX → Layout.
 *
 * Walks the package's XML (document, styles, numbering, headers and footers) into the flowing-document model
 * of `flow.ts` — paragraphs made of styled text pieces, tables of cells, text boxes — keeping only what is
 * printed; `flow.ts` then gives it synthetic geometry (Word stores no positions).
 */
import { DocumentError } from '../doc.ts';
import { LETTER, type Layout } from '../layout.ts';
import { DEFAULT_SIZE, placeDocument, symbolGlyph, type Block, type Cell, type FlowDocument, type Paragraph, type Table } from './flow.ts';
import { XmlCursor, XmlError } from './ooxml.ts';
import { openXmlPackage, partText, pictureType, readMediaPart, readRelationships, relOfType, type Parts } from './xml-package.ts';
import { photoShaped } from './picture-regions.ts';

const EMU_PER_POINT = 12700;

const conversionFailed = (): DocumentError => new DocumentError('document_conversion_failed', 'Unable to convert word document');

export function extractDocx(bytes: Uint8Array): Omit<Layout, 'lines' | 'text'> {
  const pkg = openXmlPackage(bytes, conversionFailed);
  try {
    const doc = readDocx(bytes, pkg);
    const pages = placeDocument(doc);
    return { format: 'docx', pages, isOcrd: false, ocrConfidence: null, sourcePageCount: pages.length };
  } catch (err) {
    if (err instanceof XmlError) throw conversionFailed();
    throw err;
  }
}

/** A picture larger than this is no headshot worth decoding. */
const MAX_PICTURE_BYTES = 10 * 1024 * 1024;

/** Loads a part's pictures by relationship id, straight from the package (media are not unzipped up front). */
function pictures(bytes: Uint8Array, rels: ReturnType<typeof readRelationships>): Reader['picture'] {
  return (rId) => {
    const target = rels.get(rId)?.target;
    const mimeType = target ? pictureType(target) : null;
    if (!target || !mimeType) return null;
    const data = readMediaPart(bytes, target, MAX_PICTURE_BYTES);
    return data ? { data, mimeType } : null;
  };
}

// ---------------------------------------------------------------------------------------------------------
// What the XML says beyond the flow model: sections, run and paragraph properties

interface HeaderRef {
  kind: 'header' | 'footer';
  /** default | first | even */
  type: string;
  id: string;
}

interface Section {
  refs: HeaderRef[];
  breaksPage: boolean;
  titlePage: boolean;
}

interface RunProps {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  caps?: boolean;
  hidden?: boolean;
  /** Character style (`w:rStyle`). */
  style?: string;
}

interface ParaProps {
  style?: string;
  numId?: string;
  ilvl?: number;
  /** 0-based outline level (`w:outlineLvl`); 9 means body text. */
  outline?: number;
  pageBreakBefore?: boolean;
  section?: Section;
}

function readDocx(bytes: Uint8Array, parts: Parts): FlowDocument {
  const rootRels = readRelationships(parts, '');
  const main = relOfType(rootRels, 'officeDocument') ?? 'word/document.xml';
  const xml = partText(parts, main);
  if (xml == null) throw conversionFailed();
  const rels = readRelationships(parts, main);
  const styles = readStyles(partText(parts, relOfType(rels, 'styles')));
  const numbering = readNumbering(partText(parts, relOfType(rels, 'numbering')));
  const evenAndOdd = /<w:evenAndOddHeaders(?![^>]*w:val="(?:0|false|off)")/.test(partText(parts, relOfType(rels, 'settings')) ?? '');

  const sections: Section[] = [];
  const body = readBlocks(new Reader(xml, styles, numbering, sections, pictures(bytes, rels)), 'w:body');

  // Each section names its own headers and footers, usually the same text again: keep each text once.
  const headers: Block[][] = [];
  const footers: Block[][] = [];
  const seen = new Set<string>();
  const order = ['first', 'default', 'even'];
  for (const section of sections) {
    const refs = section.refs
      .filter((r) => (r.type === 'first' ? section.titlePage : r.type === 'even' ? evenAndOdd : true))
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    for (const ref of refs) {
      const part = rels.get(ref.id)?.target;
      const partXml = partText(parts, part);
      if (!part || partXml == null) continue;
      const blocks = readBlocks(new Reader(partXml, styles, numbering, [], pictures(bytes, readRelationships(parts, part))), ref.kind === 'header' ? 'w:hdr' : 'w:ftr');
      const signature = ref.kind + ':' + plainText(blocks).replace(/\s+/g, ' ').trim();
      if (signature.endsWith(':') || seen.has(signature)) continue;
      seen.add(signature);
      (ref.kind === 'header' ? headers : footers).push(blocks);
    }
  }
  return { headers, body, footers };
}

function plainText(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'table') for (const row of b.rows) for (const cell of row) out += plainText(cell.blocks) + '\n';
    else if (b.kind === 'para') for (const it of b.items) out += it.kind === 'text' ? it.text : it.kind === 'box' ? plainText(it.blocks) : ' ';
  }
  return out + '\n';
}

// ----- styles and numbering

interface Style {
  name: string;
  basedOn?: string;
  run: RunProps;
  para: ParaProps;
}

interface Styles {
  byId: Map<string, Style>;
  defaults: RunProps;
  defaultParagraph?: string;
}

function readStyles(xml: string | null): Styles {
  const styles: Styles = { byId: new Map(), defaults: {} };
  if (!xml) return styles;
  const cur = new XmlCursor(xml);
  let style: Style | null = null;
  while (cur.next()) {
    if (cur.closes('w:style')) style = null;
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:style': {
        const id = cur.attr('w:styleId');
        if (!id || cur.kind === 'empty') break;
        style = { name: '', run: {}, para: {} };
        styles.byId.set(id, style);
        const isDefault = cur.attr('w:default');
        if (cur.attr('w:type') === 'paragraph' && isDefault !== undefined && onOff(isDefault)) styles.defaultParagraph = id;
        break;
      }
      case 'w:name':
        if (style) style.name = cur.attr('w:val') ?? '';
        break;
      case 'w:basedOn':
        if (style) style.basedOn = cur.attr('w:val');
        break;
      case 'w:rPr':
        // Outside a style, only the document defaults (w:rPrDefault) hold run properties.
        if (style) style.run = readRunProps(cur);
        else styles.defaults = readRunProps(cur);
        break;
      case 'w:pPr':
        if (style) style.para = readParaProps(cur);
        else cur.skip();
        break;
      case 'w:tblStylePr':
      case 'w:latentStyles':
        cur.skip();
        break;
    }
  }
  return styles;
}

/** A style's property, looked up along its `w:basedOn` chain (bounded: chains can be cyclic in bad files). */
function inherited<T>(styles: Styles, id: string | undefined, get: (s: Style) => T | undefined): T | undefined {
  for (let depth = 0; id && depth < 16; depth++) {
    const style = styles.byId.get(id);
    if (!style) return undefined;
    const value = get(style);
    if (value !== undefined) return value;
    id = style.basedOn;
  }
  return undefined;
}

/** Run properties a style gives, its ancestors' included. */
function styleRunProps(styles: Styles, id: string | undefined): RunProps {
  const chain: RunProps[] = [];
  for (let depth = 0; id && depth < 16; depth++) {
    const style = styles.byId.get(id);
    if (!style) break;
    chain.unshift(style.run);
    id = style.basedOn;
  }
  return Object.assign({}, ...chain) as RunProps;
}

/** Heading level of a paragraph style: its outline level, else its built-in name ("heading 2", "Title"). */
function styleHeadingLevel(styles: Styles, id: string | undefined): number | undefined {
  return inherited(styles, id, (s) => {
    if (s.para.outline !== undefined) return s.para.outline < 9 ? s.para.outline + 1 : 0;
    const m = /^heading\s*([1-9])$/i.exec(s.name);
    if (m) return Number(m[1]);
    return /^title$/i.test(s.name) ? 1 : undefined;
  });
}

/** numId → the number formats of its levels ('bullet', 'decimal', 'none'…). */
type Numbering = Map<string, string[]>;

function readNumbering(xml: string | null): Numbering {
  const numbering: Numbering = new Map();
  if (!xml) return numbering;
  const abstract = new Map<string, string[]>();
  const nums = new Map<string, string>();
  const cur = new XmlCursor(xml);
  let formats: string[] | null = null;
  let level = 0;
  let num: string | null = null;
  while (cur.next()) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:abstractNum':
        formats = [];
        abstract.set(cur.attr('w:abstractNumId') ?? '', formats);
        break;
      case 'w:lvl':
        level = Number(cur.attr('w:ilvl') ?? 0);
        break;
      case 'w:numFmt':
        if (formats) formats[level] = cur.attr('w:val') ?? 'decimal';
        break;
      case 'w:num':
        formats = null;
        num = cur.attr('w:numId') ?? null;
        break;
      case 'w:abstractNumId':
        if (num) nums.set(num, cur.attr('w:val') ?? '');
        break;
    }
  }
  for (const [id, abs] of nums) numbering.set(id, abstract.get(abs) ?? []);
  return numbering;
}

/** Numbering makes a list item unless it is absent, switched off (numId 0) or prints nothing (format 'none'). */
function isListItem(numbering: Numbering, numId: string | undefined, ilvl: number): boolean {
  const formats = numId ? numbering.get(numId) : undefined;
  return formats !== undefined && formats[ilvl] !== 'none';
}

// ----- properties

/** A toggle such as `<w:b/>`: on unless its value says off. */
function onOff(val: string | undefined): boolean {
  return !(val === '0' || val === 'false' || val === 'off' || val === 'none');
}

/** Reads a `w:rPr` (the cursor on its open tag) into the properties it sets; unset ones stay undefined. */
function readRunProps(cur: XmlCursor): RunProps {
  const props: RunProps = {};
  if (cur.kind === 'empty') return props;
  while (cur.next() && !cur.closes('w:rPr')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:b':
        props.bold = onOff(cur.attr('w:val'));
        break;
      case 'w:i':
        props.italic = onOff(cur.attr('w:val'));
        break;
      case 'w:caps':
        props.caps = onOff(cur.attr('w:val'));
        break;
      case 'w:vanish':
        props.hidden = onOff(cur.attr('w:val'));
        break;
      case 'w:sz': {
        const half = Number(cur.attr('w:val'));
        if (half > 0) props.size = half / 2;
        break;
      }
      case 'w:rStyle':
        props.style = cur.attr('w:val');
        break;
      default:
        // w:rPrChange holds the properties before a tracked change: not what is printed.
        cur.skip();
    }
  }
  return props;
}

/** Reads a `w:pPr` (the cursor on its open tag). */
function readParaProps(cur: XmlCursor): ParaProps {
  const props: ParaProps = {};
  if (cur.kind === 'empty') return props;
  while (cur.next() && !cur.closes('w:pPr')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:pStyle':
        props.style = cur.attr('w:val');
        break;
      case 'w:numPr':
        // Walked into: its w:numId and w:ilvl are read below.
        break;
      case 'w:numId':
        props.numId = cur.attr('w:val');
        break;
      case 'w:ilvl':
        props.ilvl = Number(cur.attr('w:val') ?? 0);
        break;
      case 'w:outlineLvl':
        props.outline = Number(cur.attr('w:val') ?? 9);
        break;
      case 'w:pageBreakBefore':
        props.pageBreakBefore = onOff(cur.attr('w:val'));
        break;
      case 'w:sectPr':
        props.section = readSection(cur);
        break;
      default:
        // The paragraph mark's w:rPr, tab stops (w:tabs/w:tab: not tab characters), w:pPrChange…
        cur.skip();
    }
  }
  return props;
}

function readSection(cur: XmlCursor): Section {
  const section: Section = { refs: [], breaksPage: true, titlePage: false };
  if (cur.kind === 'empty') return section;
  while (cur.next() && !cur.closes('w:sectPr')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:headerReference':
      case 'w:footerReference': {
        const id = cur.attr('r:id');
        if (id) section.refs.push({ kind: cur.name === 'w:headerReference' ? 'header' : 'footer', type: cur.attr('w:type') ?? 'default', id });
        break;
      }
      case 'w:type':
        section.breaksPage = cur.attr('w:val') !== 'continuous';
        break;
      case 'w:titlePg':
        section.titlePage = onOff(cur.attr('w:val'));
        break;
      default:
        cur.skip();
    }
  }
  return section;
}

function readCellProps(cur: XmlCursor, cell: Cell): void {
  if (cur.kind === 'empty') return;
  while (cur.next() && !cur.closes('w:tcPr')) {
    if (cur.is('w:gridSpan')) cell.span = Math.max(1, Number(cur.attr('w:val')) || 1);
    else if (cur.kind === 'open') cur.skip();
  }
}

// ----- the document body

/** Elements whose content is never printed: deletions, field instructions, control and change metadata. */
const HIDDEN = new Set([
  'w:del',
  'w:moveFrom',
  'mc:Fallback',
  'w:instrText',
  'w:delText',
  'w:delInstrText',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:customXmlPr',
  'w:tblPr',
  'w:trPr',
  'w:tblPrEx',
  'w:tblGridChange',
  'w:rt',
  'w:fldData',
  'w:ffData',
  'w:object',
]);

/** One reader per XML part: the cursor, the lookups, and the state that crosses elements. */
class Reader {
  readonly cur: XmlCursor;
  /**
   * Open complex fields (`w:fldChar` begin … separate … end), innermost last: true while in the instruction
   * part, whose text (`HYPERLINK "mailto:…"`) is not printed; the result part after `separate` is.
   */
  readonly fields: boolean[] = [];
  constructor(
    xml: string,
    readonly styles: Styles,
    readonly numbering: Numbering,
    readonly sections: Section[],
    /** The picture a relationship id of this part points to, when it may be the candidate's photo. */
    readonly picture: (rId: string) => { data: Uint8Array; mimeType: string } | null = () => null,
  ) {
    this.cur = new XmlCursor(xml);
  }
}

/**
 * Reads block content (paragraphs, tables) until `end` closes. Containers that only wrap content — content
 * controls, smart tags, insertions, custom XML, `mc:Choice` — are walked through.
 */
function readBlocks(r: Reader, end: string, cell?: Cell): Block[] {
  const { cur } = r;
  const blocks: Block[] = [];
  while (cur.next() && !cur.closes(end)) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:p':
        readParagraph(r, blocks);
        break;
      case 'w:tbl':
        if (cur.kind === 'open') blocks.push(readTable(r));
        break;
      case 'w:sectPr':
        r.sections.push(readSection(cur));
        break;
      case 'w:tcPr':
        if (cell) readCellProps(cur, cell);
        else cur.skip();
        break;
      default:
        if (HIDDEN.has(cur.name)) cur.skip();
    }
  }
  return blocks;
}

function readTable(r: Reader): Table {
  const { cur } = r;
  const table: Table = { kind: 'table', grid: [], rows: [] };
  while (cur.next() && !cur.closes('w:tbl')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:gridCol':
        table.grid.push(Number(cur.attr('w:w')) || 0);
        break;
      case 'w:tr':
        table.rows.push([]);
        break;
      case 'w:tc': {
        const cell: Cell = { span: 1, blocks: [] };
        if (cur.kind === 'open') cell.blocks = readBlocks(r, 'w:tc', cell);
        if (!table.rows.length) table.rows.push([]);
        table.rows[table.rows.length - 1]!.push(cell);
        break;
      }
      default:
        if (HIDDEN.has(cur.name)) cur.skip();
    }
  }
  return table;
}

/** Reads a `w:p` into `blocks`, followed by a page break when the paragraph ends a section that breaks the page. */
function readParagraph(r: Reader, blocks: Block[]): void {
  const { cur, styles } = r;
  const para: Paragraph = { kind: 'para', items: [], listItem: false, pageBreakBefore: false };
  let props: ParaProps = {};
  let base: RunProps = { ...styles.defaults, ...styleRunProps(styles, styles.defaultParagraph) };
  if (cur.kind === 'open') {
    while (cur.next() && !cur.closes('w:p')) {
      if (!cur.element) continue;
      if (cur.name === 'w:pPr') {
        props = readParaProps(cur);
        base = { ...styles.defaults, ...styleRunProps(styles, props.style ?? styles.defaultParagraph) };
      } else if (cur.name === 'w:r') {
        readRun(r, para, base);
      } else if (HIDDEN.has(cur.name)) {
        cur.skip();
      }
      // Anything else (hyperlinks, simple fields, smart tags, content controls, insertions) wraps runs.
    }
  }
  const styleId = props.style ?? styles.defaultParagraph;
  const level = props.outline !== undefined ? (props.outline < 9 ? props.outline + 1 : 0) : styleHeadingLevel(styles, styleId);
  if (level) para.headingLevel = level;
  const numId = props.numId ?? inherited(styles, styleId, (s) => s.para.numId);
  const ilvl = props.ilvl ?? inherited(styles, styleId, (s) => s.para.ilvl) ?? 0;
  para.listItem = isListItem(r.numbering, numId, ilvl);
  para.pageBreakBefore = props.pageBreakBefore ?? inherited(styles, styleId, (s) => s.para.pageBreakBefore) ?? false;
  blocks.push(para);
  if (props.section) {
    r.sections.push(props.section);
    if (props.section.breaksPage) blocks.push({ kind: 'break' });
  }
}

function readRun(r: Reader, para: Paragraph, base: RunProps): void {
  const { cur, styles } = r;
  if (cur.kind === 'empty') return;
  let props: RunProps = base;
  const printing = (): boolean => !props.hidden && !r.fields.includes(true);
  const push = (text: string): void => {
    if (!text || !printing()) return;
    para.items.push({
      kind: 'text',
      text: props.caps ? text.toUpperCase() : text,
      bold: props.bold ?? false,
      italic: props.italic ?? false,
      size: props.size ?? DEFAULT_SIZE,
    });
  };
  while (cur.next() && !cur.closes('w:r')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'w:rPr': {
        const direct = readRunProps(cur);
        props = { ...base, ...styleRunProps(styles, direct.style), ...direct };
        break;
      }
      case 'w:t':
        // Non-breaking hyphen (U+2011) prints as a hyphen; a soft hyphen prints nothing mid-line.
        push(cur.readText().replace(/\u2011/g, '-').replace(/\u00ad/g, ''));
        break;
      case 'w:tab':
      case 'w:ptab':
        push('\t');
        break;
      case 'w:noBreakHyphen':
        push('-');
        break;
      case 'w:sym':
        push(symbolChar(cur.attr('w:font') ?? '', cur.attr('w:char') ?? ''));
        break;
      case 'w:br':
      case 'w:cr':
        if (printing()) para.items.push({ kind: cur.attr('w:type') === 'page' ? 'page' : 'br' });
        break;
      case 'w:fldChar': {
        const type = cur.attr('w:fldCharType');
        if (type === 'begin') r.fields.push(true);
        else if (type === 'separate' && r.fields.length) r.fields[r.fields.length - 1] = false;
        else if (type === 'end') r.fields.pop();
        break;
      }
      case 'w:drawing':
      case 'w:pict':
        if (cur.kind === 'open') readGraphic(r, para, cur.name);
        break;
      default:
        if (HIDDEN.has(cur.name)) cur.skip();
    }
  }
}

/**
 * A drawing (DrawingML) or VML picture: a text box's content becomes a `box` item, a picture an `image`.
 * Word writes text boxes twice, DrawingML in `mc:Choice` and VML in `mc:Fallback`; the fallback is skipped.
 */
function readGraphic(r: Reader, para: Paragraph, end: string): void {
  const { cur } = r;
  let width = 0;
  let height = 0;
  let picture = false;
  let rId: string | undefined;
  while (cur.next() && !cur.closes(end)) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'wp:extent':
        width = Number(cur.attr('cx') ?? 0) / EMU_PER_POINT;
        height = Number(cur.attr('cy') ?? 0) / EMU_PER_POINT;
        break;
      case 'a:blip':
        rId ??= cur.attr('r:embed');
        picture ||= !!(cur.attr('r:embed') || cur.attr('r:link'));
        break;
      case 'v:shape':
      case 'v:rect': {
        const style = cur.attr('style') ?? '';
        width = cssPoints(style, 'width') ?? width;
        height = cssPoints(style, 'height') ?? height;
        break;
      }
      case 'v:imagedata':
        rId ??= cur.attr('r:id');
        picture ||= !!cur.attr('r:id');
        break;
      case 'w:txbxContent':
        if (cur.kind === 'open') para.items.push({ kind: 'box', blocks: readBlocks(r, 'w:txbxContent') });
        break;
      default:
        if (HIDDEN.has(cur.name)) cur.skip();
    }
  }
  // Only a picture shaped like a photo is read from the package, for the headshot (understand/headshot.ts).
  const pixels = picture && rId && photoShaped(width, height, LETTER.width) ? r.picture(rId) : null;
  if (picture) para.items.push({ kind: 'image', width, height, ...(pixels ?? {}) });
}

/** A length from a VML style attribute ("width:120pt;height:1.5in"), in points. */
function cssPoints(style: string, prop: string): number | undefined {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)(pt|in|cm|mm|px)?`).exec(style);
  if (!m) return undefined;
  const scale: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75 };
  return Number(m[1]) * scale[m[2] ?? 'px']!;
}

function symbolChar(font: string, hex: string): string {
  const code = parseInt(hex, 16);
  return code > 0 ? symbolGlyph(code, font) : '';
}
