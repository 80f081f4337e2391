/**
 * Search tables (migration 0004_search): indices per workspace, their documents, and each indexed résumé's
 * projection. Dialect-blind Kysely, like store/documents.ts. The candidate query of a search is one SELECT
 * joining membership, document visibility and projection; the search expression's text column is read only
 * when asked for, and required years or places narrow the rows in SQL.
 */
import type { Kysely } from 'kysely';
import type { ResumeData } from '../../affinda/types.ts';
import type { Schema, SearchIndicesTable } from '../store/schema.ts';
import { PROJECTION_VERSION, projectResume, searchText, type SearchProjection } from './projection.ts';

export type IndexRow = SearchIndicesTable;

export async function findIndex(db: Kysely<Schema>, workspaceId: string, name: string): Promise<IndexRow | undefined> {
  return db.selectFrom('search_indices').selectAll().where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
}

export async function findIndices(db: Kysely<Schema>, workspaceId: string, names: string[]): Promise<IndexRow[]> {
  if (!names.length) return [];
  return db.selectFrom('search_indices').selectAll().where('workspace_id', '=', workspaceId).where('name', 'in', names).execute();
}

export async function listIndices(
  db: Kysely<Schema>,
  workspaceId: string,
  filter: { offset: number; limit: number; documentType?: string; name?: string },
): Promise<{ count: number; rows: IndexRow[] }> {
  let query = db.selectFrom('search_indices').where('workspace_id', '=', workspaceId);
  if (filter.documentType !== undefined) query = query.where('document_type', '=', filter.documentType);
  if (filter.name !== undefined) query = query.where('name', '=', filter.name);
  const { count } = (await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()) as { count: number | string | bigint };
  const rows = await query.selectAll().orderBy('created_dt').orderBy('name').offset(filter.offset).limit(filter.limit).execute();
  return { count: Number(count), rows };
}

export async function insertIndex(db: Kysely<Schema>, row: IndexRow): Promise<void> {
  await db.insertInto('search_indices').values(row).execute();
}

export async function renameIndex(db: Kysely<Schema>, id: string, name: string): Promise<void> {
  await db.updateTable('search_indices').set({ name }).where('id', '=', id).execute();
}

export async function deleteIndex(db: Kysely<Schema>, id: string): Promise<void> {
  // Explicitly, not only by cascade: a PostgreSQL database migrated by hand might lack the foreign key's action.
  await db.deleteFrom('search_index_documents').where('index_id', '=', id).execute();
  await db.deleteFrom('search_indices').where('id', '=', id).execute();
}

/** The visible documents of an index (an expired one leaves it before the sweeper deletes it), oldest member first. */
export async function listIndexDocuments(db: Kysely<Schema>, indexId: string, page: { offset: number; limit: number }): Promise<{ count: number; documents: string[] }> {
  const now = new Date().toISOString();
  const query = db
    .selectFrom('search_index_documents as m')
    .innerJoin('documents as d', 'd.identifier', 'm.document_id')
    .where('m.index_id', '=', indexId)
    .where((eb) => eb.or([eb('d.expiry_time', 'is', null), eb('d.expiry_time', '>', now)]));
  const { count } = (await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()) as { count: number | string | bigint };
  const rows = await query.select('m.document_id as document_id').orderBy('m.created_dt').orderBy('m.document_id').offset(page.offset).limit(page.limit).execute();
  return { count: Number(count), documents: rows.map((r) => r.document_id) };
}

export async function isMember(db: Kysely<Schema>, indexId: string, documentId: string): Promise<boolean> {
  const row = await db.selectFrom('search_index_documents').select('document_id').where('index_id', '=', indexId).where('document_id', '=', documentId).executeTakeFirst();
  return row !== undefined;
}

export async function addMember(db: Kysely<Schema>, indexId: string, documentId: string): Promise<void> {
  await db.insertInto('search_index_documents').values({ index_id: indexId, document_id: documentId, created_dt: new Date().toISOString() }).execute();
}

