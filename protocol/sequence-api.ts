/**
 * Sequences of séances (`/api/teacher/sequences/…`, bearer session token): a titled, ordered list
 * of a class's lessons, scheduled in one go, published to several classes, some séances assigned
 * to chosen pupils. See docs/PROTOCOL.md. Another teacher's sequence answers 404.
 */
import * as v from 'valibot';
import { UuidSchema } from './hash.ts';
export { ManifestSequenceSchema, type ManifestSequence } from './manifest-sequence.ts';
import { addDays } from './school-time.ts';
import type { ScheduleProblemCode } from './sequence-schedule.ts';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const IsoDate = v.pipe(v.string(), v.isoTimestamp());
const SchoolDate = v.pipe(
  v.string(),
  v.isoDate('expected a date as YYYY-MM-DD'),
  // isoDate takes 30 February: a date must read back as itself.
  v.check((date) => addDays(date, 0) === date, 'expected a real calendar date'),
);
const TimeOfDay = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM'));
/** Lesson ids are chosen by the editor (server/lessons/drafts.ts LESSON_ID). */
const LessonId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a lesson id'));

export const SEQUENCE_API = {
  sequences: '/api/teacher/sequences',
  /** PUT creates or replaces (the id is chosen by the editor, so it works offline). */
  sequence: (sequenceId: string) => `/api/teacher/sequences/${sequenceId}`,
  /** POST `{ lessonId?, title }`: a new lesson draft in the sequence's class, appended. */
  newLesson: (sequenceId: string) => `/api/teacher/sequences/${sequenceId}/lessons`,
  /** DELETE: out of the sequence; the lesson, its versions and the pupils' work stay. */
  sequenceLesson: (sequenceId: string, lessonId: string) =>
    `/api/teacher/sequences/${sequenceId}/lessons/${lessonId}`,
  duplicate: (sequenceId: string) => `/api/teacher/sequences/${sequenceId}/duplicate`,
  schedulePreview: (sequenceId: string) => `/api/teacher/sequences/${sequenceId}/schedule-preview`,
  /** PUT with a client UUID: idempotent, so the editor's outbox can repeat it. */
  publication: (sequenceId: string, publicationId: string) =>
    `/api/teacher/sequences/${sequenceId}/publications/${publicationId}`,
  follow: (sequenceId: string, classId: string) =>
    `/api/teacher/sequences/${sequenceId}/classes/${classId}/follow`,
  /** PUT `{ pupilIds }`: who in the class gets this lesson (`null`: the whole class). */
  assignment: (classId: string, lessonId: string) =>
    `/api/teacher/classes/${classId}/lessons/${lessonId}/assignment`,
} as const;

const Weekday = v.picklist([1, 2, 3, 4, 5, 6, 7] as const);
export const DueRuleSchema = v.variant('kind', [
  v.object({ kind: v.literal('none') }),
  v.object({ kind: v.literal('sameDay'), time: TimeOfDay }),
  v.object({ kind: v.literal('beforeNext') }),
]);
export const ScheduleRuleSchema = v.object({
  startDate: SchoolDate,
  time: TimeOfDay,
  weekdays: v.pipe(v.array(Weekday), v.minLength(1), v.maxLength(7)),
  daysOff: v.pipe(v.array(SchoolDate), v.maxLength(400)),
  due: DueRuleSchema,
});

/** PUT /api/teacher/sequences/<id>: the whole sequence, so edit, reorder, add and remove are one save. */
export const SaveSequenceSchema = v.object({
  /** The class whose lessons the séances are (fixed once created). */
  classId: Id,
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  description: v.optional(v.pipe(v.string(), v.maxLength(1000)), ''),
  lessonIds: v.pipe(v.array(LessonId), v.maxLength(60)),
});
export type SaveSequence = v.InferOutput<typeof SaveSequenceSchema>;

export const NewSequenceLessonSchema = v.object({
  lessonId: v.optional(LessonId),
  title: v.pipe(v.string(), v.maxLength(500)),
});
export const DuplicateSequenceSchema = v.object({
  classId: Id,
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
});
export const SchedulePreviewRequestSchema = v.object({ rule: ScheduleRuleSchema });

