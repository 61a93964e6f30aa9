/**
 * Publishing a sequence to one class: every séance as a version of that class's lesson (the
 * sequence's own lessons, or a copy per séance for another class), on that class's dates, with
 * its assignments. A class is published whole or refused whole with its reason; the caller runs
 * one per class and reports each. Repeats are safe: each lesson's publication UUID is derived from
 * the request's, so a repeated request finds the versions it made.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { publishProblems, type LessonDraft } from '../../protocol/lesson-draft.ts';
import type { PublishSequence } from '../../protocol/sequence-api.ts';
import { scheduleProblems, type ScheduleProblemCode } from '../../protocol/sequence-schedule.ts';
import type { BlobStore } from '../blobs/store.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Database } from '../db/schema.ts';
import { saveDraft, teacherLessons } from '../lessons/drafts.ts';
import { MarkdownTimeoutError } from '../lessons/markdown-pool.ts';
import { InvalidLessonError, MissingMediaError, publishLesson } from '../lessons/publish.ts';
import { assignLesson, livePupilIdsIn } from './assignments.ts';
import { touchClassPlans } from './plan-revision.ts';
import { seanceLessonIds } from './sequence-store.ts';

type Db = Kysely<Database>;
type ClassEntry = PublishSequence['classes'][number];

export type ClassResult =
  | { classId: string; status: 'published'; lessons: { lessonId: string; version: number }[] }
  | {
      classId: string;
      status: 'refused';
      error: string;
      message: string;
      problems?: { index: number; code: string }[];
    };

/** The refusal for each schedule reason: the code names the reason, the screens word it. */
function scheduleRefusal(code: ScheduleProblemCode) {
  switch (code) {
    case 'schedule_in_past':
      return { error: 'schedule_in_past', message: 'A séance would open in the past.' };
    case 'schedule_day_off':
      return { error: 'schedule_day_off', message: 'A séance would open on a day off.' };
    case 'schedule_after_due':
      return { error: 'schedule_after_due', message: 'A séance would open at or after its due date.' };
  }
}

export interface PublishToClassInput {
  sequence: { id: string; classId: string };
  entry: ClassEntry;
  publicationId: string;
  teacherId: string;
  now: Date;
  timeZone: string;
}

