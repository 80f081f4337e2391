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
 * every process of the deployment. One statement: the task's last-run stamp is inserted on the first turn ever,
 * or moved forward if it is older than the interval; the caller whose statement wrote a row has the turn.
 */
export async function claimTurn(db: Kysely<Schema>, name: string, intervalMs: number, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('settings')
    .values({ name, value: now.toISOString() })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ value: now.toISOString() })
        .where('settings.value', '<=', new Date(now.getTime() - intervalMs).toISOString()),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}
