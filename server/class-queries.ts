/**
 * Reads that several teacher routes share, so that no route imports another: a class's
 * pupils and live devices, what a device reported ready offline or started, and whether a lesson id
 * already belongs to another class.
 */
import type { Kysely } from 'kysely';
import type { Database, Device } from './db/schema.ts';

type Db = Kysely<Database>;

export type LessonRef = { id: string; version: number };

/** The lessons a device reported as ready offline. */
export function lessonsReadyOf(device: Pick<Device, 'lessons_ready'>): LessonRef[] {
  return device.lessons_ready ? (JSON.parse(device.lessons_ready) as LessonRef[]) : [];
}

/** The lessons a device reported as started and not handed in (none from older clients). */
export function lessonsStartedOf(device: Pick<Device, 'lessons_started'>): string[] {
  return device.lessons_started
    ? (JSON.parse(device.lessons_started) as { id: string }[]).map((l) => l.id)
    : [];
}

/** The pupils still on a class list, by name. */
export function livePupilsOfClass(db: Db, classId: string) {
  return db
    .selectFrom('pupils')
    .select(['id', 'name'])
    .where('class_id', '=', classId)
    .where('removed_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The devices of a class's pupils that are not revoked, oldest link first. */
export function liveDevicesOfClass(db: Db, classId: string) {
  return db
    .selectFrom('devices as d')
    .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
    .selectAll('d')
    .where('p.class_id', '=', classId)
    .where('d.revoked_at', 'is', null)
    .orderBy('d.created_at')
    .execute();
}

/**
 * Whether another class already uses this lesson id. The id space is shared by every class
 * (the editor chooses ids offline): a route answers such an id like a missing lesson.
 */
export async function lessonIdTakenElsewhere(db: Db, lessonId: string, classId: string): Promise<boolean> {
  const taken = await db
    .selectFrom('lessons')
    .select('class_id')
    .where('id', '=', lessonId)
    .executeTakeFirst();
  return taken !== undefined && taken.class_id !== classId;
}
