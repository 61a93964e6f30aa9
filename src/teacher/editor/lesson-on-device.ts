/**
 * What the lesson editor opens, from the device when the server does not answer: the device copy
 * while it holds edits the server lacks, else the server's copy, kept on the device to open offline.
 */
import { ownDeviceCopy, type LocalLesson } from '../../store/teacher-db.ts';
import { adoptServerLesson, getLocalLesson, isNewLessonEntry } from '../../store/teacher-lessons.ts';
import { outboxItems } from '../outbox-state.ts';
import { withinServerWait } from '../teacher-api-client.ts';
import { listLessons } from '../teacher-resources.ts';
import { emptyDraft } from './new-step.ts';

/**
 * The device copy when it holds edits the server has not acknowledged (they must
 * not be lost); otherwise the server's copy when it is newer (edited on another
 * computer), falling back to the device copy when the server does not answer.
 * Another teacher's copy (a shared computer) counts as absent, as in the sequence editor.
 */
export async function openLesson(
  classId: string,
  lessonId: string,
  teacherId: string,
): Promise<LocalLesson | null> {
  const found = await getLocalLesson(lessonId);
  const local = ownDeviceCopy(found, teacherId);
  // "Nouvelle leçon": a blank lesson held in memory only, stored at the teacher's first change
  // (never over another teacher's draft under that id: its first save would replace it).
  if (!found && isNewLessonEntry()) return blankLesson(classId, lessonId, teacherId);
  const unsent =
    local &&
    (local.serverHasEditOf !== local.editedAt || outboxItems.value.some((i) => i.lessonId === lessonId));
  if (local && unsent) return local;
  try {
    const lessons = await withinServerWait(listLessons(classId));
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) return local ?? null;
    if (local && local.editedAt >= lesson.updatedAt) return local;
    const record: LocalLesson = {
      lessonId,
      classId,
      teacherId,
      draft: lesson.draft,
      editedAt: lesson.updatedAt,
      serverHasEditOf: lesson.updatedAt,
      publishedVersion: lesson.published?.version ?? null,
    };
    await adoptServerLesson(record);
    return record;
  } catch {
    return local ?? null;
  }
}

function blankLesson(classId: string, lessonId: string, teacherId: string): LocalLesson {
  return {
    lessonId,
    classId,
    teacherId,
    draft: emptyDraft(),
    editedAt: new Date().toISOString(),
    serverHasEditOf: null,
    publishedVersion: null,
  };
}
