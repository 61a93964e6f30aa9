/**
 * The teacher's workspace: archived classes, removed pupils, printable join
 * codes, lesson drafts, idempotent publications and feedback. Only adds
 * nullable columns and new tables, so existing rows stay valid.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** The same on SQLite and PostgreSQL. */
export const teacherWorkspaceMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('classes').addColumn('archived_at', 'text').execute();
    await db.schema.alterTable('pupils').addColumn('removed_at', 'text').execute();

    // The teacher prints the current code, so the plain code is kept beside its hash (joins still look up the hash).
    await db.schema.alterTable('join_codes').addColumn('code', 'text').execute();
    // Before this migration no code could be regenerated: a demo pupil's live code is the one the seed printed.
    await sql`UPDATE join_codes SET code = (SELECT d.code FROM demo_codes d WHERE d.pupil_id = join_codes.pupil_id)
              WHERE revoked_at IS NULL`.execute(db);
    await db.schema.createIndex('join_codes_pupil').on('join_codes').column('pupil_id').execute();

    // The draft the teacher edits; lesson_versions.draft is the draft each version was published from.
    await db.schema.alterTable('lessons').addColumn('draft', 'text').execute();
    await db.schema.alterTable('lessons').addColumn('updated_at', 'text').execute();
    await db.schema.alterTable('lesson_versions').addColumn('draft', 'text').execute();
    // The editor's outbox repeats a publish with the same UUID: the unique index makes the repeat find its version.
    await db.schema.alterTable('lesson_versions').addColumn('publication_id', 'text').execute();
    await db.schema
      .createIndex('lesson_versions_publication')
      .unique()
      .on('lesson_versions')
      .column('publication_id')
      .execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
      .addColumn('teacher_id', 'text', (c) => c.notNull().references('teachers.id'))
      .addColumn('markdown', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_submission').on('feedback').column('submission_id').execute();

    await db.schema
      .createIndex('blob_owners_owner')
      .on('blob_owners')
      .columns(['owner_kind', 'owner_id'])
      .execute();
  },
};
