/**
 * Lessons down: manifest (ETag), then each missing pack and media file, every byte
 * verified by SHA-256 before it counts. A lesson is 'ready' only when its pack and
 * all its media are stored; a bad file fails that lesson alone; a full disk stops
 * the downloads and says so. Then the updates feed and the readiness report.
 */
import * as v from 'valibot';
import {
  API,
  LOCK_LESSONS,
  LessonPackSchema,
  packMedia,
  sha256Hex,
  type LessonPack,
  type MediaRef,
} from '../../protocol/index.ts';
import { isQuotaError } from '../store/db.ts';
import { saveFeedback } from '../store/feedback.ts';
import { getHandedIn } from '../store/hand-in.ts';
import {
  listLessons,
  markDownloading,
  markError,
  markQueued,
  markReady,
  upsertFromManifest,
} from '../store/lessons.ts';
import {
  getManifestEtag,
  getUpdatesCursor,
  setLastSyncAt,
  setManifestEtag,
  setUpdatesCursor,
} from '../store/meta.ts';
import { acknowledge, markRelink } from '../store/outbox.ts';
import type { LessonRecord, Profile } from '../store/records.ts';
import {
  defaultFetch,
  download,
  getManifest,
  getUpdates,
  postDeviceStatus,
  type FetchLike,
} from './api-client.ts';
import { notifyPages } from './broadcast.ts';
import type { SendOutcome } from './classify.ts';
import { recordClockOffset } from './clock.ts';
import { runExclusive } from './locks.ts';
import { storageStatus } from './storage-status.ts';

/** The Cache Storage cache holding verified media under `/blobs/<sha256>`; the worker serves it. */
export const MEDIA_CACHE = 'cartable-media';

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
}

/**
 * Bring one profile's lessons up to date. One lesson sync at a time per device
 * (Web Lock); a call made while another waits for this profile shares its result.
 */
export function syncLessons(profile: Profile, options: SyncLessonsOptions = {}): Promise<LessonSyncSummary> {
  return runExclusive(LOCK_LESSONS, `${LOCK_LESSONS}:${profile.id}`, () => runSync(profile, options));
}

class QuotaStop extends Error {}

/** What failed for one lesson: a stored code, or a full disk that stops everything. */
function failureCode(outcome: SendOutcome): string {
  if (outcome.kind === 'networkError') return 'network';
  if (outcome.kind === 'timeout') return 'timeout';
  return outcome.status === 404 ? 'not_found' : 'server';
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

  const lessons = (await listLessons(profile.id)).filter((lesson) => !lesson.withdrawn);
  const media = await openMediaCache();
  const toDownload = await lessonsToDownload(lessons, media);
  if (toDownload.length > 0) changed = true;

  const progress: SyncProgress = {
    bytesDone: 0,
    bytesTotal: toDownload.reduce((sum, lesson) => sum + lesson.size, 0),
    lessonsReady: lessons.length - toDownload.length,
    lessonsTotal: lessons.length,
  };
  options.onProgress?.({ ...progress });

  for (const lesson of toDownload) {
    try {
      const code = await downloadLesson(profile, lesson, media, fetchFn, progress, options.onProgress);
      if (code === null) progress.lessonsReady += 1;
      else summary.failed.push({ lessonId: lesson.lessonId, code });
    } catch (error) {
      if (!(error instanceof QuotaStop || isQuotaError(error))) throw error;
      summary.quotaExceeded = true;
      summary.failed.push({ lessonId: lesson.lessonId, code: 'quota' });
      await markError(profile.id, lesson.lessonId, 'quota').catch(() => undefined);
      break;
    }
    options.onProgress?.({ ...progress });
  }
  summary.lessonsReady = progress.lessonsReady;
  summary.lessonsTotal = progress.lessonsTotal;

  summary.feedbackAdded = await pullUpdates(profile, fetchFn);
  if (summary.feedbackAdded > 0) changed = true;
  const lastSyncAt = new Date(clock()).toISOString();
  await setLastSyncAt(profile.id, lastSyncAt);
  await reportReadiness(profile, fetchFn, lastSyncAt);

  if (changed) notifyPages({ type: 'lessons:changed' });
  return summary;
}

async function openMediaCache(): Promise<Cache | null> {
  return typeof caches === 'undefined' ? null : caches.open(MEDIA_CACHE);
}

/**
 * Lessons needing a download: not ready yet, or "ready" but missing media in the
 * cache (the browser evicted it, or site data was cleared) — those are re-queued.
 * Earliest lessons first: they are needed first.
 */
async function lessonsToDownload(lessons: LessonRecord[], media: Cache | null): Promise<LessonRecord[]> {
  const pending: LessonRecord[] = [];
  for (const lesson of lessons) {
    if (lesson.state === 'ready' && lesson.pack && (await hasAllMedia(lesson.pack, media))) continue;
    if (lesson.state === 'ready') await markQueued(lesson.profileId, lesson.lessonId);
    pending.push(lesson);
  }
  return pending.sort((a, b) => a.availableFrom.localeCompare(b.availableFrom));
}