/** Publishes every séance of the sequence to the entry's class, or refuses that class with the reason. */
export async function publishToClass(
  db: Db,
  blobs: BlobStore,
  input: PublishToClassInput,
): Promise<ClassResult> {
  const { sequence, entry, now } = input;
  const classId = entry.classId;
  const refused = (
    error: string,
    message: string,
    problems?: { index: number; code: string }[],
  ): ClassResult => ({
    classId,
    status: 'refused',
    error,
    message,
    ...(problems ? { problems } : {}),
  });

  const sources = await seanceLessonIds(db, sequence.id);
  if (sources.length === 0) {
    return {
      classId,
      status: 'refused',
      error: 'empty_sequence',
      message: 'This sequence has no séance to publish.',
    };
  }
  if (entry.seances.length !== sources.length) {
    return refused('invalid_body', `Give dates for each of the ${sources.length} séances, in order.`);
  }
  const dates = scheduleProblems(entry.seances, { now, daysOff: entry.daysOff, timeZone: input.timeZone });
  if (dates.length > 0) {
    const { error, message } = scheduleRefusal(dates[0]!.code);
    return refused(error, message, dates);
  }
  const assignedTo = new Map(entry.assignments.map((a) => [a.lessonId, a.pupilIds]));
  if ([...assignedTo.keys()].some((lessonId) => !sources.includes(lessonId))) {
    return refused('unknown_lesson', 'An assignment names a lesson that is not a séance of this sequence.');
  }
  const named = [...new Set([...assignedTo.values()].flat())];
  if ((await livePupilIdsIn(db, classId, named)).size !== named.length) {
    return refused('unknown_pupil', 'An assignment names someone who is not a pupil of this class.');
  }

  const originals = await teacherLessons(db, blobs, sequence.classId, sources);
  const drafts = sources.map((lessonId, i): LessonDraft => {
    const original = originals.find((l) => l.id === lessonId)!;
    return {
      ...original.draft,
      availableFrom: entry.seances[i]!.availableFrom,
      dueAt: entry.seances[i]!.dueAt,
    };
  });
  const invalid = drafts.flatMap((draft, index) =>
    publishProblems(draft)
      .filter((p) => p.code !== 'media_wrong_kind')
      .map((p) => ({ index, code: p.code })),
  );
  if (invalid.length > 0) {
    return refused('invalid_lesson', 'A séance cannot be published yet; fix the problems listed.', invalid);
  }

  const at = now.toISOString();
  const lessons: { lessonId: string; version: number }[] = [];
  try {
    for (const [i, source] of sources.entries()) {
      const lessonId =
        classId === sequence.classId ? source : await copyFor(db, sequence.id, classId, source);
      if (lessonId !== source) {
        // The copy exists (and carries its assignment) before its first version: no device sees it unassigned.
        await saveDraft(db, { lessonId, classId, draft: drafts[i]!, at });
        await db
          .insertInto('sequence_class_lessons')
          .values({
            sequence_id: sequence.id,
            class_id: classId,
            source_lesson_id: source,
            lesson_id: lessonId,
          })
          .onConflict((c) => c.doNothing())
          .execute();
      }
      await assignLesson(db, { lessonId, pupilIds: assignedTo.get(source) ?? null, at });
      const version = await publishOnce(db, blobs, {
        lessonId,
        classId,
        draft: drafts[i]!,
        now,
        teacherId: input.teacherId,
        publicationId: derivedUuid(input.publicationId, classId, source),
      });
      lessons.push({ lessonId, version });
    }
  } catch (error) {
    if (error instanceof MissingMediaError) {
      return refused('missing_media', 'A media file of a séance has not been uploaded from your account.');
    }
    if (error instanceof MarkdownTimeoutError) {
      return refused('markdown_too_complex', 'A séance holds text too complex to convert.');
    }
    if (error instanceof InvalidLessonError) {
      return refused('invalid_lesson', 'A séance cannot be published yet; fix the problems listed.');
    }
    throw error;
  }

  const schedule = lessons.map(({ lessonId }, i) => ({ lessonId, ...entry.seances[i]! }));
  await db
    .insertInto('sequence_classes')
    .values({
      sequence_id: sequence.id,
      class_id: classId,
      schedule: JSON.stringify(schedule),
      published_at: at,
    })
    .onConflict((c) =>
      c
        .columns(['sequence_id', 'class_id'])
        .doUpdateSet({ schedule: JSON.stringify(schedule), published_at: at }),
    )
    .execute();
  await touchClassPlans(db, [classId]);
  return { classId, status: 'published', lessons };
}

/** The class's copy of a séance: the one made before, or a new id. */
async function copyFor(db: Db, sequenceId: string, classId: string, source: string): Promise<string> {
  const row = await db
    .selectFrom('sequence_class_lessons')
    .select('lesson_id')
    .where('sequence_id', '=', sequenceId)
    .where('class_id', '=', classId)
    .where('source_lesson_id', '=', source)
    .executeTakeFirst();
  return row?.lesson_id ?? randomUUID();
}

/**
 * The version for this publication: the one a repeat of it made, else the latest when it already
 * holds exactly this draft (dates included: nothing for devices to fetch again), else a new one.
 */
async function publishOnce(
  db: Db,
  blobs: BlobStore,
  input: Parameters<typeof publishLesson>[2] & { publicationId: string },
): Promise<number> {
  const earlier = await db
    .selectFrom('lesson_versions')
    .select('version')
    .where('publication_id', '=', input.publicationId)
    .executeTakeFirst();
  if (earlier) return Number(earlier.version);
  const latest = await db
    .selectFrom('lesson_versions')
    .select(['version', 'draft'])
    .where('lesson_id', '=', input.lessonId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest && latest.draft === canonicalJson(input.draft)) return Number(latest.version);
  return (await publishLesson(db, blobs, input)).version;
}

/** A UUID-shaped id that one request gives each of its lessons' publications, the same on every repeat. */
function derivedUuid(publicationId: string, classId: string, lessonId: string): string {
  const hex = createHash('sha256').update(`${publicationId}|${classId}|${lessonId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
