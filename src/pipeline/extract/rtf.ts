/**
 * RTF → Layout.
 *
 * rtf-stream-parser's `Tokenize` splits the file into group starts and ends, control words and text; the
 * reader below keeps a stack of group states (character and paragraph properties, the destination text goes
 * to) in an array — never recursion, so 100 000 nested `{` cost a stack of states, not the call stack — and
 * builds the flowing-document model of `flow.ts`: paragraphs with bold, italic and size (`\b \i \fs`), line
 * breaks and tabs, tables from `\intbl … \cell … \row` (widths from `\cellx`), list items (`\ls`, `\listtext`,
 * `\pntext`), headings from the style sheet (`\sN` named "heading N", `\outlinelevel`), headers and footers,
 * Word text boxes (`\shptxt`). Text decodes `\uN` (skipping its `\ucN` fallback) and `\'hh` bytes in the
 * document's `\ansicpg` code page. Destinations that print nothing (font and colour tables, pictures, field
 * instructions, `\*` ones we do not know…) are skipped.
 */
import { Tokenize } from 'rtf-stream-parser';
import { DocumentError } from '../doc.ts';
import type { Layout } from '../layout.ts';
import { textDecoder } from './charset.ts';
import { DEFAULT_SIZE, FlowBudget, flowLayout, printableText, type Block, type Cell, type Paragraph } from './flow.ts';

// Token types of rtf-stream-parser (a const enum in its typings, so not importable as values).
const GROUP_START = 0;
const GROUP_END = 1;
const CONTROL = 2;
const TEXT = 3;

interface Token {
  type: number;
  word?: string;
  param?: number;
  data?: Buffer;
}

/** Group states kept at most; deeper groups share their parent's (a hostile file's nesting costs nothing more). */
const MAX_GROUP_DEPTH = 1024;
/** `\cellx` boundaries kept per row. */
const MAX_CELLS = 64;

/** Destinations whose content is never printed. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'info', 'pict', 'shppict', 'nonshppict', 'object', 'listtable', 'listoverridetable', 'themedata',
  'colorschememapping', 'datastore', 'latentstyles', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'fldinst', 'footnote',
  'annotation', 'atnid', 'atnauthor', 'pgdsctbl', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'template', 'pn', 'nonesttables',
  'revtbl', 'docvar', 'userprops', 'xe', 'tc', 'txe', 'private', 'falt', 'panose', 'fname', 'leveltext', 'levelnumbers',
  'shprslt', 'sp', 'bkmkstart', 'bkmkend', 'filetbl', 'protusertbl', 'wgrffmtfilter', 'pgptbl', 'blipuid',
]);
const HEADERS = new Set(['header', 'headerl', 'headerr', 'headerf']);
const FOOTERS = new Set(['footer', 'footerl', 'footerr', 'footerf']);
/** Symbols written as control words. */
const SYMBOLS: Record<string, string> = {
  emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”',
  emspace: ' ', enspace: ' ', qmspace: ' ', '~': '\u00a0', _: '-', '{': '{', '}': '}', '\\': '\\',
};
/** `\ansicpg` values TextDecoder names otherwise than `windows-N`. */
const CODE_PAGES: Record<number, string> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 20866: 'koi8-r', 28591: 'iso-8859-1', 65001: 'utf-8' };

const conversionFailed = (): DocumentError => new DocumentError('document_conversion_failed', 'Unable to convert RTF document');

export function extractRtf(bytes: Uint8Array, opts: { maxPages: number }): Omit<Layout, 'lines' | 'text'> {
  const reader = new RtfReader();
  try {
    new RtfTokens((t) => reader.token(t), bytes.length).tokenize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  } catch {
    throw conversionFailed();
  }
  return flowLayout(reader.finish(), 'rtf', opts.maxPages);
}

/**
 * `Tokenize`, driven synchronously. Two of its habits are tamed: it appends each line of a text run to the
 * run's buffer with `Buffer.concat` (quadratic on a picture's hex lines), so the input is fed line by line and
 * a text token ends at each line end; and `\binN` allocates N bytes up front, so N is held to the input's size.
 */
