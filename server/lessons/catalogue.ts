/** Read side of published lessons: what a class has, and whether a version exists. */
import type { Kysely } from 'kysely';
import type { ManifestLesson } from '../../protocol/api.ts';
import type { ManifestSequence } from '../../protocol/manifest-sequence.ts';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import type { Database } from '../db/schema.ts';
import { newestVersion } from './versions.ts';

/**
 * The latest published version of each lesson of a class, future ones included, in opening order,
 * each with the sequence it is a séance of. Given a pupil, only the lessons that pupil is assigned:
 * a lesson with no assignment is for the whole class. The one place that filtering lives, so every
 * reader of a pupil's lessons (the manifest, the family file) lists the same.
 */
export async function latestLessonsOfClass(
  db: Kysely<Database>,
  classId: string,
  forPupil?: { pupilId: string },
): Promise<ManifestLesson[]> {
  let query = db
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
    .where('lv.version', '=', newestVersion);
  if (forPupil) {
    const { pupilId } = forPupil;
    query = query.where((eb) => {
      const assignments = () =>
        eb
          .selectFrom('lesson_assignments as a')
          .select('a.lesson_id')
          .whereRef('a.lesson_id', '=', 'lv.lesson_id');
      return eb.or([
        eb.not(eb.exists(assignments())),
        eb.exists(assignments().where('a.pupil_id', '=', pupilId)),
      ]);
    });
  }
  const rows = await query.orderBy('lv.available_from').orderBy('lv.lesson_id').execute();
  const sequences = await sequencesOfLessons(
    db,
    classId,
    rows.map((row) => row.lesson_id),
  );
  return rows.map((row) => ({
    id: row.lesson_id,
    version: Number(row.version),
    title: row.title,
    pack: row.pack_sha256,
    size: Number(row.size),
    availableFrom: row.available_from,
    dueAt: row.due_at,
    sequence: sequences.get(row.lesson_id) ?? null,
  }));
}

/**
 * Which séance of which sequence each of these lessons of a class is: its own lessons for the
 * sequence's class, the copies published for any other class.
 */
async function sequencesOfLessons(
  db: Kysely<Database>,
  classId: string,
  lessonIds: string[],
): Promise<Map<string, ManifestSequence>> {
  const found = new Map<string, ManifestSequence>();
  if (lessonIds.length === 0) return found;
  const own = db
    .selectFrom('sequence_lessons as sl')
    .innerJoin('sequences as s', 's.id', 'sl.sequence_id')
    .select(['sl.lesson_id as lessonId', 's.id', 's.title', 'sl.position'])
    .where('s.class_id', '=', classId)
    .where('sl.lesson_id', 'in', lessonIds);
  const copies = db
    .selectFrom('sequence_class_lessons as scl')
    .innerJoin('sequence_lessons as sl', (join) =>
      join.onRef('sl.sequence_id', '=', 'scl.sequence_id').onRef('sl.lesson_id', '=', 'scl.source_lesson_id'),
    )
    .innerJoin('sequences as s', 's.id', 'scl.sequence_id')
    .select(['scl.lesson_id as lessonId', 's.id', 's.title', 'sl.position'])
    .where('scl.class_id', '=', classId)
    .where('scl.lesson_id', 'in', lessonIds);
  const rows = await own.unionAll(copies).execute();
  if (rows.length === 0) return found;
  const counts = await db
    .selectFrom('sequence_lessons')
    .select((eb) => ['sequence_id', eb.fn.countAll().as('n')])
    .where('sequence_id', 'in', [...new Set(rows.map((r) => r.id))])
    .groupBy('sequence_id')
    .execute();
  const countOf = new Map(counts.map((r) => [r.sequence_id, Number(r.n)]));
  for (const row of rows) {
    found.set(row.lessonId, {
      id: row.id,
      title: row.title,
      position: Number(row.position) + 1,
      count: countOf.get(row.id) ?? 1,
    });
  }
  return found;
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
