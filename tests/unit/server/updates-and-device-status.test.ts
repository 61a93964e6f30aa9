import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { UpdatesSchema } from '../../../protocol/api.ts';
import type { PublishedVersion } from '../../../server/lessons/publish.ts';
import {
  ackAsOlderServer,
  bearer,
  eachTest,
  joinAs,
  jsonRequest,
  serverWithDevice,
  type TestSchool,
  type TestServer,
} from './harness.ts';
import { handInAt } from './teacher-support.ts';

let server: TestServer, school: TestSchool, lesson: PublishedVersion, lea: string;
eachTest(
  () => serverWithDevice(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, lesson, device: lea } = world),
);

/** This file's lesson handed in by a device (now unless told). */
const handInNow = (token: string, handedInAt?: string) => handInAt(server, token, lesson, handedInAt);

const updates = async (token: string, since?: string) => {
  const res = await server.app.request(
    since === undefined ? '/api/pupil/updates' : `/api/pupil/updates?since=${since}`,
    bearer(token),
  );
  expect(res.status).toBe(200);
  return v.parse(UpdatesSchema, await res.json());
};

describe('GET /api/pupil/updates', () => {
  it('returns this pupil acknowledgements after the cursor, and nothing new after the last cursor', async () => {
    const empty = await updates(lea);
    expect(empty).toEqual({ cursor: '0', updates: [] });
    // A fresh device has no cursor yet and sends it empty, exactly as the app does.
    expect(await updates(lea, '')).toEqual({ cursor: '0', updates: [] });

    const first = await handInNow(lea, '2026-01-05T07:58:00.000Z');
    const noah = await joinAs(server, school.pupils[1]!.joinCode);
    await handInNow(noah);
    const afterFirst = await updates(lea, empty.cursor);
    expect(afterFirst.updates).toEqual([
      {
        kind: 'ack',
        submissionId: first.id,
        lessonId: lesson.lessonId,
        receivedAt: first.receivedAt,
        handedInAt: '2026-01-05T07:58:00.000Z',
      },
    ]);
    expect(afterFirst.cursor).toMatch(/^\d+$/);

    const second = await handInNow(lea);
    const afterSecond = await updates(lea, afterFirst.cursor);
    expect(afterSecond.updates.map((u) => u.submissionId)).toEqual([second.id]);
    expect(Number(afterSecond.cursor)).toBeGreaterThan(Number(afterFirst.cursor));
    expect(await updates(lea, afterSecond.cursor)).toEqual({ cursor: afterSecond.cursor, updates: [] });
  });

  it("completes an acknowledgement written before it carried handedInAt, from the pupil's own submission", async () => {
    const first = await handInNow(lea, '2026-01-05T07:58:00.000Z');
    // The row as an older server wrote it: no handedInAt.
    const oldAck = await ackAsOlderServer(server, {
      submissionId: first.id,
      lessonId: lesson.lessonId,
      receivedAt: first.receivedAt,
    });
    expect((await updates(lea, '0')).updates).toEqual([
      { ...oldAck, handedInAt: '2026-01-05T07:58:00.000Z' },
    ]);
  });

  it('refuses a cursor that is not a decimal number', async () => {
    const res = await server.app.request('/api/pupil/updates?since=abc', bearer(lea));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_cursor' });
  });
});

describe('POST /api/pupil/device-status', () => {
  it('stores the readiness report on the device (204)', async () => {
    const report = {
      lessonsReady: [{ id: lesson.lessonId, version: lesson.version }],
      storage: { persisted: true, usage: 1_234_567, quota: 2_000_000_000 },
      lastSyncAt: '2026-01-05T07:59:00.000Z',
    };
    const res = await server.app.request('/api/pupil/device-status', jsonRequest('POST', report, lea));
    expect(res.status).toBe(204);
    const device = await server.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(device.lessons_ready!)).toEqual(report.lessonsReady);
    expect(device).toMatchObject({
      storage_persisted: 1,
      storage_usage: 1_234_567,
      storage_quota: 2_000_000_000,
      last_sync_at: '2026-01-05T07:59:00.000Z',
    });
  });

  it('stores the lessons started on the device, and refuses more than 1000 of them', async () => {
    const report = {
      lessonsReady: [{ id: lesson.lessonId, version: lesson.version }],
      storage: { persisted: true },
      lastSyncAt: '2026-01-05T07:59:00.000Z',
      lessonsStarted: [{ id: lesson.lessonId }],
    };
    const res = await server.app.request('/api/pupil/device-status', jsonRequest('POST', report, lea));
    expect(res.status).toBe(204);
    const device = await server.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(device.lessons_started!)).toEqual([{ id: lesson.lessonId }]);

    const tooMany = { ...report, lessonsStarted: Array.from({ length: 1001 }, (_, i) => ({ id: `l${i}` })) };
    const refused = await server.app.request('/api/pupil/device-status', jsonRequest('POST', tooMany, lea));
    expect(refused.status).toBe(400);
  });

  it('refuses an invalid report', async () => {
    const res = await server.app.request(
      '/api/pupil/device-status',
      jsonRequest('POST', { lessonsReady: 'all' }, lea),
    );
    expect(res.status).toBe(400);
  });
});
