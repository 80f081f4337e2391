/**
 * ODT (OpenDocument text) → Layout.
 *
 * Reads `content.xml` (the body) and `styles.xml` (common styles, and the master pages that hold headers and
 * footers) into the flowing-document model of `flow.ts`, which gives it synthetic geometry. Styles give bold,
 * italic, size, capitals, hidden text, heading outline levels and page breaks; list styles tell bullets and
 * numbers from lists that print no label; table-column styles give the tables' proportions.
 */
import { DocumentError } from '../doc.ts';
import { LETTER, type Layout } from '../layout.ts';
import { DEFAULT_SIZE, FlowBudget, flowLayout, lengthInPoints, MAX_NESTING, printableText, type Block, type Cell, type Paragraph, type Table } from './flow.ts';
import { XmlCursor, XmlError } from './ooxml.ts';
import { openXmlPackage, partText, pictureType, readMediaPart } from './xml-package.ts';
import { photoShaped } from './picture-regions.ts';

/** Columns a `table:number-columns-repeated` may declare: spreadsheet-made tables repeat an empty column to 1024. */
const MAX_COLUMNS = 64;

const conversionFailed = (): DocumentError => new DocumentError('document_conversion_failed', 'Unable to convert OpenDocument text');

export function extractOdt(bytes: Uint8Array, opts: { maxPages: number }): Omit<Layout, 'lines' | 'text'> {
  // An encrypted package keeps a plain manifest; its content.xml is ciphertext and would not inflate.
  const manifest = partText(openXmlPackage(bytes, conversionFailed, (name) => name === 'META-INF/manifest.xml'), 'META-INF/manifest.xml');
  try {
    if (manifest && hasElement(manifest, 'manifest:encryption-data')) throw new DocumentError('password_protected', 'The document is encrypted and needs a password.');
    const parts = openXmlPackage(bytes, conversionFailed, (name) => name === 'content.xml' || name === 'styles.xml');
    const content = partText(parts, 'content.xml');
    if (content == null) throw conversionFailed();
    const shared = readStyles(partText(parts, 'styles.xml'));
    const styles = readStyles(content, shared);
    const budget = new FlowBudget();
    const body = readBody(new Reader(content, styles, budget, (href) => pictureOf(bytes, href)));
    const { headers, footers } = readMasterPages(new Reader(partText(parts, 'styles.xml') ?? '', shared, budget));
    return flowLayout({ headers, body, footers }, 'odt', opts.maxPages);
  } catch (err) {
    if (err instanceof XmlError) throw conversionFailed();
    throw err;
  }
}

