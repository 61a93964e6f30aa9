/** Teacher sequence routes: build, reorder, take a séance out, duplicate, preview, publish to several classes. */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../../protocol/api.ts';
import { SchedulePreviewSchema, SequenceSchema } from '../../../protocol/sequence-api.ts';
import { bearer, eachTest } from './harness.ts';
import {
  dailySeances,
  draftLessons,
  fractionsSequence,
  publishSequence,
  saveSequence,
  sequenceSchool,
  type SequenceSchool,
} from './sequence-support.ts';
import { handIn, handInAs, client } from './teacher-support.ts';

let school: SequenceSchool;
eachTest(sequenceSchool, (world) => (school = world));

const manifestOf = async (token: string) =>
  v.parse(
    ManifestSchema,
    await (await school.server.app.request('/api/pupil/manifest', bearer(token))).json(),
  );

describe('building a sequence', () => {
  it('creates, adds an existing and a new lesson, reorders, and takes a séance out', async () => {
    const { teacher, classA } = school;
    const [a, b, c] = await draftLessons(teacher, classA.id, ['Fractions 1', 'Fractions 2', 'Hors séquence']);
    const created = await saveSequence(teacher, 'fractions', {
      classId: classA.id,
      title: 'Les fractions',
      lessonIds: [a!, b!],
    });
    expect(created.status).toBe(201);
    expect(v.is(SequenceSchema, created.body)).toBe(true);
    expect(created.body.seances.map((s) => s.title)).toEqual(['Fractions 1', 'Fractions 2']);

    const added = await teacher.post('/api/teacher/sequences/fractions/lessons', { title: 'Fractions 3' });
    expect(added.status).toBe(201);
    const withNew = v.parse(SequenceSchema, await added.json());
    expect(withNew.seances.map((s) => s.title)).toEqual(['Fractions 1', 'Fractions 2', 'Fractions 3']);
    const newId = withNew.seances[2]!.lessonId;
    const lessons = await (await teacher.get(`/api/teacher/classes/${classA.id}/lessons`)).json();
    expect((lessons as { lessons: { id: string }[] }).lessons.map((l) => l.id)).toContain(newId);

    const reordered = await saveSequence(teacher, 'fractions', {
      classId: classA.id,
      title: 'Les fractions',
      description: 'Trois séances',
      lessonIds: [newId, a!, b!, c!],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.seances.map((s) => s.lessonId)).toEqual([newId, a, b, c]);
    expect(reordered.body.description).toBe('Trois séances');

    const removed = await teacher.delete(`/api/teacher/sequences/fractions/lessons/${c}`);
    expect(removed.status).toBe(200);
    expect(v.parse(SequenceSchema, await removed.json()).seances.map((s) => s.lessonId)).toEqual([
      newId,
      a,
      b,
    ]);
    // The lesson itself stays in the class.
    expect((await teacher.get(`/api/teacher/classes/${classA.id}/lessons/${c}`)).status).toBe(200);
    const list = (await (await teacher.get('/api/teacher/sequences')).json()) as { sequences: unknown[] };
    expect(list.sequences).toHaveLength(1);
  });

  it('refuses another class’s lesson, a lesson twice, a lesson of another sequence, and an archived class', async () => {
    const { teacher, classA, classB } = school;
    const [a] = await draftLessons(teacher, classA.id, ['A']);
    const [b] = await draftLessons(teacher, classB.id, ['B']);
    const save = (id: string, lessonIds: string[], classId = classA.id) =>
      saveSequence(teacher, id, { classId, title: 'S', lessonIds });
    expect((await save('s1', [b!])).status).toBe(404);
    expect((await save('s1', [a!, a!])).status).toBe(400);
    expect((await save('s1', [a!])).status).toBe(201);
    expect((await save('s2', [a!])).body.error).toBe('conflict');
    expect((await save('s1', [], classB.id)).body.error).toBe('conflict'); // a sequence stays in its class
    expect((await save('bad id!', [])).status).toBe(400);
    await teacher.patch(`/api/teacher/classes/${classB.id}`, { archived: true });
    expect((await save('s3', [], classB.id)).body.error).toBe('class_archived');
  });

  it('previews a rule’s dates in the school’s zone, across the spring clock change', async () => {
    const { teacher, classA } = school;
    const ids = await draftLessons(teacher, classA.id, ['1', '2', '3']);
    await saveSequence(teacher, 'dst', { classId: classA.id, title: 'S', lessonIds: ids });
    const res = await teacher.post('/api/teacher/sequences/dst/schedule-preview', {
      rule: {
        startDate: '2027-03-25',
        time: '08:30',
        weekdays: [4, 5, 1],
        daysOff: [],
        due: { kind: 'beforeNext' },
      },
    });
    const preview = v.parse(SchedulePreviewSchema, await res.json());
    expect(preview.seances.map((s) => [s.date, s.availableFrom, s.dueAt])).toEqual([
      ['2027-03-25', '2027-03-25T07:30:00.000Z', '2027-03-26T07:30:00.000Z'],
      ['2027-03-26', '2027-03-26T07:30:00.000Z', '2027-03-29T06:30:00.000Z'],
      ['2027-03-29', '2027-03-29T06:30:00.000Z', '2027-04-01T06:30:00.000Z'],
    ]);
    const bad = await teacher.post('/api/teacher/sequences/dst/schedule-preview', {
      rule: { startDate: 'mardi' },
    });
    expect(bad.status).toBe(400);
  });

  it('duplicates a sequence to another class as new drafts without dates', async () => {
    const { teacher, classA, classB } = school;
    const ids = await fractionsSequence(school, ['1', '2'], 'orig');
    const res = await teacher.post('/api/teacher/sequences/orig/duplicate', { classId: classB.id });
    expect(res.status).toBe(201);
    const copy = v.parse(SequenceSchema, await res.json());
    expect(copy.classId).toBe(classB.id);
    expect(copy.seances.map((s) => s.title)).toEqual(['1', '2']);
    expect(copy.seances.some((s) => ids.includes(s.lessonId))).toBe(false);
    const lesson = (await (
      await teacher.get(`/api/teacher/classes/${classB.id}/lessons/${copy.seances[0]!.lessonId}`)
    ).json()) as { draft: { availableFrom: string | null } };
    expect(lesson.draft.availableFrom).toBeNull();
  });
});

describe('publishing a sequence', () => {
  it('publishes to two classes in one request, each with its own dates, and names each séance’s place', async () => {
    const { teacher, classA, classB } = school;
    const ids = await fractionsSequence(school, ['Séance 1', 'Séance 2', 'Séance 3']);
    const answer = await publishSequence(teacher, 'fractions', [
      { classId: classA.id, seances: dailySeances([6, 7, 8]) },
      { classId: classB.id, seances: dailySeances([8, 9, 12]) },
    ]);
    expect(answer.results.map((r) => [r.classId, r.status])).toEqual([
      [classA.id, 'published'],
      [classB.id, 'published'],
    ]);

    const inA = await manifestOf(classA.pupils[0]!.token);
    expect(inA.lessons.map((l) => [l.id, l.availableFrom, l.sequence])).toEqual(
      ids.map((id, i) => [
        id,
        dailySeances([6, 7, 8])[i]!.availableFrom,
        { id: 'fractions', title: 'Les fractions', position: i + 1, count: 3 },
      ]),
    );
    const inB = await manifestOf(classB.pupils[0]!.token);
    expect(inB.lessons.map((l) => [l.title, l.availableFrom, l.sequence?.position])).toEqual([
      ['Séance 1', dailySeances([8])[0]!.availableFrom, 1],
      ['Séance 2', dailySeances([9])[0]!.availableFrom, 2],
      ['Séance 3', dailySeances([12])[0]!.availableFrom, 3],
    ]);
    // Class B holds its own copies: class A's lesson ids never reach it.
    expect(inB.lessons.some((l) => ids.includes(l.id))).toBe(false);

    // Renaming the sequence reaches both classes' manifests.
    await saveSequence(teacher, 'fractions', { classId: classA.id, title: 'Fractions', lessonIds: ids });
    expect((await manifestOf(classB.pupils[0]!.token)).lessons[0]!.sequence?.title).toBe('Fractions');
  });

  it('refuses per class: dates in the past, on a day off, after the due date, an archived or unknown class', async () => {
    const { teacher, classA, classB } = school;
    const ids = await draftLessons(teacher, classA.id, ['1', '2']);
    await saveSequence(teacher, 'seq', { classId: classA.id, title: 'S', lessonIds: ids });
    const refusal = async (
      seances: { availableFrom: string; dueAt: string | null }[],
      daysOff: string[] = [],
    ) => (await publishSequence(teacher, 'seq', [{ classId: classA.id, seances, daysOff }])).results[0];

    expect(
      await refusal([{ availableFrom: '2027-03-31T06:30:00.000Z', dueAt: null }, ...dailySeances([6])]),
    ).toMatchObject({
      status: 'refused',
      error: 'schedule_in_past',
      problems: [{ index: 0, code: 'schedule_in_past' }],
    });
    expect(await refusal(dailySeances([6, 7]), ['2027-04-07'])).toMatchObject({
      error: 'schedule_day_off',
      problems: [{ index: 1, code: 'schedule_day_off' }],
    });
    expect(
      await refusal([
        dailySeances([6])[0]!,
        { availableFrom: '2027-04-07T06:30:00.000Z', dueAt: '2027-04-07T06:00:00.000Z' },
      ]),
    ).toMatchObject({ error: 'schedule_after_due', problems: [{ index: 1, code: 'schedule_after_due' }] });
    expect(await refusal(dailySeances([6]))).toMatchObject({ error: 'invalid_body' }); // one date per séance

    await teacher.patch(`/api/teacher/classes/${classB.id}`, { archived: true });
    const mixed = await publishSequence(teacher, 'seq', [
      { classId: classA.id, seances: dailySeances([6, 7]) },
      { classId: classB.id, seances: dailySeances([6, 7]) },
      { classId: randomUUID(), seances: dailySeances([6, 7]) },
    ]);
    expect(mixed.results.map((r) => (r.status === 'refused' ? r.error : r.status))).toEqual([
      'published',
      'class_archived',
      'unknown_class',
    ]);
    // Nothing of the refused dates was published: class A's lessons hold the accepted ones only.
    expect((await manifestOf(classA.pupils[0]!.token)).lessons.map((l) => l.availableFrom)).toEqual(
      dailySeances([6, 7]).map((s) => s.availableFrom),
    );
    expect(await manifestOf(classB.pupils[0]!.token)).toMatchObject({ lessons: [] });
  });

  it('publishes each lesson once when the same request is repeated, and again only for changed dates', async () => {
    const { teacher, classA } = school;
    const ids = await draftLessons(teacher, classA.id, ['1', '2']);
    await saveSequence(teacher, 'seq', { classId: classA.id, title: 'S', lessonIds: ids });
    const publicationId = randomUUID();
    const body = [{ classId: classA.id, seances: dailySeances([6, 7]) }];
    const first = await publishSequence(teacher, 'seq', body, publicationId);
    const again = await publishSequence(teacher, 'seq', body, publicationId);
    expect(again.results).toEqual(first.results);
    const moved = await publishSequence(teacher, 'seq', [
      { classId: classA.id, seances: dailySeances([6, 8]) },
    ]);
    expect(moved.results[0]).toMatchObject({ lessons: [{ version: 1 }, { version: 2 }] });
  });

  it('taking a started séance out keeps the pupil’s work and its score', async () => {
    const { teacher, classA, server } = school;
    const ids = await draftLessons(teacher, classA.id, ['1', '2']);
    await saveSequence(teacher, 'seq', { classId: classA.id, title: 'S', lessonIds: ids });
    await publishSequence(teacher, 'seq', [{ classId: classA.id, seances: dailySeances([6, 7]) }]);
    const device = client(server, classA.pupils[0]!.token);
    await handInAs(
      device,
      handIn(ids[0]!, 1, { q1: { kind: 'choice', selected: ['a'] } }, '2027-04-06T09:00:00.000Z'),
    );

    expect((await teacher.delete(`/api/teacher/sequences/seq/lessons/${ids[0]}`)).status).toBe(200);
    const dashboard = (await (await teacher.get(`/api/teacher/classes/${classA.id}/dashboard`)).json()) as {
      pupils: { id: string; work: Record<string, { status: string; score: { correct: number } | null }> }[];
    };
    const lea = dashboard.pupils.find((p) => p.id === classA.pupils[0]!.id)!;
    expect(lea.work[ids[0]!]).toMatchObject({ status: 'handedIn', score: { correct: 1 } });
    const manifest = await manifestOf(classA.pupils[0]!.token);
    expect(
      manifest.lessons.map((l) => [l.id, l.sequence?.position ?? null, l.sequence?.count ?? null]),
    ).toEqual([
      [ids[0], null, null],
      [ids[1], 1, 1],
    ]);
  });
});
