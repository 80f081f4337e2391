/**
 * Workspaces and API keys. A key is `vitae_` + 32 base62 characters (≈190 bits); only its SHA-256 is stored,
 * with a short prefix to tell keys apart. Looking a key up is one indexed equality on the hash.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Workspace } from '../contract.ts';
import type { Schema } from './schema.ts';

const KEY_PREFIX = 'vitae_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** `vitae_` and six random characters: enough to tell keys apart, too few to guess the rest from. */
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 6;

export interface KeyInfo {
  prefix: string;
  workspace: string;
  createdDt: string;
  revokedDt: string | null;
}

export function generateKey(): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let key = KEY_PREFIX;
  while (key.length < KEY_PREFIX.length + 32) {
    for (const byte of randomBytes(40)) if (byte < 248 && key.length < KEY_PREFIX.length + 32) key += BASE62[byte % 62];
  }
  return key;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeKey(value: string): boolean {
  return new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{32}$`).test(value);
}

/** The workspace with this name, created if it does not exist yet. */
export async function ensureWorkspace(db: Kysely<Schema>, name: string): Promise<Workspace> {
  await db
    .insertInto('workspaces')
    .values({ id: randomUUID(), name, created_dt: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return db.selectFrom('workspaces').select(['id', 'name']).where('name', '=', name).executeTakeFirstOrThrow();
}

/** Creates a key for the workspace (created on demand) and returns it: the only time it is ever seen. */
export async function createKey(db: Kysely<Schema>, workspaceName: string): Promise<string> {
  const workspace = await ensureWorkspace(db, workspaceName);
  const key = generateKey();
  await db
    .insertInto('api_keys')
    .values({ hash: hashKey(key), prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), workspace_id: workspace.id, created_dt: new Date().toISOString(), revoked_dt: null })
    .execute();
  return key;
}

export async function listKeys(db: Kysely<Schema>): Promise<KeyInfo[]> {
  const rows = await db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select(['api_keys.prefix', 'workspaces.name', 'api_keys.created_dt', 'api_keys.revoked_dt'])
    .orderBy('api_keys.created_dt')
    .execute();
  return rows.map((r) => ({ prefix: r.prefix, workspace: r.name, createdDt: r.created_dt, revokedDt: r.revoked_dt }));
}

export type RevokeResult = { revoked: string } | { problem: 'not_found' | 'ambiguous' | 'already_revoked' };

/** Revokes the key given in full, or the one key whose display prefix starts with `prefixOrKey`. */
export async function revokeKey(db: Kysely<Schema>, prefixOrKey: string): Promise<RevokeResult> {
  const matches = looksLikeKey(prefixOrKey)
    ? await db.selectFrom('api_keys').select(['hash', 'prefix', 'revoked_dt']).where('hash', '=', hashKey(prefixOrKey)).execute()
    : (await db.selectFrom('api_keys').select(['hash', 'prefix', 'revoked_dt']).execute()).filter((k) => k.prefix.startsWith(prefixOrKey));
  if (matches.length === 0) return { problem: 'not_found' };
  if (matches.length > 1) return { problem: 'ambiguous' };
  const [key] = matches as [(typeof matches)[number]];
  if (key.revoked_dt) return { problem: 'already_revoked' };
  await db.updateTable('api_keys').set({ revoked_dt: new Date().toISOString() }).where('hash', '=', key.hash).execute();
  return { revoked: key.prefix };
}

/** The workspace of a live key, or null. */
export async function workspaceOfKey(db: Kysely<Schema>, key: string): Promise<Workspace | null> {
  if (!looksLikeKey(key)) return null;
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select(['workspaces.id', 'workspaces.name'])
    .where('api_keys.hash', '=', hashKey(key))
    .where('api_keys.revoked_dt', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}
