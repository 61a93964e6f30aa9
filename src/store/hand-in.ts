/** "Hand in": turn a lesson's answers into an immutable submission waiting in the outbox. */
import type { Answers, Submission } from '../../protocol/index.ts';
import { newUuid } from '../../protocol/hash.ts';
import { openDb } from './db.ts';
import { getClockOffset } from './meta.ts';
import type { HandedInRecord, LessonRecord, OutboxItem, Profile } from './records.ts';
import { latestFirst } from './time-order.ts';

/**
 * Hand in the answers: the pupil's copy, the outbox item and the draft's removal
 * happen in one transaction, so work is never both lost and never queued twice.
 */
export async function handIn(
  profile: Profile,
  lesson: Pick<LessonRecord, 'lessonId' | 'version'>,
  answers: Answers,
  /** The DEVICE clock (not corrected): the stored offset is applied here. */
  now: Date | number = Date.now(),
  /** The attempt's UUID (the draft's `submissionId`); a second hand-in under it stores nothing. */
  submissionId?: string,
): Promise<HandedInRecord> {
  // handedInAt is informative for the teacher: use the server-corrected clock.
  const offset = await getClockOffset(profile.id);
  const db = await openDb();
  // Strict: the pupil is told "handed in" only once the disk has it. Chromium's default became
  // relaxed (Chrome 121), which a power cut in the next seconds could undo.
  const tx = db.transaction(['handedIn', 'outbox', 'drafts'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const handedIn = tx.objectStore('handedIn');
  const stored = await drafts.get([profile.id, lesson.lessonId]);
  const id = submissionId ?? stored?.submissionId ?? newUuid();
  // Same attempt, same UUID: a repeat finds the first hand-in and returns it untouched.
  const existing = await handedIn.get(id);
  if (existing) {
    if (stored?.submissionId === id) await drafts.delete([profile.id, lesson.lessonId]);
    await tx.done;
    return existing;
  }
  const submission: Submission = {
    id,
    lessonId: lesson.lessonId,
    lessonVersion: lesson.version,
    answers: structuredClone(answers),
    handedInAt: new Date(Number(now) + offset).toISOString(),
  };
  const record: HandedInRecord = { profileId: profile.id, submission, state: 'waiting' };
  // Due at once whatever the device clock says: a wrong clock must never delay the first send.
  const item: OutboxItem = {
    id: submission.id,
    profileId: profile.id,
    attempts: 0,
    nextAttemptAt: 0,
    state: 'waiting',
  };
  await Promise.all([
    handedIn.add(record),
    tx.objectStore('outbox').add(item),
    drafts.delete([profile.id, lesson.lessonId]),
    tx.done,
  ]);
  return record;
}

/** What this profile handed in (for one lesson, or all), newest first. */
export async function listHandedIn(profileId: string, lessonId?: string): Promise<HandedInRecord[]> {
  const db = await openDb();
  const records =
    lessonId === undefined
      ? await db.getAllFromIndex('handedIn', 'byProfile', profileId)
      : await db.getAllFromIndex('handedIn', 'byLesson', [profileId, lessonId]);
  return records.sort((a, b) => latestFirst(a.submission.handedInAt, b.submission.handedInAt));
}

/** The pupil's copy of one submission, or undefined. */
export async function getHandedIn(submissionId: string): Promise<HandedInRecord | undefined> {
  return (await openDb()).get('handedIn', submissionId);
}
