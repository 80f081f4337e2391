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

/** The `count` documents of lowest overall score, worst first. */
export const worstOf = (scores: DocScore[], count: number): DocScore[] => [...scores].sort((a, b) => a.overall - b.overall || a.id.localeCompare(b.id)).slice(0, count);

export function worstTable(scores: DocScore[], count: number): string[] {
  const widths = [12, 7, 12, 8, 0];
  const worst = worstOf(scores, count);
  return [row(['document', 'overall', 'template', 'format', 'error'], widths, 'lrlll'), ...worst.map((s) => row([s.id, s.overall.toFixed(3), s.template, s.format, s.errorCode ?? ''], widths, 'lrlll'))];
}

/** The truth file's fields that `differences` reads (a subset of shared/corpus's truth format). */
export interface Truth {
  name?: { raw?: string | null } | null;
  emails?: string[];
  phoneNumbers?: string[];
  location?: { city?: string | null } | null;
  workExperience?: Array<{ jobTitle?: string | null; organization?: string | null; dates?: { startDate?: string | null; endDate?: string | null } | null }>;
  education?: Array<{ organization?: string | null; accreditation?: { education?: string | null } | null; dates?: { completionDate?: string | null } | null }>;
  skills?: Array<{ name: string }>;
  languages?: string[];
}

/** What `differences` reads of a parse (ResumeData's fields of the same names). */
export interface Parsed {
  name?: { raw?: string | null } | null;
  emails?: string[];
  phoneNumbers?: string[];
  location?: { city?: string | null } | null;
  workExperience?: Array<{ jobTitle: string | null; organization: string | null; dates: { startDate: string | null; endDate: string | null } | null }>;
  education?: Array<{ organization: string | null; accreditation: { education: string | null } | null; dates: { completionDate: string | null } | null }>;
  skills?: Array<{ name: string | null }>;
  languages?: Array<{ name: string | null } | string>;
}

const key = (s: string | null | undefined): string => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const show = (s: string | null | undefined): string => (s ? `"${s.length > 50 ? `${s.slice(0, 49)}…` : s}"` : '—');
const month = (d: string | null | undefined): string => (d ?? '').slice(0, 7);

/** Values of a list the parse missed and added, compared by `k`, the first few of each. */
function listDiff(label: string, truth: string[], parsed: string[], k: (s: string) => string = key, most = 6): string[] {
  const t = new Set(truth.map(k));
  const p = new Set(parsed.map(k));
  const missed = truth.filter((v) => !p.has(k(v)));
  const extra = parsed.filter((v) => !t.has(k(v)));
  const cut = (vs: string[]) => vs.slice(0, most).map(show).join(', ') + (vs.length > most ? ` +${vs.length - most}` : '');
  return [...(missed.length ? [`${label} missed: ${cut(missed)}`] : []), ...(extra.length ? [`${label} extra: ${cut(extra)}`] : [])];
}

/**
 * Where a parse differs from the truth, one line per difference, for the worst-documents listing: scalar
 * fields side by side, lists as missed/extra values, entries paired by dates or names and then compared
 * field by field. Matching is looser than the scorer's (it is for reading, not for scoring).
 */
export function differences(truth: Truth, parsed: Parsed | null): string[] {
  if (!parsed) return ['no data (the parse failed)'];
  const out: string[] = [];
  const same = (label: string, a: string | null | undefined, b: string | null | undefined) => {
    if (key(a) !== key(b)) out.push(`${label}: truth ${show(a)}, parsed ${show(b)}`);
  };
  same('name', truth.name?.raw, parsed.name?.raw);
  out.push(...listDiff('emails', truth.emails ?? [], parsed.emails ?? []));
  out.push(...listDiff('phones', truth.phoneNumbers ?? [], parsed.phoneNumbers ?? [], (s) => s.replace(/\D/g, '').slice(-9)));
  same('city', truth.location?.city, parsed.location?.city);

  const work = [...(parsed.workExperience ?? [])];
  (truth.workExperience ?? []).forEach((t, i) => {
    const at = work.findIndex((p) => (t.dates?.startDate && month(p.dates?.startDate) === month(t.dates.startDate)) || (key(p.organization) && key(p.organization) === key(t.organization)));
    if (at < 0) return out.push(`work[${i}] missed: ${show(t.jobTitle)} at ${show(t.organization)} from ${t.dates?.startDate ?? '—'}`);
    const p = work.splice(at, 1)[0]!;
    same(`work[${i}].jobTitle`, t.jobTitle, p.jobTitle);
    same(`work[${i}].organization`, t.organization, p.organization);
    same(`work[${i}].startDate`, month(t.dates?.startDate), month(p.dates?.startDate));
    same(`work[${i}].endDate`, month(t.dates?.endDate), month(p.dates?.endDate));
  });
  for (const p of work) out.push(`work extra: ${show(p.jobTitle)} at ${show(p.organization)} from ${p.dates?.startDate ?? '—'}`);

  const schools = [...(parsed.education ?? [])];
  (truth.education ?? []).forEach((t, i) => {
    const year = (d: string | null | undefined) => (d ?? '').slice(0, 4);
    const at = schools.findIndex((p) => key(p.organization) === key(t.organization) || (!!year(t.dates?.completionDate) && year(p.dates?.completionDate) === year(t.dates?.completionDate)));
    if (at < 0) return out.push(`education[${i}] missed: ${show(t.accreditation?.education)} at ${show(t.organization)}`);
    const p = schools.splice(at, 1)[0]!;
    same(`education[${i}].organization`, t.organization, p.organization);
    same(`education[${i}].accreditation`, t.accreditation?.education, p.accreditation?.education);
  });
  for (const p of schools) out.push(`education extra: ${show(p.accreditation?.education)} at ${show(p.organization)}`);

  out.push(...listDiff('skills', (truth.skills ?? []).map((s) => s.name), (parsed.skills ?? []).flatMap((s) => (s.name ? [s.name] : []))));
  out.push(...listDiff('languages', truth.languages ?? [], (parsed.languages ?? []).flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : []))));
  return out;
}
