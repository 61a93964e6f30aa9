/**
 * Following a sequence in one class: pupils × séances (ready offline, started, handed in, late, score),
 * and how many pupils hold every séance they are assigned. Only assigned pupils count.
 */
import type { Kysely } from 'kysely';
import type { FollowGrid } from '../../protocol/sequence-api.ts';
import { lessonsReadyOf, lessonsStartedOf, liveDevicesOfClass, livePupilsOfClass } from '../class-queries.ts';
import type { Database } from '../db/schema.ts';
import { latestLessonsOfClass } from '../lessons/catalogue.ts';
import { classWork } from '../lessons/class-work.ts';
import { assignmentsOf } from './assignments.ts';

type Db = Kysely<Database>;
type Cell = FollowGrid['pupils'][number]['cells'][number];

/** The class's lessons standing for the sequence's séances, in séance order. */
async function seanceLessonsInClass(db: Db, sequenceId: string, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sequence_lessons as sl')
    .innerJoin('sequences as s', 's.id', 'sl.sequence_id')
    .leftJoin('sequence_class_lessons as scl', (join) =>
      join
        .onRef('scl.sequence_id', '=', 'sl.sequence_id')
        .onRef('scl.source_lesson_id', '=', 'sl.lesson_id')
        .on('scl.class_id', '=', classId),
    )
    .select(['sl.lesson_id as source', 'scl.lesson_id as copy', 's.class_id as ownClass'])
    .where('sl.sequence_id', '=', sequenceId)
    .orderBy('sl.position')
    .execute();
  return rows
    .map((r) => (r.ownClass === classId ? r.source : r.copy))
    .filter((id): id is string => id !== null);
}

/** The grid for one class the sequence was published to (séances not yet published there are left out). */
export async function followGrid(db: Db, sequenceId: string, classId: string): Promise<FollowGrid> {
  const ids = await seanceLessonsInClass(db, sequenceId, classId);
  const published = new Map((await latestLessonsOfClass(db, classId)).map((l) => [l.id, l]));
  const seances = ids.flatMap((id) => (published.has(id) ? [published.get(id)!] : []));
  const [pupils, devices, work, assigned] = await Promise.all([
    livePupilsOfClass(db, classId),
    liveDevicesOfClass(db, classId),
    classWork(db, classId),
    assignmentsOf(
      db,
      seances.map((s) => s.id),
    ),
  ]);

  const rows = pupils.map((pupil) => {
    const own = devices.filter((d) => d.pupil_id === pupil.id);
    const held = new Set(own.flatMap((d) => lessonsReadyOf(d).map((l) => `${l.id}@${l.version}`)));
    // Work saved on any of the pupil's devices: only the device knows until it is handed in.
    const started = new Set(own.flatMap(lessonsStartedOf));
    const cells = seances.map((seance): Cell => {
      const only = assigned.get(seance.id);
      if (only && !only.includes(pupil.id)) return null;
      // classWork is newest first: the first met is the latest hand-in.
      const handIn = work.find((w) => w.pupil.id === pupil.id && w.lessonId === seance.id);
      if (handIn) return { state: handIn.late ? 'late' : 'handedIn', score: handIn.score };
      if (started.has(seance.id)) return { state: 'started', score: null };
      return { state: held.has(`${seance.id}@${seance.version}`) ? 'readyOffline' : 'notReady', score: null };
    });
    const allReady = cells.every((cell) => cell === null || cell.state !== 'notReady');
    return { id: pupil.id, name: pupil.name, cells, allReady };
  });

  return {
    seances: seances.map(({ id, title, availableFrom, dueAt }) => ({
      lessonId: id,
      title,
      availableFrom,
      dueAt,
    })),
    pupils: rows,
    readyPupils: rows.filter((r) => r.allReady).length,
    pupilCount: rows.length,
  };
}
