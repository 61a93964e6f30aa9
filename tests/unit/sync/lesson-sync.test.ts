import { beforeEach, describe, expect, it } from 'vitest';
import { API, type Manifest } from '../../../protocol/index.ts';
import { listFeedback } from '../../../src/store/feedback.ts';
import { getHandedIn, handIn } from '../../../src/store/hand-in.ts';
import { getLesson, listLessons, markError } from '../../../src/store/lessons.ts';
import { getClockOffset, getLastSyncAt, getManifestEtag, getUpdatesCursor } from '../../../src/store/meta.ts';
import { listOutbox } from '../../../src/store/outbox.ts';
import { getProfile } from '../../../src/store/profiles.ts';
import type { Profile } from '../../../src/store/records.ts';
import { MEDIA_CACHE, syncLessons, type SyncProgress } from '../../../src/sync/lesson-sync.ts';
import { fakeServer, json, type Route } from '../client/support/fake-server.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { imageBytes, publishLesson, type PublishedLesson } from '../client/support/lesson-fixtures.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';

const SERVER_TIME = '2021-04-06T07:00:00.000Z';
const DEVICE_NOW = Date.parse('2021-04-06T06:59:00.000Z');

let caches: MemoryCacheStorage;
let lea: Profile;
beforeEach(async () => {
  caches = await freshDevice();
  lea = await linkedProfile('lea');
});

interface ServerOptions {
  tamperPack?: string;
  tamperMedia?: boolean;
  etag?: string;
  updates?: unknown[];
  /** What the manifest says in Cartable-Feed-Cursor (a server that predates it sends nothing). */
  feedCursor?: string;
  /** Device-status answers with this status. */
  statusCode?: number;
  /** The class news the manifest names (URL and current value); the URL answers `{ news }`. */
  classNews?: { url: string; value: string; status?: number };
}

/** A pupil's server: manifest with ETag, packs, media, updates feed, device status. */
function classServer(lessons: PublishedLesson[], options: ServerOptions = {}) {
  const etag = options.etag ?? '"m1"';
  const statuses: unknown[] = [];
  const feedHeader: Record<string, string> = {
    ...(options.feedCursor === undefined ? {} : { 'cartable-feed-cursor': options.feedCursor }),
    ...(options.classNews
      ? { 'cartable-class-news': options.classNews.url, 'cartable-class-news-value': options.classNews.value }
      : {}),
  };
  const route: Route = async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === API.manifest) {
      if (request.headers.get('if-none-match') === etag)
        return new Response(null, {
          status: 304,
          headers: { date: new Date(SERVER_TIME).toUTCString(), ...feedHeader },
        });
      const manifest: Manifest = { serverTime: SERVER_TIME, lessons: lessons.map((l) => l.entry) };
      return json(manifest, 200, { etag, ...feedHeader });
    }
    for (const lesson of lessons) {
      if (pathname === API.pack(lesson.entry.pack)) {
        const bytes =
          lesson.entry.id === options.tamperPack
            ? new TextEncoder().encode(JSON.stringify({ ...lesson.pack, title: 'Piraté' }))
            : lesson.packBytes;
        return new Response(bytes, { headers: { 'content-type': 'application/json' } });
      }
      for (const [sha, media] of lesson.media) {
        if (pathname === API.blob(sha)) {
          const bytes = options.tamperMedia ? imageBytes(99, media.bytes.byteLength) : media.bytes;
          return new Response(bytes, { headers: { 'content-type': media.mime } });
        }
      }
    }
    if (options.classNews && pathname === options.classNews.url) {
      if (options.classNews.status)
        return json({ error: 'not_found', message: '' }, options.classNews.status);
      return json({ news: options.classNews.value }, 200, { 'cache-control': 'public, max-age=60' });
    }
    // One page of updates, then nothing after its cursor, as a real feed.
    if (pathname === '/api/pupil/updates')
      return json({
        cursor: 'c1',
        updates: new URL(request.url).searchParams.get('since') === 'c1' ? [] : (options.updates ?? []),
      });
    if (pathname === API.deviceStatus) {
      statuses.push(await request.json());
      return new Response(null, { status: options.statusCode ?? 204 });
    }
    return json({ error: 'not_found', message: pathname }, 404);
  };
  return { ...fakeServer(route), statuses };
}

