import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../protocol/api.ts';
import type { PublishedVersion } from '../../../server/lessons/publish.ts';
import {
  bearer,
  createSchool,
  eachTest,
  joinAs,
  jsonRequest,
  publishTestLesson,
  sampleDraft,
  serverWithLesson,
  signIn,
  type TestSchool,
  type TestServer,
} from './harness.ts';

let server: TestServer, school: TestSchool, lesson: PublishedVersion;
eachTest(
  () => serverWithLesson(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, lesson } = world),
);

const login = (email: string, password: string) =>
  server.app.request('/api/teacher/session', jsonRequest('POST', { email, password }));

describe('teacher session', () => {
  it('signs in with e-mail (any case) and password, and signs out', async () => {
    const res = await login(school.teacher.email.toUpperCase(), school.teacher.password);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; teacher: { id: string; email: string } };
    expect(body.teacher).toMatchObject({ id: school.teacher.id, email: school.teacher.email });
    expect((await server.app.request('/api/teacher/classes', bearer(body.token))).status).toBe(200);

    const out = await server.app.request('/api/teacher/session', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${body.token}` },
    });
    expect(out.status).toBe(204);
    expect((await server.app.request('/api/teacher/classes', bearer(body.token))).status).toBe(401);
  });

  it('answers 401 bad_credentials for a wrong password or an unknown e-mail', async () => {
    for (const [email, password] of [
      [school.teacher.email, 'wrong'],
      ['nobody@school.test', school.teacher.password],
    ] as const) {
      const res = await login(email, password);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'bad_credentials' });
    }
  });

  it('rate-limits failed sign-ins with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await login(school.teacher.email, 'wrong')).status).toBe(401);
    const res = await login(school.teacher.email, school.teacher.password);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('refuses an expired session', async () => {
    const token = await signIn(server, school.teacher);
    await server.db.updateTable('teacher_sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).execute();
    expect((await server.app.request('/api/teacher/classes', bearer(token))).status).toBe(401);
  });
});

describe('teacher classes', () => {
  it('lists only the teacher own classes', async () => {
    await createSchool(server, ['Autre']);
    const token = await signIn(server, school.teacher);
    const body = (await (await server.app.request('/api/teacher/classes', bearer(token))).json()) as {
      classes: unknown[];
    };
    expect(body.classes).toEqual([
      { id: school.classId, name: expect.any(String), archived: false, pupilCount: 2 },
    ]);
  });

  it('shows submissions with a quiz score from the server-side keys, even when the pack hides them', async () => {
    const hidden = await publishTestLesson(server, school.classId, sampleDraft({ showCorrection: false }));
    const device = await joinAs(server, school.pupils[0]!.joinCode);
    const submission: Submission = {
      id: randomUUID(),
      lessonId: hidden.lessonId,
      lessonVersion: hidden.version,
      answers: { q1: { kind: 'choice', selected: ['a'] }, q2: { kind: 'text', text: ' 1/2 ' } },
      handedInAt: '2026-01-05T09:00:00.000Z',
    };
    expect(
      (
        await server.app.request(
          `/api/pupil/submissions/${submission.id}`,
          jsonRequest('PUT', submission, device),
        )
      ).status,
    ).toBe(201);

    const token = await signIn(server, school.teacher);
    const res = await server.app.request(`/api/teacher/classes/${school.classId}/submissions`, bearer(token));
    expect(res.status).toBe(200);
    const { submissions } = (await res.json()) as { submissions: unknown[] };
    expect(submissions).toEqual([
      {
        id: submission.id,
        pupil: { id: school.pupils[0]!.id, name: 'Léa Martin' },
        lessonId: hidden.lessonId,
        lessonVersion: hidden.version,
        answers: submission.answers,
        handedInAt: submission.handedInAt,
        receivedAt: expect.any(String),
        score: { correct: 1, total: 2 },
      },
    ]);
  });

  it('answers 404 when a teacher asks for another teacher class', async () => {
    const other = await createSchool(server, ['Autre']);
    const device = await joinAs(server, other.pupils[0]!.joinCode);
    const otherLesson = await publishTestLesson(server, other.classId);
    const submission: Submission = {
      id: randomUUID(),
      lessonId: otherLesson.lessonId,
      lessonVersion: 1,
      answers: {},
      handedInAt: '2026-01-05T09:00:00.000Z',
    };
    await server.app.request(
      `/api/pupil/submissions/${submission.id}`,
      jsonRequest('PUT', submission, device),
    );

    const token = await signIn(server, school.teacher);
    for (const what of ['submissions', 'devices']) {
      const res = await server.app.request(`/api/teacher/classes/${other.classId}/${what}`, bearer(token));
      expect(res.status, what).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'unknown_class' });
    }
  });

  it('shows each pupil devices and which current lessons they still miss', async () => {
    const device = await joinAs(server, school.pupils[0]!.joinCode);
    await server.app.request(
      '/api/pupil/device-status',
      jsonRequest(
        'POST',
        {
          lessonsReady: [{ id: lesson.lessonId, version: lesson.version }],
          storage: { persisted: true },
          lastSyncAt: '2026-01-05T07:00:00.000Z',
        },
        device,
      ),
    );
    const later = await publishTestLesson(server, school.classId);

    const token = await signIn(server, school.teacher);
    const res = await server.app.request(`/api/teacher/classes/${school.classId}/devices`, bearer(token));
    expect(res.status).toBe(200);
    const { pupils } = (await res.json()) as {
      pupils: {
        name: string;
        devices: { lessonsReady: unknown; lessonsMissing: unknown; storage: unknown; lastSyncAt: string }[];
      }[];
    };
    const lea = pupils.find((p) => p.name === 'Léa Martin')!;
    const noah = pupils.find((p) => p.name === 'Noah Benali')!;
    expect(noah.devices).toEqual([]);
    expect(lea.devices).toHaveLength(1);
    expect(lea.devices[0]).toMatchObject({
      lessonsReady: [{ id: lesson.lessonId, version: lesson.version }],
      lessonsMissing: [{ id: later.lessonId, version: later.version }],
      storage: { persisted: true, usage: null, quota: null },
      lastSyncAt: '2026-01-05T07:00:00.000Z',
    });
  });

  it('refuses a device token on teacher routes', async () => {
    const device = await joinAs(server, school.pupils[0]!.joinCode);
    expect((await server.app.request('/api/teacher/classes', bearer(device))).status).toBe(401);
    expect(
      (await server.app.request(`/api/teacher/classes/${school.classId}/submissions`, bearer(device))).status,
    ).toBe(401);
  });
});
