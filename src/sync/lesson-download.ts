/**
 * Download one lesson: its pack (kept once verified), then each media file not
 * already cached, resuming partial files. The lesson becomes ready only when every
 * file it needs is verified and stored; data-saver media are left for the pupil.
 */
import * as v from 'valibot';
import { LessonPackSchema, packMedia, type LessonPack, type MediaRef } from '../../protocol/index.ts';
import { isQuotaError } from '../store/db.ts';
import { dropAllReceived, dropReceived } from '../store/download-chunks.ts';
import type { DownloadPolicy } from '../store/device-settings.ts';
import { markDownloading, markError, markReady, storePack } from '../store/lessons.ts';
import type { LessonRecord } from '../store/records.ts';
import type { FetchLike } from './api-client.ts';
import { waitsForPupil, type NetworkHints } from './data-saver.ts';
import { downloadMedia, downloadPack, type MediaDownloadOptions } from './file-download.ts';
import { cacheMedia, hasMedia } from './media-cache.ts';

/** The device is full: every download stops (unsent work must keep the space it has). */
export class QuotaStop extends Error {
  override name = 'QuotaStop';
}

export interface LessonDownloadContext {
  server: string;
  fetch: FetchLike;
  cache: Cache | null;
  policy: DownloadPolicy;
  hints: NetworkHints;
  /** Bytes stored for the overall progress (negative when a restart discards some). */
  onBytes: (delta: number) => void;
  /** Bytes of this lesson that will not come down now (left on demand). */
  onSkipped: (bytes: number) => void;
  media?: Pick<MediaDownloadOptions, 'chunkBytes' | 'idleTimeoutMs'>;
}

/** A verified pack's bytes as a valid pack, or null. */
export function parsePack(bytes: ArrayBuffer | Uint8Array): LessonPack | null {
  try {
    const parsed = v.safeParse(LessonPackSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

type MediaContext = Pick<LessonDownloadContext, 'server' | 'fetch' | 'cache' | 'onBytes' | 'media'>;

/** Media files being fetched now, by hash: lessons downloading side by side may share one. */
const mediaInFlight = new Map<string, Promise<unknown>>();

/** Fetch, verify and cache one media file (nothing when already cached); null on success. */
export async function storeMedia(ref: MediaRef, context: MediaContext): Promise<string | null> {
  // One download per file: a second lesson waits, then finds it cached (its stored pieces are not shared twice).
  for (let pending = mediaInFlight.get(ref.blob); pending; pending = mediaInFlight.get(ref.blob)) {
    await pending.catch(() => undefined);
  }
  const run = storeMediaOnce(ref, context);
  mediaInFlight.set(ref.blob, run);
  try {
    return await run;
  } finally {
    if (mediaInFlight.get(ref.blob) === run) mediaInFlight.delete(ref.blob);
  }
}

async function storeMediaOnce(ref: MediaRef, context: MediaContext): Promise<string | null> {
  const { cache } = context;
  if (await hasMedia(cache, ref.blob)) {
    context.onBytes(ref.size);
    return null;
  }
  if (!cache) return 'no_cache_storage';
  try {
    const file = await downloadMedia(context.fetch, context.server, ref, {
      ...context.media,
      onBytes: context.onBytes,
    });
    if (!file.ok) return file.code;
    await cacheMedia(cache, ref, file.value);
    await dropReceived(ref.blob);
    return null;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    // Give the space of half-downloaded files back: drafts and hand-ins need it more.
    await dropAllReceived().catch(() => undefined);
    throw new QuotaStop();
  }
}

/**
 * Bring one lesson to ready; null when it is, else the error code stored on it.
 * Throws QuotaStop when the device is full (the caller stops every download).
 */
export async function downloadLesson(
  lesson: LessonRecord,
  context: LessonDownloadContext,
): Promise<string | null> {
  const { profileId, lessonId } = lesson;
  let lessonBytes = 0;
  // Progress writes are chained so that none can land after markReady (or markError) and undo it.
  let writes: Promise<void> = Promise.resolve();
  const fail = async (code: string) => {
    await writes;
    await markError(profileId, lessonId, code);
    return code;
  };
  const track = (delta: number) => {
    lessonBytes += delta;
    context.onBytes(delta);
  };
  // A ready lesson only fetching media the family now allows stays ready meanwhile.
  const stayReady = lesson.state === 'ready';
  const persist = () => {
    if (!stayReady) writes = writes.then(() => markDownloading(profileId, lessonId, lessonBytes));
    return writes;
  };
  await persist();

  let pack = lesson.pack;
  if (pack) {
    track(lesson.size - packMedia(pack).reduce((sum, ref) => sum + ref.size, 0));
  } else {
    const file = await downloadPack(context.fetch, context.server, lesson.packHash, lesson.size);
    if (!file.ok) return fail(file.code);
    const parsed = parsePack(file.value);
    if (!parsed || parsed.id !== lessonId) return fail('bad_pack');
    pack = parsed;
    track(file.value.byteLength);
    // Kept now only when media follow, so that a retry fetches just the media still missing; a
    // lesson without media goes straight to ready below (two writes, not four, per lesson).
    if (packMedia(pack).length > 0) {
      await storePack(profileId, lessonId, pack);
      await persist();
    }
  }

  const onDemand: MediaRef[] = [];
  for (const ref of packMedia(pack)) {
    if (!(await hasMedia(context.cache, ref.blob)) && waitsForPupil(ref, context.policy, context.hints)) {
      onDemand.push(ref);
      context.onSkipped(ref.size);
      continue;
    }
    const code = await storeMedia(ref, {
      ...context,
      onBytes: (delta) => {
        track(delta);
        void persist();
      },
    });
    if (code !== null) {
      await writes;
      return fail(code);
    }
  }
  await writes;
  await markReady(profileId, lessonId, pack, new Date(), onDemand);
  return null;
}
