/** The end-of-run summary of `vitae parse`, for stderr. */

/** Failures listed one by one; the rest are only counted. */
const LISTED_FAILURES = 20;

/** "unsupported_file_type 2, processing_timeout 1": how many documents failed with each error code. */
export function countCodes(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ${n}`).join(', ');
}

export function summary(documents: number, failures: Array<{ file: string; code: string }>, skipped: number, seconds: number): string {
  const codes = failures.length > 0 ? ` (${countCodes(failures.map((f) => f.code))})` : '';
  const lines = [
    `vitae parse: ${documents} document${documents === 1 ? '' : 's'}, ${documents - failures.length} succeeded, ` +
      `${failures.length} failed${codes}, ${skipped} skipped; ${seconds.toFixed(2)} s, ${(documents / Math.max(seconds, 1e-3)).toFixed(1)} docs/s`,
    ...failures.slice(0, LISTED_FAILURES).map(({ file, code }) => `  failed: ${file} (${code})`),
  ];
  if (failures.length > LISTED_FAILURES) lines.push(`  … and ${failures.length - LISTED_FAILURES} more failed`);
  return lines.join('\n') + '\n';
}