class RtfTokens extends Tokenize {
  constructor(
    private readonly onToken: (token: Token) => void,
    private readonly inputSize: number,
  ) {
    super();
  }

  override push(token: unknown): boolean {
    if (token) this.onToken(token as Token);
    return true;
  }

  override _handleSpecialOrPush(): void {
    if (this._token?.word === 'bin' && Number(this._paramStr) > this.inputSize) this._paramStr = String(this.inputSize);
    super._handleSpecialOrPush();
  }

  tokenize(bytes: Buffer): void {
    for (let at = 0; at < bytes.length; ) {
      const newline = bytes.indexOf(10, at);
      const end = newline < 0 ? bytes.length : newline + 1;
      this.__transform(bytes.subarray(at, end), undefined);
      if (this._mode === 0 && this._token?.type === TEXT) this._flushToken();
      at = end;
    }
    this._flushToken();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The reader

interface CharProps {
  bold: boolean;
  italic: boolean;
  size: number;
  caps: boolean;
  hidden: boolean;
}

interface ParaProps {
  inTable: boolean;
  list: boolean;
  style: number;
  outline?: number;
  pageBreakBefore: boolean;
}

/** Where a group's text goes. */
type Destination = 'text' | 'skip' | 'stylesheet' | 'listtext' | 'shape';

interface GroupState {
  char: CharProps;
  para: ParaProps;
  /** `\ucN`: fallback characters after each `\uN`. */
  uc: number;
  dest: Destination;
  /** A story this group opened (header, footer, text box): finished when the group ends. */
  story?: Story;
  /** Stylesheet: this group defines style `\sN`, named by its text. */
  styleEntry?: StyleEntry;
  /** A list label's text (`\listtext`, `\pntext`). */
  label?: string;
}

interface StyleEntry {
  number: number;
  name: string;
  outline?: number;
  basedOn?: number;
}

/** A table row being read: its cells so far and the `\cellx` right edges (twips) of its definition. */
interface Row {
  cells: Cell[];
  edges: number[];
}

/** One flow of text (the body, a header, a footer, a text box) with the paragraph, cell and table it is in. */
class Story {
  readonly blocks: Block[] = [];
  para: Paragraph | null = null;
  cell: Block[] = [];
  rows: Row[] = [];
  row: Row = { cells: [], edges: [] };
  /** Whether the paragraph being read printed a list label: null when it had no `\listtext` group. */
  label: boolean | null = null;
  /** A `\sect` ended a section; the next paragraph starts a page unless the new section says `\sbknone`. */
  sectionBreak = false;

  constructor(readonly kind: 'body' | 'header' | 'footer' | 'box') {}
}

class RtfReader {
  private readonly body = new Story('body');
  private readonly headers: Block[][] = [];
  private readonly footers: Block[][] = [];
  private readonly seen = new Set<string>();
  private readonly stack: GroupState[] = [];
  private state: GroupState = {
    char: { bold: false, italic: false, size: DEFAULT_SIZE, caps: false, hidden: false },
    para: { inTable: false, list: false, style: 0, pageBreakBefore: false },
    uc: 1,
    dest: 'text',
  };
  private readonly stories: Story[] = [this.body];
  /** Groups beyond MAX_GROUP_DEPTH, which share the deepest state. */
  private overflow = 0;
  /** The next control word names the group's destination (`{\*\dest …}` or `{\dest …}`). */
  private groupStart = false;
  private ignorable = false;
  /** Fallback characters still to drop after a `\uN`. */
  private skipChars = 0;
  private bytes: number[] = [];
  private decode = textDecoder('windows-1252');
  /** Paragraph styles by number, from the style sheet. */
  private readonly styles = new Map<number, StyleEntry>();
  private readonly budget = new FlowBudget();

  token(t: Token): void {
    const byte = t.type === CONTROL && t.word === "'";
    if (t.type !== TEXT && !byte) this.flushBytes();
    switch (t.type) {
      case GROUP_START:
        this.openGroup();
        break;
      case GROUP_END:
        this.closeGroup();
        break;
      case CONTROL:
        if (byte) this.textBytes(t.data ?? Buffer.alloc(0));
        else this.control(t.word ?? '', t.param);
        break;
      case TEXT:
        this.textBytes(t.data ?? Buffer.alloc(0));
        break;
    }
    // Only a `\*` keeps the group's first word to come.
    if (!(t.type === GROUP_START || (t.type === CONTROL && t.word === '*'))) this.groupStart = false;
  }

  finish() {
    this.flushBytes();
    while (this.stack.length) this.closeGroup();
    this.endStory(this.body);
    return { headers: this.headers, body: this.body.blocks, footers: this.footers };
  }

  private get story(): Story {
    return this.stories.at(-1)!;
  }

  private openGroup(): void {
    this.skipChars = 0;
    this.groupStart = true;
    this.ignorable = false;
    if (this.stack.length >= MAX_GROUP_DEPTH) {
      this.overflow++;
      return;
    }
    this.stack.push(this.state);
    this.state = { char: { ...this.state.char }, para: { ...this.state.para }, uc: this.state.uc, dest: this.state.dest };
  }

  private closeGroup(): void {
    this.skipChars = 0;
    this.groupStart = false;
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    const closed = this.state;
    this.state = this.stack.pop() ?? closed;
    if (closed.styleEntry) this.styles.set(closed.styleEntry.number, closed.styleEntry);
    if (closed.story) this.closeStory(closed.story);
    // An empty label is a list level that prints none: its paragraph is no list item.
    if (closed.label !== undefined) this.story.label = /[^\s]/.test(closed.label);
  }

  /** Opens a story for a header, footer or text box group. */
  private openStory(kind: Story['kind']): void {
    const story = new Story(kind);
    this.state.story = story;
    this.state.dest = 'text';
    this.stories.push(story);
  }

  private closeStory(story: Story): void {
    this.endStory(story);
    this.stories.splice(this.stories.lastIndexOf(story), 1);
    if (story.kind === 'box') {
      if (story.blocks.length) this.paragraph().items.push({ kind: 'box', blocks: story.blocks });
      return;
    }
    // A header or footer is written once per section or page style, usually the same text again: keep it once.
    // Page numbers differ from one copy to the next.
    const signature = `${story.kind}:${plainText(story.blocks).replace(/\d+/g, '#')}`;
    if (signature.endsWith(':') || this.seen.has(signature)) return;
    this.seen.add(signature);
    (story.kind === 'header' ? this.headers : this.footers).push(story.blocks);
  }

  private control(word: string, param: number | undefined): void {
    if (word === '*') {
      this.ignorable = this.groupStart;
      return;
    }
    if (this.groupStart && this.destination(word)) return;
    const { char, para, dest, styleEntry } = this.state;
    if (dest === 'stylesheet') {
      if (styleEntry && word === 's') styleEntry.number = param ?? 0;
      if (styleEntry && word === 'outlinelevel') styleEntry.outline = param;
      if (styleEntry && word === 'sbasedon') styleEntry.basedOn = param;
      return;
    }
    // Words inside skipped destinations and shape properties change nothing printed; in a list label
    // (`\pard\plain \u8226\'95\tab`) only its characters count.
    if (dest !== 'text' && !(dest === 'listtext' && (word === 'u' || word === 'uc' || word === 'tab' || SYMBOLS[word]))) return;
    if (this.skipChars > 0 && word !== 'u') {
      // A control word stands for one fallback character of the `\uN` before it.
      this.skipChars--;
      return;
    }
    const on = param === undefined || param !== 0;
    switch (word) {
      case 'ansicpg':
        if (param !== undefined) this.decode = decoderFor(param);
        break;
      case 'uc':
        this.state.uc = Math.max(0, Math.min(8, param ?? 1));
        break;
      case 'u':
        if (param !== undefined) this.text(String.fromCharCode(param < 0 ? param + 65536 : param));
        this.skipChars = this.state.uc;
        break;
      case 'par':
      case '\n':
      case '\r':
        // `\` before a line end is a paragraph mark too.
        this.endParagraph(this.story);
        break;
      case 'line':
        this.paragraph().items.push({ kind: 'br' });
        break;
      case 'page':
        this.paragraph().items.push({ kind: 'page' });
        break;
      case 'tab':
        this.text('\t');
        break;
      case 'cell':
        this.endCell();
        break;
      case 'nestcell':
      case 'nestrow':
        // Nested tables are read as paragraphs of their outer cell.
        this.endParagraph(this.story);
        break;
      case 'row':
        this.endRow();
        break;
      case 'sect':
        if (this.story.para) this.endParagraph(this.story);
        this.story.sectionBreak = true;
        break;
      case 'sbknone':
        this.story.sectionBreak = false;
        break;
      case 'trowd':
        this.story.row.edges = [];
        break;
      case 'cellx':
        if (param !== undefined && this.story.row.edges.length < MAX_CELLS) this.story.row.edges.push(param);
        break;
      case 'pard':
        this.state.para = { inTable: false, list: false, style: 0, pageBreakBefore: false };
        break;
      case 'intbl':
        para.inTable = on;
        break;
      case 'ls':
        para.list = true;
        break;
      case 's':
        para.style = param ?? 0;
        break;
      case 'outlinelevel':
        para.outline = param;
        break;
      case 'pagebb':
        para.pageBreakBefore = on;
        break;
      case 'plain':
        this.state.char = { bold: false, italic: false, size: DEFAULT_SIZE, caps: false, hidden: false };
        break;
      case 'b':
        char.bold = on;
        break;
      case 'i':
        char.italic = on;
        break;
      case 'fs':
        if (param && param > 0) char.size = param / 2;
        break;
      case 'caps':
        char.caps = on;
        break;
      case 'v':
      case 'deleted':
        char.hidden = on;
        break;
      default:
        if (SYMBOLS[word]) this.text(SYMBOLS[word]);
    }
  }

  /** At a group's start, a destination word: true when it decided where the group's text goes. */
  private destination(word: string): boolean {
    const state = this.state;
    if (state.dest === 'skip') return true;
    if (state.dest === 'stylesheet') {
      // Each group in the style sheet defines one style: paragraph styles are `\sN` (or unnumbered, style 0);
      // character, section and table styles (`\*\csN`, `\dsN`, `\*\tsN`) have numbers of their own.
      if (this.ignorable || word === 'cs' || word === 'ds' || word === 'ts') state.dest = 'skip';
      else state.styleEntry = { number: 0, name: '' };
      if (word === 's') state.styleEntry!.number = 0;
      return this.ignorable;
    }
    if (state.dest === 'shape' && word !== 'shptxt') {
      state.dest = 'skip';
      return true;
    }
    if (word === 'stylesheet') state.dest = 'stylesheet';
    else if (word === 'listtext' || word === 'pntext') {
      // The printed label of a list item, if any: its paragraph is one.
      state.dest = 'listtext';
      state.label = '';
    } else if (word === 'shpinst') state.dest = 'shape';
    else if (word === 'shptxt') this.openStory('box');
    else if (HEADERS.has(word)) this.openStory('header');
    else if (FOOTERS.has(word)) this.openStory('footer');
    else if (SKIPPED.has(word) || this.ignorable) state.dest = 'skip';
    else return false;
    return true;
  }

  /** Heading level of a paragraph style: its outline level, else its name ("heading 2", "Title"), along its `\sbasedon` chain. */
  private styleHeadingLevel(number: number): number {
    for (let depth = 0, style = this.styles.get(number); style && depth < 16; depth++, style = style.basedOn === undefined ? undefined : this.styles.get(style.basedOn)) {
      if (style.outline !== undefined) return style.outline < 9 ? style.outline + 1 : 0;
      const name = style.name.replace(/;\s*$/, '').trim();
      const heading = /^heading\s*([1-9])$/i.exec(name);
      if (heading) return Number(heading[1]);
      if (/^title$/i.test(name)) return 1;
    }
    return 0;
  }

  private textBytes(data: Buffer): void {
    if (this.state.dest === 'skip' || this.state.dest === 'shape') return;
    let from = 0;
    if (this.skipChars > 0) {
      from = Math.min(data.length, this.skipChars);
      this.skipChars -= from;
    }
    for (let i = from; i < data.length; i++) {
      const b = data[i]!;
      if (b !== 13 && b !== 10) this.bytes.push(b);
    }
  }

  private flushBytes(): void {
    if (!this.bytes.length) return;
    const text = this.decode(Uint8Array.from(this.bytes));
    this.bytes = [];
    this.text(text);
  }

  private text(text: string): void {
    const state = this.state;
    if (state.dest === 'stylesheet') {
      if (state.styleEntry) state.styleEntry.name += text;
      return;
    }
    if (state.dest === 'listtext' && state.label !== undefined) state.label += text;
    if (state.dest !== 'text' || state.char.hidden || !text) return;
    const kept = this.budget.take(printableText(state.char.caps ? text.toUpperCase() : text));
    if (kept) this.paragraph().items.push({ kind: 'text', text: kept, bold: state.char.bold, italic: state.char.italic, size: state.char.size });
  }

  private paragraph(): Paragraph {
    const story = this.story;
    story.para ??= { kind: 'para', items: [], listItem: false, pageBreakBefore: false };
    return story.para;
  }

  /** Ends a story's paragraph: into the open cell when it is in a table (or `\cell` ends it), else after any table just ended. */
  private endParagraph(story: Story, intoCell = false): void {
    const para = story.para ?? { kind: 'para', items: [], listItem: false, pageBreakBefore: false };
    story.para = null;
    const props = this.state.para;
    const level = props.outline !== undefined ? (props.outline < 9 ? props.outline + 1 : 0) : this.styleHeadingLevel(props.style);
    if (level) para.headingLevel = level;
    para.listItem = story.label ?? props.list;
    story.label = null;
    para.pageBreakBefore = props.pageBreakBefore;
    if (!this.budget.block()) return;
    if (props.inTable || intoCell) story.cell.push(para);
    else {
      this.endTable(story);
      if (story.sectionBreak && para.items.length) {
        story.blocks.push({ kind: 'break' });
        story.sectionBreak = false;
      }
      story.blocks.push(para);
    }
  }

  private endCell(): void {
    const story = this.story;
    if (story.para) this.endParagraph(story, true);
    if (this.budget.block()) story.row.cells.push({ span: 1, blocks: story.cell });
    story.cell = [];
  }

  private endRow(): void {
    const story = this.story;
    if (story.para || story.cell.length) this.endCell();
    story.rows.push(story.row);
    story.row = { cells: [], edges: [...story.row.edges] };
  }

  /** Ends the story's open table, if any, setting its cells on a grid made of every row's `\cellx` edges. */
  private endTable(story: Story): void {
    if (story.row.cells.length) story.rows.push(story.row);
    const rows = story.rows.filter((r) => r.cells.length);
    story.rows = [];
    story.row = { cells: [], edges: story.row.edges };
    if (!rows.length) return;
    const edges = [...new Set(rows.flatMap((r) => r.edges).filter((e) => e > 0))].sort((a, b) => a - b).slice(0, MAX_CELLS);
    const grid = edges.map((e, i) => e - (edges[i - 1] ?? 0));
    for (const row of rows) {
      // A cell spans the grid columns between its left edge (the previous cell's right one) and its own.
      let left = 0;
      row.cells.forEach((cell, i) => {
        const right = row.edges[i];
        if (right === undefined) return;
        cell.span = Math.max(1, edges.filter((e) => e > left && e <= right).length);
        left = right;
      });
    }
    story.blocks.push({ kind: 'table', grid, rows: rows.map((r) => r.cells) });
  }

  private endStory(story: Story): void {
    // Text after the last `\par` is a paragraph of its own.
    if (story.para) this.endParagraph(story);
    if (story.cell.length) story.row.cells.push({ span: 1, blocks: story.cell });
    story.cell = [];
    this.endTable(story);
  }
}

/** The decoder of an `\ansicpg` code page; windows-1252 for one TextDecoder does not know (437, 850…). */
function decoderFor(codePage: number): (bytes: Uint8Array) => string {
  try {
    return textDecoder(CODE_PAGES[codePage] ?? `windows-${codePage}`);
  } catch {
    return textDecoder('windows-1252');
  }
}

function plainText(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'table') for (const row of b.rows) for (const cell of row) out += plainText(cell.blocks) + ' ';
    else if (b.kind === 'para') for (const it of b.items) out += it.kind === 'text' ? it.text : it.kind === 'box' ? plainText(it.blocks) : ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}
