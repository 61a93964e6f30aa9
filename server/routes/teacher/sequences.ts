/**
 * A teacher's sequences: list, read, save whole (PUT creates or replaces, with the id the editor
 * chose, so it works offline: edit, reorder, add an existing lesson and remove are one save), add
 * a new lesson, take a séance out (its lesson and the pupils' work stay), duplicate to a class,
 * and preview a schedule rule's dates.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  DuplicateSequenceSchema,
  NewSequenceLessonSchema,
  SaveSequenceSchema,
  SchedulePreviewRequestSchema,
  type SchedulePreview,
  SequenceListSchema,
} from '../../../protocol/sequence-api.ts';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../../protocol/school-time.ts';
import { scheduleSeances } from '../../../protocol/sequence-schedule.ts';
import { lessonIdTakenElsewhere } from '../../class-queries.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import { LESSON_ID, saveDraft, teacherLessons } from '../../lessons/drafts.ts';
import type { AppEnv } from '../../security/auth.ts';
import { classArchived, notYours, ownedClass, ownedSequence } from '../../security/ownership.ts';
import {
  lessonsInOtherSequences,
  saveSequence,
  seanceLessonIds,
  sequenceView,
  setSeances,
  teacherSequences,
} from '../../sequences/sequence-store.ts';

/** 400 unless the route's sequence id is one the editor may choose (the lesson ids' form). */
function badSequenceId(c: Context): Response | null {
  return LESSON_ID.test(c.req.param('sequenceId') ?? '')
    ? null
    : apiError(c, 400, 'bad_id', 'A sequence id is 1 to 64 letters, digits, "-" or "_".');
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherSequenceRoutes({
  db,
  blobs,
  now,
  timeZone = DEFAULT_SCHOOL_TIME_ZONE,
}: Pick<AppDeps, 'db' | 'blobs' | 'now' | 'timeZone'>) {
  /** The class's lessons among these ids (the rest are another class's, or none). */
  const lessonsOfClass = async (classId: string, lessonIds: readonly string[]) =>
    lessonIds.length === 0
      ? []
      : (
          await db
            .selectFrom('lessons')
            .select('id')
            .where('class_id', '=', classId)
            .where('id', 'in', [...lessonIds])
            .execute()
        ).map((r) => r.id);

  return new Hono<AppEnv>()
    .get('/sequences', async (c) =>
      c.json({ sequences: await teacherSequences(db, c.get('teacher').teacherId) } satisfies v.InferOutput<
        typeof SequenceListSchema
      >),
    )
    .get('/sequences/:sequenceId', async (c) => {
      const sequence = await ownedSequence(db, c.get('teacher').teacherId, c.req.param('sequenceId'));
      if (!sequence) return notYours(c, 'sequence');
      return c.json(await sequenceView(db, sequence.id));
    })
    .put('/sequences/:sequenceId', async (c) => {
      const sequenceId = c.req.param('sequenceId');
      const teacherId = c.get('teacher').teacherId;
      const invalidId = badSequenceId(c);
      if (invalidId) return invalidId;
      const parsed = await readJson(c, SaveSequenceSchema);
      if (!parsed.ok) return parsed.response;
      const { classId, title, description, lessonIds } = parsed.value;
      const existing = await db
        .selectFrom('sequences')
        .select('class_id')
        .where('id', '=', sequenceId)
        .executeTakeFirst();
      // Another teacher's sequence id is answered like a missing one.
      if (existing && !(await ownedSequence(db, teacherId, sequenceId))) return notYours(c, 'sequence');
      const schoolClass = await ownedClass(db, teacherId, classId);
      if (!schoolClass) return notYours(c, 'class');
      if (existing && existing.class_id !== classId)
        return apiError(
          c,
          409,
          'conflict',
          'A sequence stays in the class it was made in; duplicate it instead.',
        );
      if (schoolClass.archived_at) return classArchived(c);
      if (new Set(lessonIds).size !== lessonIds.length)
        return apiError(c, 400, 'invalid_body', 'A lesson appears twice in this sequence.');
      if ((await lessonsOfClass(classId, lessonIds)).length !== lessonIds.length)
        return notYours(c, 'lesson');
      if ((await lessonsInOtherSequences(db, sequenceId, lessonIds)).length > 0)
        return apiError(c, 409, 'conflict', 'A lesson is already a séance of another sequence.');
      const outcome = await saveSequence(db, {
        sequenceId,
        classId,
        title,
        description,
        lessonIds,
        at: now().toISOString(),
      });
      return c.json(await sequenceView(db, sequenceId), outcome === 'created' ? 201 : 200);
    })
    .post('/sequences/:sequenceId/lessons', async (c) => {
      const sequence = await ownedSequence(db, c.get('teacher').teacherId, c.req.param('sequenceId'));
      if (!sequence) return notYours(c, 'sequence');
      if (sequence.archived_at) return classArchived(c);
      const parsed = await readJson(c, NewSequenceLessonSchema);
      if (!parsed.ok) return parsed.response;
      const lessonId = parsed.value.lessonId ?? randomUUID();
      const taken =
        (await lessonIdTakenElsewhere(db, lessonId, sequence.class_id)) ||
        (await lessonsOfClass(sequence.class_id, [lessonId])).length > 0;
      if (taken) return apiError(c, 409, 'conflict', 'This lesson id is already used.');
      const at = now().toISOString();
      const draft = {
        title: parsed.value.title,
        availableFrom: null,
        dueAt: null,
        showCorrection: true,
        steps: [],
      };
      await saveDraft(db, { lessonId, classId: sequence.class_id, draft, at });
      await setSeances(db, sequence.id, [...(await seanceLessonIds(db, sequence.id)), lessonId], at);
      return c.json(await sequenceView(db, sequence.id), 201);
    })
    .delete('/sequences/:sequenceId/lessons/:lessonId', async (c) => {
      const sequence = await ownedSequence(db, c.get('teacher').teacherId, c.req.param('sequenceId'));
      if (!sequence) return notYours(c, 'sequence');
      const lessonIds = await seanceLessonIds(db, sequence.id);
      const lessonId = c.req.param('lessonId');
      if (!lessonIds.includes(lessonId)) return notYours(c, 'lesson');
      // Only the séance goes: the lesson, its versions, copies and every pupil's work and score stay.
      const kept = lessonIds.filter((id) => id !== lessonId);
      await setSeances(db, sequence.id, kept, now().toISOString());
      return c.json(await sequenceView(db, sequence.id));
    })
    .post('/sequences/:sequenceId/duplicate', async (c) => {
      const teacherId = c.get('teacher').teacherId;
      const sequence = await ownedSequence(db, teacherId, c.req.param('sequenceId'));
      if (!sequence) return notYours(c, 'sequence');
      const parsed = await readJson(c, DuplicateSequenceSchema);
      if (!parsed.ok) return parsed.response;
      const target = await ownedClass(db, teacherId, parsed.value.classId);
      if (!target) return notYours(c, 'class');
      if (target.archived_at) return classArchived(c);
      const original = (await sequenceView(db, sequence.id))!;
      const lessons = await teacherLessons(
        db,
        blobs,
        sequence.class_id,
        original.seances.map((s) => s.lessonId),
      );
      const at = now().toISOString();
      const copies: string[] = [];
      for (const seance of original.seances) {
        const lesson = lessons.find((l) => l.id === seance.lessonId)!;
        const copyId = randomUUID();
        // Dates belong to a class and a year: the copy is scheduled afresh.
        await saveDraft(db, {
          lessonId: copyId,
          classId: target.id,
          draft: { ...lesson.draft, availableFrom: null, dueAt: null },
          at,
        });
        copies.push(copyId);
      }
      const copyId = randomUUID();
      await saveSequence(db, {
        sequenceId: copyId,
        classId: target.id,
        title: parsed.value.title ?? original.title,
        description: original.description,
        lessonIds: copies,
        at,
      });
      return c.json(await sequenceView(db, copyId), 201);
    })
    .post('/sequences/:sequenceId/schedule-preview', async (c) => {
      const sequence = await ownedSequence(db, c.get('teacher').teacherId, c.req.param('sequenceId'));
      if (!sequence) return notYours(c, 'sequence');
      const parsed = await readJson(c, SchedulePreviewRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { seances } = (await sequenceView(db, sequence.id))!;
      const dates = scheduleSeances(parsed.value.rule, seances.length, timeZone);
      return c.json({
        seances: seances.map((s, i) => ({ lessonId: s.lessonId, title: s.title, ...dates[i]! })),
      } satisfies SchedulePreview);
    });
}
