/**
 * The device with no network: a lessons file stored as a download would store it (idempotent,
 * adding without touching what the pupil started, nothing half-stored on a bad file or a full
 * disk), a work file of every unacknowledged hand-in, and the link with the file's code later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { API, type LessonPack } from '../../../protocol/index.ts';
import { readOfflineFile, writeOfflineFile } from '../../../protocol/offline-file-archive.ts';
import { blobEntry, LESSONS_FILE_FORMAT, packEntry } from '../../../protocol/offline-files.ts';
import { saveAttachment } from '../../../src/store/attachments.ts';
import { saveDraft } from '../../../src/store/drafts.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { listLessons } from '../../../src/store/lessons.ts';
import { listDue, listOutbox } from '../../../src/store/outbox.ts';
import { getProfile, listProfiles } from '../../../src/store/profiles.ts';
import { importLessonsFile } from '../../../src/sync/lessons-file-import.ts';
import { linkProfilesFromFiles } from '../../../src/sync/link-from-file.ts';
import { MEDIA_CACHE } from '../../../src/sync/media-cache.ts';
import { writeWorkFile } from '../../../src/sync/work-file-export.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';
import { freshDevice, SERVER } from '../client/support/device.ts';
import { imageBytes, publishLesson, type PublishedLesson } from '../client/support/lesson-fixtures.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';

const PLENTY = async () => ({ usage: 0, quota: 1e9 });
const options = { server: SERVER, estimate: PLENTY, now: () => Date.parse('2021-04-05T18:00:00.000Z') };
const PROFILE_ID = `${SERVER}|lea`;

/** A lessons file for Léa holding these lessons, as the server writes it. */
async function lessonsFile(lessons: PublishedLesson[]): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const lesson of lessons) {
    files.set(packEntry(lesson.entry.pack), lesson.packBytes);
    for (const [sha, media] of lesson.media) files.set(blobEntry(sha), media.bytes);
  }
  return writeOfflineFile<'lessons'>(
    {
      format: LESSONS_FILE_FORMAT,
      createdAt: '2021-04-05T17:00:00.000Z',
      server: SERVER,
      pupil: { id: 'lea', name: 'Léa' },
      class: { id: 'cm1-a', name: 'CM1 A' },
      joinCode: 'ABC-DEF-GHJ',
      lessons: lessons.map((l) => l.entry),
    },
    files,
  );
}

let caches: MemoryCacheStorage;
beforeEach(async () => {
  caches = await freshDevice();
});

const cachedMedia = async () => (await (await caches.open(MEDIA_CACHE)).keys()).length;

describe('opening a lessons file', () => {
  it('creates the pupil’s profile (no token yet) and stores the lessons ready, media cached', async () => {
    const mapLesson = await publishLesson('carte', { image: imageBytes(1) });
    const result = await importLessonsFile(
      await lessonsFile([mapLesson, await publishLesson('texte')]),
      options,
    );
    expect(result).toMatchObject({ ok: true, added: 2, updated: 0, unchanged: 0 });
    const profile = await getProfile(PROFILE_ID);
    expect(profile).toMatchObject({ pupilName: 'Léa', className: 'CM1 A', token: '', link: 'file' });
    expect(profile?.joinCode).toBe('ABC-DEF-GHJ');
    const lessons = await listLessons(PROFILE_ID);
    expect(lessons.map((l) => [l.lessonId, l.state])).toEqual([
      ['carte', 'ready'],
      ['texte', 'ready'],
    ]);
    expect(lessons[0]!.pack).toEqual(mapLesson.pack);
    expect(lessons[0]!.bytesDone).toBe(mapLesson.entry.size);
    const [sha] = [...mapLesson.media.keys()];
    const stored = await (await caches.open(MEDIA_CACHE)).match(API.blob(sha!));
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(mapLesson.media.get(sha!)!.bytes);
  });

  it('changes nothing the second time', async () => {
    const file = await lessonsFile([await publishLesson('carte', { image: imageBytes(1) })]);
    await importLessonsFile(file, options);
    const before = await listLessons(PROFILE_ID);
    const again = await importLessonsFile(file, { ...options, now: () => options.now() + 86_400_000 });
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 1 });
    expect(await listLessons(PROFILE_ID)).toEqual(before);
    expect(await listProfiles()).toHaveLength(1);
  });

  it('a newer file adds lessons and updates only what the pupil has not started', async () => {
    await importLessonsFile(await lessonsFile([await publishLesson('a'), await publishLesson('b')]), options);
    await saveDraft({
      profileId: PROFILE_ID,
      lessonId: 'a',
      lessonVersion: 1,
      answers: { s1: { kind: 'text', text: 'commencé' } },
      stepIndex: 0,
      updatedAt: '2021-04-06T08:10:00.000Z',
    });
    const newer = [
      await publishLesson('a', { version: 2 }),
      await publishLesson('b', { version: 2 }),
      await publishLesson('c'),
    ];
    const result = await importLessonsFile(await lessonsFile(newer), options);
    expect(result).toMatchObject({ ok: true, added: 1, updated: 1, unchanged: 1 });
    const versions = (await listLessons(PROFILE_ID)).map((l) => [
      l.lessonId,
      l.version,
      (l.pack as LessonPack).version,
    ]);
    expect(versions).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 1, 1],
    ]);
  });

  it('stores nothing from a damaged or cut file, nor when the device lacks the space', async () => {
    const file = await lessonsFile([await publishLesson('carte', { image: imageBytes(1, 50_000) })]);
    const tampered = file.slice();
    const at = tampered.byteLength - 30_000;
    tampered[at] = tampered[at]! ^ 0xff;
    expect(await importLessonsFile(tampered, options)).toMatchObject({ ok: false, problem: 'file_tampered' });
    expect(await importLessonsFile(file.slice(0, 20_000), options)).toMatchObject({
      ok: false,
      problem: 'file_truncated',
    });
    const full = await importLessonsFile(file, {
      ...options,
      estimate: async () => ({ usage: 990, quota: 1000 }),
    });
    expect(full).toMatchObject({ ok: false, problem: 'not_enough_space', freeBytes: 10 });
    expect(await listProfiles()).toEqual([]);
    expect(await listLessons(PROFILE_ID)).toEqual([]);
    expect(await cachedMedia()).toBe(0);
  });
});

