/** Lessons down: verified packs and media, errors per lesson, 304, re-linking, offline, the updates feed. */
import { beforeEach, describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/store/feedback.ts';
import { getHandedIn, handIn } from '../../../src/store/hand-in.ts';
import { getLesson, listLessons } from '../../../src/store/lessons.ts';
import { getClockOffset, getLastSyncAt, getManifestEtag, getUpdatesCursor } from '../../../src/store/meta.ts';
import { listOutbox } from '../../../src/store/outbox.ts';
import { getProfile } from '../../../src/store/profiles.ts';
import type { Profile } from '../../../src/store/records.ts';
import { MEDIA_CACHE, syncLessons, type SyncProgress } from '../../../src/sync/lesson-sync.ts';
import { deviceWithLea } from '../client/support/device.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';
import { DEVICE_NOW, classServer } from './class-server.ts';
import { imageBytes, publishLesson } from '../client/support/lesson-fixtures.ts';
import { API } from '../../../protocol/index.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';

let caches: MemoryCacheStorage;
let lea: Profile;
beforeEach(async () => ({ caches, lea } = await deviceWithLea()));

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
