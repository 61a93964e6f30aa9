/**
 * The device's report for the teacher (POST /api/pupil/device-status): lessons ready offline,
 * lessons started and not handed in, storage. Sent only when it would say something new since
 * the last report the server acknowledged, or once a day: the server's "last seen" comes from it.
 */
import { listDrafts } from '../store/drafts.ts';
import { listLessons } from '../store/lessons.ts';
import { getReadinessReported, setReadinessReported } from '../store/meta.ts';
import { markRelink } from '../store/outbox.ts';
import type { Profile } from '../store/records.ts';
import { postDeviceStatus, type FetchLike } from './api-client.ts';
import { offlineUnavailable } from './offline-capable.ts';
import { storageStatus } from './storage-status.ts';

/** An unchanged readiness report is sent again after this long, so "last seen" stays meaningful. */
export const READINESS_HEARTBEAT_MS = 24 * 3_600_000;

/** Whether the last acknowledged report is recent enough to stand for today (the heartbeat is not due). */
export async function readinessReportedRecently(profileId: string, now: number): Promise<boolean> {
  const reported = await getReadinessReported(profileId);
  return !!reported && now - reported.at < READINESS_HEARTBEAT_MS && now >= reported.at;
}

/** Tell the teacher which lessons this device holds offline and which the pupil has started (best effort). */
export async function reportReadiness(
  profile: Profile,
  fetchFn: FetchLike,
  lastSyncAt: string,
  now: number,
): Promise<void> {
  const ready = (await listLessons(profile.id)).filter(
    (lesson) => lesson.state === 'ready' && !lesson.withdrawn,
  );
  // A page that cannot keep the app offline (plain http on a network) holds nothing the
  // teacher may count on: it reports no lesson ready offline, only that it was seen.
  const lessonsReady = (offlineUnavailable() ? [] : ready)
    .slice(0, 1000)
    .map((lesson) => ({ id: lesson.lessonId, version: lesson.version }));
  // A draft is written at the pupil's first answer and removed at the hand-in.
  const lessonsStarted = (await listDrafts(profile.id))
    .slice(0, 1000)
    .map((draft) => ({ id: draft.lessonId }));
  const storage = await storageStatus();
  // Usage and quota move with every byte stored; only what the teacher acts on decides.
  const fingerprint = JSON.stringify([
    [...lessonsReady].sort((a, b) => (a.id < b.id ? -1 : 1)).map(({ id, version }) => `${id}@${version}`),
    storage.persisted,
    lessonsStarted.map(({ id }) => id).sort(),
  ]);
  const last = await getReadinessReported(profile.id);
  if (last?.fingerprint === fingerprint && (await readinessReportedRecently(profile.id, now))) return;
  const outcome = await postDeviceStatus(fetchFn, profile, {
    lessonsReady,
    storage,
    lastSyncAt,
    lessonsStarted,
  });
  if (outcome.kind === 'response' && outcome.status === 401) await markRelink(profile.id);
  if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
    await setReadinessReported(profile.id, { fingerprint, at: now });
  }
}
