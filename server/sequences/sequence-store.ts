/**
 * Sequences as the teacher edits them: the whole sequence is saved at once (title, description,
 * séances in order), so the editor's offline autosave can replay its latest state; removing a
 * séance never touches its lesson, versions or the pupils' work.
 */
import type { Kysely } from 'kysely';
import type { LessonDraft } from '../../protocol/lesson-draft.ts';
import type { Sequence } from '../../protocol/sequence-api.ts';
import type { Database } from '../db/schema.ts';
import { assignmentsOf } from './assignments.ts';
import { touchClassPlans } from './plan-revision.ts';

type Db = Kysely<Database>;

export interface SequenceInput {
  sequenceId: string;
  classId: string;
  title: string;
  description: string;
  lessonIds: readonly string[];
  at: string;
}

/** The sequence's séances (its class's lesson ids) in order. */
export async function seanceLessonIds(db: Db, sequenceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sequence_lessons')
    .select('lesson_id')
    .where('sequence_id', '=', sequenceId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.lesson_id);
}

/** The sequence's own class and every class it was published to. */
export async function classesOfSequence(db: Db, sequenceId: string): Promise<string[]> {
  const own = await db.selectFrom('sequences').select('class_id').where('id', '=', sequenceId).execute();
  const published = await db
    .selectFrom('sequence_classes')
    .select('class_id')
    .where('sequence_id', '=', sequenceId)
    .execute();
  return [...new Set([...own, ...published].map((r) => r.class_id))];
}

/** Creates or replaces the sequence; the caller checked the class, the lessons and their ownership. */
export async function saveSequence(db: Db, input: SequenceInput): Promise<'created' | 'updated'> {
  const outcome = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('sequences')
      .select('id')
      .where('id', '=', input.sequenceId)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('sequences')
        .set({ title: input.title, description: input.description, updated_at: input.at })
        .where('id', '=', input.sequenceId)
        .execute();
    } else {
      await trx
        .insertInto('sequences')
        .values({
          id: input.sequenceId,
          class_id: input.classId,
          title: input.title,
          description: input.description,
          created_at: input.at,
          updated_at: input.at,
        })
        .execute();
    }
    await trx.deleteFrom('sequence_lessons').where('sequence_id', '=', input.sequenceId).execute();
    if (input.lessonIds.length > 0) {
      await trx
        .insertInto('sequence_lessons')
        .values(
          input.lessonIds.map((lesson_id, position) => ({
            sequence_id: input.sequenceId,
            lesson_id,
            position,
          })),
        )
        .execute();
    }
    // A séance taken out: its copies in other classes are no longer séances (they, and the work, stay).
    const kept = input.lessonIds.length > 0 ? [...input.lessonIds] : [''];
    await trx
      .deleteFrom('sequence_class_lessons')
      .where('sequence_id', '=', input.sequenceId)
      .where('source_lesson_id', 'not in', kept)
      .execute();
    return existing ? 'updated' : 'created';
  });
  // Titles, positions and counts are in manifests: every class holding the sequence checks again.
  await touchClassPlans(db, await classesOfSequence(db, input.sequenceId));
  return outcome;
}

/** Replaces only the séances of an existing sequence (its title and description stay). */
export async function setSeances(db: Db, sequenceId: string, lessonIds: readonly string[], at: string) {
  const row = await db
    .selectFrom('sequences')
    .select(['class_id', 'title', 'description'])
    .where('id', '=', sequenceId)
    .executeTakeFirstOrThrow();
  const { class_id: classId, title, description } = row;
  return saveSequence(db, { sequenceId, classId, title, description, lessonIds, at });
}

/** Lessons among these that are already a séance of another sequence. */
export async function lessonsInOtherSequences(
  db: Db,
  sequenceId: string,
  lessonIds: readonly string[],
): Promise<string[]> {
  if (lessonIds.length === 0) return [];
  const rows = await db
    .selectFrom('sequence_lessons')
    .select('lesson_id')
    .where('lesson_id', 'in', [...lessonIds])
    .where('sequence_id', '!=', sequenceId)
    .execute();
  return rows.map((r) => r.lesson_id);
}

/** The sequence as the teacher's screens show it (undefined when there is none). */
export async function sequenceView(db: Db, sequenceId: string): Promise<Sequence | undefined> {
  const row = await db.selectFrom('sequences').selectAll().where('id', '=', sequenceId).executeTakeFirst();
  if (!row) return undefined;
  const lessons = await db
    .selectFrom('sequence_lessons as sl')
    .innerJoin('lessons as l', 'l.id', 'sl.lesson_id')
    .select(['sl.lesson_id', 'l.draft'])
    .where('sl.sequence_id', '=', sequenceId)
    .orderBy('sl.position')
    .execute();
  const titles = await latestTitles(
    db,
    lessons.filter((l) => l.draft === null).map((l) => l.lesson_id),
  );
  const assigned = await assignmentsOf(
    db,
    lessons.map((l) => l.lesson_id),
  );
  const classes = await db
    .selectFrom('sequence_classes')
    .select(['class_id', 'schedule', 'published_at'])
    .where('sequence_id', '=', sequenceId)
    .orderBy('class_id')
    .execute();
  return {
    id: row.id,
    classId: row.class_id,
    title: row.title,
    description: row.description,
    updatedAt: row.updated_at,
    seances: lessons.map((l) => ({
      lessonId: l.lesson_id,
      title: l.draft ? (JSON.parse(l.draft) as LessonDraft).title : (titles.get(l.lesson_id) ?? ''),
      pupilIds: assigned.get(l.lesson_id) ?? null,
    })),
    classes: classes.map((c) => ({
      classId: c.class_id,
      publishedAt: c.published_at,
      seances: JSON.parse(c.schedule) as Sequence['classes'][number]['seances'],
    })),
  };
}

/** A teacher's sequences, newest edit first. */
export async function teacherSequences(db: Db, teacherId: string): Promise<Sequence[]> {
  const rows = await db
    .selectFrom('sequences as s')
    .innerJoin('classes as k', 'k.id', 's.class_id')
    .select('s.id')
    .where('k.teacher_id', '=', teacherId)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id')
    .execute();
  const views = await Promise.all(rows.map((r) => sequenceView(db, r.id)));
  return views.filter((view): view is Sequence => view !== undefined);
}

/** Titles of lessons published before drafts were kept. */
async function latestTitles(db: Db, lessonIds: string[]): Promise<Map<string, string>> {
  if (lessonIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('lesson_versions')
    .select(['lesson_id', 'title', 'version'])
    .where('lesson_id', 'in', lessonIds)
    .orderBy('version')
    .execute();
  return new Map(rows.map((r) => [r.lesson_id, r.title]));
}
