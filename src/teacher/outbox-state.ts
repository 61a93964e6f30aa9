/**
 * The teacher outbox as signals, and when it sends: at start, on `online`, when
 * the page becomes visible, at each item's retry time, and when the teacher asks.
 * The sending itself is the one drain loop shared with pupils' work (src/sync/).
 */
import { signal } from '@preact/signals';
import { makeAllDueNow, listTeacherOutbox } from '../store/teacher-outbox.ts';
import type { TeacherOutboxItem } from '../store/teacher-db.ts';
import type { DrainOptions } from '../sync/drain-queue.ts';
import { sendTeacherOutbox } from '../sync/teacher-outbox-sender.ts';
import { waitsForAnother } from '../sync/teacher-sequence-requests.ts';
import { onWake, retryTimer } from '../sync/wake-triggers.ts';
import { teacherExchange } from './teacher-api-client.ts';
import { requestTeacherOutboxBackgroundSync } from '../sync/background-registration.ts';
import { session, sessionRefused } from './teacher-session.ts';

export const outboxItems = signal<TeacherOutboxItem[]>([]);
/** Bumped after every delivery so screens re-read what the server now has. */
export const deliveries = signal(0);

/** The page's running triggers (one per page), with the clock and jitter they send with. */
let running: { options: DrainOptions; arm(at: number | null): void; stop(): void } | null = null;

export async function refreshOutbox(): Promise<void> {
  outboxItems.value = await listTeacherOutbox();
}

/** Send what is due now, then plan the next attempt. */
export async function sendOutboxNow(): Promise<void> {
  const teacher = session.value?.teacher;
  if (!teacher) return;
  try {
    const result = await sendTeacherOutbox(teacher.id, teacherExchange, running?.options);
    if (result.signInNeeded) sessionRefused();
    if (result.delivered > 0) deliveries.value++;
  } finally {
    await refreshOutbox();
    const waiting = outboxItems.value.filter((i) => i.state === 'waiting');
    running?.arm(nextRetryAt(outboxItems.value));
    // The teacher may close the tab: the browser wakes the worker when the network is back.
    if (waiting.length > 0) void requestTeacherOutboxBackgroundSync();
  }
}

/**
 * When the timer should next send: the earliest retry of a waiting request that is not held
 * behind another (a sequence behind its new séance is sent in the same pass as that séance;
 * counting its own, past, retry time would fire the timer again at once, in a loop).
 */
export function nextRetryAt(items: readonly TeacherOutboxItem[]): number | null {
  const due = items
    .filter((i) => i.state === 'waiting' && !waitsForAnother(i, items))
    .map((i) => i.nextAttemptAt);
  return due.length === 0 ? null : Math.min(...due);
}

/** The teacher pressed "send now": waiting items are due at once, whatever their backoff said. */
export async function retryOutboxNow(): Promise<void> {
  await makeAllDueNow();
  await sendOutboxNow();
}

/** Start the triggers once per page (a second call does nothing until stopOutbox). */
export function startOutbox(options: DrainOptions = {}): void {
  if (running) return;
  const timer = retryTimer(() => void sendOutboxNow(), options.now);
  const stopWake = onWake(() => void sendOutboxNow());
  running = {
    options,
    arm: timer.arm,
    stop() {
      timer.stop();
      stopWake();
    },
  };
  void sendOutboxNow();
}

/** Remove the triggers (sign-out, tests); work already queued stays for the next start. */
export function stopOutbox(): void {
  running?.stop();
  running = null;
}
