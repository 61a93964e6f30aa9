/**
 * What the sequence editor opens and offers, from the device when the server does not answer:
 * the sequence itself (the device copy while it holds edits the server lacks), and the class's
 * lessons with their titles (the server's list, and the lessons written on this device).
 */
import { ownDeviceCopy, type LocalSequence } from '../../store/teacher-db.ts';
import { getLocalLesson, listLocalLessons } from '../../store/teacher-lessons.ts';
import { listTeacherOutbox, queueSave } from '../../store/teacher-outbox.ts';
import { adoptServerSequence, getLocalSequence } from '../../store/teacher-sequences.ts';
import { knownClasses, rememberClassNames } from '../../store/teacher-classes.ts';
import { withinServerWait } from '../teacher-api-client.ts';
import { listClasses, listLessons } from '../teacher-resources.ts';
import { getSequence } from './sequence-calls.ts';

/**
 * The device copy when it holds edits the server has not acknowledged (or requests still wait);
 * otherwise the server's copy when it is as new (edited on another computer), falling back to
 * the device copy when the server does not answer.
 */
export async function openSequence(sequenceId: string, teacherId: string): Promise<LocalSequence | null> {
  const local = ownDeviceCopy(await getLocalSequence(sequenceId), teacherId);
  const waiting = (await listTeacherOutbox()).some(
    (item) => 'sequenceId' in item && item.sequenceId === sequenceId,
  );
  if (local && (waiting || local.serverHasEditOf !== local.editedAt)) return local;
  try {
    const view = await withinServerWait(getSequence(sequenceId));
    if (local && local.editedAt > view.updatedAt) return local;
    return await adoptServerSequence(view, teacherId);
  } catch {
    return local ?? null;
  }
}

/** A lesson of the class as the editor offers it. */
export interface LessonChoice {
  id: string;
  title: string;
}

/**
 * The class's lessons, newest knowledge first: a lesson edited on this device and not yet on the
 * server shows its device title; the server's list adds the lessons made elsewhere.
 */
export async function classLessonChoices(classId: string, teacherId: string): Promise<LessonChoice[]> {
  const local = await listLocalLessons(classId, teacherId);
  const server = await withinServerWait(listLessons(classId)).catch(() => []);
  const choices = new Map<string, string>();
  for (const lesson of server) choices.set(lesson.id, lesson.draft.title);
  for (const lesson of local)
    if (!choices.has(lesson.lessonId) || lesson.serverHasEditOf !== lesson.editedAt)
      choices.set(lesson.lessonId, lesson.draft.title);
  return [...choices].map(([id, title]) => ({ id, title }));
}

/** The teacher's classes to publish to: the server's list, or the names last kept on this device. */
export async function classesToPublishTo(
  teacherId: string,
): Promise<{ id: string; name: string; archived: boolean }[]> {
  try {
    const classes = await withinServerWait(listClasses());
    await rememberClassNames(teacherId, classes);
    return classes;
  } catch {
    return (await knownClasses(teacherId)).map((k) => ({ ...k, archived: k.archived ?? false }));
  }
}

/**
 * Queues the séances written on this device that the server lacks, before a publication (which
 * waits for them): what is published is what the teacher wrote. Only this teacher's copies: on a
 * shared computer another teacher's draft under one of these ids is never sent under this one.
 */
export async function queueUnsentSeances(lessonIds: string[], teacherId: string): Promise<void> {
  for (const lessonId of lessonIds) {
    const lesson = ownDeviceCopy(await getLocalLesson(lessonId), teacherId);
    if (lesson && lesson.serverHasEditOf !== lesson.editedAt) await queueSave(lesson);
  }
}
