/**
 * The teacher's HTTP API (`/api/teacher/…`, bearer session token). Every route
 * checks that the teacher owns the class, pupil, lesson or submission; another
 * teacher's resource answers 404 (existence is not leaked).
 */
import * as v from 'valibot';
import { AnswersSchema } from './answers.ts';
import { LessonDraftSchema } from './lesson-draft.ts';
import { MARKDOWN_LIMITS } from './markdown-limits.ts';
import { UuidSchema } from './hash.ts';
import { NameSchema } from './names.ts';
import { DEFAULT_SCHOOL_TIME_ZONE } from './school-time.ts';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const IsoDate = v.pipe(v.string(), v.isoTimestamp());
// Cleaned of bidi controls and invisible characters before it is stored (see names.ts).
const Name = NameSchema;

export const TEACHER_API = {
  session: '/api/teacher/session',
  me: '/api/teacher/me',
  classes: '/api/teacher/classes',
  class: (classId: string) => `/api/teacher/classes/${classId}`,
  pupils: (classId: string) => `/api/teacher/classes/${classId}/pupils`,
  pupil: (pupilId: string) => `/api/teacher/pupils/${pupilId}`,
  regenerateCode: (pupilId: string) => `/api/teacher/pupils/${pupilId}/code`,
  pupilDevices: (pupilId: string) => `/api/teacher/pupils/${pupilId}/devices`,
  device: (deviceId: string) => `/api/teacher/devices/${deviceId}`,
  lessons: (classId: string) => `/api/teacher/classes/${classId}/lessons`,
  /** PUT creates or replaces the draft (the lesson id is chosen by the editor, so it works offline). */
  lesson: (classId: string, lessonId: string) => `/api/teacher/classes/${classId}/lessons/${lessonId}`,
  duplicate: (classId: string, lessonId: string) =>
    `/api/teacher/classes/${classId}/lessons/${lessonId}/duplicate`,
  /** PUT with a client UUID: idempotent, so the editor's outbox can repeat it safely. */
  publication: (classId: string, lessonId: string, publicationId: string) =>
    `/api/teacher/classes/${classId}/lessons/${lessonId}/publications/${publicationId}`,
  dashboard: (classId: string) => `/api/teacher/classes/${classId}/dashboard`,
  submissions: (classId: string) => `/api/teacher/classes/${classId}/submissions`,
  submission: (submissionId: string) => `/api/teacher/submissions/${submissionId}`,
  attachment: (submissionId: string, sha256: string) =>
    `/api/teacher/submissions/${submissionId}/attachments/${sha256}`,
  /** PUT with a client UUID, idempotent. */
  feedback: (submissionId: string, feedbackId: string) =>
    `/api/teacher/submissions/${submissionId}/feedback/${feedbackId}`,
  exportCsv: (classId: string) => `/api/teacher/classes/${classId}/export.csv`,
  exportZip: (classId: string) => `/api/teacher/classes/${classId}/export.zip`,
  /** A pupil's lessons file for a family without a connection, and its size first. */
  lessonsFile: (pupilId: string) => `/api/teacher/pupils/${pupilId}/lessons-file`,
  lessonsFileSize: (pupilId: string) => `/api/teacher/pupils/${pupilId}/lessons-file/size`,
  /** POST the bytes of a family's work file. */
  workFiles: '/api/teacher/work-files',
} as const;

