/**
 * Reading order of one page of positioned lines, from geometry alone (no templates, no fixed x positions).
 *
 * Two-column résumés are where other parsers fail: they read straight across both columns and interleave a
 * sidebar's skills with the experience beside it. Here lines are first cut into fragments at wide horizontal
 * gaps, then the page is split recursively (an XY-cut):
 *
 *  - find the tallest vertical whitespace channel — an x that no fragment crosses over a stretch of the page,
 *    with text on both sides. Fragments that do cross it (a full-width name or heading) end the stretch: what
 *    is above is read first, what is below last, each split again in turn. A centred header over one side, or
 *    a heading hanging just above the line that closes the stretch, is moved out of the stretch with them;
 *  - inside the stretch, decide what the two sides are. If the lines of the clearly narrower side mostly sit on
 *    the baseline of a line of the other side, the narrow side annotates the wide one (dates or Europass labels in
 *    a left gutter, a right-aligned date beside a title): each of its blocks joins the line it is aligned with,
 *    so "2019 – 2021" stays with "Senior Engineer, Acme". Otherwise the sides are independent flows (sidebar
 *    and main column) and are read one after the other, left first;
 *  - a region with no channel is one flow: its lines are read top to bottom.
 *
 * Finally each line gets its column (flows numbered in the order they are first read; full-width parts above
 * and below a pair of columns are one flow) and block (a larger than usual vertical gap, or a change of column,
 * starts a new one). Only the words and role of the input lines are used, so the function suits PDF pages;
 * other formats arrive already in order.
 */
import { lineFromWords, unionBox, type BBox, type Line, type LineRole, type Page, type Word } from '../layout.ts';

/** A run of words of one line with no wide gap inside: the unit that columns are made of. */
interface Frag {
  words: Word[];
  box: BBox;
  size: number;
  /** Baseline y: rows align on it, whatever their font sizes. */
  base: number;
  /** Index of the input line it came from: fragments of one line share a baseline. */
  row: number;
  role: LineRole;
}

/** Fragments of one input line on one side of a channel. */
interface Row {
  frags: Frag[];
  box: BBox;
  size: number;
  base: number;
}

/** An output line being built: words in reading order, the baseline that places it, and its flow. */
interface Out {
  words: Word[];
  /** Where a gutter block meets its line: always a tab, even when the gap is narrow. */
  joint?: Word;
  base: number;
  size: number;
  col: number;
  role: LineRole;
}

/** Lines are cut into fragments at gaps wider than this (em). Narrower than the 1.5 em tab rule of `lineFromWords`, so
 * tightly set columns still separate; fragments of one line that stay in one flow are joined again. */
const FRAG_GAP_EM = 1.0;
/** Each side of a channel needs this many fragments (or one tall one, such as a big name) to count as a column. */
const MIN_SIDE = 2;
/** A channel narrower than this (em) is a coincidence of ragged edges, not a column gap. */
const MIN_CHANNEL_EM = 0.5;
/** Two rows share a baseline when their baselines differ by at most this (points) plus their size difference… */
const ALIGN_PT = 0.5;
/** …and never more than this (em of the smaller font). */
const ALIGN_EM = 0.2;
/** Share of the sparser side's rows that must be aligned with the other side for it to be a gutter… */
const GUTTER_SHARE = 0.6;
/** …or, for a column of isolated labels and headings (Europass), this share. */
const LABEL_COLUMN_SHARE = 0.4;
/** A gutter is at most this wide relative to the side it annotates. */
const NARROW_SIDE = 0.6;
/** Consecutive rows closer than this (baseline to baseline, em) are one paragraph, e.g. a wrapped gutter date. */
const TIGHT_PITCH_EM = 1.5;
/** Rows of two sides whose spacing agrees to within this (points) move in lockstep: they are rows of one table. */
const LOCKSTEP_PT = 0.3;
/** Gutter blocks are short (a date over two lines, a label): a longer run is a flow of its own. */
const MAX_GUTTER_BLOCK = 3;

