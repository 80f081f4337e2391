/** Plain-text tables for bench.ts: copy-pasteable, fixed-width, no colours. */

export interface Timing {
  format: string;
  ms: number;
}

export interface DocScore {
  id: string;
  overall: number;
  template: string;
  format: string;
  errorCode: string | null;
}

/** Nearest-rank percentile of ascending-sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `align` has one letter per column: l (text) or r (numbers). */
function row(cells: Array<string | number>, widths: number[], align: string): string {
  return cells.map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]!) : String(cell).padEnd(widths[i]!))).join('  ').trimEnd();
}

export function speedTable(timings: Timing[], wallSeconds: number, repeat: number): string[] {
  const widths = [10, 6, 10, 8, 8];
  const lines = [row(['format', 'parses', 'median ms', 'p95 ms', 'max ms'], widths, 'lrrrr')];
  const groups = new Map<string, number[]>();
  for (const t of timings) groups.set(t.format, [...(groups.get(t.format) ?? []), t.ms]);
  const all = timings.map((t) => t.ms);
  for (const [format, ms] of [...[...groups].sort(([a], [b]) => a.localeCompare(b)), ['all', all] as const]) {
    const sorted = [...ms].sort((a, b) => a - b);
    lines.push(row([format, sorted.length, percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), sorted.at(-1)!.toFixed(1)], widths, 'lrrrr'));
  }
  lines.push('', `throughput: ${(timings.length / wallSeconds).toFixed(1)} docs/s (${timings.length} parses${repeat > 1 ? ` = ${repeat} rounds` : ''} in ${wallSeconds.toFixed(2)} s, one thread)`);
  return lines;
}

export function worstTable(scores: DocScore[], count: number): string[] {
  const widths = [12, 7, 12, 8, 0];
  const worst = [...scores].sort((a, b) => a.overall - b.overall || a.id.localeCompare(b.id)).slice(0, count);
  return [row(['document', 'overall', 'template', 'format', 'error'], widths, 'lrlll'), ...worst.map((s) => row([s.id, s.overall.toFixed(3), s.template, s.format, s.errorCode ?? ''], widths, 'lrlll'))];
}
