/** Work in progress, saved at every keystroke: one small put, nothing else. */
import { openDb } from './db.ts';
import type { Draft } from './records.ts';

/** The pupil's unfinished answers for a lesson, or undefined. */
export async function getDraft(profileId: string, lessonId: string): Promise<Draft | undefined> {
  return (await openDb()).get('drafts', [profileId, lessonId]);
}

/**
 * Save the draft as it is now (replaces the previous one). A draft whose attempt is already
 * handed in is not written back (a retried write arriving after the hand-in).
 */
export async function saveDraft(draft: Draft): Promise<void> {
  const db = await openDb();
  if (!draft.submissionId) {
    await db.put('drafts', draft);
    return;
  }
  const tx = db.transaction(['drafts', 'handedIn'], 'readwrite');
  if (!(await tx.objectStore('handedIn').getKey(draft.submissionId)))
    await tx.objectStore('drafts').put(draft);
  await tx.done;
}

/** Every draft of a profile (lessons with work in progress on this device). */
export async function listDrafts(profileId: string): Promise<Draft[]> {
  // Drafts are keyed [profileId, lessonId]: this range holds exactly this profile's.
  return (await openDb()).getAll('drafts', IDBKeyRange.bound([profileId], [profileId, []]));
}
