/**
 * Gives each heading slot of each entry a role (job title, organisation, place, degree, grade…).
 *
 * A slot is scored on its own words (title words, organisation words, a known place…), then the section
 * votes: entries of one section are printed alike, so the slot at the same position in entries of the same
 * shape tends to play the same role. Blending each slot's own scores with its position's average settles
 * the cases a word list cannot ("Hilton" is an employer because the employer sits there in every entry).
 */
import type { Slot } from './entries.ts';
import { nameWord } from './text-shape.ts';

export type Scorer<R extends string> = (text: string, slot: Slot) => Record<R, number>;

export interface Assigned<R extends string> {
  slots: Slot[];
  roles: Map<Slot, R>;
}

/**
 * Splits off a place printed at the end of a slot after a comma ("Marks & Spencer, London, United
 * Kingdom" → "Marks & Spencer" + "London, United Kingdom"): the longest run of trailing comma parts that
 * reads as a place, when something is left before it.
 */
export function splitTrailingPlace(slots: Slot[], placeScore: (text: string) => number, isKnownTown: (text: string) => boolean): Slot[] {
  const out: Slot[] = [];
  const same = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  for (const [i, s] of slots.entries()) {
    const parts = s.text.split(/,\s*/);
    let cut = -1;
    for (let k = 1; k < parts.length; k++) {
      if (placeScore(parts.slice(k).join(', ')) < 0.8) continue;
      // "Arm, Cambridge, UK": an unknown name before a known town is the employer, not part of the address.
      if (parts.slice(k + 1).some((p) => isKnownTown(p)) && !isKnownTown(parts[k]!) && !/\d/.test(parts[k]!)) continue;
      // "Bentonville, AR" is one place: a lone state or country after a single town-like part stays with it.
      if (k === parts.length - 1 && k === 1 && placeScore(s.text) >= 0.8) break;
      cut = k;
      break;
    }
    // "Costco Wholesale, Issaquah": a town of some size after the last comma, with no region after it.
    if (cut < 0 && parts.length >= 2 && isKnownTown(parts[parts.length - 1]!) && !isKnownTown(parts[0]!)) cut = parts.length - 1;
    // A campus named after its town, then the address ("Vietnam National University, Hanoi, Hanoi, Vietnam",
    // "University of California, Berkeley · Berkeley, CA"): the first copy of the town is part of the name.
    // (A city-state's "Singapore, Singapore" is town and country: the town must be followed by a third part.)
    const address = parts[cut + 1] != null ? parts.slice(cut + 1) : (slots[i + 1]?.text.split(/,\s*/) ?? []);
    const campus = cut > 0 && same(parts[cut], address[0]) && address.length >= 2 && !same(address[0], address[1]);
    if (campus) cut = cut + 1 < parts.length ? cut + 1 : -1;
    if (cut < 0) {
      out.push(campus ? { ...s, inName: s.text.lastIndexOf(',') } : s);
      continue;
    }
    const head = parts.slice(0, cut).join(', ');
    const tail = parts.slice(cut).join(', ');
    out.push({ ...s, text: head, ...(campus ? { inName: head.lastIndexOf(',') } : {}) });
    out.push({ ...s, text: tail, start: s.start + s.text.lastIndexOf(tail), piece: s.piece + 0.75 });
  }
  return out;
}

/** A short name: at most five words, each a word of a name ("Bank of India", "INFOSYS"). */
const capitalised = (text: string): boolean => {
  const words = text.trim().split(/\s+/);
  return words.length <= 5 && words.every(nameWord);
};

/**
 * The space after an opening abbreviation's full stop, before a capital: "M.Tech. Visveswaraya Technological
 * University". Not after initials, which open names: "B.S. Abdur Rahman University", "M.E.S. College of Engineering".
 */
export const AFTER_ABBREVIATION = String.raw`(?<=^(?=[\p{L}.()]*\p{Ll})[\p{L}.()]{2,10}\.)\s+(?=\p{Lu})`;

