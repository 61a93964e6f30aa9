/** Everything the pupil's screens show of one profile, read from the device at once. */
import { listFeedback } from './feedback.ts';
import { listHandedIn } from './hand-in.ts';
import { listLessons } from './lessons.ts';
import { getClockOffset, getLastSyncAt } from './meta.ts';
import type { FeedbackRecord, HandedInRecord, LessonRecord } from './records.ts';
import { profileWorkStates, type LessonWorkState } from './work-status.ts';

export interface ProfileView {
  lessons: LessonRecord[];
  handedIn: HandedInRecord[];
  feedback: FeedbackRecord[];
  workStates: Map<string, LessonWorkState>;
  clockOffsetMs: number;
  lastSyncAt: string | null;
}

/** One profile's lessons, hand-ins, feedback, work states and sync values, read in parallel. */
export async function readProfileView(profileId: string): Promise<ProfileView> {
  const [lessons, handedIn, feedback, workStates, clockOffsetMs, lastSyncAt] = await Promise.all([
    listLessons(profileId),
    listHandedIn(profileId),
    listFeedback(profileId),
    profileWorkStates(profileId),
    getClockOffset(profileId),
    getLastSyncAt(profileId),
  ]);
  return { lessons, handedIn, feedback, workStates, clockOffsetMs, lastSyncAt };
}
