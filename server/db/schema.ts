/**
 * The database tables as Kysely sees them. Portable between SQLite and
 * PostgreSQL: ids are text, timestamps are ISO 8601 text (UTC, so they sort
 * as strings), flags are 0/1 integers, JSON is stored as text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface TeacherTable {
  id: string;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash — see security/passwords.ts. */
  password_hash: string;
  created_at: string;
}

export interface TeacherSessionTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  teacher_id: string;
  created_at: string;
  expires_at: string;
}

export interface ClassTable {
  id: string;
  teacher_id: string;
  name: string;
  created_at: string;
  /** Archived classes stay readable and their devices keep working; nothing new is added. */
  archived_at: string | null;
}

export interface PupilTable {
  id: string;
  class_id: string;
  name: string;
  created_at: string;
  /** Soft delete: devices and codes are revoked, submissions kept. */
  removed_at: string | null;
}

export interface JoinCodeTable {
  /** sha256 of the normalised code. */
  code_hash: string;
  pupil_id: string;
  created_at: string;
  expires_at: string | null;
  /** Set when the teacher regenerates the pupil's code. */
  revoked_at: string | null;
  /** The plain code while it is live, for the teacher's printable sheet; null once revoked. */
  code: string | null;
}

/** Plain join codes of the demo pupils only, so `npm start` can print them on every start. */
export interface DemoCodeTable {
  pupil_id: string;
  code: string;
  /** Printing order. */
  position: number;
}

export interface DeviceTable {
  id: string;
  pupil_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  /** JSON [{ id, version }]: lessons the device reports as ready offline. */
  lessons_ready: string | null;
  storage_persisted: number | null;
  storage_usage: number | null;
  storage_quota: number | null;
  last_sync_at: string | null;
  /** The browser and system named by the User-Agent at join (protocol/device-agent.ts); null before migration 003. */
  browser: string | null;
  system: string | null;
  /** JSON [{ id }]: lessons started on the device and not handed in; null if never reported (migration 008). */
  lessons_started: string | null;
}

/** A lesson of a class; its published versions are in lesson_versions. */
export interface LessonTable {
  id: string;
  class_id: string;
  created_at: string;
  /** JSON LessonDraft the teacher edits (null only for lessons published before drafts were kept). */
  draft: string | null;
  updated_at: string | null;
}

/** One published version: immutable once written. */
export interface LessonVersionTable {
  lesson_id: string;
  version: number;
  title: string;
  pack_sha256: string;
  /** Pack bytes plus its media bytes: what a device downloads. */
  size: number;
  available_from: string;
  due_at: string | null;
  /** JSON QuizStep[] with their keys, kept server-side even when the pack hides them. */
  quiz_keys: string;
  published_at: string;
  /** JSON LessonDraft this version was published from. */
  draft: string | null;
  /** The editor's publication UUID, so a repeated publish finds this version. */
  publication_id: string | null;
}

/** Media referenced by a published version: what makes a blob public under /blobs/. */
export interface LessonMediaTable {
  lesson_id: string;
  version: number;
  sha256: string;
}

export interface BlobTable {
  sha256: string;
  mime: string;
  size: number;
  created_at: string;
}

/** A file's bytes in the database store (server/blobs/database-store.ts): its size, then its chunks. */
export interface BlobContentTable {
  sha256: string;
  size: number;
  chunk_bytes: number;
}

export interface BlobChunkTable {
  sha256: string;
  seq: number;
  bytes: Buffer;
}

/** Who uploaded a blob; teacher uploads are lesson media, pupil uploads are attachments. */
export interface BlobOwnerTable {
  sha256: string;
  owner_kind: 'teacher' | 'pupil';
  owner_id: string;
  created_at: string;
}

export interface SubmissionTable {
  /** The client-generated UUID: a repeat of the same hand-in hits this key. */
  id: string;
  pupil_id: string;
  lesson_id: string;
  lesson_version: number;
  /** Canonical JSON of the submission body, as handed in. */
  body: string;
  body_sha256: string;
  handed_in_at: string;
  received_at: string;
  /** 'file' when a teacher imported it from a family's work file; null when it came over the network. */
  received_via: string | null;
}

/** A teacher's feedback on a submission, addressed by the editor's UUID. */
export interface FeedbackTable {
  id: string;
  submission_id: string;
  teacher_id: string;
  markdown: string;
  created_at: string;
}

/** Per-pupil update feed; the cursor only grows. */
export interface FeedTable {
  cursor: Generated<number | string>;
  pupil_id: string;
  /** JSON of a protocol Update. */
  payload: string;
  created_at: string;
}

/** A sequence of séances, made of lessons of its class (migration 006). */
export interface SequenceTable {
  id: string;
  class_id: string;
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
}

/** A séance: a lesson of the sequence's class at a position (0-based, contiguous). */
export interface SequenceLessonTable {
  sequence_id: string;
  lesson_id: string;
  position: number;
}

/** A class the sequence was published to, with its dates (JSON [{ lessonId, availableFrom, dueAt }]). */
export interface SequenceClassTable {
  sequence_id: string;
  class_id: string;
  schedule: string;
  published_at: string;
}

/** The lesson that stands for a séance in a class (a copy in classes other than the sequence's own). */
export interface SequenceClassLessonTable {
  sequence_id: string;
  class_id: string;
  source_lesson_id: string;
  lesson_id: string;
}

/** A lesson given to chosen pupils only; a lesson with no row is for the whole class. */
export interface LessonAssignmentTable {
  lesson_id: string;
  pupil_id: string;
  created_at: string;
}

/** Moves whenever a class's manifests may change without a new publication. */
export interface ClassPlanRevisionTable {
  class_id: string;
  revision: number;
}

export interface Database {
  teachers: TeacherTable;
  teacher_sessions: TeacherSessionTable;
  classes: ClassTable;
  pupils: PupilTable;
  join_codes: JoinCodeTable;
  demo_codes: DemoCodeTable;
  devices: DeviceTable;
  lessons: LessonTable;
  lesson_versions: LessonVersionTable;
  lesson_media: LessonMediaTable;
  blobs: BlobTable;
  blob_owners: BlobOwnerTable;
  blob_contents: BlobContentTable;
  blob_chunks: BlobChunkTable;
  submissions: SubmissionTable;
  feed: FeedTable;
  feedback: FeedbackTable;
  sequences: SequenceTable;
  sequence_lessons: SequenceLessonTable;
  sequence_classes: SequenceClassTable;
  sequence_class_lessons: SequenceClassLessonTable;
  lesson_assignments: LessonAssignmentTable;
  class_plan_revisions: ClassPlanRevisionTable;
}

export type Teacher = Selectable<TeacherTable>;
export type Device = Selectable<DeviceTable>;
export type Pupil = Selectable<PupilTable>;
export type SchoolClass = Selectable<ClassTable>;
export type NewLessonVersion = Insertable<LessonVersionTable>;