/**
 * Where `refineSlots` may cut a slot: a comma, " at " / " @ ", " in " / " for " / " from " or " as " before a capital
 * ("From" and "At" may be capitalised with the rest of a title-case line: "B.Tech From Annamacharya Institute"),
 * and after an opening abbreviation.
 */
const CUTS = new RegExp(String.raw`,\s+|\s+[Aa]t\s+|\s+@\s+|\s+(?:in|for|[Ff]rom)\s+(?=\p{Lu})|\s+as\s+(?:an?\s+)?(?=\p{Lu})|` + AFTER_ABBREVIATION, 'gu');

/**
 * Splits slots that hold two fields joined by a comma ("Paralegal, Société Générale") or, for the
 * `wordPairs`, by " at " / " @ " ("Engineer at Acme"; but "University of Texas at Austin" stays whole).
 */
export function refineSlots<R extends string>(slots: Slot[], score: Scorer<R>, pairs: [R, R][], wordPairs: [R, R][] = [], whole: (text: string) => boolean = () => false): Slot[] {
  const out: Slot[] = [];
  for (const s of slots) {
    // A slot that is one thing as a whole ("Woonsocket, RI") is not cut.
    if (whole(s.text)) {
      out.push(s);
      continue;
    }
    // Every place the slot could be cut; the cut with the clearest evidence on both sides wins.
    let best: { margin: number; left: string; right: string; at: number } | null = null;
    // (Of two word cuts, the one whose right side holds no further cut: "Bachelor of Science in Nursing | from
    // Johns Hopkins University", not "Bachelor of Science | in Nursing from Johns Hopkins University".)
    const nested = (right: string): number => (/\s(?:in|for|[Ff]rom|[Aa]t)\s+\p{Lu}/u.test(right) ? 0.05 : 0);
    for (const m of s.text.matchAll(CUTS)) {
      if (m.index === s.inName) continue;
      const left = s.text.slice(0, m.index);
      const right = s.text.slice(m.index + m[0].length);
      if (!left.trim() || !right.trim()) continue;
      // (After an abbreviation, only where the rest is one field: "B.S. Journalism, Washington University" is
      // cut at its comma.)
      if (m[0].trim() === '' && right.includes(',')) continue;
      const l = score(left, s);
      const r = score(right, s);
      // " in ", " for ", " from " and " as " join many other things ("Diploma in Nursing", "Known as Max"):
      // for them only a cut with plain evidence on both sides, "Analyst in Acme Ltd", "Acme Ltd as a Senior
      // Analyst", "B.Com from Vivekananda College".
      const weak = /^\s+(in|for|from|as)\s/.exec(m[0].toLowerCase())?.[1] ?? (/^\s+$/.test(m[0]) ? 'stop' : undefined);
      const candidates = m[0].includes(',') ? pairs : weak === 'as' ? wordPairs.map(([a, b]): [R, R] => [b, a]) : wordPairs;
      for (const [a, b] of candidates) {
        if (weak) {
          const margin = Math.min(l[a] - l[b], r[b] - r[a]);
          // "INFOSYS as Process Associate", "Oceanic Consultants as a HR Executive": after " as ", a plain job
          // title; before it, a capitalised name that may be an employer, even one with a title's word, but is
          // no job title itself ("Agency Nurse as Charge Nurse").
          const named = weak === 'as' && r[b] >= 0.8 && r[b] - r[a] >= 0.5 && l[a] >= 0.2 && l[b] < 0.45 && capitalised(left);
          if (((l[a] >= 0.45 && r[b] >= 0.45 && margin > 0.2) || named) && (!best || margin - nested(right) > best.margin)) best = { margin: margin - nested(right), left, right, at: m.index + m[0].length };
          continue;
        }
        // Each half must clearly be one thing, and not the same thing; or one half must be very clearly
        // one thing and the other lean the other way ("Demi Chef de Partie, Groupe Barrière").
        const margin = Math.min(l[a] - l[b], r[b] - r[a]);
        const clear = l[a] >= 0.4 && r[b] >= 0.4 && margin > 0.15;
        const lopsided = margin > 0.05 && Math.max(l[a] - l[b], r[b] - r[a]) >= 0.45;
        // " at " itself says "title at employer": the left side need only lean that way.
        const worded = !m[0].includes(',') && l[a] > l[b] && (l[a] >= 0.3 || r[b] - r[a] >= 0.3);
        // "Engineering Cadet, Suncor Energy": one side is plainly the one thing, the other is much less so
        // and shows a little of the other thing.
        const plain = r[b] >= 0.7 && r[b] - r[a] >= 0.5 && l[b] <= r[b] - 0.3 && l[a] >= 0.1 && left.trim().split(/\s+/).length >= 2;
        if ((clear || lopsided || worded || plain) && (!best || margin > best.margin)) best = { margin, left, right, at: m.index + m[0].length };
      }
    }
    if (best) {
      // The halves' offsets differ from the whole's: the note of where a name's comma sits stays behind.
      const { inName: _, ...rest } = s;
      out.push({ ...rest, text: best.left });
      out.push({ ...rest, text: best.right, start: s.start + best.at, piece: s.piece + 0.5 });
    } else out.push(s);
  }
  return out;
}

