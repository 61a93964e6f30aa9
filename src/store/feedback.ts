/** Teacher feedback on handed-in work, stored for reading offline. */
import { openDb } from './db.ts';
import type { FeedbackRecord } from './records.ts';

/** Store feedback pulled from the updates feed; a repeat keeps the pupil's "read" mark. */
export async function saveFeedback(records: readonly FeedbackRecord[]): Promise<void> {
  if (records.length === 0) return;
  const db = await openDb();
  const tx = db.transaction('feedback', 'readwrite');
  for (const record of records) {
    const existing = await tx.store.get(record.id);
    await tx.store.put(existing?.readAt ? { ...record, readAt: existing.readAt } : record);
  }
  await tx.done;
}

/** A profile's feedback, newest first (optionally for one lesson). */
export async function listFeedback(profileId: string, lessonId?: string): Promise<FeedbackRecord[]> {
  const all = await (await openDb()).getAllFromIndex('feedback', 'byProfile', profileId);
  return all
    .filter((f) => lessonId === undefined || f.lessonId === lessonId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The pupil opened this feedback. */
export async function markFeedbackRead(id: string, now = new Date()): Promise<void> {
  const db = await openDb();
  const tx = db.transaction('feedback', 'readwrite');
  const record = await tx.store.get(id);
  if (record && !record.readAt) await tx.store.put({ ...record, readAt: now.toISOString() });
  await tx.done;
}
