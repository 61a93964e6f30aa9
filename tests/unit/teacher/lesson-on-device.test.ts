/**
 * On a shared teacher computer (a staff room), the lesson editor opens only the signed-in
 * teacher's device copy: another teacher's offline draft is treated as absent, whether the
 * server is dead or answers, and is left as it was.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getLocalLesson, saveLocalDraft } from '../../../src/store/teacher-lessons.ts';
import { openTeacherDb } from '../../../src/store/teacher-db.ts';
import { openLesson } from '../../../src/teacher/editor/lesson-on-device.ts';
import { eachSignedInTeacher, lessonDraft as draft, TEACHER } from '../client/support/teacher-device.ts';

const CLASS = 'b7a4d2c0-5f1e-4c3a-9d8b-2e6f0a1c3b5d';
const LESSON = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
/** The teacher who used this computer before, signed out since. */
const OTHER_TEACHER = 'other-teacher';

let answer: () => Promise<Response>;
const serverDead = () => Promise.reject(new TypeError('Failed to fetch'));
/** The server's answer for a class that is not the signed-in teacher's. */
const notYourClass = async () =>
  new Response(JSON.stringify({ error: 'not_found', message: 'No such class' }), {
    status: 404,
    headers: { 'content-type': 'application/json' },
  });

eachSignedInTeacher(() => answer());
beforeEach(async () => {
  await (await openTeacherDb()).clear('lessons');
  vi.stubGlobal('history', { state: null });
});

/** A draft written offline on this computer and never sent. */
const unsentDraft = (teacherId: string, title: string) =>
  saveLocalDraft({ lessonId: LESSON, classId: CLASS, teacherId }, draft(title));

describe('the lesson editor on a shared computer', () => {
  it('opens this teacher’s own unsent draft with the server dead', async () => {
    await unsentDraft(TEACHER.id, 'Les fractions');
    answer = serverDead;
    expect((await openLesson(CLASS, LESSON, TEACHER.id))?.draft.title).toBe('Les fractions');
  });

  it('does not open another teacher’s unsent draft, with the server dead or refusing the class', async () => {
    const theirs = await unsentDraft(OTHER_TEACHER, 'Brouillon de Mme Martin');
    answer = serverDead;
    expect(await openLesson(CLASS, LESSON, TEACHER.id)).toBeNull();
    answer = notYourClass;
    expect(await openLesson(CLASS, LESSON, TEACHER.id)).toBeNull();
    expect(await getLocalLesson(LESSON)).toEqual(theirs);
  });

  it('does not start a blank “Nouvelle leçon” over another teacher’s draft kept under that id', async () => {
    const theirs = await unsentDraft(OTHER_TEACHER, 'Brouillon de Mme Martin');
    vi.stubGlobal('history', { state: { newLesson: true } });
    answer = notYourClass;
    expect(await openLesson(CLASS, LESSON, TEACHER.id)).toBeNull();
    expect(await getLocalLesson(LESSON)).toEqual(theirs);
  });

  it('opens the server’s copy when the server gives this teacher the lesson, not the other teacher’s draft', async () => {
    await unsentDraft(OTHER_TEACHER, 'Brouillon de Mme Martin');
    answer = async () =>
      new Response(
        JSON.stringify({
          lessons: [
            {
              id: LESSON,
              classId: CLASS,
              draft: draft('Les fractions'),
              updatedAt: '2026-11-20T10:00:00.000Z',
              published: null,
              hasUnpublishedChanges: true,
            },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const opened = await openLesson(CLASS, LESSON, TEACHER.id);
    expect(opened).toMatchObject({ teacherId: TEACHER.id, draft: { title: 'Les fractions' } });
  });
});
