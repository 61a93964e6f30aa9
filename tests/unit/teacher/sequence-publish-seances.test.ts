/**
 * Before a sequence is published, the séances written on this device that the server lacks are
 * queued for it first, and only the signed-in teacher's: on a shared computer another teacher's
 * draft under one of the ids is never sent under this one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openTeacherDb } from '../../../src/store/teacher-db.ts';
import { markServerHas, saveLocalDraft } from '../../../src/store/teacher-lessons.ts';
import { listTeacherOutbox } from '../../../src/store/teacher-outbox.ts';
import { queueUnsentSeances } from '../../../src/teacher/sequences/sequence-on-device.ts';
import { eachSignedInTeacher, lessonDraft, TEACHER } from '../client/support/teacher-device.ts';

const CLASS = 'b7a4d2c0-5f1e-4c3a-9d8b-2e6f0a1c3b5d';
const [MINE, SENT, THEIRS] = [
  'a1a1a1a1-0000-4000-8000-000000000001',
  'a1a1a1a1-0000-4000-8000-000000000002',
  'a1a1a1a1-0000-4000-8000-000000000003',
];

eachSignedInTeacher(() => Promise.reject(new TypeError('Failed to fetch')));
beforeEach(async () => {
  const db = await openTeacherDb();
  await db.clear('lessons');
  await db.clear('outbox');
});

describe('the séances of a sequence about to be published', () => {
  it('queues this teacher’s unsent séances only: not one the server has, not another teacher’s', async () => {
    await saveLocalDraft({ lessonId: MINE, classId: CLASS, teacherId: TEACHER.id }, lessonDraft('Séance 1'));
    const sent = await saveLocalDraft(
      { lessonId: SENT, classId: CLASS, teacherId: TEACHER.id },
      lessonDraft('Séance 2'),
    );
    await markServerHas(SENT, sent.editedAt);
    await saveLocalDraft(
      { lessonId: THEIRS, classId: CLASS, teacherId: 'other-teacher' },
      lessonDraft('À eux'),
    );

    await queueUnsentSeances([MINE, SENT, THEIRS], TEACHER.id);

    const queued = await listTeacherOutbox();
    expect(queued.map((item) => item.lessonId)).toEqual([MINE]);
    expect(queued.every((item) => item.teacherId === TEACHER.id)).toBe(true);
  });
});
