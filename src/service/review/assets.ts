/**
 * The review page's bundled script and style sheet: built by `npm run build:web` (scripts/build-web.mjs) from
 * web/review/ and committed, so that a plain `npm install` serves the page without a build step. Read once.
 */
import { readFile } from 'node:fs/promises';

const DIR = new URL('./assets/', import.meta.url);
const TYPES: Record<string, string> = {
  'review.js': 'text/javascript; charset=utf-8',
  'review.css': 'text/css; charset=utf-8',
};
const cache = new Map<string, Promise<Buffer>>();

/** A known asset's bytes and type; null for any other name (no path is ever built from the request). */
export async function reviewAsset(name: string): Promise<{ body: Buffer; type: string } | null> {
  const type = TYPES[name];
  if (!type) return null;
  if (!cache.has(name)) cache.set(name, readFile(new URL(name, DIR)));
  return { body: await cache.get(name)!, type };
}
