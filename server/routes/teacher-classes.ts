/**
 * /api/teacher/classes: a teacher's classes, the work handed in, and which
 * devices are ready. Every route under a class id checks the class is the
 * teacher's; another teacher's class is answered exactly like a missing one.
 */
import { Hono, type Context } from 'hono';
import type { Answers } from '../../protocol/answers.ts';
import type { Submission } from '../../protocol/api.ts';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import { isCorrect } from '../../protocol/quiz.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http.ts';
import { latestLessonsOfClass } from '../lessons/catalogue.ts';
import type { AppEnv } from '../security/auth.ts';

/** Quiz score of a hand-in against the server-side keys; null when no quiz step has a key. */
export function scoreAnswers(keys: QuizStep[], answers: Answers): { correct: number; total: number } | null {
  let correct = 0;
  let total = 0;
  for (const step of keys) {
    const result = isCorrect(step, answers[step.id], step.correct);
    if (result === null) continue;
    total++;
    if (result) correct++;
  }
  return total > 0 ? { correct, total } : null;
}

/** Mounted at /api/teacher/classes (behind teacher authentication). */
export function teacherClassRoutes({ db }: Pick<AppDeps, 'db'>) {
  const ownClass = (teacherId: string, classId: string) =>
    db
      .selectFrom('classes')
      .select(['id', 'name'])
      .where('id', '=', classId)
      .where('teacher_id', '=', teacherId)
      .executeTakeFirst();

  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      await next();
    })
    .get('/', async (c) => {
      const classes = await db
        .selectFrom('classes as k')
        .leftJoin('pupils as p', 'p.class_id', 'k.id')
        .select((eb) => ['k.id', 'k.name', eb.fn.count<number | string>('p.id').as('pupils')])
        .where('k.teacher_id', '=', c.get('teacher').teacherId)
        .groupBy(['k.id', 'k.name'])
        .orderBy('k.name')
        .execute();
      return c.json({
        classes: classes.map((k) => ({ id: k.id, name: k.name, pupilCount: Number(k.pupils) })),
      });
    })
    .get('/:classId/submissions', async (c) => {
      const classId = c.req.param('classId');
      if (!(await ownClass(c.get('teacher').teacherId, classId))) return unknownClass(c);
      const rows = await db
        .selectFrom('submissions as s')
        .innerJoin('pupils as p', 'p.id', 's.pupil_id')
        .leftJoin('lesson_versions as lv', (join) =>
          join.onRef('lv.lesson_id', '=', 's.lesson_id').onRef('lv.version', '=', 's.lesson_version'),
        )
        .select(['s.id', 's.body', 's.received_at', 'p.id as pupilId', 'p.name as pupilName', 'lv.quiz_keys'])
        .where('p.class_id', '=', classId)
        .orderBy('s.received_at', 'desc')
        .orderBy('s.id')
        .execute();
      return c.json({
        submissions: rows.map((row) => {
          const handIn = JSON.parse(row.body) as Submission;
          const keys = row.quiz_keys ? (JSON.parse(row.quiz_keys) as QuizStep[]) : [];
          return {
            id: row.id,
            pupil: { id: row.pupilId, name: row.pupilName },
            lessonId: handIn.lessonId,
            lessonVersion: handIn.lessonVersion,
            answers: handIn.answers,
            handedInAt: handIn.handedInAt,
            receivedAt: row.received_at,
            score: scoreAnswers(keys, handIn.answers),
          };
        }),
      });
    })
    .get('/:classId/devices', async (c) => {
      const classId = c.req.param('classId');
      if (!(await ownClass(c.get('teacher').teacherId, classId))) return unknownClass(c);
      const lessons = await latestLessonsOfClass(db, classId);
      const pupils = await db
        .selectFrom('pupils')
        .select(['id', 'name'])
        .where('class_id', '=', classId)
        .orderBy('name')
        .execute();
      const devices = await db
        .selectFrom('devices as d')
        .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
        .selectAll('d')
        .where('p.class_id', '=', classId)
        .where('d.revoked_at', 'is', null)
        .orderBy('d.created_at')
        .execute();
      return c.json({
        pupils: pupils.map((pupil) => ({
          id: pupil.id,
          name: pupil.name,
          devices: devices
            .filter((d) => d.pupil_id === pupil.id)
            .map((d) => {
              const ready = d.lessons_ready
                ? (JSON.parse(d.lessons_ready) as { id: string; version: number }[])
                : [];
              const has = new Set(ready.map((l) => `${l.id}@${l.version}`));
              return {
                id: d.id,
                linkedAt: d.created_at,
                lastSeenAt: d.last_seen_at,
                lastSyncAt: d.last_sync_at,
                lessonsReady: ready,
                // What the device still lacks of the current versions: empty means ready for every lesson.
                lessonsMissing: lessons
                  .filter((l) => !has.has(`${l.id}@${l.version}`))
                  .map((l) => ({ id: l.id, version: l.version })),
                storage: {
                  persisted: d.storage_persisted === null ? null : d.storage_persisted === 1,
                  usage: d.storage_usage,
                  quota: d.storage_quota,
                },
              };
            }),
        })),
      });
    });
}

function unknownClass(c: Context): Response {
  return apiError(c, 404, 'unknown_class', 'No class of yours has this id.');
}
