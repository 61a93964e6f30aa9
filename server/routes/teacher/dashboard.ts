/**
 * GET /api/teacher/classes/<class>/dashboard: for each pupil and each
 * published lesson, ready offline or not (as the pupil's devices report it)
 * and the latest work handed in, with its quiz score. A lesson given to chosen pupils
 * counts only them.
 */
import { Hono } from 'hono';
import type { Dashboard } from '../../../protocol/teacher-api.ts';
import { lessonsReadyOf, liveDevicesOfClass, livePupilsOfClass } from '../../class-queries.ts';
import type { AppDeps } from '../../deps.ts';
import { latestLessonsOfClass } from '../../lessons/catalogue.ts';
import { classWork } from '../../lessons/class-work.ts';
import { assignmentsOf } from '../../sequences/assignments.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedClass } from '../../security/ownership.ts';

type PupilRow = Dashboard['pupils'][number];

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherDashboardRoutes({ db }: Pick<AppDeps, 'db'>) {
  return new Hono<AppEnv>().get('/classes/:classId/dashboard', async (c) => {
    const classId = c.req.param('classId');
    if (!(await ownedClass(db, c.get('teacher').teacherId, classId))) return notYours(c, 'class');
    const lessons = await latestLessonsOfClass(db, classId);
    const pupils = await livePupilsOfClass(db, classId);
    const devices = await liveDevicesOfClass(db, classId);
    const work = await classWork(db, classId);
    const assigned = await assignmentsOf(
      db,
      lessons.map((l) => l.id),
    );
    // A lesson given to chosen pupils counts only them: the others have no `ready` entry for it.
    const concerns = (lessonId: string, pupilId: string) => assigned.get(lessonId)?.includes(pupilId) ?? true;

    const rows = pupils.map((pupil): PupilRow => {
      const own = devices.filter((d) => d.pupil_id === pupil.id);
      // Ready means the latest version: a device holding an older one would show the pupil outdated work.
      const held = new Set(own.flatMap((d) => lessonsReadyOf(d).map((l) => `${l.id}@${l.version}`)));
      const syncs = own.map((d) => d.last_sync_at).filter((at): at is string => at !== null);
      const row: PupilRow = {
        id: pupil.id,
        name: pupil.name,
        lastSyncAt: syncs.length > 0 ? syncs.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : null,
        ready: Object.fromEntries(
          lessons
            .filter((l) => concerns(l.id, pupil.id))
            .map((l) => [l.id, held.has(`${l.id}@${l.version}`)]),
        ),
        work: {},
      };
      // classWork is newest first: the first hand-in met per lesson is the latest.
      for (const handIn of work) {
        if (handIn.pupil.id !== pupil.id || row.work[handIn.lessonId]) continue;
        row.work[handIn.lessonId] = {
          status: handIn.late ? 'late' : 'handedIn',
          submissionId: handIn.id,
          handedInAt: handIn.handedInAt,
          receivedAt: handIn.receivedAt,
          score: handIn.score,
          ...(handIn.receivedByFile ? { receivedByFile: true } : {}),
        };
      }
      return row;
    });

    return c.json({
      lessons: lessons.map(({ id, title, version, availableFrom, dueAt }) => ({
        id,
        title,
        version,
        availableFrom,
        dueAt,
        pupilIds: assigned.get(id) ?? null,
      })),
      pupils: rows,
    } satisfies Dashboard);
  });
}
