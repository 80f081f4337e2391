/** Readers for the dataset formats the build scripts use: O*NET's tab-separated text and ESCO's CSV. */
import fs from 'node:fs';

/** Rows of a tab-separated file with a header line (the header is dropped). */
export function readTsv(file: string): string[][] {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split('\t'));
}

/** Minimal RFC 4180 CSV reader (quoted cells may hold commas and newlines); the header is the first row. */
export function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** A CSV file as objects keyed by its header's column names. */
export function readCsvRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(file);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
