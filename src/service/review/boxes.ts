/**
 * The value boxes the review page draws (pipeline/provenance.ts), as they stand after the reviewer's edits. Pure.
 *
 * A box shows where a value was printed. Once the value is edited (a PATCH, or a save from the review page) the box
 * may no longer be about it: a job title corrected from "Sales Asociate" to "Sales Associate" is still printed
 * there, but one replaced by another job's title is not, and a text comparison cannot tell those apart reliably.
 * So the rule is strict: a box stays only while the value at its path is exactly what was parsed; an edited value
 * has no box (the page then says nothing rather than pointing at text that no longer says it). One exception
 * keeps boxes through a reorder: an entry moved in its list (jobs moved up or down, a skill removed above
 * another) keeps its boxes at its new place when exactly one entry of that list now holds the parsed value there.
 */
import type { PageSize, ProvenanceRecord, ValueBox } from '../../pipeline/provenance.ts';
import { valueAt } from '../../pipeline/provenance.ts';

/** What the review page's data endpoint adds to the Resume (never part of Affinda's answers). */
export interface ReviewBoxes {
  /** Unit of `boxes` and `pages`: points, top-left origin. */
  unit: 'pt';
  /** Each page's size in that unit, to scale the boxes onto its image whatever the image's pixel size. */
  pages: PageSize[];
  boxes: ValueBox[];
}

/** JSON with keys in order: values read back from JSON and values built by the page compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The path the parsed value at `path` is at now, or null when it is gone (edited, removed, or ambiguous). */
export function currentPath(path: string, parsed: unknown, data: unknown): string | null {
  const want = canonical(parsed);
  if (canonical(valueAt(data, path)) === want) return path;
  // A value inside a list (`workExperience.2.jobTitle`): look along that list for it.
  const parts = path.split('.');
  const at = parts.findIndex((p) => /^\d+$/.test(p));
  if (at < 0) return null;
  const list = valueAt(data, parts.slice(0, at).join('.'));
  if (!Array.isArray(list)) return null;
  const found = list
    .map((_, i) => [...parts.slice(0, at), String(i), ...parts.slice(at + 1)].join('.'))
    .filter((candidate) => canonical(valueAt(data, candidate)) === want);
  return found.length === 1 ? found[0]! : null;
}

/** The record's boxes that still stand for the data (see above), at their values' current paths. */
export function reviewBoxes(record: ProvenanceRecord | null, data: unknown): ReviewBoxes | null {
  if (!record) return null;
  const moved = new Map<string, string | null>();
  const boxes: ValueBox[] = [];
  for (const box of record.boxes) {
    if (!moved.has(box.path)) moved.set(box.path, currentPath(box.path, record.values[box.path], data));
    const path = moved.get(box.path);
    if (path) boxes.push({ ...box, path });
  }
  return { unit: record.unit, pages: record.pages, boxes };
}
