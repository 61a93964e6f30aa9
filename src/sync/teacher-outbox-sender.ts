/**
 * Delivery policy of the teacher outbox, the same as pupils' work: removed only
 * on a 2xx; network errors, timeouts, 5xx, 408 and 429 retried with full-jitter
 * backoff honouring Retry-After; any other 4xx kept as "needs attention" with
 * the server's reason; 401 keeps everything and asks the teacher to sign in.
 */
import * as v from 'valibot';
import { PublishResponseSchema, TEACHER_API } from '../../protocol/teacher-api.ts';
import type { PublishProblem } from '../../protocol/lesson-draft.ts';
import { toSendOutcome, type Exchange } from './api-client.ts';
import { isDue, nextAttemptAt } from './backoff.ts';
import { classifySend } from './classify.ts';
import { runExclusive } from './locks.ts';
import { markServerHas } from '../store/teacher-lessons.ts';
import type { TeacherOutboxItem } from '../store/teacher-db.ts';
import {
  listTeacherOutbox,
  markAllSignIn,
  markNeedsAttention,
  removeDelivered,
  rescheduleItem,
} from '../store/teacher-outbox.ts';

export const LOCK_TEACHER_OUTBOX = 'cartable-teacher-outbox';

const ProblemsBodySchema = v.object({
  problems: v.array(v.object({ code: v.string(), stepId: v.optional(v.string()) })),
});

/** One authenticated call to the teacher API: the page's session, or the worker's from IndexedDB. */
export type TeacherCall = (path: string, options: { method: string; json: unknown }) => Promise<Exchange>;

export interface TeacherSendResult {
  delivered: number;
  signInNeeded: boolean;
}

/** Send every due item of this teacher, one sender at a time across tabs. */
export function sendTeacherOutbox(teacherId: string, call: TeacherCall): Promise<TeacherSendResult> {
  return runExclusive(LOCK_TEACHER_OUTBOX, LOCK_TEACHER_OUTBOX, () => sendDue(teacherId, call));
}

async function sendDue(teacherId: string, call: TeacherCall): Promise<TeacherSendResult> {
  let delivered = 0;
  const now = Date.now();
  const due = (await listTeacherOutbox()).filter(
    (item) => item.teacherId === teacherId && item.state === 'waiting' && isDue(item.nextAttemptAt, now),
  );
  for (const item of due) {
    const result = await call(pathOf(item), { method: 'PUT', json: { draft: item.draft } });
    const outcome = toSendOutcome(result);
    const verdict = classifySend(outcome, { nowMs: Date.now() });
    switch (verdict.kind) {
      case 'delivered': {
        const published =
          item.kind === 'publish' && outcome.kind === 'response'
            ? v.safeParse(PublishResponseSchema, outcome.body)
            : null;
        await markServerHas(
          item.lessonId,
          item.editedAt,
          published?.success ? published.output.version : undefined,
        );
        await removeDelivered(item);
        delivered++;
        break;
      }
      case 'retry':
        await rescheduleItem(
          item.id,
          nextAttemptAt(Date.now(), item.attempts, verdict.retryAfterMs),
          verdict.reason,
        );
        // A server that just failed is not asked again in this pass; the rest keep their turn.
        return { delivered, signInNeeded: false };
      case 'relink':
        await markAllSignIn();
        return { delivered, signInNeeded: true };
      case 'needsAttention': {
        const problems = outcome.kind === 'response' ? v.safeParse(ProblemsBodySchema, outcome.body) : null;
        await markNeedsAttention(
          item.id,
          verdict.reason,
          verdict.message,
          problems?.success ? (problems.output.problems as PublishProblem[]) : null,
        );
        break;
      }
    }
  }
  return { delivered, signInNeeded: false };
}

function pathOf(item: TeacherOutboxItem): string {
  return item.kind === 'publish'
    ? TEACHER_API.publication(item.classId, item.lessonId, item.id)
    : TEACHER_API.lesson(item.classId, item.lessonId);
}