describe('the work file and the link later', () => {
  it('holds every unacknowledged hand-in with its photo; repeatable; the device links with the file’s code', async () => {
    await importLessonsFile(await lessonsFile([await publishLesson('a'), await publishLesson('b')]), options);
    const profile = (await getProfile(PROFILE_ID))!;
    const photo = await saveAttachment(PROFILE_ID, imageBytes(5, 3000).buffer, 'image/jpeg');
    const first = await handIn(
      profile,
      { lessonId: 'a', version: 1 },
      {
        s1: { kind: 'attachment', blob: photo.sha256, mime: photo.mime, size: photo.size },
      },
    );
    const second = await handIn(
      profile,
      { lessonId: 'b', version: 1 },
      { s1: { kind: 'text', text: 'fini' } },
    );

    const file = await writeWorkFile(PROFILE_ID);
    const read = await readOfflineFile(file!.bytes, 'work');
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.manifest.pupil).toEqual({ id: 'lea', name: 'Léa' });
    expect(read.file.manifest.submissions.map((s) => s.id).sort()).toEqual(
      [first.submission.id, second.submission.id].sort(),
    );
    expect(read.file.entries.get(blobEntry(photo.sha256))).toEqual(imageBytes(5, 3000));
    expect(file!.fileName).toMatch(/^Léa \d{4}-\d\d-\d\d\.cartable$/);
    // Writing it left the work waiting, and writing it again gives the same hand-ins.
    expect(await listOutbox(PROFILE_ID)).toHaveLength(2);
    expect((await writeWorkFile(PROFILE_ID))!.submissions).toBe(2);
    // No token: nothing is sent before the device links.
    expect(await listDue(Date.now())).toEqual([]);

    const server = fakeServer(async (request) => {
      expect(await request.json()).toEqual({ code: 'ABC-DEF-GHJ' });
      return json({
        token: 't'.repeat(43),
        pupil: { id: 'lea', name: 'Léa' },
        class: { id: 'cm1-a', name: 'CM1 A' },
        serverTime: '2021-04-07T08:00:00.000Z',
      });
    });
    expect(await linkProfilesFromFiles({ fetch: server.fetch })).toBe(1);
    expect(await getProfile(PROFILE_ID)).toMatchObject({ link: 'ok', token: 't'.repeat(43) });
    expect((await listDue(Date.now())).map((item) => item.id).sort()).toEqual(
      [first.submission.id, second.submission.id].sort(),
    );
    expect(await linkProfilesFromFiles({ fetch: server.fetch })).toBe(0);
  });

  it('writes no file when nothing waits, and stops asking with a code the server refused', async () => {
    await importLessonsFile(await lessonsFile([await publishLesson('a')]), options);
    expect(await writeWorkFile(PROFILE_ID)).toBeNull();
    const server = fakeServer(() => json({ error: 'expired_code', message: 'replaced' }, 404));
    expect(await linkProfilesFromFiles({ fetch: server.fetch })).toBe(0);
    expect(await linkProfilesFromFiles({ fetch: server.fetch })).toBe(0);
    expect(server.log).toHaveLength(1);
    expect(await getProfile(PROFILE_ID)).toMatchObject({ link: 'file' });
  });
});
