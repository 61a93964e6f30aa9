/**
 * The teacher outbox as signals, and when it sends: at start, on `online`, when
 * the page becomes visible, at each item's retry time, and when the teacher asks.
 */
import { signal } from '@preact/signals';
import { makeAllDueNow, listTeacherOutbox } from '../store/teacher-outbox.ts';
import type { TeacherOutboxItem } from '../store/teacher-db.ts';
import { sendTeacherOutbox } from '../sync/teacher-outbox-sender.ts';
import { teacherExchange } from './teacher-api-client.ts';
import { requestTeacherOutboxBackgroundSync } from '../sync/background-registration.ts';
import { session, sessionRefused } from './teacher-session.ts';

export const outboxItems = signal<TeacherOutboxItem[]>([]);
/** Bumped after every delivery so screens re-read what the server now has. */
export const deliveries = signal(0);

let timer: ReturnType<typeof setTimeout> | null = null;
let started = false;

export async function refreshOutbox(): Promise<void> {
  outboxItems.value = await listTeacherOutbox();
}

/** Send what is due now, then plan the next attempt. */
export async function sendOutboxNow(): Promise<void> {
  const teacher = session.value?.teacher;
  if (!teacher) return;
  try {
    const result = await sendTeacherOutbox(teacher.id, teacherExchange);
    if (result.signInNeeded) sessionRefused();
    if (result.delivered > 0) deliveries.value++;
  } finally {
    await refreshOutbox();
    planNext();
    // The teacher may close the tab: the browser wakes the worker when the network is back.
    if (outboxItems.value.some((i) => i.state === 'waiting')) void requestTeacherOutboxBackgroundSync();
  }
}

/** The teacher pressed "send now": waiting items are due at once, whatever their backoff said. */
export async function retryOutboxNow(): Promise<void> {
  await makeAllDueNow();
  await sendOutboxNow();
}

function planNext(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const waiting = outboxItems.value.filter((i) => i.state === 'waiting');
  if (waiting.length === 0) return;
  const at = Math.min(...waiting.map((i) => i.nextAttemptAt));
  timer = setTimeout(() => void sendOutboxNow(), Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1));
}

/** Start the triggers once per page. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => void sendOutboxNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendOutboxNow();
  });
  void sendOutboxNow();
}
