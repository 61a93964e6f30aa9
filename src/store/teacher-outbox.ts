/**
 * Queue semantics of the teacher outbox (storage is teacher-db.ts, delivery
 * policy is outbox-sender.ts). Items are removed only when the server
 * acknowledged exactly the edit they carry.
 */
import type { LessonOutboxItem } from './teacher-db.ts';
import type { ReportedPublishProblem } from '../../protocol/teacher-api.ts';
import {
  openTeacherDb,
  updateTeacherRecord,
  type LocalLesson,
  type TeacherOutboxItem,
} from './teacher-db.ts';
import { earliestFirst } from './time-order.ts';

function newItem(kind: LessonOutboxItem['kind'], id: string, lesson: LocalLesson): LessonOutboxItem {
  return {
    id,
    kind,
    teacherId: lesson.teacherId,
    classId: lesson.classId,
    lessonId: lesson.lessonId,
    draft: lesson.draft,
    editedAt: lesson.editedAt,
    createdAt: new Date().toISOString(),
    attempts: 0,
    nextAttemptAt: Date.now(),
    state: 'waiting',
  };
}

/** Queue "save to server"; a newer save of the same lesson replaces a waiting one. */
export async function queueSave(lesson: LocalLesson): Promise<void> {
  await (await openTeacherDb()).put('outbox', newItem('save', `save:${lesson.lessonId}`, lesson));
}

/** Queue a publish under its client UUID (the server treats a repeat as the same publication). */
export async function queuePublish(lesson: LocalLesson, publicationId: string): Promise<void> {
  await (await openTeacherDb()).put('outbox', newItem('publish', publicationId, lesson));
}

/** Every waiting item, oldest first (a save queued before a publish goes first). */
export async function listTeacherOutbox(): Promise<TeacherOutboxItem[]> {
  const items = await (await openTeacherDb()).getAll('outbox');
  return items.sort((a, b) => earliestFirst(a.createdAt, b.createdAt));
}

/** Delivered: remove the item only if it still carries the acknowledged edit (a newer save may have replaced it). */
export async function removeDelivered(item: TeacherOutboxItem): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction('outbox', 'readwrite');
  const current = await tx.store.get(item.id);
  if (current && current.editedAt === item.editedAt) await tx.store.delete(item.id);
  await tx.done;
}

const edit = (id: string, change: (item: TeacherOutboxItem) => TeacherOutboxItem) =>
  updateTeacherRecord('outbox', id, change);

export function rescheduleItem(id: string, nextAttemptAt: number, lastError: string): Promise<void> {
  return edit(id, (item) => ({
    ...item,
    state: 'waiting',
    attempts: item.attempts + 1,
    nextAttemptAt,
    lastError,
  }));
}

/** The server refused it (4xx): kept, with the server's reason, until the teacher acts. */
export function markNeedsAttention(
  id: string,
  reason: string,
  message: string | null,
  problems: ReportedPublishProblem[] | null,
): Promise<void> {
  return edit(id, (item) => ({
    ...item,
    state: 'needsAttention',
    lastError: reason,
    ...(message ? { message } : {}),
    ...(problems ? { problems } : {}),
  }));
}

/** The session was refused: everything waits for the teacher to sign in again. */
export async function markAllSignIn(): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const item of await tx.store.getAll())
    if (item.state === 'waiting') await tx.store.put({ ...item, state: 'signIn' });
  await tx.done;
}

/** After signing in again, or when the teacher asks: everything kept is due now. */
export async function makeAllDueNow(): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const item of await tx.store.getAll()) {
    if (item.state !== 'needsAttention')
      await tx.store.put({ ...item, state: 'waiting', nextAttemptAt: Date.now() });
  }
  await tx.done;
}

/** The teacher gives up on a refused request (the draft itself stays on the device). */
export async function dropItem(id: string): Promise<void> {
  await (await openTeacherDb()).delete('outbox', id);
}
