/**
 * The teacher's saves and publications as a queue of the one drain loop (drain-queue.ts),
 * with the pupils' delivery rules: removed only on a 2xx; retried with backoff honouring
 * Retry-After; any other 4xx kept with the server's reason (and a refused publication's
 * problems); 401 keeps everything and asks the teacher to sign in again.
 */
import * as v from 'valibot';
import { LOCK_TEACHER_OUTBOX } from '../../protocol/sw-messages.ts';
import { PublishRefusalSchema, PublishResponseSchema, TEACHER_API } from '../../protocol/teacher-api.ts';
import type { LessonOutboxItem, TeacherOutboxItem } from '../store/teacher-db.ts';
import { markServerHas } from '../store/teacher-lessons.ts';
import {
  listTeacherOutbox,
  markAllSignIn,
  markNeedsAttention,
  removeDelivered,
  rescheduleItem,
} from '../store/teacher-outbox.ts';
import { toSendOutcome, type Exchange } from './api-client.ts';
import { isDue } from './backoff.ts';
import { classifySend } from './classify.ts';
import { drainQueue, type DrainOptions, type OutboxQueue } from './drain-queue.ts';
import {
  acknowledgeSequence,
  checkSequenceAnswer,
  isSequenceItem,
  sequenceRequest,
  waitsForAnother,
} from './teacher-sequence-requests.ts';

/** One authenticated call to the teacher API: the page's session, or the worker's from IndexedDB. */
export type TeacherCall = (path: string, options: { method: string; json: unknown }) => Promise<Exchange>;

export interface TeacherSendResult {
  delivered: number;
  signInNeeded: boolean;
}

/** Send every due item of this teacher, one sender at a time across tabs and the worker. */
export async function sendTeacherOutbox(
  teacherId: string,
  call: TeacherCall,
  options: DrainOptions = {},
): Promise<TeacherSendResult> {
  const { delivered, signInNeeded } = await drainQueue(publishQueue(teacherId, call), options);
  return { delivered, signInNeeded: signInNeeded.length > 0 };
}

/** This teacher's waiting items, oldest first, but those that must wait for another one. */
async function waitingOf(teacherId: string): Promise<TeacherOutboxItem[]> {
  const mine = (await listTeacherOutbox()).filter((item) => item.teacherId === teacherId);
  return mine.filter((item) => item.state === 'waiting' && !waitsForAnother(item, mine));
}

/** The teacher outbox as a queue; the teacher's server is the page's own origin. */
function publishQueue(teacherId: string, call: TeacherCall): OutboxQueue<TeacherOutboxItem> {
  return {
    lock: LOCK_TEACHER_OUTBOX,
    // One at a time, oldest first: a save queued before a publish of the same lesson goes first
    // (and a sequence waits for the lessons it names: see teacher-sequence-requests.ts).
    inFlightAfterRecovery: 1,
    listDue: async (now) => (await waitingOf(teacherId)).filter((item) => isDue(item.nextAttemptAt, now)),
    listWaiting: () => waitingOf(teacherId),
    addressOf: async () => ({ server: 'origin', account: teacherId }),
    async send(item, now) {
      const request = isSequenceItem(item)
        ? sequenceRequest(item)
        : { path: pathOf(item), json: { draft: item.draft } };
      const outcome = toSendOutcome(await call(request.path, { method: 'PUT', json: request.json }));
      const body = outcome.kind === 'response' ? outcome.body : undefined;
      const verdict = classifySend(outcome, { nowMs: now });
      return { verdict: isSequenceItem(item) ? checkSequenceAnswer(item, verdict, body) : verdict, body };
    },
    async acknowledge(item, { body }) {
      if (isSequenceItem(item)) return acknowledgeSequence(item, body);
      const published = item.kind === 'publish' ? v.safeParse(PublishResponseSchema, body) : null;
      await markServerHas(
        item.lessonId,
        item.editedAt,
        published?.success ? published.output.version : undefined,
      );
      await removeDelivered(item);
    },
    reschedule: (item, retry) => rescheduleItem(item.id, retry.nextAttemptAt, retry.lastError),
    async parkForAttention(item, { verdict, body }) {
      if (verdict.kind !== 'needsAttention') return;
      const refusal = v.safeParse(PublishRefusalSchema, body);
      await markNeedsAttention(
        item.id,
        verdict.reason,
        verdict.message,
        refusal.success ? refusal.output.problems : null,
      );
    },
    needsSignIn: () => markAllSignIn(),
  };
}

function pathOf(item: LessonOutboxItem): string {
  return item.kind === 'publish'
    ? TEACHER_API.publication(item.classId, item.lessonId, item.id)
    : TEACHER_API.lesson(item.classId, item.lessonId);
}
