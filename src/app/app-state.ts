/**
 * The pupil app's state as signals, created once and passed by context.
 * Mutations are the named functions returned beside the state. IndexedDB is
 * the source of truth; signals are a view of it, re-read after every change.
 */
import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Answers } from '../../protocol/index.ts';
import type { FeedbackRecord, HandedInRecord, LessonRecord, Profile } from '../store/records.ts';
import { listProfiles } from '../store/profiles.ts';
import { listLessons } from '../store/lessons.ts';
import { handIn, listHandedIn } from '../store/hand-in.ts';
import { listFeedback } from '../store/feedback.ts';
import { getClockOffset, getLastSyncAt } from '../store/meta.ts';
import { profileWorkStates, type LessonWorkState } from '../store/work-status.ts';
import { joinWithCode } from '../sync/join.ts';
import type { SyncProgress } from '../sync/lesson-sync.ts';
import { startSyncTriggers, type SyncTriggers } from '../sync/triggers.ts';
import { correctedNow } from '../sync/clock.ts';

const ACTIVE_PROFILE_KEY = 'cartable.activeProfile';

export type WorkState = LessonWorkState;

/** Work that has left the pupil's hands (handed in, whether or not the server has it yet). */
export function isHandedIn(state: WorkState | undefined): boolean {
  return state !== undefined && state.kind !== 'notStarted' && state.kind !== 'saved';
}

export function createAppState() {
  const profiles = signal<Profile[]>([]);
  const activeProfileId = signal<string | null>(globalThis.localStorage?.getItem(ACTIVE_PROFILE_KEY) ?? null);
  const lessons = signal<LessonRecord[]>([]);
  const handedIn = signal<HandedInRecord[]>([]);
  const feedback = signal<FeedbackRecord[]>([]);
  const workStates = signal<Map<string, WorkState>>(new Map());
  const progress = signal<SyncProgress | null>(null);
  const syncing = signal(false);
  const lastSyncAt = signal<string | null>(null);
  const clockOffsetMs = signal(0);
  const loaded = signal(false);
  const online = signal(navigator.onLine);
  /** Device clock, ticking; lessons unlock against `serverNow` (corrected by the last measured offset). */
  const now = signal(Date.now());
  let triggers: SyncTriggers | null = null;

  const activeProfile = computed(
    () => profiles.value.find((p) => p.id === activeProfileId.value) ?? profiles.value[0] ?? null,
  );
  const serverNow = computed(() => correctedNow(clockOffsetMs.value, now.value));

  async function refresh(): Promise<void> {
    profiles.value = await listProfiles();
    const profile = activeProfile.value;
    if (profile) {
      const [l, h, f, states, offset, last] = await Promise.all([
        listLessons(profile.id),
        listHandedIn(profile.id),
        listFeedback(profile.id),
        profileWorkStates(profile.id),
        getClockOffset(profile.id),
        getLastSyncAt(profile.id),
      ]);
      lessons.value = l;
      handedIn.value = h;
      feedback.value = f;
      workStates.value = states;
      clockOffsetMs.value = offset;
      lastSyncAt.value = last;
    } else {
      lessons.value = [];
      handedIn.value = [];
      feedback.value = [];
      workStates.value = new Map();
    }
    now.value = Date.now();
    loaded.value = true;
  }

  function selectProfile(id: string): void {
    activeProfileId.value = id;
    globalThis.localStorage?.setItem(ACTIVE_PROFILE_KEY, id);
    progress.value = null;
    void refresh();
  }

  /** Start syncing: at once, on `online`, on visibility, on timers and at each retry time. */
  function start(): void {
    triggers ??= startSyncTriggers({
      onChange: () => void refresh(),
      onProgress: (profileId, p) => {
        if (profileId === activeProfile.value?.id) progress.value = p;
        void refresh();
      },
    });
  }

  /** Link this device with a join code; throws JoinError with a code the join screen explains. */
  async function join(code: string): Promise<Profile> {
    const profile = await joinWithCode(code);
    selectProfile(profile.id);
    await refresh();
    void syncNow();
    return profile;
  }

  /** Send waiting work, then fetch new lessons, for every pupil linked on this device. */
  async function syncNow(): Promise<void> {
    if (syncing.value || !triggers) return;
    syncing.value = true;
    try {
      await triggers.syncNow();
    } finally {
      syncing.value = false;
      await refresh();
    }
  }

  /** Hand in the pupil's answers: immutable, queued in the outbox, sent whenever a server answers. */
  async function handInLesson(lesson: LessonRecord, answers: Answers): Promise<void> {
    const profile = activeProfile.value;
    if (!profile) return;
    await handIn(profile, { lessonId: lesson.lessonId, version: lesson.version }, answers);
    await refresh();
    void triggers?.afterHandIn().then(refresh);
  }

  /** Note that a lesson now has a saved draft (the player calls this after each save). */
  function markDraft(lessonId: string): void {
    const current = workStates.value.get(lessonId);
    if (!current || current.kind === 'notStarted') {
      workStates.value = new Map(workStates.value).set(lessonId, {
        kind: 'saved',
        updatedAt: new Date().toISOString(),
      });
    }
  }

  addEventListener('online', () => (online.value = true));
  addEventListener('offline', () => (online.value = false));
  setInterval(() => (now.value = Date.now()), 15_000);

  return {
    profiles,
    activeProfile,
    lessons,
    handedIn,
    feedback,
    workStates,
    progress,
    syncing,
    lastSyncAt,
    loaded,
    online,
    now,
    serverNow,
    refresh,
    start,
    selectProfile,
    join,
    syncNow,
    handInLesson,
    markDraft,
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
