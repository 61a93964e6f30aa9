/**
 * A lessons file's lessons, stored as a download stores them (the same ready record,
 * lessons.ts), all in one transaction with the pupil's profile when it is new: either the
 * whole file counts or nothing of it does. Adding, never taking away: lessons the file does
 * not hold stay, and a lesson the pupil has started (a draft, work handed in) is never
 * replaced by another version.
 */
import type { LessonPack, ManifestLesson } from '../../protocol/index.ts';
import type { IDBPTransaction } from 'idb';
import { openDb, type CartableDB } from './db.ts';
import { queuedLesson, readyLesson } from './lessons.ts';
import type { Profile } from './records.ts';

const FILE_STORES = ['profiles', 'lessons', 'drafts', 'handedIn', 'handedInElsewhere'] as const;
type FileTransaction = IDBPTransaction<CartableDB, (typeof FILE_STORES)[number][], 'readwrite'>;

/** One lesson of the file, its pack verified and its media already in the media cache. */
export interface LessonFromFile {
  entry: ManifestLesson;
  pack: LessonPack;
}

/** What the file changed: lessons new on the device, newer versions, lessons left as they were. */
export interface LessonsFromFileOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

/** Store the profile (when the device does not know it) and the file's lessons, ready. */
export async function storeLessonsFromFile(
  profile: Profile,
  lessons: readonly LessonFromFile[],
  now: Date,
): Promise<LessonsFromFileOutcome> {
  const db = await openDb();
  const tx = db.transaction([...FILE_STORES], 'readwrite');
  const outcome: LessonsFromFileOutcome = { added: 0, updated: 0, unchanged: 0 };
  if ((await tx.objectStore('profiles').get(profile.id)) === undefined) {
    await tx.objectStore('profiles').put(profile);
  }
  const store = tx.objectStore('lessons');
  for (const { entry, pack } of lessons) {
    const existing = await store.get([profile.id, entry.id]);
    if (!existing) {
      await store.put(readyLesson(queuedLesson(profile.id, entry), pack, now));
      outcome.added += 1;
    } else if (existing.packHash === entry.pack) {
      // The same version: a repeat changes nothing; one still downloading becomes whole.
      if (existing.state === 'ready') outcome.unchanged += 1;
      else {
        await store.put(readyLesson(existing, pack, now));
        outcome.updated += 1;
      }
    } else if (entry.version > existing.version && !(await started(tx, profile.id, entry.id))) {
      await store.put(readyLesson(queuedLesson(profile.id, entry), pack, now));
      outcome.updated += 1;
    } else {
      outcome.unchanged += 1;
    }
  }
  await tx.done;
  return outcome;
}

/** Whether the pupil has begun this lesson here or elsewhere: then its version stays. */
async function started(tx: FileTransaction, profileId: string, lessonId: string): Promise<boolean> {
  if ((await tx.objectStore('drafts').count([profileId, lessonId])) > 0) return true;
  if ((await tx.objectStore('handedIn').index('byLesson').count([profileId, lessonId])) > 0) return true;
  const elsewhere = await tx.objectStore('handedInElsewhere').index('byProfile').getAll(profileId);
  return elsewhere.some((record) => record.lessonId === lessonId);
}
