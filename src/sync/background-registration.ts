/**
 * Ask the browser to wake the service worker for us: Background Sync after a hand-in
 * (fires when the network is back, even with the app closed) and Periodic Background
 * Sync for lessons (installed apps only; refused elsewhere, which is expected).
 */
import { PERIODIC_TAG_LESSONS, SYNC_TAG_OUTBOX, SYNC_TAG_TEACHER_OUTBOX } from '../../protocol/index.ts';

/** The parts of a registration these APIs add; not in TypeScript's standard libs. */
interface SyncCapableRegistration {
  sync?: { register(tag: string): Promise<void> };
  periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
}

export const PERIODIC_LESSONS_INTERVAL_MS = 12 * 3_600_000;

async function registration(): Promise<SyncCapableRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  // getRegistration() resolves undefined when nothing is registered (dev server), where `ready` would hang.
  const found = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  return (found as SyncCapableRegistration | undefined) ?? null;
}

/** Register a one-off Background Sync; false where unsupported or refused. */
async function requestBackgroundSync(tag: string): Promise<boolean> {
  const reg = await registration();
  if (!reg?.sync) return false;
  return reg.sync.register(tag).then(
    () => true,
    () => false,
  );
}

/** Background Sync for the pupils' outbox. */
export function requestOutboxBackgroundSync(): Promise<boolean> {
  return requestBackgroundSync(SYNC_TAG_OUTBOX);
}

/** Background Sync for the teacher's saves and publishes. */
export function requestTeacherOutboxBackgroundSync(): Promise<boolean> {
  return requestBackgroundSync(SYNC_TAG_TEACHER_OUTBOX);
}

/** Register Periodic Background Sync for lessons; false where unsupported or refused (NotAllowedError when not installed). */
export async function registerPeriodicLessonSync(): Promise<boolean> {
  const reg = await registration();
  if (!reg?.periodicSync) return false;
  return reg.periodicSync.register(PERIODIC_TAG_LESSONS, { minInterval: PERIODIC_LESSONS_INTERVAL_MS }).then(
    () => true,
    () => false,
  );
}
