/**
 * Lessons given to chosen pupils of a class (a group, pupils with an adapted version): a lesson
 * with no assignment row is for the whole class. The manifest's filter is in lessons/catalogue.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** Gives the lesson to these pupils only, or (null) back to the whole class. */
export async function assignLesson(
  db: Db,
  { lessonId, pupilIds, at }: { lessonId: string; pupilIds: readonly string[] | null; at: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('lesson_assignments').where('lesson_id', '=', lessonId).execute();
    if (pupilIds && pupilIds.length > 0) {
      await trx
        .insertInto('lesson_assignments')
        .values([...new Set(pupilIds)].map((pupil_id) => ({ lesson_id: lessonId, pupil_id, created_at: at })))
        .execute();
    }
  });
}

/** The assigned pupils of each of these lessons that has any (absent: the whole class). */
export async function assignmentsOf(db: Db, lessonIds: readonly string[]): Promise<Map<string, string[]>> {
  const assigned = new Map<string, string[]>();
  if (lessonIds.length === 0) return assigned;
  const rows = await db
    .selectFrom('lesson_assignments')
    .select(['lesson_id', 'pupil_id'])
    .where('lesson_id', 'in', [...lessonIds])
    .orderBy('pupil_id')
    .execute();
  for (const row of rows) assigned.set(row.lesson_id, [...(assigned.get(row.lesson_id) ?? []), row.pupil_id]);
  return assigned;
}

/** Which of these ids are pupils still on the class list (assignments name only those). */
export async function livePupilIdsIn(
  db: Db,
  classId: string,
  pupilIds: readonly string[],
): Promise<Set<string>> {
  if (pupilIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('pupils')
    .select('id')
    .where('class_id', '=', classId)
    .where('removed_at', 'is', null)
    .where('id', 'in', [...pupilIds])
    .execute();
  return new Set(rows.map((r) => r.id));
}
