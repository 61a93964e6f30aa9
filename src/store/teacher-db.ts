/**
 * The teacher's own device database, separate from the pupil's `cartable`
 * database: lesson drafts being written, the teacher outbox (save / publish
 * waiting for a server) and the session. Opened once, lazily, by the teacher
 * screens only.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { lazyConnection } from './connection.ts';
import type { LessonDraft } from '../../protocol/lesson-draft.ts';
import type { ReportedPublishProblem } from '../../protocol/teacher-api.ts';

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC to `upgrade` below:
// a teacher's unsent lessons live in this database and must survive every update.
export const TEACHER_DB_NAME = 'cartable-teacher';
export const TEACHER_DB_VERSION = 2;

/** The signed-in teacher on this device. */
export interface SessionRecord {
  token: string;
  teacher: { id: string; name: string; email: string };
  expiresAt: string;
  /** Missing in sessions stored before the school's time zone was sent. */
  school?: { timeZone: string };
}

/** A lesson as last edited on this device. The device copy wins over the server's until it is saved there. */
export interface LocalLesson {
  lessonId: string;
  classId: string;
  teacherId: string;
  draft: LessonDraft;
  /** Last edit on this device (ISO). */
  editedAt: string;
  /** The `editedAt` the server has acknowledged (PUT lesson or publication), or null. */
  serverHasEditOf: string | null;
  /** The latest version the server confirmed as published from this device. */
  publishedVersion: number | null;
}

/** A class's name as the server last gave it, so titles still name the class offline. */
export interface KnownClass {
  id: string;
  teacherId: string;
  name: string;
}

export type TeacherOutboxState = 'waiting' | 'needsAttention' | 'signIn';

/** One request waiting for a server: save a draft, or publish one (with its client UUID). */
export interface TeacherOutboxItem {
  /** The publication UUID for a publish; `save:<lessonId>` for a save (a newer save replaces an older one). */
  id: string;
  kind: 'save' | 'publish';
  teacherId: string;
  classId: string;
  lessonId: string;
  draft: LessonDraft;
  /** The local edit this request carries. */
  editedAt: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  state: TeacherOutboxState;
  lastError?: string;
  /** The server's sentence when it refused (4xx). */
  message?: string;
  problems?: ReportedPublishProblem[];
}

export interface TeacherDB extends DBSchema {
  lessons: { key: string; value: LocalLesson; indexes: { byClass: string } };
  outbox: { key: string; value: TeacherOutboxItem; indexes: { byLesson: string } };
  session: { key: 'current'; value: SessionRecord };
  classes: { key: string; value: KnownClass };
}

export type TeacherDatabase = IDBPDatabase<TeacherDB>;

const connection = lazyConnection<TeacherDB>(TEACHER_DB_NAME, TEACHER_DB_VERSION, (db, oldVersion) => {
  // One branch per version: a device may jump several versions at once.
  if (oldVersion < 1) {
    db.createObjectStore('lessons', { keyPath: 'lessonId' }).createIndex('byClass', 'classId');
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byLesson', 'lessonId');
    db.createObjectStore('session');
  }
  if (oldVersion < 2) db.createObjectStore('classes', { keyPath: 'id' });
});

/** The shared connection, opened on first use. */
export function openTeacherDb(): Promise<TeacherDatabase> {
  return connection.open();
}