export function orderPage(page: Page): void {
  const wide = page.lines.flatMap((line, row) => splitAtGaps(line, row, () => false));
  const cut = columnCut(wide.map((f) => f.box));
  const frags = page.lines.flatMap((line, row) => splitAtGaps(line, row, cut));
  const outs = orderRegion(frags, 0, { last: 0 });
  const colIds = new Map<number, number>();
  for (const o of outs) if (!colIds.has(o.col)) colIds.set(o.col, colIds.size);
  const lines = outs.map((o) => {
    const line = lineFromWords(o.words, page.index, o.role);
    if (o.joint) line.text = tabBefore(line, o.joint);
    line.column = colIds.get(o.col)!;
    return line;
  });
  assignBlocks(lines, outs);
  page.lines = lines;
}

/** The line's text with a tab before `word` (words hold no spaces, so the text alternates word and separator). */
function tabBefore(line: Line, word: Word): string {
  const parts = line.text.split(/([ \t])/);
  const at = line.words.indexOf(word);
  if (parts.length !== 2 * line.words.length - 1 || at < 1) return line.text;
  parts[2 * at - 1] = '\t';
  return parts.join('');
}

/** Lines that must start at an x for it to be a column's left edge. */
const EDGE_LINES = 5;

/**
 * Whether a fragment starting at `start` holds two columns with a word at `x`: a column set hard against its
 * neighbour (a table cell with no padding: "Decision Making, Relationship" ends 5 pt, one word space, before
 * the main column's "Content Marketing Specialist") is told by its edges, not by the width of the gap. Of
 * the fragments that lines make when cut at wide gaps (`boxes`), many start at `x` (the right column's left
 * edge), and most of those that start where this one does end before `x` (the left column's). A word that
 * merely lands on an indent of its own column ("Junior Mechanical Engineer", "Mechanical" where bullet text
 * starts) is not cut off: the fragments that start with "Junior" run on past it.
 */
function columnCut(boxes: BBox[]): (start: number, x: number) => boolean {
  // Asked for every word gap of the page: the fragments' left edges are sorted once, and the right edges of
  // those starting at one x once per x asked about.
  const starts = boxes.map((b) => b[0]).sort((a, b) => a - b);
  const startingAt = (x: number): number => firstAtLeast(starts, x + 1 + 1e-9) - firstAtLeast(starts, x - 1);
  const ends = new Map<number, number[]>();
  const endsOf = (start: number): number[] => {
    let e = ends.get(start);
    if (!e) ends.set(start, (e = boxes.filter((b) => Math.abs(b[0] - start) <= 1).map((b) => b[2]).sort((a, b) => a - b)));
    return e;
  };
  return (start, x) => {
    if (startingAt(x) < EDGE_LINES) return false;
    const same = endsOf(start);
    return same.length >= EDGE_LINES && firstAtLeast(same, x + 1e-9) >= 0.7 * same.length;
  };
}

