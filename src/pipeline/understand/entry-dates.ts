/**
 * Turns an entry's date range into Affinda's date objects, with "Present" read against the reference date.
 */
import type { EducationDates, WorkDates } from '../../affinda/types.ts';
import type { Entry } from './entries.ts';
import { monthsInPosition, toIsoDate, type PartialDate } from './dates.ts';

const monthIndex = (d: PartialDate): number => d.year * 12 + ((d.month ?? 1) - 1);
const fromDate = (d: Date): PartialDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: null });

export function datesOf(entry: Entry, reference: Date): WorkDates | null {
  const r = entry.dates;
  if (!r || (!r.start && !r.end)) return null;
  const start = r.start ?? (r.single ? r.end : null);
  const end = r.isCurrent ? null : r.single ? null : r.end;
  return {
    startDate: start ? toIsoDate(start, { monthOnly: true }) : null,
    endDate: end ? toIsoDate(end, { monthOnly: true }) : null,
    monthsInPosition: start ? monthsInPosition(r, reference) : null,
    isCurrent: r.isCurrent,
    rawText: r.raw,
  };
}

export function educationDatesOf(entry: Entry): EducationDates | null {
  const r = entry.dates;
  if (!r) return null;
  // A single date on a school entry is when it was completed ("2019", "Expected May 2027").
  const completion = r.single ? (r.start ?? r.end) : r.end;
  const start = r.single ? null : r.start;
  return {
    startDate: start ? toIsoDate(start, { monthOnly: true }) : null,
    completionDate: completion ? toIsoDate(completion, { monthOnly: true }) : null,
    isCurrent: r.isCurrent || r.expected,
    rawText: r.raw,
  };
}

/** [start, end) in months since year 0, for summing experience; null when the entry has no start. */
export function monthsOf(dates: WorkDates | null, reference: Date): [number, number] | null {
  if (!dates?.startDate) return null;
  const parse = (iso: string): PartialDate => ({ year: +iso.slice(0, 4), month: +iso.slice(5, 7), day: null });
  const start = monthIndex(parse(dates.startDate));
  const end = dates.isCurrent || !dates.endDate ? monthIndex(fromDate(reference)) : monthIndex(parse(dates.endDate));
  return end > start ? [start, end] : null;
}
