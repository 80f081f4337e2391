/**
 * `ServiceConfig` from command-line flags, then `VITAE_*` environment variables, then defaults.
 * Pure: the environment is a parameter. Every mistake is a `ConfigError` naming the variable at fault.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ServiceConfig } from './contract.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;
type Kind = 'string' | 'nullableString' | 'integer' | 'boolean';

/** Every setting: its environment variable and how to read it. `dataDir` and `databaseUrl` are derived below. */
const SETTINGS: { [K in keyof ServiceConfig]: { env: string; kind: Kind } } = {
  dataDir: { env: 'VITAE_DATA_DIR', kind: 'string' },
  databaseUrl: { env: 'VITAE_DATABASE_URL', kind: 'string' },
  port: { env: 'VITAE_PORT', kind: 'integer' },
  host: { env: 'VITAE_HOST', kind: 'string' },
  publicUrl: { env: 'VITAE_PUBLIC_URL', kind: 'nullableString' },
  workers: { env: 'VITAE_WORKERS', kind: 'integer' },
  parseTimeoutMs: { env: 'VITAE_PARSE_TIMEOUT_MS', kind: 'integer' },
  workerMemoryMb: { env: 'VITAE_WORKER_MEMORY_MB', kind: 'integer' },
  maxUploadBytes: { env: 'VITAE_MAX_UPLOAD_BYTES', kind: 'integer' },
  maxPages: { env: 'VITAE_MAX_PAGES', kind: 'integer' },
  waitTimeoutMs: { env: 'VITAE_WAIT_TIMEOUT_MS', kind: 'integer' },
  allowPrivateUrls: { env: 'VITAE_ALLOW_PRIVATE_URLS', kind: 'boolean' },
  urlTimeoutMs: { env: 'VITAE_URL_TIMEOUT_MS', kind: 'integer' },
  rejectDuplicatesDefault: { env: 'VITAE_REJECT_DUPLICATES', kind: 'boolean' },
  highPriorityPerMinute: { env: 'VITAE_HIGH_PRIORITY_PER_MINUTE', kind: 'integer' },
  rateLimitPerMinute: { env: 'VITAE_RATE_LIMIT_PER_MINUTE', kind: 'integer' },
  maxQueued: { env: 'VITAE_MAX_QUEUED', kind: 'integer' },
  secret: { env: 'VITAE_SECRET', kind: 'nullableString' },
  linkTtlSeconds: { env: 'VITAE_LINK_TTL_SECONDS', kind: 'integer' },
  logLevel: { env: 'VITAE_LOG_LEVEL', kind: 'string' },
  queue: { env: 'VITAE_QUEUE', kind: 'string' },
  pdfRendition: { env: 'VITAE_PDF_RENDITION', kind: 'string' },
};

/** Defaults (Affinda's limits where it has them: 20 MB, 20 pages parsed, a minute of `wait`). */
function defaults(): Omit<ServiceConfig, 'databaseUrl'> {
  return {
    dataDir: './vitae-data',
    port: 8080,
    host: '127.0.0.1',
    publicUrl: null,
    workers: Math.max(1, availableParallelism() - 1),
    parseTimeoutMs: 60_000,
    workerMemoryMb: 1024,
    maxUploadBytes: 20 * 1024 * 1024,
    maxPages: 20,
    waitTimeoutMs: 60_000,
    allowPrivateUrls: false,
    urlTimeoutMs: 30_000,
    rejectDuplicatesDefault: false,
    highPriorityPerMinute: 0,
    rateLimitPerMinute: 0,
    maxQueued: 0,
    secret: null,
    linkTtlSeconds: 24 * 60 * 60,
    logLevel: 'info',
    queue: 'auto',
    pdfRendition: 'auto',
  };
}

/** Settings that must be at least 1 (the rest may be 0: `workers` = API only; `highPriorityPerMinute`, `rateLimitPerMinute`, `maxQueued` = no limit). */
const POSITIVE: Array<keyof ServiceConfig> = ['port', 'parseTimeoutMs', 'workerMemoryMb', 'maxUploadBytes', 'maxPages', 'urlTimeoutMs', 'linkTtlSeconds'];
/** A shorter secret is guessable offline from one signed link. */
const MIN_SECRET_LENGTH = 32;

export function loadConfig(flags: Partial<ServiceConfig> = {}, env: Env = process.env): ServiceConfig {
  const fromEnv: Partial<Record<keyof ServiceConfig, unknown>> = {};
  for (const [key, { env: name, kind }] of Object.entries(SETTINGS) as Array<[keyof ServiceConfig, { env: string; kind: Kind }]>) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') fromEnv[key] = readValue(name, kind, raw);
  }
  const merged = { ...defaults(), ...fromEnv, ...definedOnly(flags) } as Omit<ServiceConfig, 'databaseUrl'> & { databaseUrl?: string };
  for (const key of POSITIVE) {
    if (!((merged[key] as number) >= 1)) throw new ConfigError(`${key} (${SETTINGS[key].env}) must be at least 1, got ${merged[key]}.`);
  }
  for (const key of ['workers', 'waitTimeoutMs', 'highPriorityPerMinute', 'rateLimitPerMinute', 'maxQueued'] as const) {
    if (!Number.isSafeInteger(merged[key]) || merged[key] < 0) throw new ConfigError(`${key} (${SETTINGS[key].env}) must be 0 or more, got ${merged[key]}.`);
  }
  if (merged.secret !== null && merged.secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`secret (VITAE_SECRET) must be at least ${MIN_SECRET_LENGTH} characters, got ${merged.secret.length}.`);
  }
  if (merged.pdfRendition !== 'auto' && merged.pdfRendition !== 'off') {
    throw new ConfigError(`pdfRendition (VITAE_PDF_RENDITION) must be auto or off, got "${merged.pdfRendition}".`);
  }
  const databaseUrl = merged.databaseUrl ?? `sqlite:${path.join(merged.dataDir, 'vitae.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(`databaseUrl (VITAE_DATABASE_URL) must start with sqlite: or postgres://, got "${databaseUrl}".`);
  }
  if (!['auto', 'embedded', 'pg-boss'].includes(merged.queue)) {
    throw new ConfigError(`queue (VITAE_QUEUE) must be auto, embedded or pg-boss, got "${merged.queue}".`);
  }
  if (merged.queue === 'pg-boss' && databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError('queue (VITAE_QUEUE) pg-boss needs a PostgreSQL database (VITAE_DATABASE_URL=postgres://…).');
  }
  return { ...merged, databaseUrl };
}

function readValue(name: string, kind: Kind, raw: string): unknown {
  switch (kind) {
    case 'string':
    case 'nullableString':
      return raw;
    case 'integer': {
      if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}".`);
      return Number(raw.trim());
    }
    case 'boolean':
      return parseBoolean(name, raw);
  }
}

/** true/false/1/0 in any case, as the Affinda clients and shells write them. */
export function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true, false, 1 or 0, got "${raw}".`);
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