/** The sign-in body, as the server reads it: the e-mail trimmed and lower-cased (an address is at most 254 characters). */
export const LoginRequestSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(3), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});
export const TeacherSchema = v.object({ id: Id, name: v.string(), email: v.string() });
/** The school's settings a teacher's screens need. Older servers sent none: Paris time then. */
export const SchoolSchema = v.optional(
  v.object({ timeZone: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  { timeZone: DEFAULT_SCHOOL_TIME_ZONE },
);
export const LoginResponseSchema = v.object({
  token: v.string(),
  teacher: TeacherSchema,
  expiresAt: IsoDate,
  school: SchoolSchema,
});
export const MeResponseSchema = v.object({ ...TeacherSchema.entries, school: SchoolSchema });

export const ClassSchema = v.object({
  id: Id,
  name: v.string(),
  archived: v.boolean(),
  pupilCount: v.number(),
});
export type TeacherClass = v.InferOutput<typeof ClassSchema>;
export const CreateClassSchema = v.object({ name: Name });
export const UpdateClassSchema = v.object({ name: v.optional(Name), archived: v.optional(v.boolean()) });

export const PupilSchema = v.object({
  id: Id,
  name: v.string(),
  /** The pupil's current join code, grouped (ABC-DEF-GHJ); the link is `<origin>/join#<code without dashes>`. */
  code: v.string(),
  devices: v.number(),
});
export type TeacherPupil = v.InferOutput<typeof PupilSchema>;
/** Add one pupil or paste a list (one name per line, split by the client). */
export const AddPupilsSchema = v.object({ names: v.pipe(v.array(Name), v.minLength(1), v.maxLength(200)) });
export const RenamePupilSchema = v.object({ name: Name });

export const DeviceSchema = v.object({
  id: Id,
  createdAt: IsoDate,
  lastSeenAt: IsoDate,
  lastSyncAt: v.nullable(IsoDate),
  revokedAt: v.nullable(IsoDate),
  lessonsReady: v.array(v.object({ id: Id, version: v.number() })),
  storagePersisted: v.nullable(v.boolean()),
  /** Browser and system the device joined with (protocol/device-agent.ts); null when unknown, absent from older servers. */
  browser: v.optional(v.nullable(v.string())),
  system: v.optional(v.nullable(v.string())),
});

export const TeacherLessonSchema = v.object({
  id: Id,
  classId: Id,
  draft: LessonDraftSchema,
  updatedAt: IsoDate,
  /** The latest published version, if any. Editing after publish makes the next version. */
  published: v.nullable(
    v.object({
      version: v.number(),
      pack: v.string(),
      availableFrom: IsoDate,
      dueAt: v.nullable(IsoDate),
      publishedAt: IsoDate,
    }),
  ),
  /** The draft differs from the published version. */
  hasUnpublishedChanges: v.boolean(),
});
export type TeacherLesson = v.InferOutput<typeof TeacherLessonSchema>;
export const SaveDraftSchema = v.object({ draft: LessonDraftSchema });
/** Publishing sends the draft it publishes, so a queued publish publishes what the teacher saw. */
export const PublishRequestSchema = v.object({ draft: LessonDraftSchema });
export const PublishResponseSchema = v.object({
  lessonId: Id,
  version: v.number(),
  pack: v.string(),
  publishedAt: IsoDate,
});
/**
 * 422 body when a draft cannot be published: `{ error: 'invalid_lesson', message, problems }`, one
 * problem per `PublishProblem`. Codes are read as any string: a newer server may add one, and the
 * editor names a code it does not know rather than losing the list.
 */
export const PublishProblemSchema = v.object({ code: v.string(), stepId: v.optional(v.string()) });
export type ReportedPublishProblem = v.InferOutput<typeof PublishProblemSchema>;
export const PublishRefusalSchema = v.object({
  error: v.string(),
  message: v.string(),
  problems: v.array(PublishProblemSchema),
});
export type PublishRefusal = v.InferOutput<typeof PublishRefusalSchema>;

export const DashboardSchema = v.object({
  lessons: v.array(
    v.object({
      id: Id,
      title: v.string(),
      version: v.number(),
      availableFrom: IsoDate,
      dueAt: v.nullable(IsoDate),
      /** The only pupils this lesson is for, or null for the whole class. Absent from older servers. */
      pupilIds: v.optional(v.nullable(v.array(Id))),
    }),
  ),
  pupils: v.array(
    v.object({
      id: Id,
      name: v.string(),
      lastSyncAt: v.nullable(IsoDate),
      /** Per lesson id: ready offline on at least one device with the latest version (absent: not this pupil's lesson). */
      ready: v.record(v.string(), v.boolean()),
      /** Per lesson id: the latest submission's state. */
      work: v.record(
        v.string(),
        v.object({
          /** 'late': handed in after the lesson's due date (it was handed in; it is not missing). */
          status: v.picklist(['handedIn', 'late']),
          submissionId: UuidSchema,
          /** When the pupil handed it in (device clock, corrected), which decides `late`. */
          handedInAt: IsoDate,
          receivedAt: IsoDate,
          score: v.nullable(v.object({ correct: v.number(), total: v.number() })),
          /** Present (true) when the teacher imported it from a family's work file. */
          receivedByFile: v.optional(v.boolean()),
        }),
      ),
    }),
  ),
});
export type Dashboard = v.InferOutput<typeof DashboardSchema>;

export const FeedbackRequestSchema = v.object({
  markdown: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MARKDOWN_LIMITS.feedback)),
});

