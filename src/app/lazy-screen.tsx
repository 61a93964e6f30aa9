/**
 * Screens loaded on first use: a plain dynamic import (no preact/compat) keeps them, and
 * everything they pull in, out of the pupil's first download. The teacher's workspace is
 * fetched when a /teacher path is opened (pupils' devices do not precache it); the device
 * page and the join screen are precached like the rest of the app, so they open offline.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from './i18n.ts';

/** A component that shows `load`'s screen once loaded, and `failed`'s words if it cannot be. */
export function lazyScreen<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  failed: MessageKey,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failure, setFailure] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (screen) => {
          loaded = screen;
          setScreen(() => screen);
        },
        // Offline before the worker cached the chunk: say so rather than show nothing.
        () => setFailure(true),
      );
    }, [Screen]);
    if (Screen) return <Screen {...props} />;
    return failure ? <p role="alert">{t(failed)}</p> : <p role="status">…</p>;
  };
}

export const TeacherLoader = lazyScreen(
  () => import('../teacher/teacher-app.tsx').then((module) => module.default),
  'teacherLoadFailed',
);

// Most starts are of a device already linked: the join screen (with its code checks) comes when
// needed, from the precache once the worker is installed.
export const JoinLoader = lazyScreen(
  () => import('../pupil/join-screen.tsx').then((module) => module.JoinScreen),
  'screenLoadFailed',
);

// The player and its step components are for a lesson opened, not for the list a start shows
// first: precached like the rest, and fetched once the list is up (warm() below), so a tap on
// a lesson finds it loaded.
const loadPlayer = () => import('../pupil/lesson-player.tsx').then((module) => module.LessonPlayer);
export const PlayerLoader = lazyScreen(loadPlayer, 'screenLoadFailed');

/** Load the screens a pupil opens next while the device is idle (after the first paint). */
export function warmPupilScreens(): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback;
  const later = idle ?? ((run: () => void) => setTimeout(run, 200));
  later(() => void loadPlayer().catch(() => undefined));
}

export const DeviceStatusLoader = lazyScreen(
  () => import('../pupil/device-status.tsx').then((module) => module.DeviceStatus),
  'screenLoadFailed',
);

// The week view is read after the list: precached, fetched once the list is up.
export const WeekLoader = lazyScreen(
  () => import('../pupil/week-view.tsx').then((module) => module.WeekView),
  'screenLoadFailed',
);
