/**
 * Sequences of séances: a titled, ordered list of a class's lessons (`sequence_lessons`), each
 * class it was published to with that class's own dates (`sequence_classes`) and lessons
 * (`sequence_class_lessons`: a copy per other class, the sequence's own class keeps its lessons),
 * lessons given to chosen pupils only (`lesson_assignments`: none means the whole class), and a
 * per-class revision that moves whenever a class's manifest may change without a publication
 * (an assignment, a sequence renamed or reordered), so manifests' ETags and class news follow.
 * Only new tables: existing rows stay valid.
 */
import type { Kysely, Migration } from 'kysely';

/** The same on SQLite and PostgreSQL. */
export const sequencesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sequences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sequences_class').on('sequences').column('class_id').execute();

    await db.schema
      .createTable('sequence_lessons')
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('sequence_lessons_pk', ['sequence_id', 'lesson_id'])
      .execute();
    // A lesson is a séance of one sequence at most: its manifest entry names one.
    await db.schema
      .createIndex('sequence_lessons_lesson')
      .unique()
      .on('sequence_lessons')
      .column('lesson_id')
      .execute();

    await db.schema
      .createTable('sequence_classes')
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      /** JSON [{ lessonId, availableFrom, dueAt }] in séance order, as last published. */
      .addColumn('schedule', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sequence_classes_pk', ['sequence_id', 'class_id'])
      .execute();

    await db.schema
      .createTable('sequence_class_lessons')
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('source_lesson_id', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
      .addPrimaryKeyConstraint('sequence_class_lessons_pk', ['sequence_id', 'class_id', 'source_lesson_id'])
      .execute();
    await db.schema
      .createIndex('sequence_class_lessons_lesson')
      .unique()
      .on('sequence_class_lessons')
      .column('lesson_id')
      .execute();

    await db.schema
      .createTable('lesson_assignments')
      .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
      .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lesson_assignments_pk', ['lesson_id', 'pupil_id'])
      .execute();

    await db.schema
      .createTable('class_plan_revisions')
      .addColumn('class_id', 'text', (c) => c.primaryKey().references('classes.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
  },
};
