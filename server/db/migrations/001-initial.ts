/** The first schema. Written once; later changes go in new migration files. */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/** Builds the initial migration for one dialect (only the feed cursor differs). */
export function initialMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('teachers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('teacher_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('teacher_id', 'text', (c) => c.notNull().references('teachers.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('classes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('teacher_id', 'text', (c) => c.notNull().references('teachers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('classes_teacher').on('classes').column('teacher_id').execute();

      await db.schema
        .createTable('pupils')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pupils_class').on('pupils').column('class_id').execute();

      await db.schema
        .createTable('join_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('demo_codes')
        .addColumn('pupil_id', 'text', (c) => c.primaryKey().references('pupils.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('lessons_ready', 'text')
        .addColumn('storage_persisted', 'integer')
        .addColumn('storage_usage', 'double precision')
        .addColumn('storage_quota', 'double precision')
        .addColumn('last_sync_at', 'text')
        .execute();
      await db.schema.createIndex('devices_pupil').on('devices').column('pupil_id').execute();

      await db.schema
        .createTable('lessons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lessons_class').on('lessons').column('class_id').execute();

      await db.schema
        .createTable('lesson_versions')
        .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('pack_sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('available_from', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text')
        .addColumn('quiz_keys', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lesson_versions_pk', ['lesson_id', 'version'])
        .execute();
      await db.schema
        .createIndex('lesson_versions_pack')
        .on('lesson_versions')
        .column('pack_sha256')
        .execute();

      await db.schema
        .createTable('lesson_media')
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lesson_media_pk', ['lesson_id', 'version', 'sha256'])
        .execute();
      await db.schema.createIndex('lesson_media_sha').on('lesson_media').column('sha256').execute();

      await db.schema
        .createTable('blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('blob_owners')
        .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('blob_owners_pk', ['sha256', 'owner_kind', 'owner_id'])
        .execute();

      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addColumn('lesson_version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('body_sha256', 'text', (c) => c.notNull())
        .addColumn('handed_in_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('submissions_pupil').on('submissions').column('pupil_id').execute();

      // The cursor must only grow: SQLite's AUTOINCREMENT never reuses a value, nor does a sequence.
      await db.schema
        .createTable('feed')
        .addColumn('cursor', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feed_pupil_cursor').on('feed').columns(['pupil_id', 'cursor']).execute();
    },
  };
}
