/** Work in progress, saved at every keystroke: one small put, nothing else. */
import { openDb, RELAXED_WRITE } from './db.ts';
import type { Draft } from './records.ts';

/** The pupil's unfinished answers for a lesson, or undefined. */
export async function getDraft(profileId: string, lessonId: string): Promise<Draft | undefined> {
  return (await openDb()).get('drafts', [profileId, lessonId]);
}

/**
 * Save the draft as it is now (replaces the previous one). A draft whose attempt is already
 * handed in is not written back (a retried write arriving after the hand-in).
 *
 * This runs at every keystroke and the pupil waits for "Enregistré": the check and the write go
 * to the database together, and the write is undone if the check finds the hand-in, rather than
 * one waiting for the other's answer.
 */
export async function saveDraft(draft: Draft): Promise<void> {
  const db = await openDb();
  if (!draft.submissionId) {
    const tx = db.transaction('drafts', 'readwrite', RELAXED_WRITE);
    await Promise.all([tx.store.put(draft), tx.done]);
    return;
  }
  const tx = db.transaction(['drafts', 'handedIn'], 'readwrite', RELAXED_WRITE);
  const handedIn = tx.objectStore('handedIn').getKey(draft.submissionId);
  const written = tx.objectStore('drafts').put(draft);
  if (await handedIn) {
    tx.abort();
    await Promise.allSettled([written, tx.done]);
    return;
  }
  // Nothing more to ask: commit now instead of after the write's answer comes back.
  tx.commit?.();
  await Promise.all([written, tx.done]);
}

/** Every draft of a profile (lessons with work in progress on this device). */
export async function listDrafts(profileId: string): Promise<Draft[]> {
  // Drafts are keyed [profileId, lessonId]: this range holds exactly this profile's.
  return (await openDb()).getAll('drafts', IDBKeyRange.bound([profileId], [profileId, []]));
}
