/** Read side of published lessons: what a class has, and whether a version exists. */
import type { Kysely } from 'kysely';
import type { ManifestLesson } from '../../protocol/api.ts';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import type { Database } from '../db/schema.ts';

/** The latest published version of each lesson of a class, future ones included, in opening order. */
export async function latestLessonsOfClass(db: Kysely<Database>, classId: string): Promise<ManifestLesson[]> {
  const rows = await db
    .selectFrom('lesson_versions as lv')
    .innerJoin('lessons as l', 'l.id', 'lv.lesson_id')
    .select([
      'lv.lesson_id',
      'lv.version',
      'lv.title',
      'lv.pack_sha256',
      'lv.size',
      'lv.available_from',
      'lv.due_at',
    ])
    .where('l.class_id', '=', classId)
    .where('lv.version', '=', (eb) =>
      eb
        .selectFrom('lesson_versions as newer')
        .select((e) => e.fn.max('newer.version').as('v'))
        .whereRef('newer.lesson_id', '=', 'lv.lesson_id'),
    )
    .orderBy('lv.available_from')
    .orderBy('lv.lesson_id')
    .execute();
  return rows.map((row) => ({
    id: row.lesson_id,
    version: Number(row.version),
    title: row.title,
    pack: row.pack_sha256,
    size: Number(row.size),
    availableFrom: row.available_from,
    dueAt: row.due_at,
  }));
}

/** The server-side quiz keys of a published version of a class's lesson, or null when there is no such version. */
export async function publishedVersionKeys(
  db: Kysely<Database>,
  { classId, lessonId, version }: { classId: string; lessonId: string; version: number },
): Promise<QuizStep[] | null> {
  const row = await db
    .selectFrom('lesson_versions as lv')
    .innerJoin('lessons as l', 'l.id', 'lv.lesson_id')
    .select('lv.quiz_keys')
    .where('l.class_id', '=', classId)
    .where('lv.lesson_id', '=', lessonId)
    .where('lv.version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.quiz_keys) as QuizStep[]) : null;
}

export interface VersionKey {
  classId: string;
  lessonId: string;
  version: number;
}

/**
 * "Is this version published for this class?", remembered once true: a published version
 * is immutable and never goes away (a published lesson cannot be deleted), so every
 * process may keep the answer. Each hand-in asks it; a morning asks it about the same
 * few lessons thousands of times. Bounded: past `max` entries the memory starts afresh.
 */
export function publishedVersionCheck(db: Kysely<Database>, max = 50_000) {
  const known = new Set<string>();
  return async (key: VersionKey): Promise<boolean> => {
    const id = `${key.classId}|${key.lessonId}|${key.version}`;
    if (known.has(id)) return true;
    const published = (await publishedVersionKeys(db, key)) !== null;
    if (published) {
      if (known.size >= max) known.clear();
      known.add(id);
    }
    return published;
  };
}
