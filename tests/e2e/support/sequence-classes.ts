/**
 * What the demo lacks for the two-class sequence test, made through the real teacher API: a
 * second class with its pupils (and their join links), and lesson drafts with something to do.
 */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import type { DemoPupil } from './server-process.ts';
import { teacherCall } from './teacher-api.ts';

/** A new class of the demo teacher with these pupils; returns its id and each pupil's join link. */
export async function classWithPupils(
  origin: string,
  name: string,
  pupilNames: string[],
): Promise<{ id: string; pupils: DemoPupil[] }> {
  const { id } = await teacherCall<{ id: string }>(origin, 'POST', '/api/teacher/classes', { name });
  const { pupils } = await teacherCall<{ pupils: { name: string; code: string }[] }>(
    origin,
    'POST',
    `/api/teacher/classes/${id}/pupils`,
    { names: pupilNames },
  );
  return {
    id,
    pupils: pupils.map(({ name, code }) => ({
      name,
      code,
      link: `${origin}/join#${code.replaceAll('-', '')}`,
    })),
  };
}

/** Lesson drafts in a class, without dates (the sequence gives them): a text, then a question to answer. */
export async function lessonDrafts(origin: string, classId: string, titles: string[]): Promise<void> {
  for (const [i, title] of titles.entries()) {
    const draft: LessonDraft = {
      title,
      availableFrom: null,
      dueAt: null,
      showCorrection: true,
      steps: [
        { id: 'lire', kind: 'text', body: `Lis la consigne de la séance ${i + 1}.` },
        { id: 'ecrire', kind: 'freeText', prompt: 'Explique ce que tu as compris.' },
      ],
    };
    await teacherCall(origin, 'PUT', `/api/teacher/classes/${classId}/lessons/seance-${i + 1}`, { draft });
  }
}

/** The id of a class of the demo teacher, by name. */
export async function classIdByName(origin: string, name: string): Promise<string> {
  const { classes } = await teacherCall<{ classes: { id: string; name: string }[] }>(
    origin,
    'GET',
    '/api/teacher/classes',
  );
  return classes.find((k) => k.name === name)!.id;
}
