/**
 * Devices carry the browser and system they joined with (read from the User-Agent at join), so a
 * teacher can tell a pupil's devices apart. Nullable: devices linked before this migration have
 * none, and the teacher's screen numbers them instead.
 */
import type { Kysely, Migration } from 'kysely';

/** The same on SQLite and PostgreSQL. */
export const deviceAgentMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('devices').addColumn('browser', 'text').execute();
    await db.schema.alterTable('devices').addColumn('system', 'text').execute();
  },
};
