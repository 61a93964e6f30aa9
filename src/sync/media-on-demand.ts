/**
 * The pupil asked for a media file that data saver left behind ("Télécharger
 * (12 Mo)"): fetch it now, verified and resumable like any other, whatever the
 * family's setting — the pupil's explicit tap is the "ask" of "ask first".
 */
import { LOCK_LESSONS } from '../../protocol/index.ts';
import { getLesson, mediaFetched } from '../store/lessons.ts';
import type { Profile } from '../store/records.ts';
import { defaultFetch, type FetchLike } from './api-client.ts';
import { notifyPages } from './broadcast.ts';
import { QuotaStop, storeMedia } from './lesson-download.ts';
import { openMediaCache } from './media-cache.ts';
import { runExclusive } from './locks.ts';

export type MediaOnDemandResult = { ok: true } | { ok: false; code: string };

/** Download one on-demand media file of a lesson; `onBytes` reports progress. */
export function fetchMediaOnDemand(
  profile: Profile,
  lessonId: string,
  blob: string,
  options: { fetch?: FetchLike; onBytes?: (done: number, total: number) => void } = {},
): Promise<MediaOnDemandResult> {
  // Same lock as lesson syncs: the two never write the same lesson record at once.
  return runExclusive(LOCK_LESSONS, `${LOCK_LESSONS}:${profile.id}:media:${blob}`, async () => {
    const ref = (await getLesson(profile.id, lessonId))?.mediaOnDemand?.find((m) => m.blob === blob);
    if (!ref) return { ok: true };
    let done = 0;
    try {
      const code = await storeMedia(ref, {
        server: profile.server,
        fetch: options.fetch ?? defaultFetch(),
        cache: await openMediaCache(),
        onBytes: (delta) => {
          done += delta;
          options.onBytes?.(done, ref.size);
        },
      });
      if (code !== null) return { ok: false, code };
    } catch (error) {
      if (error instanceof QuotaStop) return { ok: false, code: 'quota' };
      throw error;
    }
    await mediaFetched(profile.id, lessonId, blob);
    notifyPages({ type: 'lessons:changed' });
    return { ok: true };
  });
}
