/**
 * Lessons a pupil handed in from another of their devices. The server's feed acknowledges
 * every submission of the pupil, whichever device sent it; those this device did not send
 * are kept here so the lesson reads as handed in, not as work still to do.
 */
import { openDb } from './db.ts';
import type { HandedInElsewhereRecord } from './records.ts';
import { latestFirst } from './time-order.ts';

/**
 * Keep acknowledgements of work this device does not hold, in one transaction. Work this
 * device handed in itself (under any profile) is left to the outbox. Returns how many are new.
 */
export async function saveHandedInElsewhere(records: readonly HandedInElsewhereRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const db = await openDb();
  const tx = db.transaction(['handedIn', 'handedInElsewhere'], 'readwrite');
  const elsewhere = tx.objectStore('handedInElsewhere');
  let added = 0;
  for (const record of records) {
    if ((await tx.objectStore('handedIn').count(record.submissionId)) > 0) continue;
    if ((await elsewhere.count(record.submissionId)) === 0) added += 1;
    await elsewhere.put(record);
  }
  await tx.done;
  return added;
}

/** What this profile handed in from other devices (for one lesson, or all), newest first. */
export async function listHandedInElsewhere(
  profileId: string,
  lessonId?: string,
): Promise<HandedInElsewhereRecord[]> {
  const db = await openDb();
  const records =
    lessonId === undefined
      ? await db.getAllFromIndex('handedInElsewhere', 'byProfile', profileId)
      : await db.getAllFromIndex('handedInElsewhere', 'byLesson', [profileId, lessonId]);
  return records.sort((a, b) => latestFirst(a.receivedAt, b.receivedAt));
}
