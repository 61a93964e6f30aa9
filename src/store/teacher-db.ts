/**
 * The teacher's own device database, separate from the pupil's `cartable`
 * database: lesson drafts being written, the teacher outbox (save / publish
 * waiting for a server), the sequences being arranged, and the session. Opened once, lazily, by the teacher
 * screens only.
 */
import type { DBSchema, IDBPDatabase, StoreKey, StoreNames, StoreValue } from 'idb';
import { lazyConnection } from './connection.ts';
import type { LessonDraft } from '../../protocol/lesson-draft.ts';
import type { ReportedPublishProblem } from '../../protocol/teacher-api.ts';
import type {
  PublishSequenceRequest,
  PublishSequenceResponse,
  Sequence,
} from '../../protocol/sequence-api.ts';

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC to `upgrade` below:
// a teacher's unsent lessons live in this database and must survive every update.
export const TEACHER_DB_NAME = 'cartable-teacher';
export const TEACHER_DB_VERSION = 3;

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
  /** Missing in names stored before version 3 kept it. */
  archived?: boolean;
}

/** A sequence as last edited on this device; like a lesson, the device copy wins until the server has it. */
export interface LocalSequence {
  sequenceId: string;
  classId: string;
  teacherId: string;
  title: string;
  description: string;
  /** The séances' lesson ids, in order (a séance made offline has the id the editor chose). */
  lessonIds: string[];
  /** Last edit on this device (ISO). */
  editedAt: string;
  /** The `editedAt` the server has acknowledged, or null. */
  serverHasEditOf: string | null;
  /** The server's last answer (séance titles, assignments, publications), kept to open offline. */
  server: Sequence | null;
  /** The latest publication the server answered, with each class's result. */
  lastPublication: PublishSequenceResponse | null;
}

/** A class's results in a sequence publication (published, or refused with its reason). */
export type ClassPublicationResult = PublishSequenceResponse['results'][number];

/** What a sequence save sends: the whole sequence (PUT replaces it). */
export interface SequenceBody {
  classId: string;
  title: string;
  description: string;
  lessonIds: string[];
}

export type TeacherOutboxState = 'waiting' | 'needsAttention' | 'signIn';

/** What every queued request carries, whatever it is for. */
interface OutboxItemBase {
  teacherId: string;
  classId: string;
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

/** Save a lesson draft, or publish one (with its client UUID). */
export interface LessonOutboxItem extends OutboxItemBase {
  /** The publication UUID for a publish; `save:<lessonId>` for a save (a newer save replaces an older one). */
  id: string;
  kind: 'save' | 'publish';
  lessonId: string;
  draft: LessonDraft;
}

/** Save a sequence whole, or publish it (with its client UUID) to the classes chosen. */
export interface SequenceOutboxItem extends OutboxItemBase {
  /**
   * `sequenceSave:<sequenceId>` for the latest save (a newer one replaces it); a save frozen
   * before a publication keeps `sequenceSave:<sequenceId>:<uuid>`; the publication UUID for a publish.
   */
  id: string;
  kind: 'sequenceSave' | 'sequencePublish';
  sequenceId: string;
  /** Absent, so that the `byLesson` index leaves sequence requests out. */
  lessonId?: undefined;
  sequence: SequenceBody;
  /** For a publish: each class's dates and chosen pupils. */
  classes?: PublishSequenceRequest['classes'];
  /** For a publish some classes refused: what the server answered, shown by the schedule. */
  results?: ClassPublicationResult[];
}

/** One request waiting for a server. */
export type TeacherOutboxItem = LessonOutboxItem | SequenceOutboxItem;

export interface TeacherDB extends DBSchema {
  lessons: { key: string; value: LocalLesson; indexes: { byClass: string } };
  outbox: { key: string; value: TeacherOutboxItem; indexes: { byLesson: string } };
  session: { key: 'current'; value: SessionRecord };
  classes: { key: string; value: KnownClass };
  sequences: { key: string; value: LocalSequence; indexes: { byClass: string } };
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
  // Version 3 only adds a store: every lesson, outbox item and class name of version 2 stays as it is.
  if (oldVersion < 3)
    db.createObjectStore('sequences', { keyPath: 'sequenceId' }).createIndex('byClass', 'classId');
});

/** The shared connection, opened on first use. */
export function openTeacherDb(): Promise<TeacherDatabase> {
  return connection.open();
}

/** Close the shared connection (tests reopen the database at another version). */
export function closeTeacherDbForTests(): Promise<void> {
  return connection.close();
}

/** Rewrites one record of a store in a single transaction, through `change`; a record that is gone stays gone. */
export async function updateTeacherRecord<Name extends StoreNames<TeacherDB>>(
  storeName: Name,
  key: StoreKey<TeacherDB, Name>,
  change: (record: StoreValue<TeacherDB, Name>) => StoreValue<TeacherDB, Name>,
): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction(storeName, 'readwrite');
  const record = await tx.store.get(key);
  if (record) await tx.store.put(change(record));
  await tx.done;
}

/**
 * A device copy as the signed-in teacher may open it: on a shared computer (a staff room) another
 * teacher's lesson or sequence counts as absent, so it is never shown, edited or sent under this one.
 */
export function ownDeviceCopy<T extends { teacherId: string }>(
  record: T | undefined,
  teacherId: string,
): T | undefined {
  return record?.teacherId === teacherId ? record : undefined;
}
