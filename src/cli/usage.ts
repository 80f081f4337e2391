/** What every command shares: exit codes, usage errors, and option parsing that reports them. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, documentFailed: 1, usage: 2 } as const;

/** A mistake on the command line. `main` prints it with a pointer to `--help` and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  name: string;
  /** One line for `vitae --help`. */
  summary: string;
  load(): Promise<{ run(args: string[]): Promise<number> }>;
}

/** `parseArgs` (strict by default) with its errors (unknown option, missing value…) turned into usage errors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function positiveInteger(option: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${option} must be a positive integer, got "${value}".`);
  return n;
}
