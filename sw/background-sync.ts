/**
 * The worker's side of syncing: Background Sync drains the pupils' and the teacher's
 * outboxes (even with the app closed), and Periodic Background Sync refreshes lessons.
 * All of it goes through the same locked code as the page.
 */
import { PERIODIC_TAG_LESSONS, SYNC_TAG_OUTBOX, SYNC_TAG_TEACHER_OUTBOX } from '../protocol/index.ts';
import { listLinkedProfiles } from '../src/store/profiles.ts';
import { syncLessons } from '../src/sync/lesson-sync.ts';
import { sendOutbox } from '../src/sync/outbox-sender.ts';
import { drainTeacherOutbox } from './teacher-sync.ts';

declare let self: ServiceWorkerGlobalScope;

/**
 * Send the outbox; reject while work still waits for a retry, so that the browser
 * schedules another sync event (our own timers do not run in a closed app).
 */
async function drainOutbox(lastChance: boolean): Promise<void> {
  const result = await sendOutbox();
  if (result.remaining > 0 && !lastChance) {
    throw new Error(`${result.remaining} item(s) still waiting; asking the browser to retry`);
  }
}

async function syncAllLessons(): Promise<void> {
  for (const profile of await listLinkedProfiles()) {
    // One profile's failure must not keep its siblings' lessons from downloading.
    await syncLessons(profile).catch(() => undefined);
  }
}

/** Register the sync and periodicsync handlers; call once from sw.ts. */
export function registerSyncHandlers(): void {
  self.addEventListener('sync', (event) => {
    if (event.tag === SYNC_TAG_OUTBOX) event.waitUntil(drainOutbox(event.lastChance));
    if (event.tag === SYNC_TAG_TEACHER_OUTBOX) event.waitUntil(drainTeacherOutbox(event.lastChance));
  });

  self.addEventListener('periodicsync', (event) => {
    if (event.tag === PERIODIC_TAG_LESSONS) event.waitUntil(syncAllLessons());
  });
}
