/**
 * Lessons for chosen pupils: each device's manifest lists only what its pupil is assigned, with a
 * per-pupil ETag that moves when an assignment changes; the dashboard and the follow grid count
 * only assigned pupils.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CLASS_NEWS_VALUE_HEADER, ManifestSchema } from '../../../protocol/api.ts';
import { readOfflineFile } from '../../../protocol/offline-file-archive.ts';
import { FollowGridSchema } from '../../../protocol/sequence-api.ts';
import { DashboardSchema } from '../../../protocol/teacher-api.ts';
import { eachTest } from './harness.ts';
import { dailySeances, fractionsSchool, publishSequence, type SequenceSchool } from './sequence-support.ts';
import { client, handIn, handInAs } from './teacher-support.ts';

let school: SequenceSchool;
let lessons: string[];
eachTest(
  () => fractionsSchool(['Séance 1', 'Séance 2 adaptée', 'Séance 3']),
  (world) => ({ lessons } = school = world),
);

const manifest = (token: string, etag?: string) =>
  school.server.app.request('/api/pupil/manifest', {
    headers: { Authorization: `Bearer ${token}`, ...(etag ? { 'If-None-Match': etag } : {}) },
  });
const lessonIdsOf = async (token: string) =>
  v.parse(ManifestSchema, await (await manifest(token)).json()).lessons.map((l) => l.id);

describe('a lesson assigned to chosen pupils', () => {
  it('is listed only on their devices, by the publication’s assignments, in every class', async () => {
    const { teacher, classA, classB } = school;
    const [lea, noah, ines] = classA.pupils;
    const results = await publishSequence(teacher, 'fractions', [
      {
        classId: classA.id,
        seances: dailySeances([6, 7, 8]),
        assignments: [{ lessonId: lessons[1]!, pupilIds: [lea!.id, noah!.id] }],
      },
      {
        classId: classB.id,
        seances: dailySeances([6, 7, 8]),
        assignments: [{ lessonId: lessons[1]!, pupilIds: [classB.pupils[1]!.id] }],
      },
    ]);
    expect(results.results.map((r) => r.status)).toEqual(['published', 'published']);
    expect(await lessonIdsOf(lea!.token)).toEqual(lessons);
    expect(await lessonIdsOf(noah!.token)).toEqual(lessons);
    expect(await lessonIdsOf(ines!.token)).toEqual([lessons[0], lessons[2]]);
    expect(await lessonIdsOf(classB.pupils[0]!.token)).toHaveLength(2);
    const emma = v.parse(ManifestSchema, await (await manifest(classB.pupils[1]!.token)).json());
    expect(emma.lessons.map((l) => l.title)).toEqual(['Séance 1', 'Séance 2 adaptée', 'Séance 3']);
    // A pupil of the class is named; anyone else is refused for that class only.
    const wrong = await publishSequence(teacher, 'fractions', [
      {
        classId: classA.id,
        seances: dailySeances([6, 7, 8]),
        assignments: [{ lessonId: lessons[1]!, pupilIds: [classB.pupils[0]!.id] }],
      },
    ]);
    expect(wrong.results[0]).toMatchObject({ status: 'refused', error: 'unknown_pupil' });
  });

  it('keeps a per-pupil ETag: 304 until an assignment changes, then the new list (and the class news moves)', async () => {
    const { teacher, classA } = school;
    const [lea, noah] = classA.pupils;
    await publishSequence(teacher, 'fractions', [{ classId: classA.id, seances: dailySeances([6, 7, 8]) }]);
    const first = await manifest(noah!.token);
    const etag = first.headers.get('ETag')!;
    const news = first.headers.get(CLASS_NEWS_VALUE_HEADER);
    expect((await manifest(noah!.token, etag)).status).toBe(304);
    // Two pupils of one class with the same lessons still have ETags of their own.
    expect((await manifest(lea!.token)).headers.get('ETag')).not.toBe(etag);

    const assign = await teacher.put(`/api/teacher/classes/${classA.id}/lessons/${lessons[1]}/assignment`, {
      pupilIds: [lea!.id],
    });
    expect(await assign.json()).toEqual({ lessonId: lessons[1], pupilIds: [lea!.id] });
    const after = await manifest(noah!.token, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get(CLASS_NEWS_VALUE_HEADER)).not.toBe(news);
    expect(v.parse(ManifestSchema, await after.json()).lessons.map((l) => l.id)).toEqual([
      lessons[0],
      lessons[2],
    ]);
    expect((await manifest(noah!.token, after.headers.get('ETag')!)).status).toBe(304);

    // Back to the whole class.
    await teacher.put(`/api/teacher/classes/${classA.id}/lessons/${lessons[1]}/assignment`, {
      pupilIds: null,
    });
    expect(await lessonIdsOf(noah!.token)).toEqual(lessons);
    const stranger = await teacher.put(`/api/teacher/classes/${classA.id}/lessons/${lessons[1]}/assignment`, {
      pupilIds: [school.classB.pupils[0]!.id],
    });
    expect(stranger.status).toBe(404);
  });

  it('counts only assigned pupils on the dashboard and in the follow grid, and keeps handed-in work', async () => {
    const { teacher, classA, server } = school;
    const [lea, noah, ines] = classA.pupils;
    await publishSequence(teacher, 'fractions', [
      {
        classId: classA.id,
        seances: dailySeances([6, 7, 8]),
        assignments: [{ lessonId: lessons[1]!, pupilIds: [lea!.id, noah!.id] }],
      },
    ]);
    // Léa's device holds every séance; Inès's holds her two; Noah's holds one.
    const report = (token: string, ids: string[]) =>
      client(server, token).post('/api/pupil/device-status', {
        lessonsReady: ids.map((id) => ({ id, version: 1 })),
        storage: { persisted: true },
        lastSyncAt: '2027-04-01T10:00:00.000Z',
      });
    await report(lea!.token, lessons);
    await report(ines!.token, [lessons[0]!, lessons[2]!]);
    await report(noah!.token, [lessons[0]!]);
    await handInAs(
      client(server, lea!.token),
      handIn(lessons[0]!, 1, { q1: { kind: 'choice', selected: ['a'] } }, '2027-04-06T20:00:00.000Z'),
    );

    const dashboard = v.parse(
      DashboardSchema,
      await (await teacher.get(`/api/teacher/classes/${classA.id}/dashboard`)).json(),
    );
    expect(dashboard.lessons.find((l) => l.id === lessons[1])!.pupilIds).toEqual([lea!.id, noah!.id].sort());
    const inesRow = dashboard.pupils.find((p) => p.id === ines!.id)!;
    expect(Object.keys(inesRow.ready).sort()).toEqual([lessons[0], lessons[2]].sort());
    expect(dashboard.pupils.filter((p) => Object.hasOwn(p.ready, lessons[1]!))).toHaveLength(2);

    const res = await teacher.get(`/api/teacher/sequences/fractions/classes/${classA.id}/follow`);
    const grid = v.parse(FollowGridSchema, await res.json());
    expect(grid.seances.map((s) => s.lessonId)).toEqual(lessons);
    const row = (id: string) => grid.pupils.find((p) => p.id === id)!;
    expect(row(lea!.id).cells.map((c) => c?.state)).toEqual(['late', 'readyOffline', 'readyOffline']);
    expect(row(lea!.id).cells[0]!.score).toEqual({ correct: 1, total: 2 });
    expect(row(ines!.id).cells.map((c) => c?.state ?? null)).toEqual(['readyOffline', null, 'readyOffline']);
    expect(row(noah!.id).allReady).toBe(false);
    // Léa and Inès hold everything they are assigned; Noah does not.
    expect([grid.readyPupils, grid.pupilCount]).toEqual([2, 3]);
  });
  it('leaves a lesson out of the family file of a pupil it is not assigned to, as from their manifest', async () => {
    const { teacher, classA } = school;
    const [lea, , ines] = classA.pupils;
    await publishSequence(teacher, 'fractions', [
      {
        classId: classA.id,
        seances: dailySeances([6, 7, 8]),
        assignments: [{ lessonId: lessons[1]!, pupilIds: [lea!.id] }],
      },
    ]);
    const fileLessons = async (pupilId: string) => {
      const res = await teacher.get(`/api/teacher/pupils/${pupilId}/lessons-file`);
      const read = await readOfflineFile(new Uint8Array(await res.arrayBuffer()), 'lessons');
      if (!read.ok) throw new Error(read.problem);
      return read.file.manifest.lessons.map((l) => l.id);
    };
    expect(await fileLessons(ines!.id)).toEqual(await lessonIdsOf(ines!.token));
    expect(await fileLessons(ines!.id)).not.toContain(lessons[1]);
    expect(await fileLessons(lea!.id)).toContain(lessons[1]);
  });
});
