import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASS_NEWS_HEADER, CLASS_NEWS_VALUE_HEADER } from '../../../protocol/api.ts';
import {
  bearer,
  createSchool,
  createTestServer,
  joinAs,
  publishTestLesson,
  type TestServer,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer({ capabilityKey: 'k'.repeat(32) });
});
afterEach(() => server.close());

async function newsOf(token: string) {
  const manifest = await server.app.request('/api/pupil/manifest', bearer(token));
  return {
    url: manifest.headers.get(CLASS_NEWS_HEADER)!,
    value: manifest.headers.get(CLASS_NEWS_VALUE_HEADER)!,
  };
}

describe('GET /api/class-news/<class>/<capability>', () => {
  it('is named in the manifest and says the same value, with no token, cacheable for a minute by any cache', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    await publishTestLesson(server, school.classId);
    const { url, value } = await newsOf(token);
    expect(url).toMatch(/^\/api\/class-news\/[^/]+\/[0-9a-f]{64}$/);
    expect(value).toMatch(/^[0-9a-f]{40}$/);

    const res = await server.app.request(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(await res.json()).toEqual({ news: value });
    const etag = res.headers.get('ETag')!;
    expect((await server.app.request(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('changes when a lesson is published', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const before = await newsOf(token);
    await publishTestLesson(server, school.classId);
    const after = (await (await server.app.request(before.url)).json()) as { news: string };
    expect(after.news).not.toBe(before.value);
    expect((await newsOf(token)).value).toBe(after.news);
  });

  it('changes when a teacher gives feedback to a pupil of the class', async () => {
    const school = await createSchool(server);
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const lesson = await publishTestLesson(server, school.classId);
    const before = await newsOf(token);
    const at = new Date().toISOString();
    await server.db
      .insertInto('submissions')
      .values({
        id: 'sub-1',
        pupil_id: school.pupils[0]!.id,
        lesson_id: lesson.lessonId,
        lesson_version: lesson.version,
        body: '{}',
        body_sha256: '0'.repeat(64),
        handed_in_at: at,
        received_at: at,
      })
      .execute();
    expect((await newsOf(token)).value).toBe(before.value);
    await server.db
      .insertInto('feedback')
      .values({
        id: 'f-1',
        submission_id: 'sub-1',
        teacher_id: school.teacher.id,
        markdown: 'Bravo',
        created_at: at,
      })
      .execute();
    expect((await newsOf(token)).value).not.toBe(before.value);
  });

  it('changes when a device of the class is unlinked, so that device checks its manifest and hears 401', async () => {
    const school = await createSchool(server, ['Léa Martin', 'Tom Petit']);
    const lea = await joinAs(server, school.pupils[0]!.joinCode);
    await joinAs(server, school.pupils[1]!.joinCode);
    const before = await newsOf(lea);
    await server.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('pupil_id', '=', school.pupils[1]!.id)
      .execute();
    const after = (await (await server.app.request(before.url)).json()) as { news: string };
    expect(after.news).not.toBe(before.value);
  });

  it('answers 404 to a wrong capability or another class with this one', async () => {
    const ours = await createSchool(server);
    const theirs = await createSchool(server);
    const token = await joinAs(server, ours.pupils[0]!.joinCode);
    const { url } = await newsOf(token);
    const mac = url.split('/').at(-1)!;
    const wrong = url.replace(/[0-9a-f]{64}$/, '0'.repeat(64));
    expect((await server.app.request(wrong)).status).toBe(404);
    expect((await server.app.request(`/api/class-news/${theirs.classId}/${mac}`)).status).toBe(404);
  });
});
