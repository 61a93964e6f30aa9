/** Teacher feedback on handed-in work, stored for reading offline. */
import { openDb } from './db.ts';
import type { FeedbackRecord } from './records.ts';

/** Store feedback pulled from the updates feed (a repeat replaces the same record). */
export async function saveFeedback(records: readonly FeedbackRecord[]): Promise<void> {
  if (records.length === 0) return;
  const db = await openDb();
  const tx = db.transaction('feedback', 'readwrite');
  for (const record of records) await tx.store.put(record);
  await tx.done;
}

/** A profile's feedback, newest first (optionally for one lesson). */
export async function listFeedback(profileId: string, lessonId?: string): Promise<FeedbackRecord[]> {
  const all = await (await openDb()).getAllFromIndex('feedback', 'byProfile', profileId);
  return all
    .filter((f) => lessonId === undefined || f.lessonId === lessonId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
