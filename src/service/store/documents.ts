/** Document rows: the queries the service needs, dialect-blind. Expired documents are invisible to readers. */
import type { Kysely } from 'kysely';
import type { DocumentKind, DocumentsTable, Schema } from './schema.ts';

export type DocumentRow = DocumentsTable;

/**
 * Visible = in the workspace, of the kind asked for (each API sees only its own), and not past its expiry time
 * (the sweeper deletes it a little later).
 */
function visible(db: Kysely<Schema>, workspaceId: string, now: string, kind: DocumentKind = 'resume') {
  return db
    .selectFrom('documents')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('expiry_time', 'is', null), eb('expiry_time', '>', now)]));
}

export async function insertDocument(db: Kysely<Schema>, row: DocumentRow): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function identifierExists(db: Kysely<Schema>, identifier: string): Promise<boolean> {
  return (await db.selectFrom('documents').select('identifier').where('identifier', '=', identifier).executeTakeFirst()) !== undefined;
}

export async function findDocument(db: Kysely<Schema>, workspaceId: string, identifier: string, kind: DocumentKind = 'resume'): Promise<DocumentRow | undefined> {
  return visible(db, workspaceId, new Date().toISOString(), kind).selectAll().where('identifier', '=', identifier).executeTakeFirst();
}

/** For the job runner, which works across workspaces. */
export async function documentById(db: Kysely<Schema>, identifier: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('identifier', '=', identifier).executeTakeFirst();
}

export interface ListFilter {
  offset: number;
  limit: number;
  customIdentifier?: string;
  /** Which kind of document is listed (default `resume`). */
  kind?: DocumentKind;
}

/** Newest first; equal timestamps by identifier, so pages never overlap or skip. */
export async function listDocuments(db: Kysely<Schema>, workspaceId: string, filter: ListFilter): Promise<{ count: number; rows: DocumentRow[] }> {
  const now = new Date().toISOString();
  let query = visible(db, workspaceId, now, filter.kind);
  if (filter.customIdentifier !== undefined) query = query.where('custom_identifier', '=', filter.customIdentifier);
  const [{ count }] = (await query.select((eb) => eb.fn.countAll().as('count')).execute()) as [{ count: number | string | bigint }];
  const rows = await query.selectAll().orderBy('created_dt', 'desc').orderBy('identifier').offset(filter.offset).limit(filter.limit).execute();
  return { count: Number(count), rows };
}

/** The oldest document of the workspace with these bytes, other than `exceptIdentifier`. */
export async function findDuplicate(db: Kysely<Schema>, workspaceId: string, sha256: string, exceptIdentifier: string): Promise<string | null> {
  const row = await db
    .selectFrom('documents')
    .select('identifier')
    .where('workspace_id', '=', workspaceId)
    .where('sha256', '=', sha256)
    .where('identifier', '!=', exceptIdentifier)
    .orderBy('created_dt')
    .orderBy('identifier')
    .executeTakeFirst();
  return row?.identifier ?? null;
}

/** High-priority parses the workspace asked for since `since`, and when the oldest of them was. */
export async function highPrioritySince(db: Kysely<Schema>, workspaceId: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('created_dt').as('oldest')])
    .where('workspace_id', '=', workspaceId)
    .where('low_priority', '=', 0)
    // Parses only: data-only documents (no bytes, no URL) take no queue time.
    .where((eb) => eb.or([eb('sha256', 'is not', null), eb('source_url', 'is not', null)]))
    .where('created_dt', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest as string | null };
}

export async function updateDocument(db: Kysely<Schema>, identifier: string, changes: Partial<DocumentRow>): Promise<void> {
  await db.updateTable('documents').set(changes).where('identifier', '=', identifier).execute();
}

export async function deleteDocument(db: Kysely<Schema>, identifier: string): Promise<void> {
  await db.deleteFrom('jobs').where('document_id', '=', identifier).execute();
  await db.deleteFrom('documents').where('identifier', '=', identifier).execute();
}

export async function expiredDocuments(db: Kysely<Schema>, now: string, limit: number): Promise<Array<Pick<DocumentRow, 'identifier' | 'workspace_id'>>> {
  return db.selectFrom('documents').select(['identifier', 'workspace_id']).where('expiry_time', '<=', now).limit(limit).execute();
}
