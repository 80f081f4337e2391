/**
 * A small pull tokenizer for the XML parts of Office documents.
 *
 * OOXML parts are machine-written, namespace prefixes are fixed by convention (`w:`, `r:`, `mc:`…) and there
 * is no DTD, so a scanner over tags is enough: no DOM, no namespace resolution, nothing allocated per
 * token except the strings the caller asks for. The cursor is mutable — `next()` moves it and its fields
 * describe the current token — so recursive-descent readers can share one cursor.
 */

export type TokenKind = 'open' | 'close' | 'empty' | 'text';

/** A tag from `<` to `>`; attribute values may contain `>` inside quotes. */
const TAG = /<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlError extends Error {}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export class XmlCursor {
  kind: TokenKind = 'text';
  /** Qualified tag name (`w:p`) of an open, close or empty token. */
  name = '';
  private raw = '';
  private pos = 0;

  constructor(private readonly xml: string) {}

  /** Moves to the next token; false at the end of the input. Comments, processing instructions and DOCTYPEs are skipped. */
  next(): boolean {
    const xml = this.xml;
    while (this.pos < xml.length) {
      const at = this.pos;
      if (xml.charCodeAt(at) !== 60 /* < */) {
        const end = xml.indexOf('<', at);
        this.pos = end < 0 ? xml.length : end;
        this.kind = 'text';
        this.raw = decodeEntities(xml.slice(at, this.pos));
        return true;
      }
      const c = xml.charCodeAt(at + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        if (xml.startsWith('<![CDATA[', at)) {
          const end = this.until(']]>', at);
          this.kind = 'text';
          this.raw = xml.slice(at + 9, end - 3);
          return true;
        }
        this.until(xml.startsWith('<!--', at) ? '-->' : c === 63 ? '?>' : '>', at);
        continue;
      }
      TAG.lastIndex = at;
      const m = TAG.exec(xml);
      if (!m) throw new XmlError(`Malformed tag at ${at}`);
      this.pos = TAG.lastIndex;
      this.name = m[2]!;
      this.raw = m[3]!;
      this.kind = m[1] ? 'close' : m[4] ? 'empty' : 'open';
      return true;
    }
    return false;
  }

  /** True on an element's start: an open or an empty tag. */
  get element(): boolean {
    return this.kind === 'open' || this.kind === 'empty';
  }

  /** True when the current token opens (or is an empty) `name` element. */
  is(name: string): boolean {
    return this.name === name && (this.kind === 'open' || this.kind === 'empty');
  }

  /** True when the current token closes `name`. */
  closes(name: string): boolean {
    return this.kind === 'close' && this.name === name;
  }

  /** Decoded text of the current text token. */
  get text(): string {
    return this.kind === 'text' ? this.raw : '';
  }

  /** An attribute of the current tag, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    if (this.kind === 'text' || !this.raw.includes(name)) return undefined;
    for (const m of this.raw.matchAll(ATTR)) {
      if (m[1] === name) return decodeEntities(m[2] ?? m[3] ?? '');
    }
    return undefined;
  }

  /** On an open token: moves to its matching close token, skipping everything inside. */
  skip(): void {
    if (this.kind !== 'open') return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.kind === 'open') depth++;
      else if (this.kind === 'close') depth--;
    }
  }

  /** The concatenated text inside the current open element (its child elements' tags ignored). */
  readText(): string {
    if (this.kind !== 'open') return '';
    const name = this.name;
    let out = '';
    while (this.next() && !this.closes(name)) out += this.text;
    return out;
  }

  private until(terminator: string, from: number): number {
    const end = this.xml.indexOf(terminator, from);
    this.pos = end < 0 ? this.xml.length : end + terminator.length;
    return this.pos;
  }
}