const shapeOf = (slots: Slot[]): string => {
  const perLine = new Map<number, number>();
  for (const s of slots) perLine.set(s.line, (perLine.get(s.line) ?? 0) + 1);
  return [...perLine.entries()].map(([l, n]) => `${l}:${n}`).join(',');
};
const positionOf = (slots: Slot[], s: Slot): string => {
  const sameLine = slots.filter((t) => t.line === s.line);
  return `${s.line}.${sameLine.indexOf(s)}`;
};

/**
 * Assigns roles to the slots of every entry of a section; each role is given at most once per entry.
 */
export function assignRoles<R extends string>(entries: Slot[][], roles: R[], score: Scorer<R>, weightOwn = 0.55, vetoed: R[] = []): Map<Slot, R>[] {
  const own = entries.map((slots) => slots.map((s) => score(s.text, s)));
  // Average scores per (shape, position).
  const sums = new Map<string, { n: number; v: Record<string, number> }>();
  entries.forEach((slots, e) => {
    const shape = shapeOf(slots);
    slots.forEach((s, k) => {
      const key = `${shape}|${positionOf(slots, s)}`;
      const acc = sums.get(key) ?? { n: 0, v: {} };
      acc.n++;
      for (const r of roles) acc.v[r] = (acc.v[r] ?? 0) + own[e]![k]![r];
      sums.set(key, acc);
    });
  });
  return entries.map((slots, e) => {
    const shape = shapeOf(slots);
    const blended = slots.map((s, k) => {
      const acc = sums.get(`${shape}|${positionOf(slots, s)}`)!;
      const v = {} as Record<R, number>;
      const w = acc.n > 1 ? weightOwn : 1;
      for (const r of roles) v[r] = w * own[e]![k]![r] + (1 - w) * (acc.v[r]! / acc.n);
      return v;
    });
    const pairs: [number, Slot, R][] = [];
    slots.forEach((s, k) => roles.forEach((r) => pairs.push([blended[k]![r], s, r])));
    pairs.sort((a, b) => b[0] - a[0]);
    const result = new Map<Slot, R>();
    const usedRoles = new Set<R>();
    for (const [v, s, r] of pairs) {
      if (v <= 0.05 || result.has(s) || usedRoles.has(r)) continue;
      // For the `vetoed` roles, a slot its own scorer ruled out (a score of 0: a sentence, a label) does not
      // get the role from the section's vote.
      if (vetoed.includes(r) && own[entries.indexOf(slots)]![slots.indexOf(s)]![r] <= 0) continue;
      result.set(s, r);
      usedRoles.add(r);
    }
    return result;
  });
}
