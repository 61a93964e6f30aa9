/**
 * The same flows on PostgreSQL. Runs only when CARTABLE_TEST_DATABASE_URL
 * points at a server where this user may create databases, e.g.
 * CARTABLE_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../protocol/api.ts';
import { createGroupCommit } from '../../../server/db/group-commit.ts';
import { writeOfflineFile } from '../../../protocol/offline-file-archive.ts';
import { WORK_FILE_FORMAT } from '../../../protocol/offline-files.ts';
import { adminUrl, postgresServerForSuite } from './postgres-database.ts';
import { listDemoPupils, seedDemo } from '../../../server/seed/demo.ts';
import { client, handIn, handInAt, mediaBytes, sha256 } from './teacher-support.ts';
import {
  ackAsOlderServer,
  bearer,
  createSchool,
  joinAs,
  jsonRequest,
  publishTestLesson,
  sampleDraft,
  signIn,
  type TestServer,
} from './harness.ts';

describe.skipIf(!adminUrl)('on PostgreSQL', () => {
  let server: TestServer;
  postgresServerForSuite('cartable_test', (created) => (server = created));

  /** A joined pupil of a new school, and fresh hand-ins of a lesson published for their class. */
  async function pupilWithLesson() {
    const school = await createSchool(server);
    const lesson = await publishTestLesson(server, school.classId);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const answers = { q1: { kind: 'choice' as const, selected: ['a'] } };
    const freshHandIn = () => handIn(lesson.lessonId, lesson.version, answers, new Date().toISOString());
    return { token, freshHandIn };
  }

  it('migrates, seeds, joins, and serves the manifest', async () => {
    await seedDemo(server.db, server.blobs);
    const [pupil] = await listDemoPupils(server.db);
    const token = await joinAs(server, pupil!.joinCode);
    const manifest = (await (await server.app.request('/api/pupil/manifest', bearer(token))).json()) as {
      lessons: { size: number }[];
    };
    // Léa's: the four demo lessons and the three séances of the demo sequence (the adapted one is Inès's).
    expect(manifest.lessons).toHaveLength(7);
    expect(manifest.lessons.every((l) => typeof l.size === 'number' && l.size > 0)).toBe(true);

    // Migration 008: the device's report keeps the lessons the pupil started.
    const report = { lessonsReady: [], storage: { persisted: true }, lastSyncAt: new Date().toISOString() };
    const started = { ...report, lessonsStarted: [{ id: 'lecture' }] };
    expect(
      (await server.app.request('/api/pupil/device-status', jsonRequest('POST', started, token))).status,
    ).toBe(204);
    const device = await server.db.selectFrom('devices').select('lessons_started').executeTakeFirstOrThrow();
    expect(JSON.parse(device.lessons_started!)).toEqual([{ id: 'lecture' }]);
  });

  it('imports a family work file once, marked by file, and rolls a refused file back whole', async () => {
    const school = await createSchool(server);
    const lesson = await publishTestLesson(server, school.classId);
    const teacher = await signIn(server, school.teacher);
    const pupil = school.pupils[0]!;
    const workFile = (submissions: Submission[]) =>
      writeOfflineFile<'work'>(
        {
          format: WORK_FILE_FORMAT,
          createdAt: new Date().toISOString(),
          server: 'http://localhost',
          pupil: { id: pupil.id, name: pupil.name },
          class: { id: school.classId, name: 'CM1' },
          submissions,
        },
        new Map(),
      );
    const post = (bytes: Uint8Array) =>
      server.app.request('/api/teacher/work-files', {
        method: 'POST',
        headers: { authorization: `Bearer ${teacher}`, 'content-type': 'application/zip' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    const work = handIn(lesson.lessonId, lesson.version, { q1: { kind: 'choice', selected: ['a'] } });
    const first = (await (await post(await workFile([work]))).json()) as {
      submissions: { status: string }[];
    };
    expect(first.submissions.map((s) => s.status)).toEqual(['received']);
    const again = (await (await post(await workFile([work]))).json()) as {
      submissions: { status: string }[];
    };
    expect(again.submissions.map((s) => s.status)).toEqual(['alreadyReceived']);
    const fresh = handIn(lesson.lessonId, lesson.version, {});
    const refused = await post(await workFile([fresh, { ...work, answers: {} }]));
    expect(refused.status).toBe(409);
    const rows = await server.db
      .selectFrom('submissions')
      .select(['id', 'received_via'])
      .where('id', 'in', [work.id, fresh.id])
      .execute();
    expect(rows).toEqual([{ id: work.id, received_via: 'file' }]);
  });

  it('stores concurrent identical hand-ins once, and the feed cursor is a growing decimal string', async () => {
    const { token, freshHandIn } = await pupilWithLesson();

    const submission = freshHandIn();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        server.app.request(`/api/pupil/submissions/${submission.id}`, jsonRequest('PUT', submission, token)),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(
      await server.db.selectFrom('submissions').selectAll().where('id', '=', submission.id).execute(),
    ).toHaveLength(1);

    const first = (await (await server.app.request('/api/pupil/updates?since=0', bearer(token))).json()) as {
      cursor: string;
      updates: unknown[];
    };
    expect(first.updates).toHaveLength(1);
    expect(first.cursor).toMatch(/^\d+$/);
    const second = freshHandIn();
    await server.app.request(`/api/pupil/submissions/${second.id}`, jsonRequest('PUT', second, token));
    const next = (await (
      await server.app.request(`/api/pupil/updates?since=${first.cursor}`, bearer(token))
    ).json()) as { cursor: string; updates: { submissionId: string }[] };
    expect(next.updates.map((u) => u.submissionId)).toEqual([second.id]);
    expect(Number(next.cursor)).toBeGreaterThan(Number(first.cursor));
  });

  it('commits batches side by side: a slow batch does not hold up the next', async () => {
    const commits = createGroupCommit(server.db);
    const finished: string[] = [];
    const slow = commits.run(async (trx) => {
      await sql`SELECT pg_sleep(0.5)`.execute(trx);
      finished.push('slow');
    });
    // The next turn of the event loop: a batch of its own, started while the slow one commits.
    await new Promise((r) => setImmediate(r));
    const quick = commits.run(async () => void finished.push('quick'));
    await Promise.all([slow, quick]);
    expect(finished).toEqual(['quick', 'slow']);
  });

  it('answers repeats that arrive in two batches committing side by side, in any order', async () => {
    const { token, freshHandIn } = await pupilWithLesson();
    const [first, second, third] = [freshHandIn(), freshHandIn(), freshHandIn()];
    const put = (submission: Submission) =>
      server.app.request(`/api/pupil/submissions/${submission.id}`, jsonRequest('PUT', submission, token));
    // Two batches holding the same submissions in opposite orders: their inserts wait for each
    // other's keys in one order (by id), never in a circle.
    const early = [first, second, third].map(put);
    await new Promise((r) => setImmediate(r));
    const late = [third, second, first].map(put);
    const statuses = (await Promise.all([...early, ...late])).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    const ids = [first, second, third].map((s) => s!.id);
    expect(
      await server.db.selectFrom('submissions').select('id').where('id', 'in', ids).execute(),
    ).toHaveLength(3);
  });

  it('acknowledgements carry handedInAt, and an older row without it is completed from the submission', async () => {
    const school = await createSchool(server);
    const lesson = await publishTestLesson(server, school.classId);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const older = await handInAt(server, token, lesson, '2026-01-05T07:58:00.000Z');
    const newer = await handInAt(server, token, lesson, '2026-01-05T08:10:00.000Z');
    // The first row as an older server wrote it: no handedInAt.
    const oldAck = await ackAsOlderServer(server, {
      submissionId: older.id,
      lessonId: lesson.lessonId,
      receivedAt: older.receivedAt,
    });
    const feed = (await (await server.app.request('/api/pupil/updates?since=0', bearer(token))).json()) as {
      updates: unknown[];
    };
    expect(feed.updates).toEqual([
      { ...oldAck, handedInAt: '2026-01-05T07:58:00.000Z' },
      {
        kind: 'ack',
        submissionId: newer.id,
        lessonId: lesson.lessonId,
        receivedAt: newer.receivedAt,
        handedInAt: '2026-01-05T08:10:00.000Z',
      },
    ]);
  });

  it('publishes concurrent versions without a 5xx: distinct ones in sequence, repeats once', async () => {
    const school = await createSchool(server, ['Léa Martin']);
    const teacher = client(server, await signIn(server, school.teacher));
    const path = (id: string) => `/api/teacher/classes/${school.classId}/lessons/racing/publications/${id}`;
    const distinct = await Promise.all(
      [1, 2, 3, 4].map(() => teacher.put(path(randomUUID()), { draft: sampleDraft() })),
    );
    expect(distinct.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const versions = await Promise.all(
      distinct.map(async (r) => ((await r.json()) as { version: number }).version),
    );
    expect(versions.sort()).toEqual([1, 2, 3, 4]);

    const once = randomUUID();
    const repeats = await Promise.all([1, 2, 3].map(() => teacher.put(path(once), { draft: sampleDraft() })));
    expect(repeats.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const bodies = await Promise.all(repeats.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect((bodies[0] as { version: number }).version).toBe(5);
  });

  it('runs the teacher workspace: pupils, publish twice, quota sums, dashboard, feedback, CSV', async () => {
    const school = await createSchool(server, ['Léa Martin']);
    const teacher = client(server, await signIn(server, school.teacher));
    const added = await teacher.post(`/api/teacher/classes/${school.classId}/pupils`, { names: ['Zoé'] });
    expect(added.status).toBe(201);
    const { classes } = (await (await teacher.get('/api/teacher/classes')).json()) as {
      classes: { pupilCount: number }[];
    };
    expect(classes[0]!.pupilCount).toBe(2);
    const { pupils } = (await (
      await teacher.get(`/api/teacher/classes/${school.classId}/pupils`)
    ).json()) as {
      pupils: { devices: number }[];
    };
    expect(pupils.map((p) => p.devices)).toEqual([0, 0]);

    expect((await teacher.upload(mediaBytes('pdf', 500, 1))).status).toBe(201);
    expect((await teacher.upload(mediaBytes('pdf', 600, 2))).status).toBe(201);
    const uuid = randomUUID();
    const path = `/api/teacher/classes/${school.classId}/lessons/pg-lesson/publications/${uuid}`;
    expect((await teacher.put(path, { draft: sampleDraft() })).status).toBe(201);
    expect((await teacher.put(path, { draft: sampleDraft() })).status).toBe(200);
    const v2 = await teacher.publish(school.classId, 'pg-lesson', sampleDraft({ title: 'v2' }));
    expect(v2.version).toBe(2);

    const device = client(server, await joinAs(server, school.pupils[0]!.joinCode));
    const photo = mediaBytes('jpeg', 300);
    await device.upload(photo, 'image/jpeg');
    const work = handIn('pg-lesson', 1, {
      q1: { kind: 'choice', selected: ['a'] },
      photo: { kind: 'attachment', blob: sha256(photo), mime: 'image/jpeg', size: 300 },
    });
    await device.handIn(work);
    const dashboard = (await (
      await teacher.get(`/api/teacher/classes/${school.classId}/dashboard`)
    ).json()) as {
      pupils: { work: Record<string, { score: unknown }> }[];
    };
    expect(dashboard.pupils[0]!.work['pg-lesson']).toMatchObject({ score: { correct: 1, total: 2 } });
    expect(
      (
        await teacher.put(`/api/teacher/submissions/${work.id}/feedback/${randomUUID()}`, {
          markdown: 'Bravo',
        })
      ).status,
    ).toBe(201);
    const csv = await (await teacher.get(`/api/teacher/classes/${school.classId}/export.csv`)).text();
    expect(csv).toContain('Léa Martin;Les fractions;1;');
    expect((await teacher.get(`/api/teacher/submissions/${work.id}`)).status).toBe(200);
  });
});