const SeanceDatesSchema = v.object({ availableFrom: IsoDate, dueAt: v.nullable(IsoDate) });
/** One class's part of a publication: its own dates (one per séance, in order) and assignments. */
export const ClassPublicationSchema = v.object({
  classId: Id,
  /** The days off the dates were drawn around: a séance on one is refused. */
  daysOff: v.optional(v.pipe(v.array(SchoolDate), v.maxLength(400)), []),
  seances: v.pipe(v.array(SeanceDatesSchema), v.maxLength(60)),
  /** Per lesson of the sequence (its id in the sequence's class): the only pupils of this class who get it. */
  assignments: v.optional(
    v.pipe(
      v.array(
        v.object({ lessonId: LessonId, pupilIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(200)) }),
      ),
      v.maxLength(60),
    ),
    [],
  ),
});
export const PublishSequenceSchema = v.object({
  classes: v.pipe(v.array(ClassPublicationSchema), v.minLength(1), v.maxLength(12)),
});
export type PublishSequence = v.InferOutput<typeof PublishSequenceSchema>;
/** What a client sends (`daysOff` and `assignments` may be left out). */
export type PublishSequenceRequest = v.InferInput<typeof PublishSequenceSchema>;

export const AssignmentRequestSchema = v.object({
  /** `null`: the whole class (as for a lesson never assigned). */
  pupilIds: v.nullable(v.pipe(v.array(Id), v.minLength(1), v.maxLength(200))),
});

export const SequenceSchema = v.object({
  id: Id,
  classId: Id,
  title: v.string(),
  description: v.string(),
  updatedAt: IsoDate,
  seances: v.array(
    v.object({
      lessonId: Id,
      title: v.string(),
      /** Assigned pupils in the sequence's class, or null for the whole class. */
      pupilIds: v.nullable(v.array(Id)),
    }),
  ),
  /** Classes it was published to, with each one's dates (by position). */
  classes: v.array(
    v.object({
      classId: Id,
      publishedAt: IsoDate,
      seances: v.array(v.object({ lessonId: Id, availableFrom: IsoDate, dueAt: v.nullable(IsoDate) })),
    }),
  ),
});
export type Sequence = v.InferOutput<typeof SequenceSchema>;
export const SequenceListSchema = v.object({ sequences: v.array(SequenceSchema) });

/** POST …/schedule-preview's answer: each séance's dates under a rule, before anything is published. */
export const SchedulePreviewSchema = v.object({
  seances: v.array(
    v.object({
      lessonId: Id,
      title: v.string(),
      date: SchoolDate,
      availableFrom: IsoDate,
      dueAt: v.nullable(IsoDate),
    }),
  ),
});
export type SchedulePreview = v.InferOutput<typeof SchedulePreviewSchema>;

/** A class's outcome in a publication: every séance published, or nothing and the reason. */
export const ClassPublicationResultSchema = v.variant('status', [
  v.object({
    classId: Id,
    status: v.literal('published'),
    lessons: v.array(v.object({ lessonId: Id, version: v.number() })),
  }),
  v.object({
    classId: Id,
    status: v.literal('refused'),
    error: v.string(),
    /** For `invalid_schedule`: per séance index, why its dates are refused. */
    problems: v.optional(v.array(v.object({ index: v.number(), code: v.string() }))),
  }),
]);
export const PublishSequenceResponseSchema = v.object({
  publicationId: UuidSchema,
  results: v.array(ClassPublicationResultSchema),
});
export type PublishSequenceResponse = v.InferOutput<typeof PublishSequenceResponseSchema>;

export const FollowGridSchema = v.object({
  seances: v.array(
    v.object({ lessonId: Id, title: v.string(), availableFrom: IsoDate, dueAt: v.nullable(IsoDate) }),
  ),
  pupils: v.array(
    v.object({
      id: Id,
      name: v.string(),
      /** Per séance, in order: absent when the séance is not assigned to this pupil. */
      cells: v.array(
        v.nullable(
          v.object({
            state: v.picklist(['notReady', 'readyOffline', 'started', 'handedIn', 'late']),
            score: v.nullable(v.object({ correct: v.number(), total: v.number() })),
          }),
        ),
      ),
      /** Every séance assigned to this pupil is on one of their devices. */
      allReady: v.boolean(),
    }),
  ),
  /** "22 élèves sur 25 ont toute la séquence sur leur appareil". */
  readyPupils: v.number(),
  pupilCount: v.number(),
});
export type FollowGrid = v.InferOutput<typeof FollowGridSchema>;

/** The schedule codes a class's refusal may carry (also in protocol/error-codes.ts). */
export const SCHEDULE_PROBLEM_CODES: readonly ScheduleProblemCode[] = [
  'schedule_in_past',
  'schedule_day_off',
  'schedule_after_due',
];
