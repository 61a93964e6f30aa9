/**
 * Work handed in, as the teacher reviews it: the class's list, one
 * submission against the version it answered (quiz keys included), and its
 * attachments' bytes, which are never public.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Submission } from '../../../protocol/api.ts';
import { Sha256Schema } from '../../../protocol/hash.ts';
import type { QuizStep } from '../../../protocol/lesson-pack.ts';
import type { SubmissionDetail } from '../../../protocol/teacher-api.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError } from '../../http/json.ts';
import { classWork } from '../../lessons/class-work.ts';
import { isLate, scoreAnswers } from '../../lessons/score.ts';
import { findVersion, readPack, withQuizKeys } from '../../lessons/versions.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedClass, ownedSubmission } from '../../security/ownership.ts';
import { servedMediaType } from '../../http/media-types.ts';

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherSubmissionRoutes({ db, blobs }: Pick<AppDeps, 'db' | 'blobs'>) {
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      // Pupils' work: never kept by a shared cache.
      await next();
      c.header('Cache-Control', 'private, no-store');
    })
    .get('/classes/:classId/submissions', async (c) => {
      const classId = c.req.param('classId');
      if (!(await ownedClass(db, c.get('teacher').teacherId, classId))) return notYours(c, 'class');
      const work = await classWork(db, classId);
      return c.json({
        submissions: work.map(
          ({ id, pupil, lessonId, lessonVersion, answers, handedInAt, receivedAt, score }) => ({
            id,
            pupil,
            lessonId,
            lessonVersion,
            answers,
            handedInAt,
            receivedAt,
            score,
          }),
        ),
      });
    })
    .get('/submissions/:submissionId', async (c) => {
      const row = await ownedSubmission(db, c.get('teacher').teacherId, c.req.param('submissionId'));
      if (!row) return notYours(c, 'submission');
      const handIn = JSON.parse(row.body) as Submission;
      const version = await findVersion(db, row.lesson_id, Number(row.lesson_version));
      if (!version) throw new Error(`submission ${row.id} answers a version that does not exist`);
      const keys = JSON.parse(version.quiz_keys) as QuizStep[];
      const feedback = await db
        .selectFrom('feedback')
        .select(['id', 'markdown', 'created_at'])
        .where('submission_id', '=', row.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return c.json({
        id: row.id,
        pupil: { id: row.pupil_id, name: row.pupilName },
        lessonId: row.lesson_id,
        lessonVersion: Number(row.lesson_version),
        pack: withQuizKeys(await readPack(blobs, version.pack_sha256), keys),
        answers: handIn.answers,
        handedInAt: handIn.handedInAt,
        receivedAt: row.received_at,
        ...(row.received_via === 'file' ? { receivedByFile: true } : {}),
        late: isLate(handIn.handedInAt, version.due_at),
        score: scoreAnswers(keys, handIn.answers),
        feedback: feedback.map((f) => ({ id: f.id, markdown: f.markdown, createdAt: f.created_at })),
      } satisfies SubmissionDetail);
    })
    .get('/submissions/:submissionId/attachments/:sha256', async (c) => {
      const row = await ownedSubmission(db, c.get('teacher').teacherId, c.req.param('submissionId'));
      if (!row) return notYours(c, 'submission');
      const sha256 = c.req.param('sha256');
      const handIn = JSON.parse(row.body) as Submission;
      // Only what this submission references: a hash alone must not open another pupil's photo.
      const referenced = Object.values(handIn.answers).some(
        (a) => a.kind === 'attachment' && a.blob === sha256,
      );
      const stored =
        referenced && v.is(Sha256Schema, sha256)
          ? await db.selectFrom('blobs').select('mime').where('sha256', '=', sha256).executeTakeFirst()
          : undefined;
      const bytes = stored ? await blobs.read(sha256) : null;
      if (!stored || !bytes)
        return apiError(c, 404, 'unknown_attachment', 'This submission has no such attachment.');
      c.header('Content-Type', servedMediaType(stored.mime));
      c.header('Content-Disposition', 'inline');
      c.header('Content-Length', String(bytes.byteLength));
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    });
}
