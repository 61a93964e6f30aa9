/**
 * A profile's lessons: the manifest entries and, once verified, their packs.
 *
 * Lessons the teacher withdrew from the manifest are deleted when nothing of the
 * pupil's refers to them; if a draft or handed-in work does, the record is kept
 * with `withdrawn: true` so the pupil can still see what they did (the UI hides
 * withdrawn lessons from the "to do" list).
 */
import type { LessonPack, ManifestLesson, MediaRef } from '../../protocol/index.ts';
import { openDb, RELAXED_WRITE } from './db.ts';
import type { LessonRecord } from './records.ts';
import { alphabetical, earliestFirst } from './time-order.ts';

/** A profile's lessons, by availability (earliest first). */
export async function listLessons(profileId: string): Promise<LessonRecord[]> {
  const lessons = await (await openDb()).getAllFromIndex('lessons', 'byProfile', profileId);
  return lessons.sort(
    (a, b) => earliestFirst(a.availableFrom, b.availableFrom) || alphabetical(a.title, b.title),
  );
}

/** One lesson of a profile, or undefined. */
export async function getLesson(profileId: string, lessonId: string): Promise<LessonRecord | undefined> {
  return (await openDb()).get('lessons', [profileId, lessonId]);
}

/**
 * Bring the profile's lessons in line with a fresh manifest, in one transaction:
 * new or republished lessons are queued for download, unchanged ones keep their
 * pack, missing ones are deleted or marked withdrawn (see file comment).
 */
export async function upsertFromManifest(
  profileId: string,
  manifest: readonly ManifestLesson[],
): Promise<LessonRecord[]> {
  const db = await openDb();
  const tx = db.transaction(['lessons', 'drafts', 'handedIn'], 'readwrite');
  const lessons = tx.objectStore('lessons');
  const known = new Map((await lessons.index('byProfile').getAll(profileId)).map((l) => [l.lessonId, l]));
  const result: LessonRecord[] = [];

  for (const entry of manifest) {
    const existing = known.get(entry.id);
    known.delete(entry.id);
    let record: LessonRecord;
    if (existing && existing.packHash === entry.pack) {
      // Same immutable pack: keep what was downloaded; only the schedule may have moved.
      record = { ...existing, ...scheduleOf(entry), version: entry.version };
      delete record.withdrawn;
    } else {
      record = queuedLesson(profileId, entry);
    }
    await lessons.put(record);
    result.push(record);
  }

  for (const gone of known.values()) {
    const hasDraft = (await tx.objectStore('drafts').count([profileId, gone.lessonId])) > 0;
    const hasWork =
      (await tx.objectStore('handedIn').index('byLesson').count([profileId, gone.lessonId])) > 0;
    if (hasDraft || hasWork) {
      const kept = { ...gone, withdrawn: true };
      await lessons.put(kept);
      result.push(kept);
    } else {
      await lessons.delete([profileId, gone.lessonId]);
    }
  }
  await tx.done;
  return result;
}

/** What a manifest entry says of when and where a lesson sits; it may move while the pack stays. */
function scheduleOf(entry: ManifestLesson) {
  return {
    title: entry.title,
    availableFrom: entry.availableFrom,
    dueAt: entry.dueAt,
    size: entry.size,
    // An older server's entry has no sequence: the lesson stands alone.
    sequence: entry.sequence ?? null,
  };
}

/** A manifest entry not downloaded yet: queued (a download and a lessons file both start here). */
export function queuedLesson(profileId: string, entry: ManifestLesson): LessonRecord {
  return {
    profileId,
    lessonId: entry.id,
    version: entry.version,
    packHash: entry.pack,
    ...scheduleOf(entry),
    state: 'queued',
    bytesDone: 0,
  };
}

