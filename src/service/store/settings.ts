/**
 * Values a deployment shares through its database (every API and worker process of one database sees the
 * same), made once by whichever process first needs one.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

/** The setting's value, made by `generate` and stored if it has none yet; concurrent first calls agree on one. */
export async function sharedSetting(db: Kysely<Schema>, name: string, generate: () => string): Promise<string> {
  const existing = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.value;
  // Two processes starting at once both get here: the first insert wins, and both read it back.
  await db.insertInto('settings').values({ name, value: generate() }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Whether this process may run the periodic task `name` now: true for exactly one caller per `intervalMs` across
 * every process of the deployment (a conditional update of the task's last-run stamp; the one that moved it wins).
 */
export async function claimTurn(db: Kysely<Schema>, name: string, intervalMs: number, now = new Date()): Promise<boolean> {
  await sharedSetting(db, name, () => new Date(0).toISOString());
  const result = await db
    .updateTable('settings')
    .set({ value: now.toISOString() })
    .where('name', '=', name)
    .where('value', '<=', new Date(now.getTime() - intervalMs).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