describe('syncLessons', () => {
  it('marks a lesson ready only after its pack and its media are verified and stored', async () => {
    const image = imageBytes(1);
    const geography = await publishLesson('geographie', { image });
    const server = classServer([geography]);
    const progress: SyncProgress[] = [];

    const summary = await syncLessons(lea, {
      fetch: server.fetch,
      now: () => DEVICE_NOW,
      onProgress: (p) => progress.push(p),
    });

    expect(summary).toMatchObject({
      outcome: 'updated',
      lessonsReady: 1,
      lessonsTotal: 1,
      failed: [],
      quotaExceeded: false,
    });
    const lesson = await getLesson(lea.id, 'geographie');
    expect(lesson?.state).toBe('ready');
    expect(lesson?.pack).toEqual(geography.pack);
    const [sha] = [...geography.media.keys()];
    const cached = await (await caches.open(MEDIA_CACHE)).match(API.blob(sha!));
    expect(new Uint8Array(await cached!.arrayBuffer())).toEqual(image);
    expect(cached!.headers.get('content-type')).toBe('image/png');
    expect(cached!.headers.get('content-length')).toBe(String(image.byteLength));
    // Media is fetched after the pack; the lesson is not ready in between.
    expect(server.log.indexOf(`GET ${API.blob(sha!)}`)).toBeGreaterThan(
      server.log.indexOf(`GET ${API.pack(geography.entry.pack)}`),
    );
    expect(progress.at(-1)).toEqual({
      bytesDone: geography.entry.size,
      bytesTotal: geography.entry.size,
      lessonsReady: 1,
      lessonsTotal: 1,
    });
    expect(await getManifestEtag(lea.id)).toBe('"m1"');
    // Server clock one minute ahead of the device.
    expect(await getClockOffset(lea.id)).toBe(60_000);
    expect(await getLastSyncAt(lea.id)).toBe(new Date(DEVICE_NOW).toISOString());
    expect(server.statuses).toEqual([
      expect.objectContaining({
        lessonsReady: [{ id: 'geographie', version: 1 }],
        lastSyncAt: new Date(DEVICE_NOW).toISOString(),
      }),
    ]);
  });

  it('a tampered pack fails that lesson alone (hash_mismatch) while another becomes ready', async () => {
    const good = await publishLesson('sciences', { image: imageBytes(2) });
    const bad = await publishLesson('histoire');
    const server = classServer([good, bad], { tamperPack: 'histoire' });

    const summary = await syncLessons(lea, { fetch: server.fetch });

    expect(summary.failed).toEqual([{ lessonId: 'histoire', code: 'hash_mismatch' }]);
    expect(await getLesson(lea.id, 'histoire')).toMatchObject({ state: 'error', error: 'hash_mismatch' });
    expect((await getLesson(lea.id, 'histoire'))?.pack).toBeUndefined();
    expect((await getLesson(lea.id, 'sciences'))?.state).toBe('ready');
    expect(summary).toMatchObject({ lessonsReady: 1, lessonsTotal: 2 });
  });

  it('tampered media keeps the lesson from being ready and out of the cache', async () => {
    const lesson = await publishLesson('musique', { image: imageBytes(3) });
    const server = classServer([lesson], { tamperMedia: true });

    await syncLessons(lea, { fetch: server.fetch });

    expect(await getLesson(lea.id, 'musique')).toMatchObject({ state: 'error', error: 'hash_mismatch' });
    expect((await caches.open(MEDIA_CACHE)).entries.size).toBe(0);
  });

  it('a pack that is not a valid lesson (hash correct) → bad_pack', async () => {
    const lesson = await publishLesson('maths');
    const junk = new TextEncoder().encode('{"format":"something else"}');
    const { sha256Hex } = await import('../../../protocol/hash.ts');
    lesson.entry.pack = await sha256Hex(junk);
    lesson.packBytes = junk;

    await syncLessons(lea, { fetch: classServer([lesson]).fetch });

    expect(await getLesson(lea.id, 'maths')).toMatchObject({ state: 'error', error: 'bad_pack' });
  });

  it('304: nothing new is downloaded, the clock offset is still measured from Date', async () => {
    const lesson = await publishLesson('anglais', { image: imageBytes(4) });
    const server = classServer([lesson]);
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW });
    server.log.length = 0;

    const summary = await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW - 5000 });

    expect(summary).toMatchObject({ outcome: 'notModified', lessonsReady: 1, lessonsTotal: 1 });
    expect(server.log[0]).toBe(`GET ${API.manifest}`);
    expect(server.log.filter((line) => line.includes('/packs/') || line.includes('/blobs/'))).toEqual([]);
    expect(await getClockOffset(lea.id)).toBe(65_000);
  });

  it('downloads again media that vanished from the cache (eviction), even on a 304', async () => {
    const lesson = await publishLesson('art', { image: imageBytes(5) });
    const server = classServer([lesson]);
    await syncLessons(lea, { fetch: server.fetch });
    (await caches.open(MEDIA_CACHE)).entries.clear();

    const summary = await syncLessons(lea, { fetch: server.fetch });

    expect(summary.outcome).toBe('notModified');
    expect((await getLesson(lea.id, 'art'))?.state).toBe('ready');
    expect((await caches.open(MEDIA_CACHE)).entries.size).toBe(1);
  });

  it('QuotaExceededError → error "quota", never ready, downloads stop', async () => {
    const first = await publishLesson('a-first', {
      image: imageBytes(6),
      availableFrom: '2021-04-06T08:00:00.000Z',
    });
    const second = await publishLesson('b-second', {
      image: imageBytes(7),
      availableFrom: '2021-04-07T08:00:00.000Z',
    });
    (await caches.open(MEDIA_CACHE)).failPutsWith = new DOMException(
      'The quota has been exceeded.',
      'QuotaExceededError',
    );
    const server = classServer([first, second]);

    const summary = await syncLessons(lea, { fetch: server.fetch });

    expect(summary.quotaExceeded).toBe(true);
    expect(summary.failed).toEqual([{ lessonId: 'a-first', code: 'quota' }]);
    expect(await getLesson(lea.id, 'a-first')).toMatchObject({ state: 'error', error: 'quota' });
    expect((await getLesson(lea.id, 'b-second'))?.state).toBe('queued');
    expect(server.log.some((line) => line.includes(second.entry.pack))).toBe(false);
  });

  it('401 on the manifest marks the profile for re-linking and keeps its lessons', async () => {
    const lesson = await publishLesson('eps');
    await syncLessons(lea, { fetch: classServer([lesson]).fetch });
    const refused = fakeServer(() => json({ error: 'unauthorized', message: 'revoked' }, 401));

    const summary = await syncLessons(lea, { fetch: refused.fetch });

    expect(summary.outcome).toBe('relink');
    expect((await getProfile(lea.id))?.link).toBe('relink');
    expect(await listLessons(lea.id)).toHaveLength(1);
  });

  it('offline: stored lessons stay as they are', async () => {
    const lesson = await publishLesson('eps');
    await syncLessons(lea, { fetch: classServer([lesson]).fetch });
    const down = fakeServer(() => {
      throw new TypeError('fetch failed');
    });

    expect((await syncLessons(lea, { fetch: down.fetch })).outcome).toBe('offline');
    expect((await getLesson(lea.id, 'eps'))?.state).toBe('ready');
  });

  it('stores feedback and applies acknowledgements from the updates feed', async () => {
    const record = await handIn(lea, { lessonId: 'eps', version: 1 }, {});
    const server = classServer([], {
      updates: [
        {
          kind: 'ack',
          submissionId: record.submission.id,
          lessonId: 'eps',
          receivedAt: '2021-04-06T09:00:00.000Z',
        },
        {
          kind: 'feedback',
          id: 'f1',
          submissionId: record.submission.id,
          lessonId: 'eps',
          body: [{ t: 'p', c: [{ t: 'text', v: 'Bravo !' }] }],
          createdAt: '2021-04-06T10:00:00.000Z',
        },
      ],
    });

    const summary = await syncLessons(lea, { fetch: server.fetch });

    expect(summary.feedbackAdded).toBe(1);
    expect(await listOutbox()).toEqual([]);
    expect(await getHandedIn(record.submission.id)).toMatchObject({
      state: 'delivered',
      receivedAt: '2021-04-06T09:00:00.000Z',
    });
    expect(await listFeedback(lea.id)).toEqual([
      expect.objectContaining({ id: 'f1', profileId: lea.id, lessonId: 'eps' }),
    ]);
    expect(await getUpdatesCursor(lea.id)).toBe('c1');
    expect(server.log).toContain('GET /api/pupil/updates?since=');
  });
});

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
