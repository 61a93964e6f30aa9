import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ManifestSchema } from '../../../protocol/api.ts';
import { LessonPackSchema, packMedia } from '../../../protocol/lesson-pack.ts';
import { isEmpty, listDemoPupils, seedDemo, DEMO_TEACHER } from '../../../server/seed/demo.ts';
import { formatJoinCode } from '../../../server/security/join-codes.ts';
import { bareServer, bearer, eachTest, joinAs, signIn, type TestServer } from './harness.ts';

let server: TestServer;
eachTest(bareServer, (world) => ({ server } = world));

describe('migrations and demo seed', () => {
  it('migrates a fresh database and seeds 3 pupils and 4 published French lessons spread in time', async () => {
    expect(await isEmpty(server.db)).toBe(true);
    // A Monday, 10:00 in Paris; the dates below are school time whatever the server's own zone.
    const now = new Date('2026-03-16T09:00:00Z');
    await seedDemo(server.db, server.blobs, { now });
    expect(await isEmpty(server.db)).toBe(false);

    const pupils = await listDemoPupils(server.db);
    expect(pupils.map((p) => p.name)).toEqual(['Léa Martin', 'Noah Benali', 'Inès Dubois']);
    for (const pupil of pupils)
      expect(formatJoinCode(pupil.joinCode)).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);

    const token = await joinAs(server, pupils[0]!.joinCode);
    const manifest = (await (await server.app.request('/api/pupil/manifest', bearer(token))).json()) as {
      lessons: { title: string; pack: string; availableFrom: string; dueAt: string | null; size: number }[];
    };
    // Four lessons, and the sequence's three séances; the adapted lesson is Inès's only.
    expect(manifest.lessons).toHaveLength(7);
    const byTitle = new Map(manifest.lessons.map((l) => [l.title, l]));
    expect(byTitle.get('Partager une pizza')!.availableFrom).toBe(now.toISOString());
    expect(byTitle.get('Le Corbeau et le Renard')).toMatchObject({
      availableFrom: '2026-03-17T07:30:00.000Z', // 08:30 in Paris (UTC+1)
      dueAt: '2026-03-18T15:30:00.000Z',
    });
    const overdue = byTitle.get('Le présent des verbes du 1er groupe')!;
    expect(overdue.availableFrom).toBe('2026-03-11T07:30:00.000Z');
    expect(Date.parse(overdue.dueAt!)).toBeLessThan(now.getTime());
    expect(byTitle.has('Le cycle de l’eau')).toBe(true);

    for (const lesson of manifest.lessons) {
      const pack = v.parse(
        LessonPackSchema,
        await (await server.app.request(`/packs/${lesson.pack}`)).json(),
      );
      const quizzes = pack.steps.filter((s) => s.kind === 'quiz');
      expect(quizzes.length, lesson.title).toBeGreaterThan(0);
      for (const quiz of quizzes)
        expect(quiz.correct?.length, `${lesson.title} ${quiz.id}`).toBeGreaterThan(0);
      expect(
        pack.steps.some((s) => s.kind === 'freeText'),
        lesson.title,
      ).toBe(true);
      const text = pack.steps.find((s) => s.kind === 'text');
      expect(text && text.kind === 'text' && text.body.some((b) => b.t === 'h'), lesson.title).toBe(true);
    }

    const fractions = v.parse(
      LessonPackSchema,
      await (await server.app.request(`/packs/${byTitle.get('Partager une pizza')!.pack}`)).json(),
    );
    expect(
      new Set(fractions.steps.filter((s) => s.kind === 'quiz').map((s) => s.kind === 'quiz' && s.question)),
    ).toEqual(new Set(['single', 'multiple', 'short']));
    const [picture] = packMedia(fractions);
    const png = await server.app.request(`/blobs/${picture!.blob}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await png.arrayBuffer()).slice(1, 4)).toEqual(new TextEncoder().encode('PNG'));

    await signIn(server, DEMO_TEACHER);
  });

  it('seeds a three-séance sequence on the next school days at 08:30, and one lesson for one pupil only', async () => {
    const now = new Date('2026-03-16T09:00:00Z'); // Monday 10:00 in Paris
    await seedDemo(server.db, server.blobs, { now });
    const [lea, , ines] = await listDemoPupils(server.db);
    const manifestOf = async (joinCode: string) =>
      v.parse(
        ManifestSchema,
        await (
          await server.app.request('/api/pupil/manifest', bearer(await joinAs(server, joinCode)))
        ).json(),
      ).lessons;
    const seances = (await manifestOf(lea!.joinCode)).filter((l) => l.sequence);
    // Primary school days: Tuesday 17, Thursday 19, Friday 20 March (Wednesday has no class).
    expect(
      seances.map((l) => [l.availableFrom, l.sequence!.position, l.sequence!.count, l.sequence!.title]),
    ).toEqual([
      ['2026-03-17T07:30:00.000Z', 1, 3, 'Les fractions'],
      ['2026-03-19T07:30:00.000Z', 2, 3, 'Les fractions'],
      ['2026-03-20T07:30:00.000Z', 3, 3, 'Les fractions'],
    ]);
    const adapted = 'Les fractions — version adaptée';
    expect((await manifestOf(lea!.joinCode)).map((l) => l.title)).not.toContain(adapted);
    expect((await manifestOf(ines!.joinCode)).map((l) => l.title)).toContain(adapted);
  });

  it("seeds on the clocks of the school it is given (CARTABLE_TIMEZONE), not the server's", async () => {
    const now = new Date('2026-07-06T12:00:00Z'); // a Monday
    await seedDemo(server.db, server.blobs, { now, timeZone: 'America/Cayenne' }); // UTC-3
    const token = await joinAs(server, (await listDemoPupils(server.db))[0]!.joinCode);
    const manifest = (await (await server.app.request('/api/pupil/manifest', bearer(token))).json()) as {
      lessons: { title: string; availableFrom: string }[];
    };
    const crow = manifest.lessons.find((l) => l.title === 'Le Corbeau et le Renard')!;
    expect(crow.availableFrom).toBe('2026-07-07T11:30:00.000Z'); // 08:30 in Cayenne
  });
});
