/**
 * Markdown résumés (a README-style CV, text exported from a notes app): "# Name", "## Experience",
 * "### Title - Employer", **bold** and _italic_ words, links and pipe tables. Plain-text extraction reads their
 * marks as what they stand for — heading levels, bold and italic words, table cells — and drops the marks
 * from the text, so that later stages see "Experience" set apart as a heading, not "## Experience".
 */

/** A line of Markdown read: its text without marks, its heading level, its bold and italic character ranges. */
export interface MarkdownLine {
  text: string;
  headingLevel?: number;
  bold: Array<[number, number]>;
  italic: Array<[number, number]>;
}

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** A pipe table's rule line ("|---|:---:|"), which draws and says nothing. */
const tableRule = (line: string): boolean => TABLE_RULE.test(line) && line.includes('|');

/**
 * Text written in Markdown: two or more "#" headings, or one over a pipe table's rule line. Headings on
 * consecutive lines are a list bulleted with "#" ("# Leadership" / "# Customer service"), not Markdown.
 */
export function isMarkdown(lines: string[]): boolean {
  const heading = (l: string | undefined): boolean => l != null && ATX_HEADING.test(l) && /^#{1,6}\s+\p{L}/u.test(l.trim());
  const at = lines.flatMap((l, i) => (heading(l) ? [i] : []));
  if (at.some((i) => heading(lines[i + 1]))) return false;
  return at.length >= 2 || (at.length === 1 && lines.some(tableRule));
}

/**
 * One line of a Markdown document, or null for a line that only draws (a table's rule line). List markers
 * stay (they are bullets to the readers of entries); a table row's cells are set apart by tabs.
 */
export function readMarkdownLine(raw: string): MarkdownLine | null {
  if (tableRule(raw)) return null;
  const heading = ATX_HEADING.exec(raw);
  let text = heading ? heading[2]! : raw;
  // A table row: "| English | Native |" → "English⇥Native".
  if (/^\s*\|.*\|\s*$/.test(text)) text = text.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t');
  const out = inline(text);
  return heading ? { ...out, headingLevel: heading[1]!.length } : out;
}

/**
 * Inline marks: **strong** and __strong__, *emphasis* and _emphasis_ (only at word edges, so "john_doe" and
 * "2*3" keep theirs), `code`, [text](url) (the text, then the address unless they are the same) and
 * backslash escapes ("\-" → "-").
 */
function inline(source: string): MarkdownLine {
  const bold: Array<[number, number]> = [];
  const italic: Array<[number, number]> = [];
  let text = '';
  const mark = /(\*\*|__)(?=\S)([\s\S]*?\S)\1|(?<![\p{L}\p{N}*_])([*_])(?=\S)([^*_]*?\S)\3(?![\p{L}\p{N}*_])|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\\([\\`*_{}[\]()#+\-.!|])/gu;
  let at = 0;
  for (const m of source.matchAll(mark)) {
    text += source.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[2] != null) {
      // Strong text may hold emphasis of its own ("**Senior _Data_ Engineer**").
      const inner = inline(m[2]);
      const from = text.length;
      bold.push([from, from + inner.text.length]);
      italic.push(...inner.italic.map(([a, b]): [number, number] => [from + a, from + b]));
      text += inner.text;
    } else if (m[4] != null) {
      const inner = inline(m[4]);
      const from = text.length;
      italic.push([from, from + inner.text.length]);
      bold.push(...inner.bold.map(([a, b]): [number, number] => [from + a, from + b]));
      text += inner.text;
    } else if (m[5] != null) text += m[5];
    else if (m[6] != null) text += m[6] === m[7] || m[7]!.replace(/^mailto:/, '') === m[6] ? m[6] : `${m[6]} ${m[7]}`;
    else text += m[8];
  }
  text += source.slice(at);
  return { text, bold, italic };
}
