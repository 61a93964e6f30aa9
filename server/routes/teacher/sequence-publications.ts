/**
 * Sending a sequence out and following it: publish to several classes in one request (each class
 * published whole or refused with its reason, reported per class), follow one class's grid, and
 * give a lesson to chosen pupils of its class (or back to the whole class).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { UuidSchema } from '../../../protocol/hash.ts';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../../protocol/school-time.ts';
import {
  AssignmentRequestSchema,
  PublishSequenceSchema,
  type PublishSequenceResponse,
} from '../../../protocol/sequence-api.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import type { AppEnv } from '../../security/auth.ts';
import { classArchived, notYours, ownedClass, ownedLesson, ownedSequence } from '../../security/ownership.ts';
import { assignLesson, assignmentsOf, livePupilIdsIn } from '../../sequences/assignments.ts';
import { followGrid } from '../../sequences/follow-grid.ts';
import { touchClassPlans } from '../../sequences/plan-revision.ts';
import { publishToClass, type ClassResult } from '../../sequences/publish-sequence.ts';

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherSequencePublicationRoutes({
  db,
  blobs,
  now,
  timeZone = DEFAULT_SCHOOL_TIME_ZONE,
}: Pick<AppDeps, 'db' | 'blobs' | 'now' | 'timeZone'>) {
  return new Hono<AppEnv>()
    .put('/sequences/:sequenceId/publications/:publicationId', async (c) => {
      const teacherId = c.get('teacher').teacherId;
      const { sequenceId, publicationId } = c.req.param();
      const sequence = await ownedSequence(db, teacherId, sequenceId);
      if (!sequence) return notYours(c, 'sequence');
      if (!v.is(UuidSchema, publicationId))
        return apiError(c, 400, 'bad_id', 'A publication is addressed by a UUID.');
      const parsed = await readJson(c, PublishSequenceSchema);
      if (!parsed.ok) return parsed.response;
      const at = now();
      const results: ClassResult[] = [];
      for (const entry of parsed.value.classes) {
        const target = await ownedClass(db, teacherId, entry.classId);
        if (!target) {
          results.push({
            classId: entry.classId,
            status: 'refused',
            error: 'unknown_class',
            message: 'No class of yours has this id.',
          });
        } else if (target.archived_at) {
          results.push({
            classId: entry.classId,
            status: 'refused',
            error: 'class_archived',
            message: 'This class is archived.',
          });
        } else {
          results.push(
            await publishToClass(db, blobs, {
              sequence: { id: sequence.id, classId: sequence.class_id },
              entry,
              publicationId,
              teacherId,
              now: at,
              timeZone,
            }),
          );
        }
      }
      c.header('Cache-Control', 'no-store');
      return c.json({ publicationId, results } satisfies PublishSequenceResponse);
    })
    .get('/sequences/:sequenceId/classes/:classId/follow', async (c) => {
      const teacherId = c.get('teacher').teacherId;
      const { sequenceId, classId } = c.req.param();
      const sequence = await ownedSequence(db, teacherId, sequenceId);
      if (!sequence) return notYours(c, 'sequence');
      if (!(await ownedClass(db, teacherId, classId))) return notYours(c, 'class');
      return c.json(await followGrid(db, sequence.id, classId));
    })
    .put('/classes/:classId/lessons/:lessonId/assignment', async (c) => {
      const { classId, lessonId } = c.req.param();
      const lesson = await ownedLesson(db, c.get('teacher').teacherId, classId, lessonId);
      if (!lesson) return notYours(c, 'lesson');
      if (lesson.archived_at) return classArchived(c);
      const parsed = await readJson(c, AssignmentRequestSchema);
      if (!parsed.ok) return parsed.response;
      const pupilIds = parsed.value.pupilIds ? [...new Set(parsed.value.pupilIds)] : null;
      if (pupilIds && (await livePupilIdsIn(db, classId, pupilIds)).size !== pupilIds.length)
        return notYours(c, 'pupil');
      await assignLesson(db, { lessonId, pupilIds, at: now().toISOString() });
      // Devices of the class check their manifest again: a pupil no longer assigned loses the lesson.
      await touchClassPlans(db, [classId]);
      return c.json({ lessonId, pupilIds: (await assignmentsOf(db, [lessonId])).get(lessonId) ?? null });
    });
}
