/** A teacher's device updated from database version 2 keeps its unsent lesson, its outbox and class names. */
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { knownClassName } from '../../../src/store/teacher-classes.ts';
import {
  closeTeacherDbForTests,
  openTeacherDb,
  TEACHER_DB_NAME,
  type LessonOutboxItem,
  type LocalLesson,
} from '../../../src/store/teacher-db.ts';
import { getLocalLesson } from '../../../src/store/teacher-lessons.ts';
import { listTeacherOutbox } from '../../../src/store/teacher-outbox.ts';
import { getLocalSequence, saveSequenceEdit } from '../../../src/store/teacher-sequences.ts';

const draft: LessonDraft = {
  title: 'Préparée hors connexion',
  availableFrom: '2027-04-06T06:30:00.000Z',
  dueAt: null,
  showCorrection: true,
  steps: [{ id: 's1', kind: 'text', body: 'Lire la page 12.' }],
};
const lesson: LocalLesson = {
  lessonId: 'unsent',
  classId: 'class-1',
  teacherId: 't1',
  draft,
  editedAt: '2027-04-01T10:00:00.000Z',
  serverHasEditOf: null,
  publishedVersion: null,
};
const save: LessonOutboxItem = {
  id: 'save:unsent',
  kind: 'save',
  teacherId: 't1',
  classId: 'class-1',
  lessonId: 'unsent',
  draft,
  editedAt: lesson.editedAt,
  createdAt: lesson.editedAt,
  attempts: 2,
  nextAttemptAt: Date.parse('2027-04-01T10:05:00.000Z'),
  state: 'waiting',
  lastError: 'network',
};

beforeEach(async () => {
  await closeTeacherDbForTests();
  await deleteDB(TEACHER_DB_NAME);
});

/** The database exactly as version 2 of the app made it (stores and indexes), with its records. */
async function versionTwoDevice(): Promise<void> {
  const v2 = await openDB(TEACHER_DB_NAME, 2, {
    upgrade(db) {
      db.createObjectStore('lessons', { keyPath: 'lessonId' }).createIndex('byClass', 'classId');
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byLesson', 'lessonId');
      db.createObjectStore('session');
      db.createObjectStore('classes', { keyPath: 'id' });
    },
  });
  await v2.put('lessons', lesson);
  await v2.put('outbox', save);
  await v2.put('classes', { id: 'class-1', teacherId: 't1', name: 'CM1 B' });
  await v2.put(
    'session',
    { token: 'tok', teacher: { id: 't1' }, expiresAt: '2099-01-01T00:00:00.000Z' },
    'current',
  );
  v2.close();
}

describe('the teacher database from version 2 to 3', () => {
  it('keeps every version 2 record and adds the sequences store', async () => {
    await versionTwoDevice();
    const db = await openTeacherDb();
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['classes', 'lessons', 'outbox', 'sequences', 'session']);
    expect(await getLocalLesson('unsent')).toEqual(lesson);
    expect(await listTeacherOutbox()).toEqual([save]);
    expect(await db.countFromIndex('outbox', 'byLesson', 'unsent')).toBe(1);
    expect(await knownClassName('t1', 'class-1')).toBe('CM1 B');
    expect((await db.get('session', 'current'))?.token).toBe('tok');

    // The new store works at once, beside the lesson's waiting save.
    await saveSequenceEdit(
      { sequenceId: 'fractions', classId: 'class-1', teacherId: 't1' },
      { title: 'Les fractions', description: '', lessonIds: ['unsent'] },
      '2027-04-01T10:10:00.000Z',
    );
    expect((await getLocalSequence('fractions'))?.lessonIds).toEqual(['unsent']);
    expect((await listTeacherOutbox()).map((i) => i.id)).toEqual(['save:unsent', 'sequenceSave:fractions']);
  });
});
