/**
 * Lessons down: manifest (ETag), then each lesson not ready yet (see lesson-download.ts:
 * packs kept once verified, media resumed with Range, every byte verified by SHA-256,
 * data-saver media left for the pupil). A bad file fails that lesson alone; a full disk
 * stops the downloads and says so; vanished files are detected and fetched again.
 * Up to DOWNLOADS_IN_FLIGHT lessons come down side by side. Then the updates feed and the
 * readiness report for the teacher's dashboard, each only when it has news.
 */
import {
  CLASS_NEWS_HEADER,
  CLASS_NEWS_VALUE_HEADER,
  FEED_CURSOR_HEADER,
  LOCK_LESSONS,
} from '../../protocol/index.ts';
import { isQuotaError } from '../store/db.ts';
import { getDownloadPolicy, type DownloadPolicy } from '../store/device-settings.ts';
import { listLessons, markError, upsertFromManifest } from '../store/lessons.ts';
import {
  getClassNews,
  getManifestEtag,
  setClassNews,
  setLastSyncAt,
  setManifestEtag,
} from '../store/meta.ts';
import { markRelink } from '../store/outbox.ts';
import type { LessonRecord, Profile } from '../store/records.ts';
import { defaultFetch, getManifest, type FetchLike } from './api-client.ts';
import { notifyPages } from './broadcast.ts';
import { classNewsUnchanged } from './class-news.ts';
import { recordClockOffset } from './clock.ts';
import { detectMissingContent } from './content-check.ts';
import { networkHints, waitsForPupil, type NetworkHints } from './data-saver.ts';
import { downloadLesson, QuotaStop, type LessonDownloadContext } from './lesson-download.ts';
import { missingMedia, openMediaCache } from './media-cache.ts';
import { runExclusive } from './locks.ts';
import { readinessReportedRecently, reportReadiness } from './readiness-report.ts';
import { pullUpdates } from './updates-feed.ts';
import { earliestFirst } from '../store/time-order.ts';

/**
 * Lessons downloaded side by side: enough to hide each file's round trips (300 small
 * lessons one after another took 45 s), few enough not to starve a slow link.
 */
export const DOWNLOADS_IN_FLIGHT = 4;

export { FEED_PAGES_PER_SYNC } from './updates-feed.ts';

export { READINESS_HEARTBEAT_MS } from './readiness-report.ts';

/** Where verified media live (re-exported: the service worker's media route reads it). */
export { MEDIA_CACHE } from './media-cache.ts';

export interface SyncProgress {
  bytesDone: number;
  bytesTotal: number;
  lessonsReady: number;
  lessonsTotal: number;
}

export interface LessonSyncSummary {
  /** How the manifest step went: 'offline' and 'serverError' leave stored lessons untouched. */
  outcome: 'updated' | 'notModified' | 'offline' | 'serverError' | 'relink';
  /** Lessons (not withdrawn) ready offline after this sync, out of `lessonsTotal`. */
  lessonsReady: number;
  lessonsTotal: number;
  /** Lessons whose download failed this time, with the error code stored on them. */
  failed: { lessonId: string; code: string }[];
  /** The device ran out of space: downloads stopped. */
  quotaExceeded: boolean;
  /** New feedback stored from the updates feed. */
  feedbackAdded: number;
}

export interface SyncLessonsOptions {
  onProgress?: (progress: SyncProgress) => void;
  fetch?: FetchLike;
  /** The device clock in epoch ms (default Date.now). */
  now?: () => number;
  /** Connection hints for data saver (default: read navigator.connection). */
  network?: NetworkHints;
  /** Chunk size and idle timeout of media downloads (tests make them small). */
  media?: LessonDownloadContext['media'];
}

/**
 * Bring one profile's lessons up to date. One lesson sync at a time per device
 * (Web Lock); a call made while another waits for this profile shares its result.
 */
export function syncLessons(profile: Profile, options: SyncLessonsOptions = {}): Promise<LessonSyncSummary> {
  return runExclusive(LOCK_LESSONS, `${LOCK_LESSONS}:${profile.id}`, () => runSync(profile, options));
}

