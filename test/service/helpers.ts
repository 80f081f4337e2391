/**
 * Real databases for the service tests: a SQLite file in a temp folder, or a fresh PostgreSQL database on the
 * machine's server (127.0.0.1:5432, user postgres) made with CREATE DATABASE and dropped afterwards. If
 * PostgreSQL is unreachable, the PostgreSQL tests fail: they are never skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/service/config.ts';
import type { ServiceConfig, Workspace } from '../../src/service/contract.ts';
import { LOCAL_POSTGRES, scratchDatabase } from '../fixtures/scratch-database.ts';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

const PG_ADMIN = process.env.VITAE_TEST_PG ?? LOCAL_POSTGRES;

export interface TestDatabase {
  config: ServiceConfig;
  cleanup(): Promise<void>;
}

export async function testDatabase(backend: Backend, overrides: Partial<ServiceConfig> = {}): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-service-'));
  let dropDatabase = async () => {};
  let databaseUrl = `sqlite:${path.join(dataDir, 'vitae.db')}`;
  if (backend === 'postgres') {
    const database = await scratchDatabase('vitae_test', PG_ADMIN);
    databaseUrl = database.url;
    dropDatabase = database.drop;
  }
  // No PDF renditions unless a test asks (renditions.test.ts): each is a 5-second LibreOffice run after the document is ready.
  const config = loadConfig({ dataDir, databaseUrl, workers: 1, parseTimeoutMs: 30_000, pdfRendition: 'off', ...overrides }, {});
  return {
    config,
    async cleanup() {
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small plain-text résumé; `tag` makes the bytes unique. */
export function resumeText(tag = ''): Uint8Array {
  return new TextEncoder().encode(`Jordan A. Blake
jordan.blake@example.com | (503) 555-0199 | Portland, OR

EXPERIENCE
Senior Software Engineer | Mar 2021 – Present
Northwind Freight Systems, Portland, OR
• Built the shipment tracking services in Go and PostgreSQL.

EDUCATION
B.S. in Computer Science | Sep 2011 – Jun 2015
Oregon State University, Corvallis, OR

SKILLS
Go, PostgreSQL, TypeScript, Kubernetes
${tag}
`);
}

export const STAND_IN_WORKER = new URL('./fixtures/stand-in-worker.mjs', import.meta.url);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export type { Workspace };
