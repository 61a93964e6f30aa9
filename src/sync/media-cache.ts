/**
 * The Cache Storage cache holding verified media under `/blobs/<sha256>`, which the
 * service worker answers from. Only bytes whose SHA-256 matched ever enter it.
 */
import { API, LOCK_LESSONS, packMedia, type LessonPack, type MediaRef } from '../../protocol/index.ts';
import { openDb } from '../store/db.ts';
import { runExclusive } from './locks.ts';
import { offlineUnavailable } from './offline-capable.ts';

export const MEDIA_CACHE = 'cartable-media';

/** The media cache, or null where Cache Storage does not exist. */
export async function openMediaCache(): Promise<Cache | null> {
  return typeof caches === 'undefined' ? null : caches.open(MEDIA_CACHE);
}

/**
 * Whether this media file is stored. A page that cannot store media at all (plain http off
 * localhost: no Cache Storage, no worker) has nothing to store: its media come from the
 * network while online, and the pupil is told such a page does not work offline.
 */
export async function hasMedia(cache: Cache | null, blob: string): Promise<boolean> {
  if (cache === null) return offlineUnavailable();
  return (await cache.match(API.blob(blob))) !== undefined;
}

/**
 * Keep verified bytes under their content URL, where the service worker answers them from.
 * The one way media enter the cache: a download and a lessons file store them alike.
 */
export async function cacheMedia(
  cache: Cache,
  ref: MediaRef,
  bytes: ArrayBuffer | Uint8Array,
): Promise<void> {
  await cache.put(
    API.blob(ref.blob),
    new Response(bytes as BodyInit, {
      headers: { 'content-type': ref.mime, 'content-length': String(bytes.byteLength) },
    }),
  );
}

/**
 * The pack's media missing from the cache, leaving out `onDemand` (media the pupil
 * chose not to fetch yet: its absence is expected, not damage).
 */
export async function missingMedia(
  pack: LessonPack,
  cache: Cache | null,
  onDemand: readonly MediaRef[] = [],
): Promise<MediaRef[]> {
  const skipped = new Set(onDemand.map((ref) => ref.blob));
  const missing: MediaRef[] = [];
  for (const ref of packMedia(pack)) {
    if (!skipped.has(ref.blob) && !(await hasMedia(cache, ref.blob))) missing.push(ref);
  }
  return missing;
}

/**
 * Delete cached media that no lesson of any pupil on this device refers to any more
 * (after a pupil is removed from a shared tablet). Runs under the lessons lock, so it
 * never races a download that has cached a file but not yet recorded its lesson.
 * Returns how many files were deleted.
 */
export function pruneUnusedMedia(): Promise<number> {
  return runExclusive(LOCK_LESSONS, `${LOCK_LESSONS}:prune`, async () => {
    const cache = await openMediaCache();
    if (!cache) return 0;
    const lessons = await (await openDb()).getAll('lessons');
    const used = new Set(
      lessons.flatMap((lesson) => (lesson.pack ? packMedia(lesson.pack) : []).map((ref) => ref.blob)),
    );
    let deleted = 0;
    for (const request of await cache.keys()) {
      const blob = new URL(request.url, 'http://device').pathname.split('/').pop() ?? '';
      if (!used.has(blob) && (await cache.delete(request))) deleted++;
    }
    return deleted;
  });
}
