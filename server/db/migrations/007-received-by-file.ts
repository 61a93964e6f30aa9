/**
 * Submissions a teacher imported from a family's work file (issue 12) say so: `received_via` is
 * 'file' for them, null for work that came over the network (every row before this migration).
 * The same on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const receivedByFileMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('submissions').addColumn('received_via', 'text').execute();
  },
};
