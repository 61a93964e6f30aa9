/**
 * What came of a sync the pupil asked for ("Mettre à jour", "Envoyer maintenant"), for the
 * pupil on screen: what the device holds after it against what it held before, and how the
 * server answered. Pure, so each sentence the pupil reads can be tested.
 */
import type { FeedbackRecord, HandedInRecord, LessonRecord } from '../store/records.ts';
import type { LessonSyncSummary } from '../sync/lesson-sync.ts';

/** The pupil's side of the device at one moment. */
export interface DeviceSnapshot {
  lessonIds: ReadonlySet<string>;
  feedbackIds: ReadonlySet<string>;
  /** Delivery state of each hand-in, by submission id. */
  handedIn: ReadonlyMap<string, HandedInRecord['state']>;
}

export interface SyncReport {
  /** The browser is offline or the pupil's server did not answer. */
  unreachable: boolean;
  /** The server answered with an error (5xx): try again later. */
  serverError: boolean;
  /** The device must be linked again (401). */
  relink: boolean;
  lessonsAdded: number;
  feedbackAdded: number;
  /** Hand-ins acknowledged during this sync. */
  delivered: number;
  /** Hand-ins not delivered before the sync (what "send now" had to send). */
  pendingBefore: number;
  /** Hand-ins still waiting for the network after it. */
  waiting: number;
  /** Hand-ins the server refused, waiting for the pupil. */
  needsAttention: number;
  /** Lessons whose download failed this time. */
  notDownloaded: number;
  quotaExceeded: boolean;
}

/** The snapshot of what the app state shows. */
export function snapshotOf(
  lessons: readonly LessonRecord[],
  feedback: readonly FeedbackRecord[],
  handedIn: readonly HandedInRecord[],
): DeviceSnapshot {
  return {
    lessonIds: new Set(lessons.filter((l) => !l.withdrawn).map((l) => l.lessonId)),
    feedbackIds: new Set(feedback.map((f) => f.id)),
    handedIn: new Map(handedIn.map((h) => [h.submission.id, h.state])),
  };
}

const countNew = (after: ReadonlySet<string>, before: ReadonlySet<string>) =>
  [...after].filter((id) => !before.has(id)).length;

/** Compare before and after; `summary` is the pupil's lesson sync (absent when it did not run). */
export function buildSyncReport(
  before: DeviceSnapshot,
  after: DeviceSnapshot,
  summary: LessonSyncSummary | undefined,
  unreachable: boolean,
): SyncReport {
  const states = [...after.handedIn.values()];
  const wasPending = [...before.handedIn].filter(([, state]) => state !== 'delivered');
  return {
    unreachable: unreachable || summary?.outcome === 'offline',
    serverError: summary?.outcome === 'serverError',
    relink: summary?.outcome === 'relink',
    lessonsAdded: countNew(after.lessonIds, before.lessonIds),
    feedbackAdded: countNew(after.feedbackIds, before.feedbackIds),
    delivered: wasPending.filter(([id]) => after.handedIn.get(id) === 'delivered').length,
    pendingBefore: wasPending.length,
    waiting: states.filter((state) => state === 'waiting').length,
    needsAttention: states.filter((state) => state === 'needsAttention').length,
    notDownloaded: summary?.failed.filter((f) => f.code !== 'quota').length ?? 0,
    quotaExceeded: summary?.quotaExceeded ?? false,
  };
}
