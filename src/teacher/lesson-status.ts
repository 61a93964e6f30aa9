/** What the teacher should read about a lesson or a sequence on this device: saved where, waiting, refused, published. */
import type { LocalLesson, LocalSequence, TeacherOutboxItem } from '../store/teacher-db.ts';

export type LessonDeliveryState =
  | { kind: 'savedOnDevice' }
  | { kind: 'savedOnServer' }
  | { kind: 'waiting'; publish: boolean; nextAttemptAt: number; attempts: number }
  | { kind: 'needsAttention'; item: TeacherOutboxItem }
  | { kind: 'signIn' };

/** The most pressing state: a refused or waiting request first, then where the latest edit lives. */
export function lessonDeliveryState(lesson: LocalLesson, outbox: TeacherOutboxItem[]): LessonDeliveryState {
  return deliveryState(
    lesson,
    outbox.filter((item) => item.lessonId === lesson.lessonId),
  );
}

/** The same marks for a sequence, from its own requests (saves and publications). */
export function sequenceDeliveryState(
  sequence: LocalSequence,
  outbox: TeacherOutboxItem[],
): LessonDeliveryState {
  return deliveryState(
    sequence,
    outbox.filter((item) => 'sequenceId' in item && item.sequenceId === sequence.sequenceId),
  );
}

function deliveryState(
  record: { editedAt: string; serverHasEditOf: string | null },
  mine: TeacherOutboxItem[],
): LessonDeliveryState {
  const refused = mine.find((item) => item.state === 'needsAttention');
  if (refused) return { kind: 'needsAttention', item: refused };
  if (mine.some((item) => item.state === 'signIn')) return { kind: 'signIn' };
  const waiting = mine.filter((item) => item.state === 'waiting');
  if (waiting.length > 0) {
    return {
      kind: 'waiting',
      publish: waiting.some((item) => item.kind === 'publish' || item.kind === 'sequencePublish'),
      nextAttemptAt: Math.min(...waiting.map((item) => item.nextAttemptAt)),
      attempts: Math.max(...waiting.map((item) => item.attempts)),
    };
  }
  return record.serverHasEditOf === record.editedAt ? { kind: 'savedOnServer' } : { kind: 'savedOnDevice' };
}
