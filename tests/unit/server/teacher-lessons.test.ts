import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { LessonPackSchema } from '../../../protocol/lesson-pack.ts';
import { TeacherLessonSchema } from '../../../protocol/teacher-api.ts';
import { eachTest, joinAs, sampleDraft, type TestSchool, type TestServer } from './harness.ts';
import {
  anotherTeacher,
  client,
  type Client,
  handIn,
  mediaBytes,
  serverWithTeacher,
  sha256,
} from './teacher-support.ts';

let server: TestServer, school: TestSchool, teacher: Client;
eachTest(
  () => serverWithTeacher(['Léa Martin']),
  (world) => ({ server, school, teacher } = world),
);

const lessonPath = (id: string) => `/api/teacher/classes/${school.classId}/lessons/${id}`;
const publicationPath = (lessonId: string, uuid = randomUUID()) =>
  `${lessonPath(lessonId)}/publications/${uuid}`;

describe('lesson drafts', () => {
  it('creates with the editor id (201), replaces (200), reads, lists, duplicates and deletes', async () => {
    const unscheduled = sampleDraft({ availableFrom: null, title: 'Brouillon' });
    const created = await teacher.put(lessonPath('fractions-1'), { draft: unscheduled });
    expect(created.status).toBe(201);
    expect(v.parse(TeacherLessonSchema, await created.json())).toMatchObject({
      id: 'fractions-1',
      classId: school.classId,
      draft: { title: 'Brouillon', availableFrom: null },
      published: null,
      hasUnpublishedChanges: true,
    });
    const replaced = await teacher.put(lessonPath('fractions-1'), {
      draft: { ...unscheduled, title: 'Fractions' },
    });
    expect(replaced.status).toBe(200);
    expect(await (await teacher.get(lessonPath('fractions-1'))).json()).toMatchObject({
      draft: { title: 'Fractions' },
    });

    const copy = await teacher.post(`${lessonPath('fractions-1')}/duplicate`);
    expect(copy.status).toBe(201);
    const duplicate = v.parse(TeacherLessonSchema, await copy.json());
    expect(duplicate.id).not.toBe('fractions-1');
    expect(duplicate.draft).toEqual({ ...unscheduled, title: 'Fractions' });
    expect(duplicate.published).toBeNull();

    const { lessons } = (await (
      await teacher.get(`/api/teacher/classes/${school.classId}/lessons`)
    ).json()) as {
      lessons: { id: string }[];
    };
    expect(lessons.map((l) => l.id).sort()).toEqual([duplicate.id, 'fractions-1'].sort());

    expect((await teacher.delete(lessonPath('fractions-1'))).status).toBe(204);
    expect((await teacher.get(lessonPath('fractions-1'))).status).toBe(404);
  });

  it('refuses a lesson id outside [A-Za-z0-9_-]{1,64} and an invalid draft with a reason', async () => {
    expect((await teacher.put(lessonPath('a.b'), { draft: sampleDraft() })).status).toBe(400);
    expect((await teacher.put(lessonPath('x'.repeat(65)), { draft: sampleDraft() })).status).toBe(400);
    const res = await teacher.put(lessonPath('ok'), {
      draft: { ...sampleDraft(), steps: [{ id: 's', kind: 'html' }] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_body',
      message: expect.stringContaining('steps'),
    });
  });

  it('refuses a step id that answers could not be kept under (__proto__, constructor, prototype)', async () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const draft = sampleDraft();
      draft.steps[0] = { ...draft.steps[0]!, id };
      const res = await teacher.put(lessonPath('reserved'), { draft });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: 'invalid_body',
        message: expect.stringContaining('reserved'),
      });
    }
  });

  it('refuses to delete a published lesson with 409 published', async () => {
    await teacher.publish(school.classId, 'published-1', sampleDraft());
    const res = await teacher.delete(lessonPath('published-1'));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'published' });
  });
});

