/**
 * Opens the database named by `databaseUrl` — `sqlite:<path>` (better-sqlite3) or `postgres://…` (pg Pool) — as
 * one Kysely instance, and brings its schema up to date. Everything above this file is dialect-blind except
 * the job claim, which needs `FOR UPDATE SKIP LOCKED` on PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';
import { migrate } from './migrations.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Schema>;
  dialect: Dialect;
}

export async function openDatabase(databaseUrl: string): Promise<Db> {
  const db = databaseUrl.startsWith('sqlite:') ? openSqlite(databaseUrl.slice('sqlite:'.length)) : openPostgres(databaseUrl);
  try {
    await migrate(db.kysely, db.dialect);
  } catch (err) {
    await db.kysely.destroy();
    throw err;
  }
  return db;
}

function openSqlite(file: string): Db {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  // WAL lets readers (other processes: `vitae keys`, a second server) work while a writer commits;
  // busy_timeout makes a writer wait for another process's lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return { kysely: new Kysely<Schema>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, an administrator) must not crash the process: the
  // pool discards it and the next query connects afresh. Errors of queries still reach their callers.
  pool.on('error', () => {});
  // The same for a connection that is checked out but between statements (inside a transaction, say) when the
  // server drops it: node-postgres emits 'error' on the client, which with no listener would end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  return { kysely: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}

/** Unique-constraint violations, as each driver reports them. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
