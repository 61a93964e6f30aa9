/** On-demand media the pupil asked for (data saver left them on the server), as a signal of progress. */
import { signal } from '@preact/signals';
import type { Profile } from '../store/records.ts';
import { fetchMediaOnDemand } from '../sync/media-on-demand.ts';

/** Bytes so far of one file being fetched, or 'failed'. */
export type MediaDownload = { done: number; total: number } | 'failed';

/** The downloads (keyed by sha256) and the action that starts one; `refresh` re-reads the store after. */
export function createMediaDownloads(activeProfile: () => Profile | null, refresh: () => Promise<void>) {
  const mediaDownloads = signal<Map<string, MediaDownload>>(new Map());

  /** Fetch a media file data saver left behind, because the pupil asked for it. */
  async function fetchMedia(lessonId: string, blob: string): Promise<void> {
    const profile = activeProfile();
    const running = mediaDownloads.value.get(blob);
    if (!profile || (running !== undefined && running !== 'failed')) return;
    const set = (value: MediaDownload | null) => {
      const next = new Map(mediaDownloads.value);
      if (value === null) next.delete(blob);
      else next.set(blob, value);
      mediaDownloads.value = next;
    };
    set({ done: 0, total: 0 });
    const result = await fetchMediaOnDemand(profile, lessonId, blob, {
      onBytes: (done, total) => set({ done, total }),
    }).catch(() => ({ ok: false }) as const);
    set(result.ok ? null : 'failed');
    await refresh();
  }

  return { mediaDownloads, fetchMedia };
}
