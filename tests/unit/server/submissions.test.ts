import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../protocol/api.ts';
import type { PublishedVersion } from '../../../server/lessons/publish.ts';
import {
  createSchool,
  eachTest,
  joinAs,
  jsonRequest,
  serverWithDevice,
  type TestSchool,
  type TestServer,
} from './harness.ts';
import { handIn } from './teacher-support.ts';

let server: TestServer, school: TestSchool, lesson: PublishedVersion, lea: string;
eachTest(
  () => serverWithDevice(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, lesson, device: lea } = world),
);

/** A hand-in of the published lesson; overrides replace its fields. */
const sampleHandIn = (overrides: Partial<Submission> = {}): Submission => ({
  ...handIn(
    lesson.lessonId,
    lesson.version,
    { q1: { kind: 'choice', selected: ['a'] }, free: { kind: 'text', text: 'Parce que.' } },
    '2026-01-05T09:12:00.000Z',
  ),
  ...overrides,
});

const send = (submission: unknown, token: string, id = (submission as Submission).id) =>
  server.app.request(`/api/pupil/submissions/${id}`, jsonRequest('PUT', submission, token));

describe('PUT /api/pupil/submissions/<uuid>', () => {
  it('refuses answers keyed __proto__ or constructor (400) instead of storing them as {}', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const submission = sampleHandIn();
      // Written as JSON text: an object literal would set the prototype rather than a key.
      const body = JSON.stringify(submission).replace('"q1"', JSON.stringify(key));
      const res = await server.app.request(`/api/pupil/submissions/${submission.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lea}` },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: 'invalid_body',
        message: expect.stringContaining('reserved'),
      });
    }
    expect(await server.db.selectFrom('submissions').selectAll().execute()).toHaveLength(0);
  });

  it('answers 201 the first time and 200 with the identical body on a repeat', async () => {
    const submission = sampleHandIn();
    const first = await send(submission, lea);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toEqual({ id: submission.id, receivedAt: expect.any(String) });

    // Same content, keys in another order: still the same hand-in.
    const reordered = {
      handedInAt: submission.handedInAt,
      answers: { free: submission.answers.free, q1: submission.answers.q1 },
      lessonVersion: submission.lessonVersion,
      lessonId: submission.lessonId,
      id: submission.id,
    };
    const repeat = await send(reordered, lea);
    expect(repeat.status).toBe(200);
    expect(await repeat.text()).toBe(firstBody);
    expect(await server.db.selectFrom('submissions').selectAll().execute()).toHaveLength(1);
  });

  it('answers 409 when the uuid is reused with other content or by another pupil', async () => {
    const submission = sampleHandIn();
    expect((await send(submission, lea)).status).toBe(201);
    const changed = await send({ ...submission, answers: { q1: { kind: 'choice', selected: ['b'] } } }, lea);
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ error: 'conflict' });

    const noah = await joinAs(server, school.pupils[1]!.joinCode);
    expect((await send(submission, noah)).status).toBe(409);
    const stored = await server.db.selectFrom('submissions').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.body).answers.q1.selected).toEqual(['a']);
  });

  it('stores exactly one row and one acknowledgement when the same hand-in arrives at once from several tabs', async () => {
    const submission = sampleHandIn();
    const responses = await Promise.all(Array.from({ length: 8 }, () => send(submission, lea)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect(await server.db.selectFrom('submissions').selectAll().execute()).toHaveLength(1);
    expect(await server.db.selectFrom('feed').selectAll().execute()).toHaveLength(1);
  });

  it('refuses an address that differs from the body id, and a body that is not a submission', async () => {
    const submission = sampleHandIn();
    const mismatch = await send(submission, lea, randomUUID());
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ error: 'id_mismatch' });
    expect((await send({ ...submission, lessonVersion: 'one' }, lea)).status).toBe(400);
    expect((await send(submission, lea, 'not-a-uuid')).status).toBe(400);
  });

  it('answers 404 unknown_lesson for a version that was never published', async () => {
    const res = await send(sampleHandIn({ lessonVersion: lesson.version + 1 }), lea);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_lesson' });
  });

  it('lets no pupil of another class hand in to this class lesson', async () => {
    const other = await createSchool(server, ['Intrus']);
    const intruder = await joinAs(server, other.pupils[0]!.joinCode);
    const res = await send(sampleHandIn(), intruder);
    expect(res.status).toBe(404);
    expect(await server.db.selectFrom('submissions').selectAll().execute()).toEqual([]);
  });

  it('requires attachments to be uploaded by this pupil first (422), then accepts them', async () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 9, 9, 9]);
    const blob = createHash('sha256').update(photo).digest('hex');
    const submission = sampleHandIn({
      answers: { photo: { kind: 'attachment', blob, mime: 'image/jpeg', size: photo.byteLength } },
    });
    const early = await send(submission, lea);
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: 'missing_attachment' });

    // The same bytes uploaded by another pupil do not count for Léa.
    const noah = await joinAs(server, school.pupils[1]!.joinCode);
    const upload = (token: string) =>
      server.app.request(`/api/blobs/${blob}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
        body: photo,
      });
    await upload(noah);
    expect((await send(submission, lea)).status).toBe(422);

    await upload(lea);
    expect((await send(submission, lea)).status).toBe(201);
  });

  it('requires a device token', async () => {
    const submission = sampleHandIn();
    const res = await server.app.request(
      `/api/pupil/submissions/${submission.id}`,
      jsonRequest('PUT', submission),
    );
    expect(res.status).toBe(401);
  });
});