function hasElement(xml: string, name: string): boolean {
  const cur = new XmlCursor(xml);
  while (cur.next()) if (cur.is(name)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Styles

interface TextProps {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** A size relative to the parent style's (`fo:font-size="120%"`), as a factor. */
  scale?: number;
  caps?: boolean;
  hidden?: boolean;
}

interface OdfStyle {
  parent?: string;
  text: TextProps;
  /** `style:default-outline-level`: a heading style's level. */
  outline?: number;
  listStyle?: string;
  breakBefore?: boolean;
  breakAfter?: boolean;
  /** Table columns: `style:rel-column-width` ("20971*") and `style:column-width` in points. */
  relWidth?: number;
  width?: number;
}

/** What a list level prints before its items: a bullet or picture, a number, or nothing. */
type ListLabel = 'bullet' | 'number' | 'none';

interface Styles {
  /** By `family:name`: names are unique within a style family only. */
  byName: Map<string, OdfStyle>;
  defaults: TextProps;
  /** List style name → labels by level (0-based). */
  lists: Map<string, ListLabel[]>;
  /** Resolved text properties of paragraph styles, by name. */
  resolved: Map<string, ResolvedText>;
}

type ResolvedText = Required<Omit<TextProps, 'scale'>>;

/**
 * Reads the styles of one XML part (`office:styles`, `office:automatic-styles`), on top of `base`: content.xml's
 * automatic styles derive from styles.xml's common ones, and may reuse the names of styles.xml's own
 * automatic styles (which the master pages use), so each part gets its own table.
 */
function readStyles(xml: string | null, base?: Styles): Styles {
  const styles: Styles = {
    byName: new Map(base?.byName),
    defaults: { ...base?.defaults },
    lists: new Map(base?.lists),
    resolved: new Map(),
  };
  if (!xml) return styles;
  const cur = new XmlCursor(xml);
  let style: OdfStyle | null = null;
  let isDefault = false;
  let list: ListLabel[] | null = null;
  while (cur.next()) {
    if (cur.closes('style:style') || cur.closes('style:default-style')) style = null;
    if (cur.closes('text:list-style')) list = null;
    if (!cur.element) continue;
    switch (cur.name) {
      case 'style:style': {
        const name = cur.attr('style:name');
        if (!name) break;
        // The outline level, else a built-in heading's name ("Heading 2", "Title") as Word's files carry it.
        const displayName = cur.attr('style:display-name') ?? name.replace(/_20_/g, ' ');
        const named = /^heading\s*([1-9])$/i.exec(displayName)?.[1] ?? (/^title$/i.test(displayName) ? '1' : undefined);
        const outline = Number(cur.attr('style:default-outline-level') ?? named);
        style = { parent: cur.attr('style:parent-style-name'), text: {}, listStyle: cur.attr('style:list-style-name') };
        if (outline > 0) style.outline = outline;
        // A paragraph that switches to a master page (a Word section's page style) starts a page.
        if (cur.attr('style:master-page-name')) style.breakBefore = true;
        styles.byName.set(`${cur.attr('style:family')}:${name}`, style);
        isDefault = false;
        if (cur.kind === 'empty') style = null;
        break;
      }
      case 'style:default-style':
        // Only the paragraph family's defaults reach text.
        isDefault = cur.attr('style:family') === 'paragraph';
        style = isDefault && cur.kind === 'open' ? { text: {} } : null;
        break;
      case 'style:text-properties':
        if (style) {
          style.text = readTextProps(cur);
          if (isDefault) styles.defaults = style.text;
        }
        break;
      case 'style:paragraph-properties':
        if (style) {
          style.breakBefore ||= cur.attr('fo:break-before') === 'page';
          style.breakAfter = cur.attr('fo:break-after') === 'page';
        }
        break;
      case 'style:table-column-properties':
        if (style) {
          const rel = parseFloat(cur.attr('style:rel-column-width') ?? '');
          if (rel > 0) style.relWidth = rel;
          style.width = lengthInPoints(cur.attr('style:column-width'));
        }
        break;
      case 'text:list-style': {
        const name = cur.attr('style:name');
        list = name && cur.kind === 'open' ? [] : null;
        if (name && list) styles.lists.set(name, list);
        break;
      }
      case 'text:list-level-style-bullet':
      case 'text:list-level-style-image':
      case 'text:list-level-style-number': {
        const level = Number(cur.attr('text:level')) - 1;
        if (!list || !(level >= 0 && level < 10)) break;
        const numbered = cur.name === 'text:list-level-style-number';
        list[level] = !numbered ? 'bullet' : cur.attr('style:num-format') ? 'number' : 'none';
        break;
      }
    }
  }
  return styles;
}

function readTextProps(cur: XmlCursor): TextProps {
  const props: TextProps = {};
  const weight = cur.attr('fo:font-weight');
  if (weight) props.bold = weight === 'bold' || Number(weight) >= 600;
  const style = cur.attr('fo:font-style');
  if (style) props.italic = style === 'italic' || style === 'oblique';
  const size = cur.attr('fo:font-size');
  if (size?.endsWith('%')) props.scale = parseFloat(size) / 100 || undefined;
  else if (size) props.size = lengthInPoints(size);
  const transform = cur.attr('fo:text-transform');
  if (transform) props.caps = transform === 'uppercase';
  const display = cur.attr('text:display');
  if (display) props.hidden = display === 'none';
  return props;
}

/** Text properties of a style with its ancestors', over `base` (bounded: parent chains can be cyclic in bad files). */
function resolveText(styles: Styles, family: string, name: string | undefined, base: ResolvedText): ResolvedText {
  const chain: TextProps[] = [];
  for (let depth = 0, at = name; at && depth < 16; depth++) {
    const style = styles.byName.get(`${family}:${at}`);
    if (!style) break;
    chain.unshift(style.text);
    at = style.parent;
  }
  const out = { ...base };
  for (const t of chain) {
    if (t.bold !== undefined) out.bold = t.bold;
    if (t.italic !== undefined) out.italic = t.italic;
    if (t.size) out.size = t.size;
    if (t.scale) out.size = Math.round(out.size * t.scale * 10) / 10;
    if (t.caps !== undefined) out.caps = t.caps;
    if (t.hidden !== undefined) out.hidden = t.hidden;
  }
  return out;
}

/** The text properties of a paragraph style, from the document defaults up (cached: paragraphs share styles). */
function paragraphText(styles: Styles, name: string | undefined): ResolvedText {
  const key = `paragraph:${name ?? ''}`;
  let out = styles.resolved.get(key);
  if (!out) {
    const d = styles.defaults;
    const base: ResolvedText = { bold: d.bold ?? false, italic: d.italic ?? false, size: d.size ?? DEFAULT_SIZE, caps: d.caps ?? false, hidden: d.hidden ?? false };
    out = resolveText(styles, 'paragraph', name, base);
    styles.resolved.set(key, out);
  }
  return out;
}

/** A style's property, looked up along its parent chain. */
function inherited<T>(styles: Styles, family: string, name: string | undefined, get: (s: OdfStyle) => T | undefined): T | undefined {
  for (let depth = 0, at = name; at && depth < 16; depth++) {
    const style = styles.byName.get(`${family}:${at}`);
    if (!style) return undefined;
    const value = get(style);
    if (value !== undefined) return value;
    at = style.parent;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The text

/** Elements whose content is never printed: declarations, deletions, comments, index templates, forms. */
const SKIPPED = new Set([
  'text:tracked-changes',
  'office:annotation',
  'office:forms',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'text:dde-connection-decls',
  'text:note-citation',
  'text:hidden-text',
  'text:ruby-text',
  'draw:object',
  'draw:object-ole',
  'svg:title',
  'svg:desc',
  'office:event-listeners',
]);

/** Shapes that may carry paragraphs of their own. */
const SHAPES = new Set(['draw:custom-shape', 'draw:rect', 'draw:ellipse', 'draw:polygon', 'draw:path']);

class Reader {
  readonly cur: XmlCursor;
  constructor(
    xml: string,
    readonly styles: Styles,
    readonly budget: FlowBudget,
    /** A picture of the package by its path ("Pictures/1000.jpg"), read when it may be the candidate's photo. */
    readonly picture: (href: string) => { data: Uint8Array; mimeType: string } | null = () => null,
  ) {
    this.cur = new XmlCursor(xml);
  }
}

/** An open `text:list`: its list style and level, and whether the current item's label is still to be printed. */
interface OpenList {
  style?: string;
  level: number;
  labelPending: boolean;
}

function readBody(r: Reader): Block[] {
  while (r.cur.next()) if (r.cur.is('office:text')) return r.cur.kind === 'open' ? readBlocks(r, 'office:text', 0) : [];
  throw conversionFailed();
}

/** Headers and footers of every master page, each text once (pages repeat them). */
function readMasterPages(r: Reader): { headers: Block[][]; footers: Block[][] } {
  const headers: Block[][] = [];
  const footers: Block[][] = [];
  const seen = new Set<string>();
  const { cur } = r;
  while (cur.next()) {
    if (cur.kind !== 'open' || !/^style:(header|footer)(-left|-first)?$/.test(cur.name)) continue;
    const name = cur.name;
    if (cur.attr('style:display') === 'false') {
      cur.skip();
      continue;
    }
    const blocks = readBlocks(r, name, 0);
    // Page numbers differ from one master page's copy to the next.
    const signature = name.slice(6, 12) + ':' + plainText(blocks).replace(/\d+/g, '#');
    if (signature.endsWith(':') || seen.has(signature)) continue;
    seen.add(signature);
    (name.startsWith('style:header') ? headers : footers).push(blocks);
  }
  return { headers, footers };
}

function plainText(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'table') for (const row of b.rows) for (const cell of row) out += plainText(cell.blocks) + ' ';
    else if (b.kind === 'para') for (const it of b.items) out += it.kind === 'text' ? it.text : it.kind === 'box' ? plainText(it.blocks) : ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Reads block content (paragraphs, headings, lists, tables, sections, page-anchored frames) until `end`
 * closes. Lists, sections and index bodies only wrap paragraphs and are walked through; a table nested deeper
 * than MAX_NESTING is walked through too, its cells' paragraphs read as this container's.
 */
function readBlocks(r: Reader, end: string, depth: number): Block[] {
  const { cur } = r;
  const blocks: Block[] = [];
  const lists: OpenList[] = [];
  // Elements named `end` opened inside (a flattened nested table's cells): their closes are not ours.
  let nested = 0;
  while (cur.next()) {
    if (cur.kind === 'close') {
      if (cur.name === end && nested-- === 0) break;
      if (cur.name === 'text:list') lists.pop();
      continue;
    }
    if (cur.kind === 'text') continue;
    if (cur.name === end && cur.kind === 'open') nested++;
    switch (cur.name) {
      case 'text:p':
      case 'text:h':
        readParagraph(r, blocks, lists.at(-1), depth);
        break;
      case 'text:list':
        if (cur.kind === 'open') lists.push({ style: cur.attr('text:style-name') ?? lists.at(-1)?.style, level: lists.length, labelPending: false });
        break;
      case 'text:list-item':
      case 'text:list-header': {
        const list = lists.at(-1);
        if (list) list.labelPending = cur.name === 'text:list-item';
        break;
      }
      case 'table:table':
        if (cur.kind === 'open' && depth < MAX_NESTING) blocks.push(readTable(r, depth + 1));
        break;
      case 'text:section':
        if (cur.attr('text:display') === 'none') cur.skip();
        break;
      default:
        if (cur.name === 'draw:frame' || SHAPES.has(cur.name)) {
          // A frame anchored to the page or a paragraph's edge sits between paragraphs: an empty paragraph carries it.
          const holder: Paragraph = { kind: 'para', items: [], listItem: false, pageBreakBefore: false };
          readGraphic(r, holder, depth);
          if (holder.items.length) blocks.push(holder);
        } else if (SKIPPED.has(cur.name) || cur.name.endsWith('-source')) cur.skip();
    }
  }
  return blocks;
}

function readParagraph(r: Reader, blocks: Block[], list: OpenList | undefined, depth: number): void {
  const { cur, styles } = r;
  const element = cur.name;
  const styleName = cur.attr('text:style-name');
  const para: Paragraph = { kind: 'para', items: [], listItem: false, pageBreakBefore: inherited(styles, 'paragraph', styleName, (s) => s.breakBefore || undefined) ?? false };
  const outline = inherited(styles, 'paragraph', styleName, (s) => s.outline);
  const level = element === 'text:h' ? Number(cur.attr('text:outline-level')) || outline || 1 : outline;
  if (level) para.headingLevel = level;
  if (list?.labelPending) {
    // The first paragraph of an item carries its label; the list's own style wins over the paragraph's.
    const listStyle = list.style ?? inherited(styles, 'paragraph', styleName, (s) => s.listStyle);
    para.listItem = (styles.lists.get(listStyle ?? '')?.[Math.min(list.level, 9)] ?? 'bullet') !== 'none';
    list.labelPending = false;
  }
  if (cur.kind === 'open') readInline(r, para, paragraphText(styles, styleName), element, depth);
  if (r.budget.block()) blocks.push(para);
  if (inherited(styles, 'paragraph', styleName, (s) => s.breakAfter || undefined)) blocks.push({ kind: 'break' });
}

/** Reads a paragraph's content until `end` closes: text in nested spans, spaces, tabs, line breaks, frames, notes. */
function readInline(r: Reader, para: Paragraph, base: ResolvedText, end: string, depth: number): void {
  const { cur, styles } = r;
  const spans: ResolvedText[] = [base];
  const push = (text: string): void => {
    const props = spans.at(-1)!;
    if (!text || props.hidden) return;
    const kept = r.budget.take(printableText(props.caps ? text.toUpperCase() : text));
    if (kept) para.items.push({ kind: 'text', text: kept, bold: props.bold, italic: props.italic, size: props.size });
  };
  while (cur.next()) {
    if (cur.kind === 'close') {
      if (cur.name === end) break;
      if (cur.name === 'text:span' && spans.length > 1) spans.pop();
      continue;
    }
    // ODF collapses runs of white space in paragraph text; spaces that count are written as text:s.
    if (cur.kind === 'text') {
      push(cur.text.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    switch (cur.name) {
      case 'text:span':
        if (cur.kind === 'open') spans.push(resolveText(styles, 'text', cur.attr('text:style-name'), spans.at(-1)!));
        break;
      case 'text:s':
        push(' '.repeat(Math.min(64, Math.max(1, Number(cur.attr('text:c')) || 1))));
        break;
      case 'text:tab':
        push('\t');
        break;
      case 'text:line-break':
        para.items.push({ kind: 'br' });
        break;
      case 'text:note-body':
        // A footnote's text follows its paragraph, like a text box anchored after the text.
        if (cur.kind === 'open' && depth < MAX_NESTING) para.items.push({ kind: 'box', blocks: readBlocks(r, 'text:note-body', depth + 1) });
        else cur.skip();
        break;
      default:
        if (cur.name === 'draw:frame' || SHAPES.has(cur.name)) readGraphic(r, para, depth);
        else if (SKIPPED.has(cur.name)) cur.skip();
    }
  }
}

/** A picture stored in the package (not linked from outside it), at most 10 MB. */
function pictureOf(bytes: Uint8Array, href: string): { data: Uint8Array; mimeType: string } | null {
  const mimeType = pictureType(href);
  if (!mimeType || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  const data = readMediaPart(bytes, href.replace(/^\.\//, ''), 10 * 1024 * 1024);
  return data ? { data, mimeType } : null;
}

/** A frame (text box or picture) or a shape with text: its paragraphs become a `box` item, a picture an `image`. */
function readGraphic(r: Reader, para: Paragraph, depth: number): void {
  const { cur } = r;
  const end = cur.name;
  const width = lengthInPoints(cur.attr('svg:width')) ?? 0;
  const height = lengthInPoints(cur.attr('svg:height')) ?? 0;
  if (cur.kind !== 'open') return;
  if (depth >= MAX_NESTING) return cur.skip();
  if (end !== 'draw:frame') {
    para.items.push({ kind: 'box', blocks: readBlocks(r, end, depth + 1) });
    return;
  }
  while (cur.next() && !cur.closes(end)) {
    if (!cur.element) continue;
    if (cur.name === 'draw:text-box') {
      if (cur.kind === 'open') para.items.push({ kind: 'box', blocks: readBlocks(r, 'draw:text-box', depth + 1) });
    } else if (cur.name === 'draw:image') {
      // Only a picture shaped like a photo is read from the package, for the headshot (understand/headshot.ts).
      const href = cur.attr('xlink:href');
      const pixels = href && photoShaped(width, height, LETTER.width) ? r.picture(href) : null;
      para.items.push({ kind: 'image', width, height, ...(pixels ?? {}) });
      if (cur.kind === 'open') cur.skip();
    } else if (cur.kind === 'open') cur.skip();
  }
}

function readTable(r: Reader, depth: number): Table {
  const { cur, styles } = r;
  const table: Table = { kind: 'table', grid: [], rows: [] };
  const columns: Array<Pick<OdfStyle, 'relWidth' | 'width'>> = [];
  while (cur.next() && !cur.closes('table:table')) {
    if (!cur.element) continue;
    switch (cur.name) {
      case 'table:table-column': {
        const style = styles.byName.get(`table-column:${cur.attr('table:style-name')}`) ?? {};
        const repeated = Math.min(MAX_COLUMNS - columns.length, Math.max(1, Number(cur.attr('table:number-columns-repeated')) || 1));
        for (let i = 0; i < repeated; i++) columns.push(style);
        break;
      }
      case 'table:table-row':
        table.rows.push([]);
        break;
      case 'table:table-cell': {
        const cell: Cell = { span: Math.min(MAX_COLUMNS, Math.max(1, Number(cur.attr('table:number-columns-spanned')) || 1)), blocks: [] };
        if (cur.kind === 'open') cell.blocks = readBlocks(r, 'table:table-cell', depth);
        if (!table.rows.length) table.rows.push([]);
        if (r.budget.block()) table.rows.at(-1)!.push(cell);
        break;
      }
      case 'table:covered-table-cell':
        // The cell a span covers: its place belongs to the spanning cell.
        if (cur.kind === 'open') cur.skip();
        break;
      default:
        if (cur.kind === 'open' && (SKIPPED.has(cur.name) || cur.name === 'table:table' || cur.name.endsWith('-source'))) cur.skip();
    }
  }
  // Relative widths when every column has one (LibreOffice writes both), else absolute ones, else equal.
  table.grid = columns.every((c) => c.relWidth) ? columns.map((c) => c.relWidth!) : columns.every((c) => c.width) ? columns.map((c) => c.width!) : columns.map(() => 1);
  return table;
}
