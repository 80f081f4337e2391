/** The options of `vitae parse`, validated into settings; every mistake is a UsageError. */
import { availableParallelism } from 'node:os';
import type { ParseOptions } from '../pipeline/doc.ts';
import type { RegionBias } from '../affinda/types.ts';
import { parseCommandLine, positiveInteger, UsageError } from './usage.ts';

export const DEFAULT_TIMEOUT_MS = 60_000;

export const OPTIONS = {
  out: { type: 'string', short: 'o' },
  ndjson: { type: 'boolean', default: false },
  pretty: { type: 'boolean', default: false },
  format: { type: 'string', default: 'affinda' },
  concurrency: { type: 'string', short: 'j' },
  timeout: { type: 'string' },
  language: { type: 'string' },
  'region-bias': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface ParseSettings {
  inputs: string[];
  help: boolean;
  out: string | undefined;
  ndjson: boolean;
  pretty: boolean;
  /** `affinda`: the Affinda v2 Resume; `json-resume`: a JSON Resume document (a failure keeps Affinda's `error`). */
  format: OutputFormat;
  concurrency: number;
  timeoutMs: number;
  /** Passed to parseResume for every document (plus its file name). */
  options: ParseOptions;
}

export function readSettings(args: string[]): ParseSettings {
  const { values, positionals } = parseCommandLine({ args, options: OPTIONS, allowPositionals: true });
  const settings: ParseSettings = {
    inputs: positionals,
    help: values.help,
    out: values.out,
    ndjson: values.ndjson,
    pretty: values.pretty,
    format: outputFormat(values.format),
    concurrency: values.concurrency === undefined ? availableParallelism() : positiveInteger('concurrency', values.concurrency),
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : positiveInteger('timeout', values.timeout),
    options: {},
  };
  if (settings.help) return settings;
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to parse.');
  if (settings.ndjson && settings.out !== undefined) throw new UsageError('--ndjson prints to stdout; it cannot be combined with --out.');
  if (settings.ndjson && settings.pretty) throw new UsageError('--ndjson writes one document per line; it cannot be combined with --pretty.');
  if (values.language !== undefined) {
    if (!/^[a-z]{2}$/i.test(values.language)) throw new UsageError(`--language takes an ISO 639-1 code such as "en", got "${values.language}".`);
    settings.options.language = values.language.toLowerCase();
  }
  if (values['region-bias'] !== undefined) settings.options.regionBias = regionBias(values['region-bias']);
  return settings;
}

export type OutputFormat = 'affinda' | 'json-resume';

function outputFormat(value: string): OutputFormat {
  if (value !== 'affinda' && value !== 'json-resume') throw new UsageError(`--format must be affinda or json-resume, got "${value}".`);
  return value;
}

const REGION_BIAS_FIELDS: Record<keyof RegionBias, (value: unknown) => boolean> = {
  country: (v) => typeof v === 'string',
  countries: (v) => Array.isArray(v) && v.every((c) => typeof c === 'string'),
  squareCoordinates: (v) => Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number'),
  strict: (v) => typeof v === 'boolean',
};

/** Affinda's regionBias object: {country?, countries?, squareCoordinates? [4 numbers], strict?}. */
function regionBias(json: string): RegionBias {
  const example = `e.g. '{"country":"au"}' or '{"countries":["gb","ie"],"strict":true}'`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UsageError(`--region-bias must be a JSON object, ${example}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--region-bias must be a JSON object, ${example}.`);
  for (const [key, field] of Object.entries(value)) {
    const check = Object.hasOwn(REGION_BIAS_FIELDS, key) ? REGION_BIAS_FIELDS[key as keyof RegionBias] : undefined;
    if (!check) throw new UsageError(`--region-bias: unknown field "${key}" (fields: ${Object.keys(REGION_BIAS_FIELDS).join(', ')}).`);
    if (!check(field)) throw new UsageError(`--region-bias: "${key}" has the wrong type, ${example}.`);
  }
  return value as RegionBias;
}