async function update(
  profileId: string,
  lessonId: string,
  change: (lesson: LessonRecord) => LessonRecord,
  options?: IDBTransactionOptions,
): Promise<void> {
  const db = await openDb();
  const tx = db.transaction('lessons', 'readwrite', options);
  const lesson = await tx.store.get([profileId, lessonId]);
  if (lesson) await tx.store.put(change(lesson));
  await tx.done;
}

/** The download of this lesson has started or progressed. */
export function markDownloading(profileId: string, lessonId: string, bytesDone: number): Promise<void> {
  return update(
    profileId,
    lessonId,
    (lesson) => {
      const { error: _error, missingFiles: _missing, ...rest } = lesson;
      // A lesson being repaired stays 'missing' (still openable) until it is whole again.
      return { ...rest, state: lesson.state === 'missing' ? 'missing' : 'downloading', bytesDone };
    },
    RELAXED_WRITE,
  );
}

/** The pack is verified: keep it, so a retry fetches only the media still missing. */
export function storePack(profileId: string, lessonId: string, pack: LessonPack): Promise<void> {
  return update(profileId, lessonId, (lesson) => ({ ...lesson, pack }), RELAXED_WRITE);
}

/**
 * The pack and every media file not left on demand are verified and stored: the
 * lesson works offline.
 */
export function markReady(
  profileId: string,
  lessonId: string,
  pack: LessonPack,
  now = new Date(),
  mediaOnDemand: readonly MediaRef[] = [],
): Promise<void> {
  return update(profileId, lessonId, (lesson) => readyLesson(lesson, pack, now, mediaOnDemand));
}

/** The record of a lesson whose pack and media are verified and stored (a download's or a file's). */
export function readyLesson(
  lesson: LessonRecord,
  pack: LessonPack,
  now: Date,
  mediaOnDemand: readonly MediaRef[] = [],
): LessonRecord {
  const { error: _error, missingFiles: _missing, mediaOnDemand: _before, ...rest } = lesson;
  const onDemandBytes = mediaOnDemand.reduce((sum, ref) => sum + ref.size, 0);
  const ready: LessonRecord = {
    ...rest,
    state: 'ready',
    pack,
    bytesDone: lesson.size - onDemandBytes,
    readyAt: lesson.readyAt ?? now.toISOString(),
  };
  return mediaOnDemand.length === 0 ? ready : { ...ready, mediaOnDemand: [...mediaOnDemand] };
}

/**
 * The download failed; `code` is hash_mismatch, bad_pack, quota, network, server…
 * A verified pack is kept (the retry will not fetch it again) but the lesson is not ready.
 */
export function markError(profileId: string, lessonId: string, code: string): Promise<void> {
  return update(profileId, lessonId, (lesson) => {
    const { readyAt: _readyAt, ...rest } = lesson;
    // A lesson that was only missing files stays openable; its pack is still good.
    if (lesson.state === 'missing') return { ...rest, state: 'missing', error: code };
    return { ...rest, state: 'error', error: code };
  });
}

/**
 * Files of a ready lesson vanished (storage evicted, site data cleared): tell the pupil
 * and repair on the next sync. Its pack (in IndexedDB) is kept.
 */
export function markMissing(profileId: string, lessonId: string, missingFiles: number): Promise<void> {
  return update(profileId, lessonId, (lesson) => ({ ...lesson, state: 'missing', missingFiles }));
}

/** A media file the pupil asked for is now stored: it no longer waits on demand. */
export function mediaFetched(profileId: string, lessonId: string, blob: string): Promise<void> {
  return update(profileId, lessonId, (lesson) => {
    const { mediaOnDemand, ...rest } = lesson;
    const left = (mediaOnDemand ?? []).filter((ref) => ref.blob !== blob);
    const fetched = (mediaOnDemand ?? []).find((ref) => ref.blob === blob)?.size ?? 0;
    const bytesDone = Math.min(lesson.size, lesson.bytesDone + fetched);
    return left.length === 0 ? { ...rest, bytesDone } : { ...rest, bytesDone, mediaOnDemand: left };
  });
}
