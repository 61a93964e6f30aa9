/**
 * Sequences in the teacher outbox (fake-indexeddb, injected clock): each edit is kept on the
 * device and queued, a newer save replacing an older one; a sequence never reaches the server
 * before the lessons it names; a publication goes after the save it was made on, carries its
 * client UUID, records each class's result, and is parked when a class is refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import type { PublishSequenceResponse } from '../../../protocol/sequence-api.ts';
import { openTeacherDb, type LessonOutboxItem } from '../../../src/store/teacher-db.ts';
import { saveLocalDraft } from '../../../src/store/teacher-lessons.ts';
import { listTeacherOutbox, makeAllDueNow, queueSave } from '../../../src/store/teacher-outbox.ts';
import {
  getLocalSequence,
  queueSequencePublish,
  saveSequenceEdit,
} from '../../../src/store/teacher-sequences.ts';
import { sendTeacherOutbox } from '../../../src/sync/teacher-outbox-sender.ts';
import { teacherExchange } from '../../../src/teacher/teacher-api-client.ts';
import { nextRetryAt } from '../../../src/teacher/outbox-state.ts';
import { eachSignedInTeacher, PUBLICATION, TEACHER } from '../client/support/teacher-device.ts';

const IDS = { sequenceId: 'fractions', classId: 'class-1', teacherId: TEACHER.id };
const T0 = Date.parse('2027-04-01T10:00:00.000Z');
/** The device clock `seconds` after T0, as the store records it. */
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
/** The sender's injected clock: a minute after T0, when everything queued is due. */
const clock = { now: () => T0 + 60_000, random: () => 0.5 };

const draft = (title: string): LessonDraft => ({
  title,
  availableFrom: null,
  dueAt: null,
  showCorrection: true,
  steps: [{ id: 's1', kind: 'text', body: 'Lire la page 12.' }],
});
const fields = (title: string, lessonIds: string[]) => ({ title, description: '', lessonIds });
const view = (title: string, lessonIds: string[]) => ({
  id: IDS.sequenceId,
  classId: IDS.classId,
  title,
  description: '',
  updatedAt: at(30),
  seances: lessonIds.map((lessonId) => ({ lessonId, title: lessonId, pupilIds: null })),
  classes: [],
});
const published = (lessonIds: string[]): PublishSequenceResponse => ({
  publicationId: PUBLICATION,
  results: [
    {
      classId: IDS.classId,
      status: 'published',
      lessons: lessonIds.map((lessonId) => ({ lessonId, version: 1 })),
    },
  ],
});
const CLASSES = [{ classId: IDS.classId, seances: [{ availableFrom: at(86_400), dueAt: null }] }];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let sent: { method: string; path: string; body: unknown }[];
let answer: (path: string, body: any) => Response;

beforeEach(async () => {
  const db = await openTeacherDb();
  await Promise.all([db.clear('outbox'), db.clear('lessons'), db.clear('sequences')]);
  sent = [];
});
eachSignedInTeacher(async (request) => {
  const path = new URL(request.url).pathname;
  const body = JSON.parse(await request.text());
  sent.push({ method: request.method, path, body });
  return answer(path, body);
});

/** The server as it should be: a sequence PUT answers its view, a publication its results. */
const serverAnswers = (path: string, body: any) =>
  path.includes('/publications/')
    ? json(200, published(['l1']))
    : path.startsWith('/api/teacher/sequences/')
      ? json(200, view(body.title, body.lessonIds))
      : json(201, {});

/**
 * A sequence naming a séance made on this device, that séance's save queued after it, and that
 * save then changed as `lessonSave` says (a backoff, a refusal).
 */
async function sequenceWithNewSeance(lessonId: string, lessonSave: Partial<LessonOutboxItem>): Promise<void> {
  await saveSequenceEdit(IDS, fields('Les fractions', [lessonId]), at(1));
  await queueSave(await saveLocalDraft({ lessonId, classId: 'class-1', teacherId: TEACHER.id }, draft('x')));
  const db = await openTeacherDb();
  await db.put('outbox', {
    ...((await db.get('outbox', `save:${lessonId}`)) as LessonOutboxItem),
    ...lessonSave,
  });
}

describe('sequence edits on the device', () => {
  it('stores each edit with its request; a newer save replaces the waiting one', async () => {
    await saveSequenceEdit(IDS, fields('Les fractions', []), at(1));
    await saveSequenceEdit(IDS, fields('Les fractions au CM1', ['l1']), at(2));
    const items = await listTeacherOutbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'sequenceSave:fractions',
      kind: 'sequenceSave',
      editedAt: at(2),
      sequence: { classId: 'class-1', title: 'Les fractions au CM1', lessonIds: ['l1'] },
    });
    expect(await getLocalSequence(IDS.sequenceId)).toMatchObject({
      title: 'Les fractions au CM1',
      lessonIds: ['l1'],
      editedAt: at(2),
      serverHasEditOf: null,
    });

    answer = serverAnswers;
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange, clock)).toMatchObject({ delivered: 1 });
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/teacher/sequences/fractions',
        body: { classId: 'class-1', title: 'Les fractions au CM1', description: '', lessonIds: ['l1'] },
      },
    ]);
    expect(await listTeacherOutbox()).toEqual([]);
    const stored = await getLocalSequence(IDS.sequenceId);
    expect(stored?.serverHasEditOf).toBe(at(2));
    expect(stored?.server?.title).toBe('Les fractions au CM1');
  });

  it('never sends a sequence before the new séance it names, whatever the order of the queue', async () => {
    // The séance's own save was queued after the sequence, and waits out a backoff:
    // the sequence does not go alone.
    await sequenceWithNewSeance('new-seance', { createdAt: at(5), nextAttemptAt: T0 + 600_000, attempts: 4 });
    answer = serverAnswers;
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    expect(sent).toEqual([]);

    await makeAllDueNow();
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange, clock)).toMatchObject({
      delivered: 2,
    });
    expect(sent.map((r) => r.path)).toEqual([
      '/api/teacher/classes/class-1/lessons/new-seance',
      '/api/teacher/sequences/fractions',
    ]);
  });

  it('sets the retry timer by the séance a sequence waits for, not by the sequence’s own past time', async () => {
    await sequenceWithNewSeance('new-seance', { nextAttemptAt: T0 + 8_000, attempts: 3 });
    expect(nextRetryAt(await listTeacherOutbox())).toBe(T0 + 8_000);
  });

  it('a refused lesson save holds nothing back: the sequence goes and the server says what is wrong', async () => {
    await sequenceWithNewSeance('refused', { state: 'needsAttention', lastError: 'conflict' });
    answer = () => json(404, { error: 'unknown_lesson', message: 'No lesson of yours has this id.' });
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    expect(sent.map((r) => r.path)).toEqual(['/api/teacher/sequences/fractions']);
    expect((await listTeacherOutbox()).find((i) => i.kind === 'sequenceSave')?.state).toBe('needsAttention');
  });
});

