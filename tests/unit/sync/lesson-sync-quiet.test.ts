/** Lessons down on a quiet morning: what is asked when nothing changed, downloads side by side, the class news. */
import { beforeEach, describe, expect, it } from 'vitest';
import { getLesson, markError } from '../../../src/store/lessons.ts';
import { getLastSyncAt, getUpdatesCursor } from '../../../src/store/meta.ts';
import type { Profile } from '../../../src/store/records.ts';
import { syncLessons, type SyncProgress } from '../../../src/sync/lesson-sync.ts';
import { deviceWithLea } from '../client/support/device.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';
import { DEVICE_NOW, classServer } from './class-server.ts';
import { imageBytes, publishLesson } from '../client/support/lesson-fixtures.ts';
import { API } from '../../../protocol/index.ts';
import { fakeServer } from '../client/support/fake-server.ts';

let caches: MemoryCacheStorage;
let lea: Profile;
beforeEach(async () => ({ caches, lea } = await deviceWithLea()));

describe('syncLessons: a quiet morning asks only what changed', () => {
  it('asks the updates feed only when the manifest says it goes past the stored cursor', async () => {
    const server = classServer([], { feedCursor: 'c1' });
    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log).toContain('GET /api/pupil/updates?since=');
    expect(await getUpdatesCursor(lea.id)).toBe('c1');
    server.log.length = 0;

    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log.filter((line) => line.includes('/updates'))).toEqual([]);

    const news = classServer([], { feedCursor: 'c2' });
    await syncLessons(lea, { fetch: news.fetch });
    expect(news.log).toContain('GET /api/pupil/updates?since=c1');
  });

  it('a device that never pulled the feed skips it when the pupil has no updates at all ("0")', async () => {
    const server = classServer([], { feedCursor: '0' });
    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log.filter((line) => line.includes('/updates'))).toEqual([]);
  });

  it('still pulls the feed every time from a server that does not say where it ends', async () => {
    const server = classServer([]);
    await syncLessons(lea, { fetch: server.fetch });
    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log.filter((line) => line.includes('/updates'))).toHaveLength(2);
  });

  it('reports readiness only when it differs from the last report the server acknowledged', async () => {
    const first = await publishLesson('lecture');
    const server = classServer([first], { feedCursor: '0' });
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW });
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW + 60_000 });
    expect(server.statuses).toHaveLength(1);

    const second = await publishLesson('ecriture');
    const more = classServer([first, second], { feedCursor: '0', etag: '"m2"' });
    await syncLessons(lea, { fetch: more.fetch, now: () => DEVICE_NOW + 120_000 });
    expect(more.statuses).toEqual([
      expect.objectContaining({
        lessonsReady: expect.arrayContaining([
          { id: 'lecture', version: 1 },
          { id: 'ecriture', version: 1 },
        ]),
      }),
    ]);
  });

  it('sends the same report again when the last one was not acknowledged', async () => {
    const lesson = await publishLesson('lecture');
    const failing = classServer([lesson], { feedCursor: '0', statusCode: 503 });
    await syncLessons(lea, { fetch: failing.fetch, now: () => DEVICE_NOW });
    expect(failing.statuses).toHaveLength(1);
    const server = classServer([lesson], { feedCursor: '0' });
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW + 60_000 });
    expect(server.statuses).toHaveLength(1);
  });

  it('sends an unchanged report again once a day, so the teacher sees the device is alive', async () => {
    const lesson = await publishLesson('lecture');
    const server = classServer([lesson], { feedCursor: '0' });
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW });
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW + 23 * 3_600_000 });
    expect(server.statuses).toHaveLength(1);
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW + 25 * 3_600_000 });
    expect(server.statuses).toHaveLength(2);
  });
});