/** Index of the first value of the ascending `sorted` that is ≥ `x`. */
function firstAtLeast(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function splitAtGaps(line: Line, row: number, cut: (start: number, x: number) => boolean): Frag[] {
  const frags: Frag[] = [];
  let words: Word[] = [];
  const flush = (): void => {
    if (!words.length) return;
    const size = dominantSize(words);
    const box = unionBox(words.map((w) => w.bbox));
    // Sources without a baseline: the usual descent of a Latin font above the box bottom.
    const base = words.find((w) => w.baseline !== undefined)?.baseline ?? box[3] - 0.22 * size;
    frags.push({ words, box, size, base, row, role: line.role });
    words = [];
  };
  const sorted = [...line.words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  for (const w of sorted) {
    const prev = words[words.length - 1];
    const gap = prev ? w.bbox[0] - prev.bbox[2] : 0;
    // Also a word-space gap where a column set hard against this one starts (see columnCut).
    const atEdge = prev != null && gap > 0.1 * w.fontSize && cut(words[0]!.bbox[0], w.bbox[0]);
    if (prev && (gap > FRAG_GAP_EM * Math.max(prev.fontSize, w.fontSize) || atEdge)) flush();
    words.push(w);
  }
  flush();
  return frags;
}

function dominantSize(words: Word[]): number {
  const chars = new Map<number, number>();
  for (const w of words) chars.set(w.fontSize, (chars.get(w.fontSize) ?? 0) + w.text.length);
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Orders a region's fragments; `col` is the flow it belongs to, `ids.last` the last flow number handed out. */
function orderRegion(frags: Frag[], col: number, ids: { last: number }): Out[] {
  if (!frags.length) return [];
  const split = findChannel(frags);
  if (!split) return readRows(frags, col);
  const out = orderRegion(split.above, col, ids);
  const annotation = gutterSide(split.left, split.right);
  const headings = annotation ? null : headingColumn(split.left, split.right);
  if (headings) {
    out.push(...mergeHeadings(headings, split.right, col, ids));
    out.push(...orderRegion(split.below, col, ids));
  } else if (annotation) {
    const [notes, main] = annotation === 'left' ? [split.left, split.right] : [split.right, split.left];
    out.push(...mergeGutter(notes, main, annotation, col, ids));
    out.push(...orderRegion(split.below, col, ids));
  } else {
    out.push(...orderRegion(split.left, ++ids.last, ids));
    out.push(...orderRegion(split.right, ++ids.last, ids));
    // What follows the columns (a full-width footer or section) continues the enclosing flow.
    out.push(...orderRegion(split.below, col, ids));
  }
  return out;
}

interface Channel {
  above: Frag[];
  left: Frag[];
  right: Frag[];
  below: Frag[];
}

const centerY = (f: Frag): number => (f.box[1] + f.box[3]) / 2;
/** How wide a set of fragments spans, left edge to right edge. */
const spanOf = (fs: Frag[]): number => Math.max(...fs.map((f) => f.box[2])) - Math.min(...fs.map((f) => f.box[0]));
const height = (f: Frag): number => f.box[3] - f.box[1];

/**
 * The best vertical whitespace channel: for each candidate x (just right of some fragment), the fragments that
 * cross x cut the region into horizontal stretches; a stretch with enough text on both sides of x is a candidate.
 * The one holding the most fragments wins (ties: the wider gap). Null when the region is a single flow.
 */
function findChannel(frags: Frag[]): Channel | null {
  const heights = frags.map(height).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)]!;
  const sizes = frags.map((f) => f.size).sort((a, b) => a - b);
  const minChannel = MIN_CHANNEL_EM * sizes[Math.floor(sizes.length / 2)]!;
  const enough = (side: Frag[]): boolean => side.length >= MIN_SIDE || side.some((f) => height(f) >= 2 * typical);

  let best: { score: number; width: number; top: number; left: Frag[]; right: Frag[]; up: Frag[] } | null = null;
  const byCenter = [...frags].sort((a, b) => centerY(a) - centerY(b));
  const xs = [...new Set(frags.map((f) => f.box[2]))];
  for (const x of xs) {
    const blocked = mergeIntervals(frags.filter((f) => f.box[0] < x && f.box[2] > x).map((f): [number, number] => [f.box[1], f.box[3]]));
    // Stretches between blocked intervals, with the fragments centred in each.
    const edges = [-Infinity, ...blocked.flat(), Infinity];
    for (let k = 0; k < edges.length; k += 2) {
      const top = edges[k]!;
      const bottom = edges[k + 1]!;
      const inside: Frag[] = [];
      for (let i = firstBelow(byCenter, top); i < byCenter.length && centerY(byCenter[i]!) < bottom; i++) inside.push(byCenter[i]!);
      const left = inside.filter((f) => f.box[2] <= x);
      const right = inside.filter((f) => f.box[0] >= x);
      if (bottom < Infinity) handOver(left, right, bottom);
      if (bottom < Infinity) handOver(right, left, bottom);
      const up = [...liftHeader(left, right), ...liftHeader(right, left)];
      if (!enough(left) || !enough(right)) continue;
      const edge = Math.min(...right.map((f) => f.box[0]));
      const width = edge - Math.max(...left.map((f) => f.box[2]));
      // A narrow gap is a column gap only where the right side keeps a hard left edge (at least five of its
      // fragments, and a quarter of them, start on it: the rest are indented bullets and the like) and the
      // left side has a body of its own.
      const hardEdge = width > 0 && left.length >= 3 && right.filter((f) => f.box[0] <= edge + 1.5).length >= Math.max(EDGE_LINES, 0.25 * right.length);
      if (width < minChannel && !hardEdge) continue;
      const score = left.length + right.length;
      if (!best || score > best.score || (score === best.score && width > best.width)) best = { score, width, top, left, right, up };
    }
  }
  if (!best) return null;
  const { top, left, right, up } = best;
  const beside = new Set([...left, ...right]);
  return {
    above: frags.filter((f) => !beside.has(f) && (centerY(f) <= top || up.includes(f))),
    left,
    right,
    below: frags.filter((f) => !beside.has(f) && centerY(f) > top && !up.includes(f)),
  };
}

/** Index of the first fragment (sorted by centre) whose centre is below `y`. */
function firstBelow(sorted: Frag[], y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (centerY(sorted[mid]!) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Removes from the foot of `side` the fragments that hang below everything on the `other` side and sit just above
 * the full-width line that ends the stretch (at `limit`): such a fragment is not beside anything — it is the
 * heading of what follows ("ABOUT ME" above a summary that starts further right), and is read with it.
 */
function handOver(side: Frag[], other: Frag[], limit: number): void {
  side.sort((a, b) => a.box[3] - b.box[3]);
  const otherBottom = Math.max(...other.map((f) => f.box[3]));
  let edge = limit;
  while (side.length) {
    const f = side[side.length - 1]!;
    if (f.box[1] < otherBottom || edge - f.box[3] > 2 * f.size) break;
    edge = f.box[1];
    side.pop();
  }
}

/**
 * Removes from the top of a side the fragments that lie above everything on the other side and are aligned with
 * neither margin of their own side: a name centred over a sidebar page lies over the main column only because the
 * sidebar's text is narrow, and it is the page header, read first — not the top of the main column.
 */
function liftHeader(side: Frag[], other: Frag[]): Frag[] {
  side.sort((a, b) => a.box[1] - b.box[1]);
  const otherTop = Math.min(...other.map((f) => f.box[1]));
  const lifted: Frag[] = [];
  while (side.length > MIN_SIDE) {
    const f = side[0]!;
    const rest = side.slice(1);
    const leftAligned = Math.abs(f.box[0] - Math.min(...rest.map((r) => r.box[0]))) < f.size;
    const rightAligned = Math.abs(f.box[2] - Math.max(...rest.map((r) => r.box[2]))) < f.size;
    if (f.box[3] > otherTop || leftAligned || rightAligned) break;
    lifted.push(side.shift()!);
  }
  return lifted;
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** A region with no column gap: its input lines (what is left of them here) top to bottom. */
function readRows(frags: Frag[], col: number): Out[] {
  return toRows(frags).map((r) => ({ words: r.frags.flatMap((f) => f.words), base: r.base, size: r.size, col, role: r.frags[0]!.role }));
}

/** Groups fragments by input line, words left to right, rows top to bottom (by baseline, then left edge). */
function toRows(frags: Frag[]): Row[] {
  const byRow = new Map<number, Frag[]>();
  for (const f of frags) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  return [...byRow.values()]
    .map((fs) => {
      fs.sort((a, b) => a.box[0] - b.box[0]);
      return { frags: fs, box: unionBox(fs.map((f) => f.box)), size: dominantSize(fs.flatMap((f) => f.words)), base: fs[0]!.base };
    })
    .sort((a, b) => a.base - b.base || a.box[0] - b.box[0]);
}

/**
 * Rows set on one baseline by design. Text of one size lands on exactly the same baseline however a row is
 * aligned (top, centre, baseline); only a size difference moves it, by about that difference. Two independent
 * columns typeset with the same font and leading are often a point or two apart all the way down, and must not
 * count as aligned.
 */
const aligned = (a: Row, b: Row): boolean =>
  Math.abs(a.base - b.base) <= Math.min(ALIGN_EM * Math.min(a.size, b.size), ALIGN_PT + Math.abs(a.size - b.size));
const tight = (upper: Row, lower: Row): boolean => {
  const pitch = lower.base - upper.base;
  return pitch > 0 && pitch <= TIGHT_PITCH_EM * Math.min(upper.size, lower.size);
};

/** A run of rows of the annotation side, and the row of the main side that its first row shares a baseline with. */
interface GutterBlock {
  rows: Row[];
  /** For each row, the main row on its baseline, if any. */
  partners: (Row | null)[];
  anchor: Row | null;
}

/**
 * Blocks of the annotation side. A row continues the block above it when it follows at paragraph spacing and is
 * either beside nothing, or beside the same paragraph of the main side as the block's first row without moving
 * in lockstep with it: a date wrapped over two lines has its own leading and only lands near the company line
 * under the title ("March 2022 to April" / "2026"), whereas a location right-aligned under a date sits exactly
 * one main line lower because it belongs to that line ("Jan 2019 – Present" / "Berlin").
 */
function gutterBlocks(annotation: Frag[], main: Frag[]): GutterBlock[] {
  const mainRows = toRows(main);
  const partnerOf = (r: Row): Row | null => mainRows.find((m) => aligned(m, r)) ?? null;
  const sameParagraph = (a: Row, b: Row): boolean => {
    const from = mainRows.indexOf(a);
    const to = mainRows.indexOf(b);
    for (let i = from; i < to; i++) if (!tight(mainRows[i]!, mainRows[i + 1]!)) return false;
    return from < to;
  };
  const blocks: GutterBlock[] = [];
  for (const row of toRows(annotation)) {
    const partner = partnerOf(row);
    const block = blocks[blocks.length - 1];
    const last = block?.rows[block.rows.length - 1];
    const lastPartner = block?.partners[block.partners.length - 1];
    const lockstep = !!(partner && last && lastPartner && Math.abs(row.base - last.base - (partner.base - lastPartner.base)) < LOCKSTEP_PT);
    const continues =
      block && last && block.rows.length < MAX_GUTTER_BLOCK && tight(last, row) && (!partner || (block.anchor !== null && !lockstep && sameParagraph(block.anchor, partner)));
    if (continues) {
      block.rows.push(row);
      block.partners.push(partner);
    } else {
      blocks.push({ rows: [row], partners: [partner], anchor: partner });
    }
  }
  return blocks;
}

/**
 * Which side, if any, annotates the other. The narrower side is the candidate, and it must be clearly narrower
 * (two equal columns side by side — two referees, two lists — are read one after the other even when their rows
 * line up). It annotates when most of its rows belong to blocks that sit on the baseline of a line across the
 * channel; sidebars are flows of their own and fail this even when a few of their lines happen to share a
 * baseline with the main column. A column of isolated rows (labels and section headings, none followed by a line
 * of its own) needs fewer aligned rows: its headings sit in the gaps between the main side's paragraphs.
 */
function gutterSide(left: Frag[], right: Frag[]): 'left' | 'right' | null {
  const side = spanOf(left) <= spanOf(right) ? 'left' : 'right';
  const [annotation, main] = side === 'left' ? [left, right] : [right, left];
  const ratio = spanOf(annotation) / spanOf(main);
  if (ratio > NARROW_SIDE) return null;
  // Both sides opening with a heading on one baseline ("Academic qualifications" beside "Languages"): boxes set
  // side by side, each a flow of its own, however their rows line up.
  const [leftRows, rightRows] = [toRows(left), toRows(right)];
  if (leftRows.length >= 2 && rightRows.length >= 2 && aligned(leftRows[0]!, rightRows[0]!) && headed(leftRows) && headed(rightRows)) return null;
  const blocks = gutterBlocks(annotation, main);
  const total = blocks.reduce((n, b) => n + b.rows.length, 0);
  const anchored = blocks.reduce((n, b) => n + (b.anchor ? b.rows.length : 0), 0);
  if (anchored >= GUTTER_SHARE * total) return side;
  const rows = side === 'left' ? leftRows : rightRows;
  const isolated = rows.filter((r, i) => !(i > 0 && tight(rows[i - 1]!, r)) && !(i + 1 < rows.length && tight(r, rows[i + 1]!))).length;
  return isolated === rows.length && anchored >= LABEL_COLUMN_SHARE * total ? side : null;
}

/** A flow whose first row is set apart from the rest of it, larger or bold: a box under its own heading. */
function headed(rows: Row[]): boolean {
  const sizes = rows.slice(1).map((r) => r.size).sort((a, b) => a - b);
  const bold = (r: Row): boolean => r.frags.every((f) => f.words.every((w) => w.bold));
  return rows[0]!.size >= 1.1 * sizes[Math.floor(sizes.length / 2)]! || (bold(rows[0]!) && !rows.slice(1).some(bold));
}

/**
 * Reads the main side in order and joins each annotation block to the line of its anchor (left gutter text
 * first, right-hand dates last; `lineFromWords` puts a tab across the gap). Blocks beside nothing (a heading in a
 * Europass label column) become lines of their own, placed before the first main line below them.
 */
function mergeGutter(annotation: Frag[], main: Frag[], side: 'left' | 'right', col: number, ids: { last: number }): Out[] {
  const blocks = gutterBlocks(annotation, main);
  const outs = orderRegion(main, col, ids);
  for (const block of blocks) {
    const words = block.rows.flatMap((r) => r.frags.flatMap((f) => f.words));
    const anchorWord = block.anchor?.frags[0]?.words[0];
    const target = anchorWord ? outs.find((o) => o.words.includes(anchorWord)) : undefined;
    if (target) {
      target.joint = side === 'left' ? target.words[0] : words[0];
      target.words = side === 'left' ? [...words, ...target.words] : [...target.words, ...words];
      continue;
    }
    const first = block.rows[0]!;
    const at = outs.findIndex((o) => o.base > first.base);
    const out: Out = { words, base: first.base, size: first.size, col, role: first.frags[0]!.role };
    outs.splice(at < 0 ? outs.length : at, 0, out);
  }
  return outs;
}

/**
 * Side headings: a narrow left column holding only a few short runs of words (a heading, wrapped over two or three
 * lines at most: "Relevant" / "Experience"), far apart, each level with the top of a paragraph beside it — the
 * layout that sets each section's heading in a margin column beside its first line. Unlike a gutter's dates,
 * such a heading need not share its baseline with that line (a different size, top-aligned cells), and unlike a
 * sidebar it is no flow of its own. Left only, as headings are read before what they head.
 */
function headingColumn(left: Frag[], right: Frag[]): Row[][] | null {
  if (!left.length || !right.length || spanOf(left) > NARROW_SIDE * spanOf(right)) return null;
  const runs = headingRuns(left);
  const mainRows = toRows(right);
  if (runs.length < 3 || runs.length > 0.35 * mainRows.length) return null;
  if (runs.some((run) => run.length > MAX_GUTTER_BLOCK || run.some((r) => r.frags.flatMap((f) => f.words).length > 4))) return null;
  // Level with a paragraph's top: a row of the main side starts within half a line of the heading's first row.
  const level = runs.filter((run) => mainRows.some((m) => Math.abs(m.box[1] - run[0]!.box[1]) <= 0.6 * run[0]!.size)).length;
  return level >= 0.8 * runs.length ? runs : null;
}

/** The left column's rows in runs of paragraph spacing. */
function headingRuns(left: Frag[]): Row[][] {
  const runs: Row[][] = [];
  for (const row of toRows(left)) {
    const run = runs[runs.length - 1];
    if (run && tight(run[run.length - 1]!, row)) run.push(row);
    else runs.push([row]);
  }
  return runs;
}

/** Reads the main side in order, each heading (its rows joined in one line) before the first line level with it or below. */
function mergeHeadings(runs: Row[][], right: Frag[], col: number, ids: { last: number }): Out[] {
  const outs = orderRegion(right, col, ids);
  const top = (o: Out): number => Math.min(...o.words.map((w) => w.bbox[1]));
  for (const run of runs) {
    const first = run[0]!;
    const words = run.flatMap((r) => r.frags.flatMap((f) => f.words));
    const at = outs.findIndex((o) => top(o) >= first.box[1] - 0.6 * first.size);
    outs.splice(at < 0 ? outs.length : at, 0, { words, base: first.base, size: first.size, col, role: first.frags[0]!.role });
  }
  return outs;
}

/**
 * Blocks: consecutive lines of one flow at the page's usual line spacing. The usual spacing is the median
 * baseline pitch (in em) between neighbours of one flow; a pitch a quarter larger, a jump back up, or a new
 * flow starts a block.
 */
function assignBlocks(lines: Line[], outs: Out[]): void {
  const pitchEm = (i: number): number => (outs[i]!.base - outs[i - 1]!.base) / Math.min(outs[i]!.size, outs[i - 1]!.size);
  const ratios: number[] = [];
  for (let i = 1; i < outs.length; i++) {
    const r = pitchEm(i);
    if (outs[i]!.col === outs[i - 1]!.col && r > 0.5 && r < 4) ratios.push(r);
  }
  ratios.sort((a, b) => a - b);
  const usual = ratios.length ? ratios[Math.floor(ratios.length / 2)]! : 1.3;
  let block = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const r = pitchEm(i);
      if (lines[i]!.column !== lines[i - 1]!.column || r < -0.5 || r > usual * 1.25) block++;
    }
    lines[i]!.block = block;
  }
}
