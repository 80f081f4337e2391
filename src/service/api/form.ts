/**
 * The upload form (`CreateResumeMultipartForm`) read into a `NewDocument`, with Affinda's tolerance for
 * what real clients send: booleans as true/false/True/False, `expiryTime` with a space before the time,
 * a `file` part with any name or none, JSON strings for `data` and `regionBias`.
 */
import type { RegionBias, ResumeData } from '../../affinda/types.ts';
import type { NewDocument, ServiceConfig, Workspace } from '../contract.ts';
import { invalid } from './errors.ts';

/** Raw form values as they arrived: text fields, and the file's bytes if one was sent. */
export interface RawForm {
  fields: Map<string, string>;
  file: { bytes: Uint8Array; fileName: string | null } | null;
}

/** "true"/"false" in any case (Python's client sends `str(True)`); nothing else, so typos are not silently false. */
export function parseBoolean(attr: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalid(attr, 'invalid', 'Must be "true" or "false".');
}

/** ISO 8601, also "2030-01-01 00:00:00+00:00" as Python's `str(datetime)` writes it. */
export function parseDateTime(attr: string, raw: string): Date {
  const iso = raw.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(iso) ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw invalid(attr, 'invalid', 'Datetime has wrong format. Use ISO 8601, e.g. 2030-01-01T00:00:00Z.');
  return d;
}

function parseJsonObject(attr: string, raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid(attr, 'invalid', 'Value must be valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(attr, 'invalid', 'Value must be a JSON object.');
  return value as Record<string, unknown>;
}

export function parseRegionBias(raw: string): RegionBias {
  const v = parseJsonObject('regionBias', raw);
  const out: RegionBias = {};
  const fail = (detail: string): never => {
    throw invalid('regionBias', 'invalid', detail);
  };
  for (const key of Object.keys(v)) if (!['country', 'countries', 'squareCoordinates', 'strict'].includes(key)) fail(`Unknown key "${key}".`);
  if (v.country != null) {
    if (typeof v.country !== 'string' || !/^[a-z]{2}$/i.test(v.country)) fail('country must be an ISO 3166-1 alpha-2 code.');
    out.country = (v.country as string).toLowerCase();
  }
  if (v.countries != null) {
    if (!Array.isArray(v.countries) || !v.countries.every((c) => typeof c === 'string' && /^[a-z]{2}$/i.test(c))) fail('countries must be a list of ISO 3166-1 alpha-2 codes.');
    out.countries = (v.countries as string[]).map((c) => c.toLowerCase());
  }
  if (v.squareCoordinates != null) {
    const sc = v.squareCoordinates;
    if (!Array.isArray(sc) || sc.length !== 4 || !sc.every((n) => typeof n === 'number' && Number.isFinite(n))) fail('squareCoordinates must be four numbers.');
    out.squareCoordinates = sc as number[];
  }
  if (v.strict != null) {
    if (typeof v.strict !== 'boolean') fail('strict must be a boolean.');
    out.strict = v.strict as boolean;
  }
  return out;
}

export interface ParsedForm {
  document: NewDocument;
  wait: boolean;
}

/** Validates the form and builds the document the service is asked to accept. */
export function readForm(form: RawForm, workspace: Workspace, config: ServiceConfig): ParsedForm {
  const f = form.fields;
  const text = (k: string): string | undefined => f.get(k);
  const url = text('url')?.trim() || undefined;
  const dataRaw = text('data');
  const sources = [form.file ? 'file' : null, url ? 'url' : null, dataRaw ? 'data' : null].filter(Boolean);
  if (sources.length !== 1) {
    throw invalid('non_field_errors', 'invalid', sources.length ? `Send only one of file, url or data (got ${sources.join(', ')}).` : 'One of file, url or data is required.');
  }
  const identifier = text('identifier')?.trim() || undefined;
  if (identifier !== undefined && identifier.length > 64) throw invalid('identifier', 'max_length', 'Ensure this field has no more than 64 characters.');
  // It becomes a file name in the store: a safe alphabet only.
  if (identifier !== undefined && !/^[A-Za-z0-9_-]+$/.test(identifier)) throw invalid('identifier', 'invalid', 'Use letters, digits, "-" or "_".');
  const language = text('language')?.trim().toLowerCase() || null;
  if (language && !/^[a-z]{2}(-[a-z]{2})?$/.test(language)) throw invalid('language', 'invalid_choice', `"${language}" is not a valid choice.`);
  const lowPriorityRaw = text('lowPriority');
  return {
    wait: parseBoolean('wait', text('wait'), true),
    document: {
      workspace,
      bytes: form.file?.bytes,
      url,
      data: dataRaw ? (parseJsonObject('data', dataRaw) as Partial<ResumeData>) : undefined,
      identifier,
      customIdentifier: text('customIdentifier') || null,
      fileName: text('fileName') || form.file?.fileName || null,
      language,
      expiryTime: text('expiryTime') ? parseDateTime('expiryTime', text('expiryTime')!) : null,
      regionBias: text('regionBias') ? parseRegionBias(text('regionBias')!) : null,
      rejectDuplicates: parseBoolean('rejectDuplicates', text('rejectDuplicates'), config.rejectDuplicatesDefault),
      lowPriority: parseBoolean('lowPriority', lowPriorityRaw, false),
      lowPriorityExplicit: lowPriorityRaw !== undefined && lowPriorityRaw !== '',
    },
  };
}
