/**
 * The pupil app's state as signals, created once and passed by context.
 * Mutations are the named functions returned beside the state. IndexedDB is
 * the source of truth; signals are a view of it, re-read after every change.
 */
import { batch, computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Answers } from '../../protocol/index.ts';
import type { FeedbackRecord, HandedInRecord, LessonRecord, Profile } from '../store/records.ts';
import {
  listProfiles,
  removeProfile as removeStoredProfile,
  type RemoveProfileResult,
} from '../store/profiles.ts';
import { getDownloadPolicy, setDownloadPolicy, type DownloadPolicy } from '../store/device-settings.ts';
import { listOutbox, retryNow } from '../store/outbox.ts';
import { detectMissingContent } from '../sync/content-check.ts';
import { listLessons } from '../store/lessons.ts';
import { handIn } from '../store/hand-in.ts';
import { isUnread, listFeedback, markFeedbackRead as markStoredFeedbackRead } from '../store/feedback.ts';
import { isHandedIn, withDraftSaved, type LessonWorkState } from '../store/work-status.ts';
import { readProfileView } from '../store/profile-view.ts';
import { joinWithCode } from '../sync/join.ts';
import { startSyncTriggers, type SyncTriggers } from '../sync/triggers.ts';
import { createConnectionState, type Connection } from './connection-state.ts';
import { buildSyncReport, snapshotOf, type SyncReport } from './sync-report.ts';
import { correctedNow, isAvailable } from '../sync/clock.ts';
import { pruneUnusedMedia } from '../sync/media-cache.ts';
import { coalescedReread } from './coalesced-reread.ts';
import { createMediaDownloads } from './media-downloads.ts';

const ACTIVE_PROFILE_KEY = 'cartable.activeProfile';
/** Download progress redraws the lesson list at most this often. */
const PROGRESS_REDRAW_MS = 250;

export type WorkState = LessonWorkState;

export type { Connection };

export { isHandedIn };