describe('publishing', () => {
  it('refuses a quiz without an answer, no steps, or an opening after the due date with 422 and the problems', async () => {
    const quiz = sampleDraft().steps[1]!;
    const cases = [
      [
        sampleDraft({ steps: [{ ...quiz, kind: 'quiz', correct: [] } as typeof quiz] }),
        { code: 'quiz_without_answer', stepId: 'q1' },
      ],
      [sampleDraft({ steps: [] }), { code: 'no_steps' }],
      [
        sampleDraft({ availableFrom: '2026-01-10T08:00:00.000Z', dueAt: '2026-01-09T08:00:00.000Z' }),
        { code: 'opens_after_due' },
      ],
    ] as const;
    for (const [draft, problem] of cases) {
      const res = await teacher.put(publicationPath('checked'), { draft });
      expect(res.status, problem.code).toBe(422);
      const body = (await res.json()) as { error: string; message: string; problems: unknown[] };
      expect(body).toMatchObject({ error: 'invalid_lesson', message: expect.any(String) });
      expect(body.problems).toContainEqual(problem);
    }
    expect(await server.db.selectFrom('lesson_versions').selectAll().execute()).toEqual([]);
    // The refused draft is still saved: it is the teacher's latest text.
    expect(await (await teacher.get(lessonPath('checked'))).json()).toMatchObject({ published: null });
  });

  it('is idempotent per publication UUID: 201 then 200 with the same body; 409 when reused for another draft', async () => {
    const path = publicationPath('idem');
    const first = await teacher.put(path, { draft: sampleDraft() });
    expect(first.status).toBe(201);
    const body = await first.text();
    expect(JSON.parse(body)).toMatchObject({ lessonId: 'idem', version: 1 });
    const again = await teacher.put(path, { draft: sampleDraft() });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
    expect(await server.db.selectFrom('lesson_versions').selectAll().execute()).toHaveLength(1);
    expect((await teacher.put(path, { draft: sampleDraft({ title: 'Autre' }) })).status).toBe(409);
  });

  it('publishes edits as version 2; old work is still scored against version 1', async () => {
    const v1 = await teacher.publish(school.classId, 'versioned', sampleDraft());
    const device = client(server, await joinAs(server, school.pupils[0]!.joinCode));
    const old = handIn('versioned', 1, {
      q1: { kind: 'choice', selected: ['a'] },
      q2: { kind: 'text', text: '1/4' },
    });
    await device.handIn(old);

    // Version 2 swaps the right answer of q1: the old hand-in must keep its 2/2.
    const edited = sampleDraft();
    edited.steps[1] = {
      ...(edited.steps[1] as Extract<(typeof edited.steps)[number], { kind: 'quiz' }>),
      correct: ['b'],
    };
    const v2 = await teacher.publish(school.classId, 'versioned', edited);
    expect(v2.version).toBe(2);
    expect(v2.pack).not.toBe(v1.pack);
    const lesson = v.parse(TeacherLessonSchema, await (await teacher.get(lessonPath('versioned'))).json());
    expect(lesson.published).toMatchObject({ version: 2, pack: v2.pack });
    expect(lesson.hasUnpublishedChanges).toBe(false);

    const detail = (await (await teacher.get(`/api/teacher/submissions/${old.id}`)).json()) as {
      lessonVersion: number;
      score: unknown;
      pack: { version: number };
    };
    expect(detail).toMatchObject({ lessonVersion: 1, score: { correct: 2, total: 2 }, pack: { version: 1 } });
    const fresh = handIn('versioned', 2, {
      q1: { kind: 'choice', selected: ['a'] },
      q2: { kind: 'text', text: ' 1/4 ' },
    });
    await device.handIn(fresh);
    expect(await (await teacher.get(`/api/teacher/submissions/${fresh.id}`)).json()).toMatchObject({
      score: { correct: 1, total: 2 },
    });
    // The manifest offers the latest version only.
    const manifest = (await (await device.get('/api/pupil/manifest')).json()) as {
      lessons: { id: string; version: number }[];
    };
    expect(manifest.lessons).toEqual([expect.objectContaining({ id: 'versioned', version: 2 })]);
  });

  it('puts quiz keys in the pack only when the correction is shown', async () => {
    for (const showCorrection of [true, false]) {
      const published = await teacher.publish(
        school.classId,
        `keys-${showCorrection}`,
        sampleDraft({ showCorrection }),
      );
      const pack = v.parse(
        LessonPackSchema,
        await (await server.app.request(`/packs/${published.pack}`)).json(),
      );
      const quiz = pack.steps.find((s) => s.kind === 'quiz')!;
      expect('correct' in quiz, String(showCorrection)).toBe(showCorrection);
    }
  });

  it('requires media uploaded by this teacher (422 missing_media) and types it from the stored bytes', async () => {
    const png = mediaBytes('png', 200);
    const image = (blob: string) =>
      sampleDraft({
        steps: [
          {
            id: 'img',
            kind: 'image',
            alt: 'une pizza',
            media: { blob, mime: 'application/pdf', size: 1, optional: false },
          },
        ],
      });
    const missing = await teacher.put(publicationPath('media'), { draft: image(sha256(png)) });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: 'missing_media' });

    // Uploaded by another teacher only: still not this teacher's media.
    expect((await (await anotherTeacher(server)).teacher.upload(png)).status).toBe(201);
    expect((await teacher.put(publicationPath('media'), { draft: image(sha256(png)) })).status).toBe(422);

    expect((await teacher.upload(png)).status).toBe(200);
    const published = await teacher.publish(school.classId, 'media', image(sha256(png)));
    const pack = v.parse(
      LessonPackSchema,
      await (await server.app.request(`/packs/${published.pack}`)).json(),
    );
    expect(pack.steps[0]).toMatchObject({ media: { blob: sha256(png), mime: 'image/png', size: 200 } });
  });

  it('refuses media that the step kind cannot show, by the type stored from the bytes (422 media_wrong_kind)', async () => {
    const pdf = mediaBytes('pdf', 300);
    expect((await teacher.upload(pdf)).status).toBe(201);
    const media = { blob: sha256(pdf), mime: 'image/png', size: 300, optional: false };
    // The editor says it is a PNG; the stored bytes say PDF: an image step would show nothing.
    const draft = sampleDraft({
      steps: [
        {
          id: 'img',
          kind: 'image',
          alt: 'une fiche',
          media,
        },
      ],
    });
    const refused = await teacher.put(publicationPath('wrong-kind'), { draft });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: 'invalid_lesson',
      problems: [{ code: 'media_wrong_kind', stepId: 'img' }],
    });
    // The same PDF in a PDF step publishes.
    const asPdf = sampleDraft({ steps: [{ id: 'doc', kind: 'pdf', title: 'La fiche', media }] });
    expect((await teacher.put(publicationPath('right-kind'), { draft: asPdf })).status).toBe(201);
  });

  it('answers 404 for a PUT on a lesson id that another teacher uses', async () => {
    const { school: other, teacher: otherTeacher } = await anotherTeacher(server);
    expect(
      (
        await otherTeacher.put(`/api/teacher/classes/${other.classId}/lessons/shared-id`, {
          draft: sampleDraft(),
        })
      ).status,
    ).toBe(201);
    const res = await teacher.put(lessonPath('shared-id'), { draft: sampleDraft() });
    expect(res.status).toBe(404);
    expect((await teacher.put(publicationPath('shared-id'), { draft: sampleDraft() })).status).toBe(404);
    const theirs = (await (
      await otherTeacher.get(`/api/teacher/classes/${other.classId}/lessons/shared-id`)
    ).json()) as {
      draft: { title: string };
    };
    expect(theirs.draft.title).toBe(sampleDraft().title);
  });
});
