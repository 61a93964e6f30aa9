/** What one send attempt means for the outbox: the delivery policy, as a pure function. */
import * as v from 'valibot';
import { ApiErrorSchema, SubmissionAckSchema } from '../../protocol/index.ts';
import { parseRetryAfter } from './backoff.ts';

/** What came back from one request, before interpretation. */
export type SendOutcome =
  | { kind: 'response'; status: number; retryAfter: string | null; body: unknown }
  | { kind: 'networkError'; message: string }
  | { kind: 'timeout' };

export type SendVerdict =
  /** The server has it: remove from the outbox. */
  | { kind: 'delivered'; receivedAt: string | null }
  /** Try again later, not before `retryAfterMs` when the server said so. */
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  /** The device token was refused: keep everything and ask the pupil to re-link. */
  | { kind: 'relink' }
  /** The server refused this work: keep it, show the reason, never retry by itself. */
  | { kind: 'needsAttention'; reason: string; message: string | null };

/**
 * Classify an outcome. With `expectedId` (a submission), a 2xx counts only if its
 * body acknowledges that exact UUID; anything else is treated as a server fault.
 */
export function classifySend(
  outcome: SendOutcome,
  options: { nowMs: number; expectedId?: string },
): SendVerdict {
  if (outcome.kind === 'networkError') return { kind: 'retry', reason: 'network', retryAfterMs: null };
  if (outcome.kind === 'timeout') return { kind: 'retry', reason: 'timeout', retryAfterMs: null };

  const { status, body } = outcome;
  const retryAfterMs = parseRetryAfter(outcome.retryAfter, options.nowMs);
  if (status >= 200 && status < 300) {
    if (options.expectedId === undefined) return { kind: 'delivered', receivedAt: null };
    const ack = v.safeParse(SubmissionAckSchema, body);
    if (ack.success && ack.output.id === options.expectedId)
      return { kind: 'delivered', receivedAt: ack.output.receivedAt };
    return { kind: 'retry', reason: 'bad_ack', retryAfterMs };
  }
  if (status === 401) return { kind: 'relink' };
  if (status === 408) return { kind: 'retry', reason: 'timeout', retryAfterMs };
  if (status === 429) return { kind: 'retry', reason: 'rate_limited', retryAfterMs };
  if (status >= 400 && status < 500) {
    const error = v.safeParse(ApiErrorSchema, body);
    return error.success
      ? { kind: 'needsAttention', reason: error.output.error, message: error.output.message }
      : { kind: 'needsAttention', reason: `http_${status}`, message: null };
  }
  // 5xx, and anything unexpected (1xx/3xx leaking through): the server is not well, retry.
  return { kind: 'retry', reason: `http_${status}`, retryAfterMs };
}