describe('syncLessons: several downloads in flight', () => {
  it('downloads up to four lessons at a time, all verified and ready, progress adding up', async () => {
    const lessons = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        publishLesson(`lecon-${String(i).padStart(2, '0')}`, { image: imageBytes(40 + i) }),
      ),
    );
    const server = classServer(lessons);
    let inFlight = 0;
    let most = 0;
    const slow = fakeServer(async (request) => {
      if (!new URL(request.url).pathname.startsWith('/packs/')) return server.fetch(request);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      return server.fetch(request);
    });
    const progress: SyncProgress[] = [];

    const summary = await syncLessons(lea, { fetch: slow.fetch, onProgress: (p) => progress.push(p) });

    expect(summary).toMatchObject({ lessonsReady: 10, lessonsTotal: 10, failed: [] });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    for (const lesson of lessons) expect((await getLesson(lea.id, lesson.entry.id))?.state).toBe('ready');
    const total = lessons.reduce((sum, l) => sum + l.entry.size, 0);
    expect(progress.at(-1)).toEqual({
      bytesDone: total,
      bytesTotal: total,
      lessonsReady: 10,
      lessonsTotal: 10,
    });
    for (const [a, b] of progress.slice(1).map((p, i) => [progress[i]!, p] as const)) {
      expect(b.bytesDone).toBeGreaterThanOrEqual(a.bytesDone);
      expect(b.lessonsReady).toBeGreaterThanOrEqual(a.lessonsReady);
    }
  });
});

describe('syncLessons: the class news spares the morning manifest check', () => {
  const NEWS_URL = '/api/class-news/c1/' + 'a'.repeat(64);

  async function syncedDevice() {
    const lesson = await publishLesson('lecture');
    const evening = classServer([lesson], { feedCursor: '0', classNews: { url: NEWS_URL, value: 'n1' } });
    await syncLessons(lea, { fetch: evening.fetch, now: () => DEVICE_NOW });
    return lesson;
  }

  it('asks only the class news when nothing changed and every lesson is ready', async () => {
    const lesson = await syncedDevice();
    const morning = classServer([lesson], { feedCursor: '0', classNews: { url: NEWS_URL, value: 'n1' } });

    const summary = await syncLessons(lea, { fetch: morning.fetch, now: () => DEVICE_NOW + 12 * 3_600_000 });

    expect(morning.log).toEqual([`GET ${NEWS_URL}`]);
    expect(morning.requests[0]!.headers.get('authorization')).toBeNull();
    expect(summary).toMatchObject({ outcome: 'notModified', lessonsReady: 1, lessonsTotal: 1 });
    expect(await getLastSyncAt(lea.id)).toBe(new Date(DEVICE_NOW + 12 * 3_600_000).toISOString());
  });

  it('checks the manifest when the news moved', async () => {
    const lesson = await syncedDevice();
    const second = await publishLesson('ecriture');
    const morning = classServer([lesson, second], {
      feedCursor: '0',
      etag: '"m2"',
      classNews: { url: NEWS_URL, value: 'n2' },
    });

    await syncLessons(lea, { fetch: morning.fetch, now: () => DEVICE_NOW + 60_000 });

    expect(morning.log.slice(0, 2)).toEqual([`GET ${NEWS_URL}`, `GET ${API.manifest}`]);
    expect((await getLesson(lea.id, 'ecriture'))?.state).toBe('ready');
  });

  it('checks the manifest when the news URL is refused (a server restarted with a new key)', async () => {
    const lesson = await syncedDevice();
    const morning = classServer([lesson], {
      feedCursor: '0',
      classNews: { url: NEWS_URL, value: 'n1', status: 404 },
    });
    await syncLessons(lea, { fetch: morning.fetch, now: () => DEVICE_NOW + 60_000 });
    expect(morning.log).toContain(`GET ${API.manifest}`);
  });

  it('checks the manifest when a lesson is not ready on the device, whatever the news', async () => {
    const lesson = await syncedDevice();
    await markError(lea.id, 'lecture', 'network');
    const morning = classServer([lesson], { feedCursor: '0', classNews: { url: NEWS_URL, value: 'n1' } });
    await syncLessons(lea, { fetch: morning.fetch, now: () => DEVICE_NOW + 60_000 });
    expect(morning.log).toContain(`GET ${API.manifest}`);
    expect((await getLesson(lea.id, 'lecture'))?.state).toBe('ready');
  });

  it('checks the manifest again once a day, so the readiness heartbeat reaches the teacher', async () => {
    const lesson = await syncedDevice();
    const later = classServer([lesson], { feedCursor: '0', classNews: { url: NEWS_URL, value: 'n1' } });
    await syncLessons(lea, { fetch: later.fetch, now: () => DEVICE_NOW + 25 * 3_600_000 });
    expect(later.log).toContain(`GET ${API.manifest}`);
    expect(later.statuses).toHaveLength(1);
  });
});