export function createAppState() {
  const profiles = signal<Profile[]>([]);
  const activeProfileId = signal<string | null>(globalThis.localStorage?.getItem(ACTIVE_PROFILE_KEY) ?? null);
  const lessons = signal<LessonRecord[]>([]);
  const handedIn = signal<HandedInRecord[]>([]);
  const feedback = signal<FeedbackRecord[]>([]);
  const workStates = signal<Map<string, WorkState>>(new Map());
  const syncing = signal(false);
  const lastSyncAt = signal<string | null>(null);
  const clockOffsetMs = signal(0);
  const loaded = signal(false);
  const downloadPolicy = signal<DownloadPolicy>('always');
  /** Device clock, ticking; lessons unlock against `serverNow` (corrected by the last measured offset). */
  const now = signal(Date.now());
  let triggers: SyncTriggers | null = null;

  /** The pupil on screen among `all`: the one chosen last on this device, else the first to join. */
  const pickProfile = (all: Profile[]) => all.find((p) => p.id === activeProfileId.value) ?? all[0] ?? null;
  const activeProfile = computed(() => pickProfile(profiles.value));
  const serverNow = computed(() => correctedNow(clockOffsetMs.value, now.value));
  const { online, connection } = createConnectionState(activeProfile);
  /** The active pupil's feedback not seen yet, newest first. */
  const unreadFeedback = computed(() => feedback.value.filter(isUnread));
  /** The active pupil's hand-ins not delivered yet: waiting for the network, or for the pupil. */
  const unsent = computed(() => ({
    waiting: handedIn.value.filter((h) => h.state === 'waiting').length,
    needsAttention: handedIn.value.filter((h) => h.state === 'needsAttention').length,
  }));

  /** Whether a lesson has opened, on the device clock corrected by the last measured offset. */
  function isOpen(lesson: { availableFrom: string }): boolean {
    return isAvailable(lesson.availableFrom, clockOffsetMs.value, now.value);
  }

  async function refresh(): Promise<void> {
    // The pupil on screen last time nearly always still is: their reads start beside the
    // profiles' instead of after them (at start, one wait less before the lesson list).
    const likely = activeProfileId.value;
    const early = likely === null ? null : readProfileView(likely);
    early?.catch(() => undefined); // unused when the guess was wrong
    const [all, policy] = await Promise.all([listProfiles(), getDownloadPolicy()]);
    const profile = pickProfile(all);
    const view = profile && (await (early && profile.id === likely ? early : readProfileView(profile.id)));
    // One redraw with everything read, not one for the profiles and another for their lessons.
    batch(() => {
      profiles.value = all;
      downloadPolicy.value = policy;
      lessons.value = view ? view.lessons : [];
      handedIn.value = view ? view.handedIn : [];
      feedback.value = view ? view.feedback : [];
      workStates.value = view ? view.workStates : new Map();
      if (view) {
        clockOffsetMs.value = view.clockOffsetMs;
        lastSyncAt.value = view.lastSyncAt;
      }
      now.value = Date.now();
      loaded.value = true;
    });
  }

  async function refreshLessons(profileId: string): Promise<void> {
    const l = await listLessons(profileId);
    if (activeProfile.value?.id === profileId) lessons.value = l;
  }

  // One re-read at a time; progress arriving meanwhile folds into one more, after a pause.
  const refreshLessonsSoon = coalescedReread(refreshLessons, PROGRESS_REDRAW_MS);
  const { mediaDownloads, fetchMedia } = createMediaDownloads(() => activeProfile.value, refresh);

  function selectProfile(id: string): void {
    activeProfileId.value = id;
    globalThis.localStorage?.setItem(ACTIVE_PROFILE_KEY, id);
    void refresh();
  }

  /** Start syncing: at once, on `online`, on visibility, on timers and at each retry time. */
  function start(): void {
    // Before any network: tell the pupil at once if the browser evicted lesson files.
    void listProfiles()
      .then(async (all) => {
        for (const profile of all) await detectMissingContent(profile.id);
      })
      .then(refresh, () => undefined);
    triggers ??= startSyncTriggers({
      onChange: () => void refresh(),
      // Every downloaded chunk: only the lesson records (bytes done, ready) change, so only
      // they are re-read, only for the pupil on screen, and at most a few times a second
      // (one re-read per chunk of 300 lessons made the join quadratic).
      onProgress: (profileId) => {
        if (profileId === activeProfile.value?.id) refreshLessonsSoon(profileId);
      },
    });
  }

  /** Link this device with a join code (on this origin's server unless `server`); throws JoinError. */
  async function join(code: string, server?: string): Promise<Profile> {
    // Another school's server (a sibling elsewhere): that profile's requests all go there.
    const profile = await joinWithCode(code, server ? { server } : {});
    selectProfile(profile.id);
    await refresh();
    void syncNow();
    return profile;
  }

  const snapshot = () => snapshotOf(lessons.value, feedback.value, handedIn.value);
  let syncInFlight: Promise<SyncReport> | null = null;

  /**
   * Send waiting work, then fetch new lessons, for every pupil linked on this device; resolves
   * to what came of it for the pupil on screen. A call while one runs shares its report.
   */
  function syncNow(): Promise<SyncReport> {
    syncInFlight ??= (async () => {
      const before = snapshot();
      const profileId = activeProfile.value?.id;
      syncing.value = true;
      try {
        const result = await triggers?.syncNow();
        await refresh();
        const summary = result?.lessons.find((l) => l.profileId === profileId);
        return buildSyncReport(
          before,
          snapshot(),
          summary,
          connection.value === 'offline' || connection.value === 'unreachable',
        );
      } finally {
        syncing.value = false;
        syncInFlight = null;
      }
    })();
    return syncInFlight;
  }

  /** Hand in the pupil's answers: immutable, queued in the outbox, sent whenever a server answers. */
  async function handInLesson(lesson: LessonRecord, answers: Answers, submissionId?: string): Promise<void> {
    const profile = activeProfile.value;
    if (!profile) return;
    // The attempt's UUID: a repeated hand-in of the same draft stores nothing new.
    await handIn(
      profile,
      { lessonId: lesson.lessonId, version: lesson.version },
      answers,
      Date.now(),
      submissionId,
    );
    await refresh();
    void triggers?.afterHandIn().then(refresh);
  }

  /** The family's data choice for this device; applies from the next sync. */
  async function chooseDownloadPolicy(policy: DownloadPolicy): Promise<void> {
    await setDownloadPolicy(policy);
    downloadPolicy.value = policy;
    void syncNow();
  }

  /**
   * The pupil pressed "send now": their waiting work is tried at once instead of at its
   * backoff time. A person pressing a button is slow enough not to hammer a server.
   */
  async function sendWorkNow(): Promise<SyncReport> {
    const profile = activeProfile.value;
    if (profile) {
      for (const item of await listOutbox(profile.id)) if (item.state === 'waiting') await retryNow(item.id);
    }
    return syncNow();
  }

  /** The pupil asked to send work again now (after "needs attention" or a long wait). */
  async function retryWork(submissionId: string): Promise<void> {
    await retryNow(submissionId);
    await refresh();
    await triggers?.sendNow();
    await refresh();
  }

  /**
   * Remove a pupil from this device. Refused while they have unsent work unless
   * `force` (the family exported it and confirmed); siblings' data is never touched.
   */
  async function removeProfile(id: string, force = false): Promise<RemoveProfileResult> {
    const result = await removeStoredProfile(id, { force });
    // Their lessons' media, unless a sibling's lessons use them too, leave the device as well.
    if (result.removed) await pruneUnusedMedia().catch(() => 0);
    if (result.removed && activeProfileId.value === id) {
      activeProfileId.value = null;
      globalThis.localStorage?.removeItem(ACTIVE_PROFILE_KEY);
    }
    await refresh();
    return result;
  }

  /** The pupil is reading a lesson's feedback: it no longer counts as new. */
  async function markFeedbackRead(lessonId: string): Promise<void> {
    const profile = activeProfile.value;
    if (!profile || !feedback.value.some((f) => f.lessonId === lessonId && isUnread(f))) return;
    await markStoredFeedbackRead(profile.id, lessonId);
    const f = await listFeedback(profile.id);
    if (activeProfile.value?.id === profile.id) feedback.value = f;
  }

  /** Note that a lesson now has a saved draft (the player calls this after each save). */
  function markDraft(lessonId: string): void {
    const next = withDraftSaved(workStates.value, lessonId, new Date().toISOString());
    if (next) workStates.value = next;
  }

  setInterval(() => (now.value = Date.now()), 15_000);

  return {
    profiles,
    activeProfile,
    lessons,
    handedIn,
    feedback,
    unreadFeedback,
    workStates,
    syncing,
    lastSyncAt,
    loaded,
    online,
    connection,
    unsent,
    downloadPolicy,
    mediaDownloads,
    now,
    serverNow,
    isOpen,
    refresh,
    start,
    selectProfile,
    join,
    syncNow,
    handInLesson,
    markDraft,
    markFeedbackRead,
    chooseDownloadPolicy,
    fetchMedia,
    retryWork,
    sendWorkNow,
    removeProfile,
  };
}

export type AppState = ReturnType<typeof createAppState>;
export const AppStateContext = createContext<AppState | null>(null);

/** The app state, from context. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('AppStateContext is missing');
  return state;
}
