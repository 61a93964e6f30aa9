/** Teacher feedback on handed-in work, stored for reading offline. */
import { openDb } from './db.ts';
import type { FeedbackRecord } from './records.ts';
import { latestFirst } from './time-order.ts';

/** Store feedback pulled from the updates feed; a repeat replaces the record but keeps its read mark. */
export async function saveFeedback(records: readonly FeedbackRecord[]): Promise<void> {
  if (records.length === 0) return;
  const db = await openDb();
  const tx = db.transaction('feedback', 'readwrite');
  for (const record of records) {
    const readAt = (await tx.store.get(record.id))?.readAt;
    await tx.store.put(readAt === undefined ? record : { ...record, readAt });
  }
  await tx.done;
}

/** Feedback the pupil has not seen yet. */
export function isUnread(feedback: Pick<FeedbackRecord, 'readAt'>): boolean {
  return feedback.readAt === undefined;
}

/**
 * The pupil opened a lesson's feedback: every unread message of that lesson is read now, in
 * one transaction. Returns how many changed (0: nothing to re-read).
 */
export async function markFeedbackRead(
  profileId: string,
  lessonId: string,
  now = new Date(),
): Promise<number> {
  const db = await openDb();
  const tx = db.transaction('feedback', 'readwrite');
  let marked = 0;
  for (const record of await tx.store.index('byProfile').getAll(profileId)) {
    if (record.lessonId !== lessonId || !isUnread(record)) continue;
    await tx.store.put({ ...record, readAt: now.toISOString() });
    marked += 1;
  }
  await tx.done;
  return marked;
}

/** A profile's feedback, newest first (optionally for one lesson). */
export async function listFeedback(profileId: string, lessonId?: string): Promise<FeedbackRecord[]> {
  const all = await (await openDb()).getAllFromIndex('feedback', 'byProfile', profileId);
  return all
    .filter((f) => lessonId === undefined || f.lessonId === lessonId)
    .sort((a, b) => latestFirst(a.createdAt, b.createdAt));
}
