/**
 * The sequence requests of the teacher outbox (saves and publications), for its one sender
 * (teacher-outbox-sender.ts): what each sends, what an answer does to the device copy, and the
 * order that keeps the server consistent. A sequence names lessons by id; a séance made offline
 * exists on the server only once its own lesson save went through, so a sequence request waits
 * behind the waiting saves and publications of the lessons it names (the server would answer
 * 404 otherwise and the request would be parked); and a sequence's own requests go strictly in the
 * order they were made (a publication after the save it was made on, a later edit after it), so
 * that what is published is what the teacher saw and the last edit is the one the server keeps.
 */
import * as v from 'valibot';
import { PublishSequenceResponseSchema, SEQUENCE_API, SequenceSchema } from '../../protocol/sequence-api.ts';
import type { SequenceOutboxItem, TeacherOutboxItem } from '../store/teacher-db.ts';
import { markSequenceServerHas, settleSequencePublication } from '../store/teacher-sequences.ts';
import { removeDelivered } from '../store/teacher-outbox.ts';
import type { SendVerdict } from './classify.ts';

/** Whether the request is a sequence's (save or publication), not a lesson's. */
export function isSequenceItem(item: TeacherOutboxItem): item is SequenceOutboxItem {
  return item.kind === 'sequenceSave' || item.kind === 'sequencePublish';
}

/** The path and body of a sequence request (both PUT, both idempotent). */
export function sequenceRequest(item: SequenceOutboxItem): { path: string; json: unknown } {
  return item.kind === 'sequencePublish'
    ? { path: SEQUENCE_API.publication(item.sequenceId, item.id), json: { classes: item.classes ?? [] } }
    : { path: SEQUENCE_API.sequence(item.sequenceId), json: item.sequence };
}

/** A 2xx to a publication counts only when it answers for this publication's UUID. */
export function checkSequenceAnswer(
  item: SequenceOutboxItem,
  verdict: SendVerdict,
  body: unknown,
): SendVerdict {
  if (verdict.kind !== 'delivered' || item.kind !== 'sequencePublish') return verdict;
  const answer = v.safeParse(PublishSequenceResponseSchema, body);
  return answer.success && answer.output.publicationId === item.id
    ? verdict
    : { kind: 'retry', reason: 'bad_ack', retryAfterMs: null };
}

/** The server has it: mark the device copy, keep the publication's per-class results. */
export async function acknowledgeSequence(item: SequenceOutboxItem, body: unknown): Promise<void> {
  if (item.kind === 'sequencePublish') {
    await settleSequencePublication(item, v.parse(PublishSequenceResponseSchema, body));
    return;
  }
  const view = v.safeParse(SequenceSchema, body);
  await markSequenceServerHas(item.sequenceId, item.editedAt, view.success ? view.output : null);
  await removeDelivered(item);
}

/**
 * Whether `item` must wait for another request still waiting in `outbox` (the teacher's
 * requests, oldest first). A refused request holds nothing back: the server's own answer to
 * the one behind it then says what is wrong.
 */
export function waitsForAnother(item: TeacherOutboxItem, outbox: readonly TeacherOutboxItem[]): boolean {
  if (!isSequenceItem(item)) return false;
  const named = new Set(item.sequence.lessonIds);
  return outbox.some(
    (other) =>
      other.id !== item.id &&
      other.state !== 'needsAttention' &&
      (isSequenceItem(other)
        ? other.sequenceId === item.sequenceId && other.createdAt < item.createdAt
        : named.has(other.lessonId)),
  );
}