async function runSync(profile: Profile, options: SyncLessonsOptions): Promise<LessonSyncSummary> {
  const fetchFn = options.fetch ?? defaultFetch();
  const clock = options.now ?? Date.now;
  const summary: LessonSyncSummary = {
    outcome: 'notModified',
    lessonsReady: 0,
    lessonsTotal: 0,
    failed: [],
    quotaExceeded: false,
    feedbackAdded: 0,
  };
  if (profile.link !== 'ok') return { ...summary, outcome: 'relink' };

  if (await nothingNew(profile, fetchFn, clock())) {
    // Checked and up to date: that is a sync for the pupil's "last synced" line.
    const lastSyncAt = new Date(clock()).toISOString();
    await setLastSyncAt(profile.id, lastSyncAt);
    // A lesson started since the last report is news for the teacher even when the class has none.
    await reportReadiness(profile, fetchFn, lastSyncAt, clock());
    const lessons = (await listLessons(profile.id)).filter((lesson) => !lesson.withdrawn);
    return { ...summary, lessonsReady: lessons.length, lessonsTotal: lessons.length };
  }

  const sentAt = clock();
  const manifest = await getManifest(fetchFn, profile, await getManifestEtag(profile.id));
  const receivedAt = clock();
  if (manifest.kind === 'failed') {
    const { outcome } = manifest;
    if (outcome.kind === 'response' && outcome.status === 401) {
      await markRelink(profile.id);
      notifyPages({ type: 'outbox:changed' });
      return { ...summary, outcome: 'relink' };
    }
    return { ...summary, outcome: outcome.kind === 'response' ? 'serverError' : 'offline' };
  }

  const newsUrl = manifest.response.headers.get(CLASS_NEWS_HEADER);
  const newsValue = manifest.response.headers.get(CLASS_NEWS_VALUE_HEADER);
  await setClassNews(profile.id, newsUrl && newsValue ? { url: newsUrl, value: newsValue } : null);

  let changed = false;
  if (manifest.kind === 'manifest') {
    await recordClockOffset(profile.id, manifest.response, sentAt, receivedAt, manifest.manifest.serverTime);
    await upsertFromManifest(profile.id, manifest.manifest.lessons);
    await setManifestEtag(profile.id, manifest.etag);
    summary.outcome = 'updated';
    changed = true;
  } else {
    await recordClockOffset(profile.id, manifest.response, sentAt, receivedAt);
  }

  // Files that vanished (eviction, cleared site data) are found before deciding what to fetch.
  await detectMissingContent(profile.id);
  const lessons = (await listLessons(profile.id)).filter((lesson) => !lesson.withdrawn);
  const cache = await openMediaCache();
  const policy = await getDownloadPolicy();
  const hints = options.network ?? networkHints();
  const toDownload = await lessonsToDownload(lessons, cache, policy, hints);
  if (toDownload.length > 0) changed = true;

  const progress: SyncProgress = {
    bytesDone: 0,
    bytesTotal: toDownload.reduce((sum, lesson) => sum + lesson.size, 0),
    lessonsReady: lessons.filter((lesson) => lesson.state === 'ready' && !toDownload.includes(lesson)).length,
    lessonsTotal: lessons.length,
  };
  const report = () => options.onProgress?.({ ...progress });
  report();
  const context: LessonDownloadContext = {
    server: profile.server,
    fetch: fetchFn,
    cache,
    policy,
    hints,
    onBytes: (delta) => {
      progress.bytesDone += delta;
      report();
    },
    onSkipped: (bytes) => {
      progress.bytesTotal -= bytes;
      report();
    },
    ...(options.media ? { media: options.media } : {}),
  };

  let stopped = false;
  const downloadOne = async (lesson: LessonRecord) => {
    try {
      const code = await downloadLesson(lesson, context);
      if (code === null) progress.lessonsReady += 1;
      else summary.failed.push({ lessonId: lesson.lessonId, code });
    } catch (error) {
      stopped = true;
      if (!(error instanceof QuotaStop || isQuotaError(error))) throw error;
      summary.quotaExceeded = true;
      summary.failed.push({ lessonId: lesson.lessonId, code: 'quota' });
      await markError(profile.id, lesson.lessonId, 'quota').catch(() => undefined);
    }
    report();
  };
  // The first lesson alone: a full disk or a broken link shows on one lesson, not on four.
  const [first, ...rest] = toDownload;
  if (first) await downloadOne(first);
  let next = 0;
  const worker = async () => {
    while (!stopped && next < rest.length) await downloadOne(rest[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(DOWNLOADS_IN_FLIGHT, rest.length) }, worker));
  summary.lessonsReady = progress.lessonsReady;
  summary.lessonsTotal = progress.lessonsTotal;

  const pulled = await pullUpdates(profile, fetchFn, manifest.response.headers.get(FEED_CURSOR_HEADER));
  summary.feedbackAdded = pulled.feedbackAdded;
  if (pulled.feedbackAdded > 0 || pulled.handedInElsewhere > 0) changed = true;
  const lastSyncAt = new Date(clock()).toISOString();
  await setLastSyncAt(profile.id, lastSyncAt);
  await reportReadiness(profile, fetchFn, lastSyncAt, clock());

  if (changed) notifyPages({ type: 'lessons:changed' });
  return summary;
}

/**
 * Whether this sync can stop at the class news: every lesson is ready here, the readiness
 * heartbeat is not due, and the class news (cacheable, no token) says what it said with the
 * last manifest. Anything else — no news URL yet, an error, a lesson not ready — checks the manifest.
 */
async function nothingNew(profile: Profile, fetchFn: FetchLike, now: number): Promise<boolean> {
  const news = await getClassNews(profile.id);
  if (!news || !(await readinessReportedRecently(profile.id, now))) return false;
  const lessons = (await listLessons(profile.id)).filter((lesson) => !lesson.withdrawn);
  if (lessons.some((lesson) => lesson.state !== 'ready')) return false;
  return classNewsUnchanged(fetchFn, profile.server, news);
}

/**
 * Lessons needing a download: not ready yet, missing files, or ready with media left
 * on demand that the family's choice now lets come down (on Wi-Fi, data saver off).
 * Earliest lessons first: they are needed first.
 */
async function lessonsToDownload(
  lessons: LessonRecord[],
  cache: Cache | null,
  policy: DownloadPolicy,
  hints: NetworkHints,
): Promise<LessonRecord[]> {
  const pending: LessonRecord[] = [];
  for (const lesson of lessons) {
    if (lesson.state !== 'ready') pending.push(lesson);
    else if ((lesson.mediaOnDemand ?? []).some((ref) => !waitsForPupil(ref, policy, hints))) {
      if (lesson.pack && (await missingMedia(lesson.pack, cache)).length > 0) pending.push(lesson);
    }
  }
  return pending.sort((a, b) => earliestFirst(a.availableFrom, b.availableFrom));
}