export const SubmissionDetailSchema = v.object({
  id: UuidSchema,
  pupil: v.object({ id: Id, name: v.string() }),
  lessonId: Id,
  lessonVersion: v.number(),
  /** The pack of the version this work answered (with quiz keys), so old work shows against its own questions. */
  pack: v.unknown(),
  answers: AnswersSchema,
  handedInAt: IsoDate,
  receivedAt: IsoDate,
  /** Present (true) when the teacher imported it from a family's work file. */
  receivedByFile: v.optional(v.boolean()),
  late: v.boolean(),
  score: v.nullable(v.object({ correct: v.number(), total: v.number() })),
  feedback: v.array(v.object({ id: Id, markdown: v.string(), createdAt: IsoDate })),
});
export type SubmissionDetail = v.InferOutput<typeof SubmissionDetailSchema>;

/** List answers travel wrapped in an object named after the list. */
export const ClassListSchema = v.object({ classes: v.array(ClassSchema) });
/** GET pupils, and POST pupils (201, the pupils just added). */
export const PupilListSchema = v.object({ pupils: v.array(PupilSchema) });
export const DeviceListSchema = v.object({ devices: v.array(DeviceSchema) });
export const LessonListSchema = v.object({ lessons: v.array(TeacherLessonSchema) });
/** POST …/pupils/<id>/code: the new code, grouped; the old one no longer links a device. */
export const NewJoinCodeSchema = v.object({ code: v.string() });
/** PUT …/feedback/<uuid>: 201, or 200 with the same body on a repeat. */
export const FeedbackResponseSchema = v.object({ id: Id, markdown: v.string(), createdAt: IsoDate });
export type FeedbackResponse = v.InferOutput<typeof FeedbackResponseSchema>;
/** PUT /api/blobs/<sha256>: `mime` is the type read from the bytes; put it in the MediaRef. */
export const UploadResponseSchema = v.object({ sha256: v.string(), size: v.number(), mime: v.string() });
export type UploadResponse = v.InferOutput<typeof UploadResponseSchema>;

/** GET …/pupils/<id>/lessons-file/size: what a family's lessons file will hold, before it is made. */
export const LessonsFileSizeSchema = v.object({
  lessons: v.number(),
  /** Bytes of the packs and media in it (the file is a few hundred bytes a file larger). */
  bytes: v.number(),
});
export type LessonsFileSize = v.InferOutput<typeof LessonsFileSizeSchema>;

/** POST /api/teacher/work-files: each submission of the file, received now or already before. */
export const WorkFileImportResultSchema = v.object({
  pupil: v.object({ id: Id, name: v.string() }),
  submissions: v.array(
    v.object({
      id: UuidSchema,
      lessonId: Id,
      status: v.picklist(['received', 'alreadyReceived']),
      receivedAt: IsoDate,
    }),
  ),
});
export type WorkFileImportResult = v.InferOutput<typeof WorkFileImportResultSchema>;
