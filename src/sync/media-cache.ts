/**
 * The Cache Storage cache holding verified media under `/blobs/<sha256>`, which the
 * service worker answers from. Only bytes whose SHA-256 matched ever enter it.
 */
import { API, packMedia, type LessonPack, type MediaRef } from '../../protocol/index.ts';

export const MEDIA_CACHE = 'cartable-media';

/** The media cache, or null where Cache Storage does not exist. */
export async function openMediaCache(): Promise<Cache | null> {
  return typeof caches === 'undefined' ? null : caches.open(MEDIA_CACHE);
}

/** Whether this media file is stored. */
export async function hasMedia(cache: Cache | null, blob: string): Promise<boolean> {
  return cache !== null && (await cache.match(API.blob(blob))) !== undefined;
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
