import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ManifestSchema } from '../../../protocol/api.ts';
import {
  bareServer,
  bearer,
  createSchool,
  eachTest,
  joinAs,
  publishTestLesson,
  sampleDraft,
  type TestServer,
} from './harness.ts';

let server: TestServer;
eachTest(bareServer, (world) => ({ server } = world));

describe('GET /api/pupil/manifest', () => {
  it('lists the latest version of each of the class lessons, future ones included, with sizes', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const first = await publishTestLesson(server, school.classId, sampleDraft({ title: 'v1' }), 'lesson-a');
    const second = await publishTestLesson(server, school.classId, sampleDraft({ title: 'v2' }), 'lesson-a');
    const future = await publishTestLesson(
      server,
      school.classId,
      sampleDraft({
        title: 'Demain',
        availableFrom: '2099-01-01T08:30:00.000Z',
        dueAt: '2099-01-02T16:30:00.000Z',
      }),
      'lesson-b',
    );
    expect(second.version).toBe(first.version + 1);

    const res = await server.app.request('/api/pupil/manifest', bearer(token));
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const manifest = v.parse(ManifestSchema, await res.json());
    expect(manifest.lessons).toEqual([
      {
        id: 'lesson-a',
        version: 2,
        title: 'v2',
        pack: second.pack,
        size: second.size,
        availableFrom: '2026-01-05T08:30:00.000Z',
        dueAt: null,
        sequence: null,
      },
      {
        id: 'lesson-b',
        version: 1,
        title: 'Demain',
        pack: future.pack,
        size: future.size,
        availableFrom: '2099-01-01T08:30:00.000Z',
        dueAt: '2099-01-02T16:30:00.000Z',
        sequence: null,
      },
    ]);
    const packBytes = (await server.blobs.read(second.pack))!.byteLength;
    expect(second.size).toBe(packBytes);
  });

  it('has a strong ETag that ignores serverTime, answers 304 to If-None-Match, and changes on publish', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    await publishTestLesson(server, school.classId);

    const first = await server.app.request('/api/pupil/manifest', bearer(token));
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await server.app.request('/api/pupil/manifest', bearer(token));
    expect(again.headers.get('ETag')).toBe(etag);

    const cached = await server.app.request('/api/pupil/manifest', {
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': etag },
    });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');

    await publishTestLesson(server, school.classId);
    const changed = await server.app.request('/api/pupil/manifest', {
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('changes its ETag when a lesson is deleted, even if another is published in its place', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    await publishTestLesson(server, school.classId, sampleDraft(), 'lesson-a');
    await publishTestLesson(server, school.classId, sampleDraft(), 'lesson-b');
    const etagOf = async () =>
      (await server.app.request('/api/pupil/manifest', bearer(token))).headers.get('ETag');
    const before = await etagOf();
    await server.db.deleteFrom('lesson_versions').where('lesson_id', '=', 'lesson-b').execute();
    await server.db.deleteFrom('lessons').where('id', '=', 'lesson-b').execute();
    const afterDelete = await etagOf();
    expect(afterDelete).not.toBe(before);
    await publishTestLesson(server, school.classId, sampleDraft(), 'lesson-c');
    expect(await etagOf()).not.toBe(afterDelete);
    expect(await etagOf()).not.toBe(before);
  });

  it('refuses a missing, unknown or revoked token with 401', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    expect((await server.app.request('/api/pupil/manifest')).status).toBe(401);
    const unknown = await server.app.request('/api/pupil/manifest', bearer('x'.repeat(43)));
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'unauthorized' });
    await server.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).execute();
    expect((await server.app.request('/api/pupil/manifest', bearer(token))).status).toBe(401);
  });

  it('shows a pupil only the lessons of their own class', async () => {
    const ours = await createSchool(server);
    const theirs = await createSchool(server);
    await publishTestLesson(server, ours.classId, sampleDraft({ title: 'Chez nous' }));
    await publishTestLesson(server, theirs.classId, sampleDraft({ title: 'Chez eux' }));
    const token = await joinAs(server, theirs.pupils[0]!.joinCode);
    const manifest = (await (await server.app.request('/api/pupil/manifest', bearer(token))).json()) as {
      lessons: { title: string }[];
    };
    expect(manifest.lessons.map((l) => l.title)).toEqual(['Chez eux']);
  });

  it('is a pure read: a check (200 or 304) writes no row and changes no timestamp', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    await publishTestLesson(server, school.classId);
    await server.db.updateTable('devices').set({ last_seen_at: '2020-01-01T00:00:00.000Z' }).execute();
    const snapshot = async () => ({
      devices: await server.db.selectFrom('devices').selectAll().execute(),
      feed: await server.db.selectFrom('feed').selectAll().execute(),
      lessons: await server.db.selectFrom('lesson_versions').select(['lesson_id', 'version']).execute(),
    });
    const before = await snapshot();
    const first = await server.app.request('/api/pupil/manifest', bearer(token));
    await server.app.request('/api/pupil/manifest', {
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': first.headers.get('ETag')! },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is served compressed to a client that accepts it, and stays small with 300 lessons', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    for (let i = 0; i < 300; i++) {
      await publishTestLesson(
        server,
        school.classId,
        sampleDraft({ title: `Leçon numéro ${i} : les fractions` }),
        `lesson-${i}`,
      );
    }
    const res = await server.app.request('/api/pupil/manifest', {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.status).toBe(200);
    expect(['gzip', 'br']).toContain(res.headers.get('Content-Encoding'));
    expect(res.headers.get('Vary')).toContain('Accept-Encoding');
    const compressed = (await res.arrayBuffer()).byteLength;
    expect(compressed).toBeLessThanOrEqual(20 * 1024);
    const plain = await server.app.request('/api/pupil/manifest', bearer(token));
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(v.parse(ManifestSchema, await plain.json()).lessons).toHaveLength(300);
  }, 60_000);

  it('tells the device where its updates feed ends, on 200 and on 304, so it asks the feed only on news', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    await publishTestLesson(server, school.classId);
    const first = await server.app.request('/api/pupil/manifest', bearer(token));
    expect(first.headers.get('Cartable-Feed-Cursor')).toBe('0');
    const pupilId = school.pupils[0]!.id;
    await server.db
      .insertInto('feed')
      .values({ pupil_id: pupilId, payload: '{"kind":"ack"}', created_at: new Date().toISOString() })
      .execute();
    const feed = await server.app.request('/api/pupil/updates?since=', bearer(token));
    const { cursor } = (await feed.json()) as { cursor: string };
    const cached = await server.app.request('/api/pupil/manifest', {
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': first.headers.get('ETag')! },
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('Cartable-Feed-Cursor')).toBe(cursor);
  });
});