async function hasAllMedia(pack: LessonPack, media: Cache | null): Promise<boolean> {
  const refs = packMedia(pack);
  if (refs.length === 0) return true;
  if (!media) return false;
  for (const ref of refs) if (!(await media.match(API.blob(ref.blob)))) return false;
  return true;
}

/** Download, verify and store one lesson; null when ready, else the error code stored on it. */
async function downloadLesson(
  profile: Profile,
  lesson: LessonRecord,
  media: Cache | null,
  fetchFn: FetchLike,
  progress: SyncProgress,
  onProgress: SyncLessonsOptions['onProgress'],
): Promise<string | null> {
  const fail = async (code: string) => {
    await markError(profile.id, lesson.lessonId, code);
    return code;
  };
  await markDownloading(profile.id, lesson.lessonId, 0);
  const advance = (bytes: number) => {
    progress.bytesDone += bytes;
    onProgress?.({ ...progress });
  };

  const packFile = await download(fetchFn, profile.server, API.pack(lesson.packHash), lesson.size);
  if (!packFile.ok) return fail(failureCode(packFile.outcome));
  if ((await sha256Hex(packFile.bytes)) !== lesson.packHash) return fail('hash_mismatch');
  const pack = parsePack(packFile.bytes);
  if (!pack || pack.id !== lesson.lessonId) return fail('bad_pack');
  advance(packFile.bytes.byteLength);

  const refs = packMedia(pack);
  if (refs.length > 0 && !media) return fail('no_cache_storage');
  for (const ref of refs) {
    const code = await storeMedia(profile, ref, media as Cache, fetchFn);
    if (code !== null) return fail(code);
    advance(ref.size);
  }
  await markReady(profile.id, lesson.lessonId, pack);
  return null;
}

function parsePack(bytes: ArrayBuffer): LessonPack | null {
  try {
    const parsed = v.safeParse(LessonPackSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Fetch, verify and cache one media file (skipped when already cached); null on success. */
async function storeMedia(
  profile: Profile,
  ref: MediaRef,
  media: Cache,
  fetchFn: FetchLike,
): Promise<string | null> {
  const path = API.blob(ref.blob);
  if (await media.match(path)) return null;
  const file = await download(fetchFn, profile.server, path, ref.size);
  if (!file.ok) return failureCode(file.outcome);
  if ((await sha256Hex(file.bytes)) !== ref.blob) return 'hash_mismatch';
  try {
    await media.put(
      path,
      new Response(file.bytes, {
        headers: { 'content-type': ref.mime, 'content-length': String(file.bytes.byteLength) },
      }),
    );
  } catch (error) {
    if (isQuotaError(error)) throw new QuotaStop();
    throw error;
  }
  return null;
}

/** Pull feedback and acknowledgements after the stored cursor; returns feedback stored. */
async function pullUpdates(profile: Profile, fetchFn: FetchLike): Promise<number> {
  const result = await getUpdates(fetchFn, profile, await getUpdatesCursor(profile.id));
  if (!result.ok) {
    if (result.outcome.kind === 'response' && result.outcome.status === 401) await markRelink(profile.id);
    return 0;
  }
  let acknowledged = 0;
  const feedback = [];
  for (const update of result.value.updates) {
    if (update.kind === 'ack') {
      // Only our own profile's work; harmless when it was already acknowledged.
      const record = await getHandedIn(update.submissionId);
      if (record?.profileId === profile.id && record.state !== 'delivered') {
        await acknowledge(update.submissionId, update.receivedAt);
        acknowledged += 1;
      }
    } else {
      const { kind: _kind, ...rest } = update;
      feedback.push({ ...rest, profileId: profile.id });
    }
  }
  await saveFeedback(feedback);
  await setUpdatesCursor(profile.id, result.value.cursor);
  if (acknowledged > 0) notifyPages({ type: 'outbox:changed' });
  return feedback.length;
}

/** Tell the teacher's dashboard which lessons this device holds offline (best effort). */
async function reportReadiness(profile: Profile, fetchFn: FetchLike, lastSyncAt: string): Promise<void> {
  const ready = (await listLessons(profile.id)).filter(
    (lesson) => lesson.state === 'ready' && !lesson.withdrawn,
  );
  const outcome = await postDeviceStatus(fetchFn, profile, {
    lessonsReady: ready.slice(0, 1000).map((lesson) => ({ id: lesson.lessonId, version: lesson.version })),
    storage: await storageStatus(),
    lastSyncAt,
  });
  if (outcome.kind === 'response' && outcome.status === 401) await markRelink(profile.id);
}
