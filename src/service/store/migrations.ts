/** Schema migrations, in code (no files to ship), run by Kysely's Migrator at every start. */
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './db.ts';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('workspaces')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('created_dt', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('api_keys')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
          .addColumn('created_dt', 'text', (c) => c.notNull())
          .addColumn('revoked_dt', 'text')
          .execute();
        await db.schema
          .createTable('documents')
          .addColumn('identifier', 'text', (c) => c.primaryKey())
          .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
          .addColumn('custom_identifier', 'text')
          .addColumn('file_name', 'text')
          .addColumn('source_url', 'text')
          .addColumn('sha256', 'text')
          .addColumn('size', 'integer')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_dt', 'text', (c) => c.notNull())
          .addColumn('ready_dt', 'text')
          .addColumn('expiry_time', 'text')
          .addColumn('language', 'text')
          .addColumn('region_bias', 'text')
          .addColumn('low_priority', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('reject_duplicates', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('data', 'text')
          .addColumn('error_code', 'text')
          .addColumn('error_detail', 'text')
          .addColumn('pages', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('is_ocrd', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('ocr_confidence', 'double precision')
          .addColumn('is_verified', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('documents_list').on('documents').columns(['workspace_id', 'created_dt']).execute();
        await db.schema.createIndex('documents_sha256').on('documents').columns(['workspace_id', 'sha256']).execute();
        await db.schema.createIndex('documents_expiry').on('documents').column('expiry_time').execute();
        await db.schema
          .createTable('jobs')
          // SQLite's INTEGER PRIMARY KEY is the rowid, which grows with each insert; PostgreSQL needs a sequence.
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
          .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.identifier').onDelete('cascade'))
          .addColumn('priority', 'integer', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('worker_id', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_failure', 'text')
          .execute();
        await db.schema.createIndex('jobs_claim').on('jobs').columns(['state', 'priority', 'id']).execute();
      },
    },
    '0002_settings': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('settings')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0003_child_documents': {
      async up(db: Kysely<any>) {
        // Two statements: SQLite adds one column per ALTER TABLE.
        await db.schema.alterTable('documents').addColumn('parent_document', 'text').execute();
        await db.schema.alterTable('documents').addColumn('child_documents', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      },
    },
    '0004_search': {
      async up(db: Kysely<any>) {
        // Search indices are per workspace; documents join them by identifier. Deleting a document or an index
        // removes its memberships and projection (foreign keys cascade; SQLite's are on, see db.ts).
        await db.schema
          .createTable('search_indices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('document_type', 'text', (c) => c.notNull())
          .addColumn('created_dt', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('search_indices_name').on('search_indices').columns(['workspace_id', 'name']).unique().execute();
        await db.schema
          .createTable('search_index_documents')
          .addColumn('index_id', 'text', (c) => c.notNull().references('search_indices.id').onDelete('cascade'))
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.identifier').onDelete('cascade'))
          .addColumn('created_dt', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('search_index_documents_pk', ['index_id', 'document_id'])
          .execute();
        await db.schema.createIndex('search_index_documents_document').on('search_index_documents').column('document_id').execute();
        // The compact search projection of a parsed résumé (search/projection.ts), written when it joins an index
        // and when its data is patched. Years and coordinates are columns too, so required criteria filter in SQL.
        // Short columns first: SQLite reads a row's columns in order, so those a search filters on and stamps by
        // must not sit behind the long JSON and text.
        await db.schema
          .createTable('search_projections')
          .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.identifier').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('updated_dt', 'text', (c) => c.notNull())
          .addColumn('years', 'double precision')
          .addColumn('latitude', 'double precision')
          .addColumn('longitude', 'double precision')
          .addColumn('projection', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        // A search checks each candidate's workspace and expiry: from this index alone, not the rows holding the data.
        await db.schema.createIndex('documents_search').on('documents').columns(['identifier', 'workspace_id', 'expiry_time']).execute();
      },
    },
    '0005_redacted_resumes': {
      async up(db: Kysely<any>) {
        // What a document is (`resume`, or `redacted_resume` for /v2/redacted_resumes): each API lists and opens
        // only its own. `redact` is a redacted résumé's options (JSON), read by the job that redacts it.
        await db.schema.alterTable('documents').addColumn('kind', 'text', (c) => c.notNull().defaultTo('resume')).execute();
        await db.schema.alterTable('documents').addColumn('redact', 'text').execute();
      },
    },
    '0006_provenance': {
      async up(db: Kysely<any>) {
        // JSON ProvenanceRecord (pipeline/provenance.ts): where each parsed value is printed, for the review page.
        // Null for documents parsed before it, given as data, or failed.
        await db.schema.alterTable('documents').addColumn('provenance', 'text').execute();
      },
    },
    '0007_pdf_and_warnings': {
      async up(db: Kysely<any>) {
        // meta.pdf's source ('original' | 'rendition', service/rendition.ts) and meta.warnings (JSON); null for
        // documents parsed before them.
        await db.schema.alterTable('documents').addColumn('pdf', 'text').execute();
        await db.schema.alterTable('documents').addColumn('warnings', 'text').execute();
      },
    },
  };
}

export async function migrate(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'vitae_migrations',
    migrationLockTableName: 'vitae_migrations_lock',
  });
  // PostgreSQL serialises concurrent migrators with an advisory lock; Kysely takes none on SQLite, so two processes
  // opening a new SQLite file at once (`vitae serve` and `vitae worker`) can both start migrating. All pending
  // migrations run in one transaction, so the loser's failed attempt left nothing: it tries again, and then finds
  // the winner's work done.
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    if (dialect === 'sqlite' && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
