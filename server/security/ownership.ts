/**
 * "Is this the teacher's?" for every resource a teacher route touches. Each
 * lookup joins up to the class's teacher, so another teacher's class, pupil,
 * lesson, device or submission is indistinguishable from a missing one: the
 * routes answer 404 for both and existence never leaks.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/json.ts';
import { LESSON_ID } from '../lessons/drafts.ts';

type Db = Kysely<Database>;

/** The teacher's class (archived ones included). */
export function ownedClass(db: Db, teacherId: string, classId: string) {
  return db
    .selectFrom('classes')
    .select(['id', 'name', 'archived_at'])
    .where('id', '=', classId)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** A pupil still on one of the teacher's class lists. */
export function ownedPupil(db: Db, teacherId: string, pupilId: string) {
  return db
    .selectFrom('pupils as p')
    .innerJoin('classes as k', 'k.id', 'p.class_id')
    .select(['p.id', 'p.name', 'p.class_id', 'k.archived_at'])
    .where('p.id', '=', pupilId)
    .where('p.removed_at', 'is', null)
    .where('k.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** A device linked to one of the teacher's pupils. */
export function ownedDevice(db: Db, teacherId: string, deviceId: string) {
  return db
    .selectFrom('devices as d')
    .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
    .innerJoin('classes as k', 'k.id', 'p.class_id')
    .select(['d.id', 'd.revoked_at'])
    .where('d.id', '=', deviceId)
    .where('k.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** A lesson of this class of the teacher's. */
export function ownedLesson(db: Db, teacherId: string, classId: string, lessonId: string) {
  return db
    .selectFrom('lessons as l')
    .innerJoin('classes as k', 'k.id', 'l.class_id')
    .select(['l.id', 'l.class_id', 'l.draft', 'l.created_at', 'l.updated_at', 'k.archived_at'])
    .where('l.id', '=', lessonId)
    .where('l.class_id', '=', classId)
    .where('k.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** A submission handed in by one of the teacher's pupils (removed pupils' work included). */
export function ownedSubmission(db: Db, teacherId: string, submissionId: string) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('pupils as p', 'p.id', 's.pupil_id')
    .innerJoin('classes as k', 'k.id', 'p.class_id')
    .select([
      's.id',
      's.pupil_id',
      's.lesson_id',
      's.lesson_version',
      's.body',
      's.handed_in_at',
      's.received_at',
      's.received_via',
      'p.name as pupilName',
      'p.class_id',
    ])
    .where('s.id', '=', submissionId)
    .where('k.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** A sequence of one of the teacher's classes, with that class's archive mark. */
export function ownedSequence(db: Db, teacherId: string, sequenceId: string) {
  return db
    .selectFrom('sequences as s')
    .innerJoin('classes as k', 'k.id', 's.class_id')
    .select(['s.id', 's.class_id', 's.title', 'k.archived_at'])
    .where('s.id', '=', sequenceId)
    .where('k.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

const NOT_YOURS = {
  class: ['unknown_class', 'No class of yours has this id.'],
  pupil: ['unknown_pupil', 'No pupil of yours has this id.'],
  device: ['unknown_device', 'No device of your pupils has this id.'],
  lesson: ['unknown_lesson', 'No lesson of this class of yours has this id.'],
  submission: ['unknown_submission', 'No submission of your pupils has this id.'],
  sequence: ['unknown_sequence', 'No sequence of yours has this id.'],
} as const;

/** 404 for a missing resource or one that belongs to another teacher. */
export function notYours(c: Context, what: keyof typeof NOT_YOURS): Response {
  const [error, message] = NOT_YOURS[what];
  return apiError(c, 404, error, message);
}

/** 409 for writes that would add to an archived class (it stays readable). */
export function classArchived(c: Context): Response {
  return apiError(c, 409, 'class_archived', 'This class is archived; restore it before adding to it.');
}

/** 400 unless the route's lesson id is one the editor may choose. */
export function badLessonId(c: Context): Response | null {
  return LESSON_ID.test(c.req.param('lessonId') ?? '')
    ? null
    : apiError(c, 400, 'bad_id', 'A lesson id is 1 to 64 letters, digits, "-" or "_".');
}