describe('publishing a sequence through the outbox', () => {
  it('sends the save it was made on, then the publication with its UUID, then a later edit', async () => {
    await saveSequenceEdit(IDS, fields('Les fractions', ['l1']), at(1));
    await queueSequencePublish(IDS.sequenceId, PUBLICATION, CLASSES, at(1));
    await saveSequenceEdit(IDS, fields('Les fractions, suite', ['l1']), at(3));
    expect((await listTeacherOutbox()).map((i) => i.id)).toEqual([
      `sequenceSave:fractions:${PUBLICATION}`,
      PUBLICATION,
      'sequenceSave:fractions',
    ]);

    answer = serverAnswers;
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange, clock)).toMatchObject({ delivered: 3 });
    expect(sent.map((r) => [r.path, (r.body as { title?: string }).title])).toEqual([
      ['/api/teacher/sequences/fractions', 'Les fractions'],
      [`/api/teacher/sequences/fractions/publications/${PUBLICATION}`, undefined],
      ['/api/teacher/sequences/fractions', 'Les fractions, suite'],
    ]);
    expect(sent[1]!.body).toEqual({ classes: CLASSES });
    expect(await listTeacherOutbox()).toEqual([]);
    const stored = await getLocalSequence(IDS.sequenceId);
    expect(stored?.lastPublication).toEqual(published(['l1']));
    expect(stored?.serverHasEditOf).toBe(at(3));
  });

  it('waits for the save before it even when the save sits out a longer backoff', async () => {
    await saveSequenceEdit(IDS, fields('Les fractions', ['l1']), at(1));
    await queueSequencePublish(IDS.sequenceId, PUBLICATION, CLASSES, at(2));
    const db = await openTeacherDb();
    const save = (await db.get('outbox', `sequenceSave:fractions:${PUBLICATION}`))!;
    await db.put('outbox', { ...save, nextAttemptAt: T0 + 600_000, attempts: 5 });
    answer = serverAnswers;
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    expect(sent).toEqual([]);
  });

  it('parks a publication a class refused, with each class result, and never repeats it by itself', async () => {
    await saveSequenceEdit(IDS, fields('Les fractions', ['l1']), at(1));
    await queueSequencePublish(IDS.sequenceId, PUBLICATION, CLASSES, at(2));
    const refusal: PublishSequenceResponse = {
      publicationId: PUBLICATION,
      results: [
        {
          classId: IDS.classId,
          status: 'refused',
          error: 'schedule_in_past',
          problems: [{ index: 0, code: 'schedule_in_past' }],
        },
      ],
    };
    answer = (path, body) =>
      path.includes('/publications/') ? json(200, refusal) : serverAnswers(path, body);
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    const [parked] = await listTeacherOutbox();
    expect(parked).toMatchObject({
      id: PUBLICATION,
      state: 'needsAttention',
      lastError: 'schedule_in_past',
      results: refusal.results,
    });
    expect((await getLocalSequence(IDS.sequenceId))?.lastPublication).toEqual(refusal);
    await makeAllDueNow();
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    expect(sent.filter((r) => r.path.includes('/publications/'))).toHaveLength(1);

    // Publishing again is the teacher's answer: the refused one goes, the new one waits.
    await queueSequencePublish(IDS.sequenceId, 'b1e5f7a0-1c2d-4e3f-8a9b-0c1d2e3f4a5b', CLASSES, at(4));
    expect((await listTeacherOutbox()).map((i) => [i.id, i.state])).toEqual([
      ['b1e5f7a0-1c2d-4e3f-8a9b-0c1d2e3f4a5b', 'waiting'],
    ]);
  });

  it('counts a 2xx only when it answers for this publication', async () => {
    await saveSequenceEdit(IDS, fields('Les fractions', ['l1']), at(1));
    await queueSequencePublish(IDS.sequenceId, PUBLICATION, CLASSES, at(2));
    answer = (path, body) =>
      path.includes('/publications/') ? json(200, { ok: true }) : serverAnswers(path, body);
    await sendTeacherOutbox(TEACHER.id, teacherExchange, clock);
    const [waiting] = await listTeacherOutbox();
    expect(waiting).toMatchObject({ id: PUBLICATION, state: 'waiting', attempts: 1, lastError: 'bad_ack' });
  });
});
