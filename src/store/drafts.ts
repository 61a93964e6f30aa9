/** Work in progress, saved at every keystroke: one small put, nothing else. */
import { openDb } from './db.ts';
import type { Draft } from './records.ts';

/** The pupil's unfinished answers for a lesson, or undefined. */
export async function getDraft(profileId: string, lessonId: string): Promise<Draft | undefined> {
  return (await openDb()).get('drafts', [profileId, lessonId]);
}

/** Save the draft as it is now (replaces the previous one). */
export async function saveDraft(draft: Draft): Promise<void> {
  await (await openDb()).put('drafts', draft);
}

/** Every draft of a profile (lessons with work in progress on this device). */
export async function listDrafts(profileId: string): Promise<Draft[]> {
  // Drafts are keyed [profileId, lessonId]: this range holds exactly this profile's.
  return (await openDb()).getAll('drafts', IDBKeyRange.bound([profileId], [profileId, []]));
}
