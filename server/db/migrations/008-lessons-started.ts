/**
 * Devices report the lessons their pupil has started and not handed in (issue 11, the sequence
 * grid's "started"): `lessons_started` holds JSON [{ id }], null for devices that never sent it
 * (older clients, every row before this migration). The same on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const lessonsStartedMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('devices').addColumn('lessons_started', 'text').execute();
  },
};