export async function removeMember(db: Kysely<Schema>, indexId: string, documentId: string): Promise<number> {
  const result = await db.deleteFrom('search_index_documents').where('index_id', '=', indexId).where('document_id', '=', documentId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The projection row of a résumé's data. */
export function projectionRow(documentId: string, data: ResumeData) {
  const projection = projectResume(data);
  return {
    document_id: documentId,
    version: PROJECTION_VERSION,
    projection: JSON.stringify(projection),
    text: searchText(data),
    years: projection.years,
    latitude: projection.location?.latitude ?? null,
    longitude: projection.location?.longitude ?? null,
    updated_dt: new Date().toISOString(),
  };
}

/** Writes (or rewrites) a résumé's projection; returns it as `loadProjections` would. */
export async function writeProjection(db: Kysely<Schema>, documentId: string, data: ResumeData): Promise<StoredProjection> {
  const row = projectionRow(documentId, data);
  const { document_id: _, ...changes } = row;
  await db
    .insertInto('search_projections')
    .values(row)
    .onConflict((oc) => oc.column('document_id').doUpdateSet(changes))
    .execute();
  return { stamp: `${row.version}:${row.updated_dt}`, projection: JSON.parse(row.projection) as SearchProjection, text: row.text };
}

/** Rewrites a résumé's projection if it has one (it is in an index); others get theirs when indexed. */
export async function refreshProjection(db: Kysely<Schema>, documentId: string, data: ResumeData | null): Promise<void> {
  if (!data) {
    await db.deleteFrom('search_projections').where('document_id', '=', documentId).execute();
    return;
  }
  const { document_id: _, ...changes } = projectionRow(documentId, data);
  await db.updateTable('search_projections').set(changes).where('document_id', '=', documentId).execute();
}

export interface CandidateFilter {
  /** Required years: only résumés with years in [min, max]. */
  years?: { min: number | null; max: number | null };
  /** Required places with coordinates: only résumés inside one of these latitude/longitude boxes. */
  boxes?: { minLat: number; maxLat: number; minLon: number; maxLon: number }[];
}

/** A member of the searched indices: its projection's stamp, to tell whether a cached projection is current. */
export interface CandidateStamp {
  identifier: string;
  /** `<version>:<updated_dt>` of its projection, or null when it has none yet (joined before it was parsed). */
  stamp: string | null;
}

/**
 * Every visible document of these indices (once, whichever indices hold it), with its projection's stamp: one
 * query reading only short columns; the projections themselves come from the service's cache or `loadProjections`.
 */
export async function loadCandidates(db: Kysely<Schema>, workspaceId: string, indexIds: string[], filter: CandidateFilter, now: string): Promise<CandidateStamp[]> {
  let query = db
    .selectFrom('search_index_documents as m')
    .innerJoin('documents as d', 'd.identifier', 'm.document_id')
    .leftJoin('search_projections as p', 'p.document_id', 'm.document_id')
    .where('m.index_id', 'in', indexIds)
    .where('d.workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('d.expiry_time', 'is', null), eb('d.expiry_time', '>', now)]));
  const { years, boxes } = filter;
  if (years) {
    // A document not yet projected passes: it is projected and scored in TypeScript, which applies the rule.
    if (years.min != null) query = query.where((eb) => eb.or([eb('p.years', '>=', years.min!), eb('p.document_id', 'is', null)]));
    if (years.max != null) query = query.where((eb) => eb.or([eb('p.years', '<=', years.max!), eb('p.document_id', 'is', null)]));
  }
  if (boxes?.length) {
    query = query.where((eb) =>
      eb.or([
        eb('p.document_id', 'is', null),
        // Without coordinates a résumé is compared by place names, in TypeScript.
        eb('p.latitude', 'is', null),
        ...boxes.map((b) => eb.and([eb('p.latitude', '>=', b.minLat), eb('p.latitude', '<=', b.maxLat), eb('p.longitude', '>=', b.minLon), eb('p.longitude', '<=', b.maxLon)])),
      ]),
    );
  }
  const rows = await query.select(['m.document_id as identifier', 'p.version as version', 'p.updated_dt as updated_dt']).execute();
  const seen = new Set<string>();
  const out: CandidateStamp[] = [];
  for (const row of rows) {
    if (seen.has(row.identifier)) continue;
    seen.add(row.identifier);
    out.push({ identifier: row.identifier, stamp: row.version === PROJECTION_VERSION && row.updated_dt ? `${row.version}:${row.updated_dt}` : null });
  }
  return out;
}

export interface StoredProjection {
  stamp: string;
  projection: SearchProjection;
  text: string | null;
}

/** Projections (and, with `withText`, folded texts) of these documents, by identifier. */
export async function loadProjections(db: Kysely<Schema>, identifiers: string[], withText: boolean): Promise<Map<string, StoredProjection>> {
  const out = new Map<string, StoredProjection>();
  // Chunks keep the IN list within every driver's parameter limit.
  for (let i = 0; i < identifiers.length; i += 1000) {
    const chunk = identifiers.slice(i, i + 1000);
    const base = db.selectFrom('search_projections').where('document_id', 'in', chunk).where('version', '=', PROJECTION_VERSION);
    const rows = withText
      ? await base.select(['document_id', 'version', 'updated_dt', 'projection', 'text']).execute()
      : await base.select(['document_id', 'version', 'updated_dt', 'projection']).execute();
    for (const row of rows as { document_id: string; version: number; updated_dt: string; projection: string; text?: string }[]) {
      out.set(row.document_id, { stamp: `${row.version}:${row.updated_dt}`, projection: JSON.parse(row.projection) as SearchProjection, text: row.text ?? null });
    }
  }
  return out;
}

/** Texts only, for cached projections a search expression now needs. */
export async function loadTexts(db: Kysely<Schema>, identifiers: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < identifiers.length; i += 1000) {
    const rows = await db.selectFrom('search_projections').select(['document_id', 'text']).where('document_id', 'in', identifiers.slice(i, i + 1000)).execute();
    for (const row of rows) out.set(row.document_id, row.text);
  }
  return out;
}

/** The data of parsed documents, to project those that have no (current) projection yet. */
export async function documentData(db: Kysely<Schema>, identifiers: string[]): Promise<Map<string, ResumeData>> {
  const out = new Map<string, ResumeData>();
  // Chunks keep the IN list within every driver's parameter limit.
  for (let i = 0; i < identifiers.length; i += 500) {
    const rows = await db.selectFrom('documents').select(['identifier', 'data']).where('identifier', 'in', identifiers.slice(i, i + 500)).where('data', 'is not', null).execute();
    for (const row of rows) out.set(row.identifier, JSON.parse(row.data!) as ResumeData);
  }
  return out;
}
