/** Lessons as edited on this device: the editor's autosave target, readable with the server dead. */
import type { LessonDraft } from '../../protocol/lesson-draft.ts';
import { openTeacherDb, type LocalLesson } from './teacher-db.ts';

export async function getLocalLesson(lessonId: string): Promise<LocalLesson | undefined> {
  return (await openTeacherDb()).get('lessons', lessonId);
}

/** This teacher's lessons of one class kept on this device. */
export async function listLocalLessons(classId: string, teacherId: string): Promise<LocalLesson[]> {
  const all = await (await openTeacherDb()).getAllFromIndex('lessons', 'byClass', classId);
  return all.filter((l) => l.teacherId === teacherId);
}

/** Autosave: the draft as the teacher sees it now. */
export async function saveLocalDraft(
  ids: { lessonId: string; classId: string; teacherId: string },
  draft: LessonDraft,
): Promise<LocalLesson> {
  const db = await openTeacherDb();
  const tx = db.transaction('lessons', 'readwrite');
  const previous = await tx.store.get(ids.lessonId);
  const record: LocalLesson = {
    serverHasEditOf: null,
    publishedVersion: null,
    ...previous,
    ...ids,
    draft,
    editedAt: new Date().toISOString(),
  };
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Keep a copy of a lesson that came from the server (not edited here yet). */
export async function adoptServerLesson(record: LocalLesson): Promise<void> {
  await (await openTeacherDb()).put('lessons', record);
}

/** The server acknowledged the edit made at `editedAt` (and, for a publish, its version). */
export async function markServerHas(
  lessonId: string,
  editedAt: string,
  publishedVersion?: number,
): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction('lessons', 'readwrite');
  const record = await tx.store.get(lessonId);
  if (record) {
    await tx.store.put({
      ...record,
      // An older acknowledgement never overwrites a newer one.
      serverHasEditOf:
        record.serverHasEditOf && record.serverHasEditOf > editedAt ? record.serverHasEditOf : editedAt,
      publishedVersion:
        publishedVersion === undefined
          ? record.publishedVersion
          : Math.max(publishedVersion, record.publishedVersion ?? 0),
    });
  }
  await tx.done;
}

/** The history state of an editor opened by "Nouvelle leçon" (see isNewLessonEntry). */
export const NEW_LESSON = { newLesson: true } as const;

/** Whether this history entry is a lesson just started with "Nouvelle leçon" (kept by a reload). */
export function isNewLessonEntry(state: unknown = history.state): boolean {
  return typeof state === 'object' && state !== null && (state as { newLesson?: unknown }).newLesson === true;
}

/** A draft with nothing of the teacher's in it yet (the correction switch alone is no content). */
export function isBlankDraft(draft: LessonDraft): boolean {
  return draft.title.trim() === '' && draft.steps.length === 0 && !draft.availableFrom && !draft.dueAt;
}

/**
 * Forget a lesson left blank that only this device has (never sent to a server, nothing
 * waiting in the outbox): backing out of "Nouvelle leçon" must not leave "Leçon sans titre".
 */
export async function dropIfBlank(lessonId: string): Promise<boolean> {
  const db = await openTeacherDb();
  const tx = db.transaction(['lessons', 'outbox'], 'readwrite');
  const record = await tx.objectStore('lessons').get(lessonId);
  const waiting = await tx.objectStore('outbox').index('byLesson').count(lessonId);
  const drop = !!record && record.serverHasEditOf === null && waiting === 0 && isBlankDraft(record.draft);
  if (drop) await tx.objectStore('lessons').delete(lessonId);
  await tx.done;
  return drop;
}

export async function deleteLocalLesson(lessonId: string): Promise<void> {
  await (await openTeacherDb()).delete('lessons', lessonId);
}
