/**
 * When the page syncs: at start, when the network comes back, when the pupil returns
 * to the app, on timers while it is open, and at the outbox's next retry time.
 *
 * The outbox is checked every minute (no request at all unless something is due);
 * lessons are polled every 10 minutes at most, because a 304 is cheap but a whole
 * country of open tablets polling every minute at 8 a.m. is not. In between, while the
 * page is visible, the news watch asks the cacheable class news every minute and syncs
 * only when it moved (news-watch.ts).
 */
import { registerPeriodicLessonSync, requestOutboxBackgroundSync } from './background-registration.ts';
import { syncLessons, type SyncProgress, type LessonSyncSummary } from './lesson-sync.ts';
import { defaultFetch, type FetchLike } from './api-client.ts';
import { classNewsMoved, newsCheckMs, startNewsWatch } from './news-watch.ts';
import { sendOutbox, type OutboxSendResult } from './outbox-sender.ts';
import { listLinkedProfiles } from '../store/profiles.ts';
import { onWake, retryTimer, visibleDocument } from './wake-triggers.ts';
import { linkProfilesFromFiles } from './link-from-file.ts';

export const OUTBOX_CHECK_MS = 60_000;
export const LESSONS_POLL_MS = 10 * 60_000;
/** Focus and network events closer together than this do not re-poll lessons. */
const LESSONS_MIN_GAP_MS = 60_000;

export interface SyncTriggerOptions {
  /** Something may have changed: re-read the store. */
  onChange?: (result: { outbox?: OutboxSendResult; lessons?: LessonSyncSummary[] }) => void;
  /** A pass failed unexpectedly (storage error…); triggers keep running. */
  onError?: (error: unknown) => void;
  /** Download progress of a profile's lessons while a sync runs. */
  onProgress?: (profileId: string, progress: SyncProgress) => void;
  fetch?: FetchLike;
  /** How often the news watch asks the class news while visible (default: newsCheckMs()). */
  newsCheckMs?: number;
}

/** What one sync did: the outbox pass (null when it could not run) and each profile's lesson sync. */
export interface SyncResult {
  outbox: OutboxSendResult | null;
  lessons: ProfileSyncSummary[];
}

export type ProfileSyncSummary = LessonSyncSummary & { profileId: string };

export interface SyncTriggers {
  /** Send the outbox and refresh every linked profile's lessons now. */
  syncNow(): Promise<SyncResult>;
  /** Send the outbox now (the pupil pressed "try again"). */
  sendNow(): Promise<OutboxSendResult | null>;
  /** Call right after handIn(): asks for Background Sync, then tries to send at once. */
  afterHandIn(): Promise<void>;
  stop(): void;
}

/** Start the page's sync triggers; returns controls and stop(). */
export function startSyncTriggers(options: SyncTriggerOptions = {}): SyncTriggers {
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const report = (error: unknown) => options.onError?.(error);
  let stopped = false;
  let lastLessonsAt = Number.NEGATIVE_INFINITY;
  const retry = retryTimer(() => void sendNow());

  /** `probe`: the network came back or the page was shown (see DrainOptions.probe). */
  const sendNow = async (probe = false): Promise<OutboxSendResult | null> => {
    if (stopped) return null;
    try {
      const outbox = await sendOutbox({ ...fetchOption, probe });
      retry.arm(outbox.nextAttemptAt);
      if (outbox.delivered > 0 || outbox.remaining > 0) options.onChange?.({ outbox });
      return outbox;
    } catch (error) {
      report(error);
      return null;
    }
  };

  const syncLessonsForAll = async (): Promise<ProfileSyncSummary[]> => {
    lastLessonsAt = Date.now();
    const summaries: ProfileSyncSummary[] = [];
    for (const profile of await listLinkedProfiles()) {
      try {
        const onProgress = options.onProgress;
        const summary = await syncLessons(profile, {
          ...fetchOption,
          ...(onProgress ? { onProgress: (progress: SyncProgress) => onProgress(profile.id, progress) } : {}),
        });
        summaries.push({ ...summary, profileId: profile.id });
      } catch (error) {
        report(error);
      }
    }
    return summaries;
  };

  const syncNow = async (probe = false): Promise<SyncResult> => {
    if (stopped) return { outbox: null, lessons: [] };
    // A profile from a lessons file links first, so its waiting work goes out in this very pass.
    await linkProfilesFromFiles(fetchOption).catch(report);
    const outbox = await sendNow(probe);
    const lessons = await syncLessonsForAll().catch((error: unknown) => (report(error), []));
    options.onChange?.({ ...(outbox ? { outbox } : {}), lessons });
    return { outbox, lessons };
  };

  const doc = visibleDocument();
  const stopWake = onWake(() => {
    if (Date.now() - lastLessonsAt < LESSONS_MIN_GAP_MS) void sendNow(true);
    else void syncNow(true);
  }, doc);
  const outboxTimer = setInterval(() => void sendNow(), OUTBOX_CHECK_MS);
  const lessonsTimer = setInterval(() => void syncNow(), LESSONS_POLL_MS);
  const newsFetch: FetchLike = options.fetch ?? defaultFetch();
  const stopNewsWatch = startNewsWatch({
    intervalMs: options.newsCheckMs ?? newsCheckMs(),
    check: async () => {
      if (await classNewsMoved(newsFetch)) await syncNow();
    },
    ...(doc ? { document: doc } : {}),
  });

  void syncNow();
  void registerPeriodicLessonSync();

  return {
    syncNow: () => syncNow(),
    sendNow: () => sendNow(),
    async afterHandIn() {
      await requestOutboxBackgroundSync();
      await sendNow();
      options.onChange?.({});
    },
    stop() {
      stopped = true;
      retry.stop();
      clearInterval(outboxTimer);
      clearInterval(lessonsTimer);
      stopNewsWatch();
      stopWake();
    },
  };
}
