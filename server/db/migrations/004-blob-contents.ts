/**
 * The database blob store's tables (server/blobs/database-store.ts): used when DATABASE_URL
 * names PostgreSQL, so that several server processes share every file. Created on SQLite too
 * (empty, unused by default) so one schema serves both and the store is tested on each.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

export function blobContentsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('blob_contents')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('chunk_bytes', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('blob_chunks')
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'seq'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('blob_chunks').execute();
      await db.schema.dropTable('blob_contents').execute();
    },
  };
}
