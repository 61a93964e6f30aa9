/** Lessons down: new versions, retried files, data saver and evicted media. */
import { beforeEach, describe, expect, it } from 'vitest';
import { getLesson } from '../../../src/store/lessons.ts';
import type { Profile } from '../../../src/store/records.ts';
import { MEDIA_CACHE, syncLessons, type SyncProgress } from '../../../src/sync/lesson-sync.ts';
import { deviceWithLea } from '../client/support/device.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';
import { classServer } from './class-server.ts';
import { imageBytes, publishLesson } from '../client/support/lesson-fixtures.ts';
import { API } from '../../../protocol/index.ts';
import { fakeServer } from '../client/support/fake-server.ts';

let caches: MemoryCacheStorage;
let lea: Profile;
beforeEach(async () => ({ caches, lea } = await deviceWithLea()));

describe('syncLessons: versions, retries, data saver, eviction', () => {
  const WIFI = { saveData: false, onWifi: true };
  const SAVE_DATA = { saveData: true, onWifi: false };

  it('a new version of a lesson does not download its unchanged media again', async () => {
    const image = imageBytes(10, 4096);
    const v1 = await publishLesson('histoire', { image });
    await syncLessons(lea, { fetch: classServer([v1]).fetch, network: WIFI });
    const v2 = await publishLesson('histoire', { image, version: 2 });
    const server = classServer([v2], { etag: '"m2"' });

    await syncLessons(lea, { fetch: server.fetch, network: WIFI });

    expect(await getLesson(lea.id, 'histoire')).toMatchObject({ state: 'ready', version: 2 });
    expect((await getLesson(lea.id, 'histoire'))?.pack?.title).toBe('Leçon histoire (v2)');
    expect(server.log.filter((line) => line.includes('/blobs/'))).toEqual([]);
    expect(server.log).toContain(`GET ${API.pack(v2.entry.pack)}`);
  });

  it('wrong media bytes are retried; a file right on the second try makes the lesson ready', async () => {
    const lesson = await publishLesson('sciences', { image: imageBytes(11) });
    const [sha, media] = [...lesson.media][0]!;
    let served = 0;
    const server = classServer([lesson]);
    const flaky = fakeServer((request) =>
      new URL(request.url).pathname === API.blob(sha) && ++served === 1
        ? new Response(imageBytes(98, media.bytes.byteLength))
        : server.fetch(request),
    );

    const summary = await syncLessons(lea, { fetch: flaky.fetch, network: WIFI });

    expect(summary.failed).toEqual([]);
    expect((await getLesson(lea.id, 'sciences'))?.state).toBe('ready');
    expect(served).toBe(2);
  });

  it('a file that stays wrong fails that lesson only, after three tries', async () => {
    const bad = await publishLesson('musique', { image: imageBytes(12) });
    const good = await publishLesson('maths', { image: imageBytes(13) });
    const [badSha] = [...bad.media.keys()];
    const server = classServer([bad, good]);
    const tampering = fakeServer((request) =>
      new URL(request.url).pathname === API.blob(badSha!)
        ? new Response(imageBytes(97, 2048))
        : server.fetch(request),
    );

    const summary = await syncLessons(lea, { fetch: tampering.fetch, network: WIFI });

    expect(summary.failed).toEqual([{ lessonId: 'musique', code: 'hash_mismatch' }]);
    expect(tampering.log.filter((l) => l === `GET ${API.blob(badSha!)}`)).toHaveLength(3);
    expect((await getLesson(lea.id, 'maths'))?.state).toBe('ready');
  });

  it('a lesson whose media failed keeps its verified pack: the retry fetches only the media', async () => {
    const lesson = await publishLesson('anglais', { image: imageBytes(14) });
    const [sha] = [...lesson.media.keys()];
    const server = classServer([lesson]);
    const mediaDown = fakeServer((request) =>
      new URL(request.url).pathname === API.blob(sha!)
        ? Promise.reject(new TypeError('fetch failed'))
        : server.fetch(request),
    );
    await syncLessons(lea, { fetch: mediaDown.fetch, network: WIFI });
    expect(await getLesson(lea.id, 'anglais')).toMatchObject({ state: 'error', error: 'network' });
    server.log.length = 0;

    await syncLessons(lea, { fetch: server.fetch, network: WIFI });

    expect((await getLesson(lea.id, 'anglais'))?.state).toBe('ready');
    expect(server.log.filter((l) => l.includes('/packs/'))).toEqual([]);
    expect(server.log).toContain(`GET ${API.blob(sha!)}`);
  });

  it('data saver: optional media wait for the pupil, the lesson is ready without them', async () => {
    const lesson = await publishLesson('art', { image: imageBytes(15), optional: true });
    const [sha] = [...lesson.media.keys()];
    const server = classServer([lesson]);
    const progress: SyncProgress[] = [];

    await syncLessons(lea, { fetch: server.fetch, network: SAVE_DATA, onProgress: (p) => progress.push(p) });

    const stored = await getLesson(lea.id, 'art');
    expect(stored?.state).toBe('ready');
    expect(stored?.mediaOnDemand).toEqual([expect.objectContaining({ blob: sha, size: 2048 })]);
    expect(server.log.some((l) => l.includes('/blobs/'))).toBe(false);
    // Progress does not promise bytes that will not come.
    expect(progress.at(-1)).toMatchObject({ lessonsReady: 1, bytesDone: progress.at(-1)!.bytesTotal });

    const { fetchMediaOnDemand } = await import('../../../src/sync/media-on-demand.ts');
    expect(await fetchMediaOnDemand(lea, 'art', sha!, { fetch: server.fetch })).toEqual({ ok: true });
    expect((await getLesson(lea.id, 'art'))?.mediaOnDemand).toBeUndefined();
    expect(await (await caches.open(MEDIA_CACHE)).match(API.blob(sha!))).toBeDefined();
  });

  it('"ask first" off Wi-Fi leaves large or optional media; on Wi-Fi it fetches them', async () => {
    const { setDownloadPolicy } = await import('../../../src/store/device-settings.ts');
    await setDownloadPolicy('askFirst');
    const lesson = await publishLesson('eps', { image: imageBytes(16), optional: true });
    const server = classServer([lesson]);

    await syncLessons(lea, { fetch: server.fetch, network: { saveData: false, onWifi: false } });
    expect((await getLesson(lea.id, 'eps'))?.mediaOnDemand).toHaveLength(1);

    await syncLessons(lea, { fetch: server.fetch, network: WIFI });
    const stored = await getLesson(lea.id, 'eps');
    expect(stored).toMatchObject({ state: 'ready' });
    expect(stored?.mediaOnDemand).toBeUndefined();
    expect(server.log.filter((l) => l.includes('/blobs/'))).toHaveLength(1);
  });

  it('media evicted from the cache: the lesson says "missing" at start, and the next sync repairs it', async () => {
    const { detectMissingContent } = await import('../../../src/sync/content-check.ts');
    const lesson = await publishLesson('geo', { image: imageBytes(17) });
    const server = classServer([lesson]);
    await syncLessons(lea, { fetch: server.fetch, network: WIFI });
    await caches.delete(MEDIA_CACHE);

    expect((await detectMissingContent(lea.id)).map((l) => l.lessonId)).toEqual(['geo']);
    const missing = await getLesson(lea.id, 'geo');
    expect(missing).toMatchObject({ state: 'missing', missingFiles: 1 });
    // The pack stays: text and quizzes still open while the picture comes back.
    expect(missing?.pack).toBeDefined();

    await syncLessons(lea, { fetch: server.fetch, network: WIFI });
    expect(await getLesson(lea.id, 'geo')).toMatchObject({ state: 'ready' });
    expect((await getLesson(lea.id, 'geo'))?.missingFiles).toBeUndefined();
  });

  it('a full disk while storing pieces of a file: quota, not ready, partial bytes freed', async () => {
    const { openDb } = await import('../../../src/store/db.ts');
    const { receivedBytes } = await import('../../../src/store/download-chunks.ts');
    const lesson = await publishLesson('chimie', { image: imageBytes(18) });
    const [sha] = [...lesson.media.keys()];
    const db = await openDb();
    const realPut = db.put.bind(db);
    // Only the download pieces hit the limit; the pupil's own stores still write.
    db.put = ((store: string, ...rest: unknown[]) =>
      store === 'downloadChunks'
        ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
        : (realPut as (...a: unknown[]) => Promise<unknown>)(store, ...rest)) as typeof db.put;
    try {
      const summary = await syncLessons(lea, { fetch: classServer([lesson]).fetch, network: WIFI });
      expect(summary).toMatchObject({ quotaExceeded: true, failed: [{ lessonId: 'chimie', code: 'quota' }] });
    } finally {
      db.put = realPut;
    }
    expect(await getLesson(lea.id, 'chimie')).toMatchObject({ state: 'error', error: 'quota' });
    expect(await receivedBytes(sha!)).toBe(0);
  });
});
