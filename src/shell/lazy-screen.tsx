/**
 * Screens loaded on first use: a plain dynamic import (no preact/compat) keeps them, and
 * everything they pull in, out of the pupil's first download. The teacher's workspace is
 * fetched when a /teacher path is opened (pupils' devices do not precache it); the device
 * page and the join screen are precached like the rest of the app, so they open offline.
 */
import { lazyScreen } from '../app/lazy-screen.tsx';

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
