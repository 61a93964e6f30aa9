/**
 * A class's lessons as the teacher edits them: list, read, save the draft
 * (PUT creates or replaces, with the id the editor chose, so it works
 * offline), delete a never-published lesson, duplicate one.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { SaveDraftSchema, type LessonListSchema } from '../../../protocol/teacher-api.ts';
import { lessonIdTakenElsewhere } from '../../class-queries.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import { MAX_DRAFT_BYTES, saveDraft, teacherLessons } from '../../lessons/drafts.ts';
import type { AppEnv } from '../../security/auth.ts';
import { badLessonId, classArchived, notYours, ownedClass, ownedLesson } from '../../security/ownership.ts';
import { bodyAtMost } from '../../security/receive-body.ts';
import type { InferOutput } from 'valibot';

type LessonList = InferOutput<typeof LessonListSchema>;

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherLessonRoutes({ db, blobs, now }: Pick<AppDeps, 'db' | 'blobs' | 'now'>) {
  return new Hono<AppEnv>()
    .get('/classes/:classId/lessons', async (c) => {
      const classId = c.req.param('classId');
      if (!(await ownedClass(db, c.get('teacher').teacherId, classId))) return notYours(c, 'class');
      return c.json({ lessons: await teacherLessons(db, blobs, classId) } satisfies LessonList);
    })
    .get('/classes/:classId/lessons/:lessonId', async (c) => {
      const { classId, lessonId } = c.req.param();
      if (!(await ownedLesson(db, c.get('teacher').teacherId, classId, lessonId)))
        return notYours(c, 'lesson');
      const [lesson] = await teacherLessons(db, blobs, classId, [lessonId]);
      return c.json(lesson);
    })
    .put('/classes/:classId/lessons/:lessonId', bodyAtMost(MAX_DRAFT_BYTES), async (c) => {
      const { classId, lessonId } = c.req.param();
      const teacherId = c.get('teacher').teacherId;
      const schoolClass = await ownedClass(db, teacherId, classId);
      if (!schoolClass) return notYours(c, 'class');
      const invalidId = badLessonId(c);
      if (invalidId) return invalidId;
      // The id space is shared by every class: an id taken elsewhere is answered like a missing lesson.
      if (await lessonIdTakenElsewhere(db, lessonId, classId)) return notYours(c, 'lesson');
      if (schoolClass.archived_at) return classArchived(c);
      const parsed = await readJson(c, SaveDraftSchema);
      if (!parsed.ok) return parsed.response;
      const outcome = await saveDraft(db, {
        lessonId,
        classId,
        draft: parsed.value.draft,
        at: now().toISOString(),
      });
      const [lesson] = await teacherLessons(db, blobs, classId, [lessonId]);
      return c.json(lesson, outcome === 'created' ? 201 : 200);
    })
    .delete('/classes/:classId/lessons/:lessonId', async (c) => {
      const { classId, lessonId } = c.req.param();
      if (!(await ownedLesson(db, c.get('teacher').teacherId, classId, lessonId)))
        return notYours(c, 'lesson');
      const published = await db
        .selectFrom('lesson_versions')
        .select('version')
        .where('lesson_id', '=', lessonId)
        .limit(1)
        .executeTakeFirst();
      // Pupils may hold a published version offline and have answered it: it stays.
      if (published) {
        return apiError(
          c,
          409,
          'published',
          'A published lesson cannot be deleted; pupils may already have it.',
        );
      }
      await db.deleteFrom('lessons').where('id', '=', lessonId).execute();
      return c.body(null, 204);
    })
    .post('/classes/:classId/lessons/:lessonId/duplicate', async (c) => {
      const { classId, lessonId } = c.req.param();
      const lesson = await ownedLesson(db, c.get('teacher').teacherId, classId, lessonId);
      if (!lesson) return notYours(c, 'lesson');
      if (lesson.archived_at) return classArchived(c);
      const [original] = await teacherLessons(db, blobs, classId, [lessonId]);
      const copyId = randomUUID();
      await saveDraft(db, { lessonId: copyId, classId, draft: original!.draft, at: now().toISOString() });
      const [copy] = await teacherLessons(db, blobs, classId, [copyId]);
      return c.json(copy, 201);
    });
}
