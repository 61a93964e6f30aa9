/**
 * How a simulated device repeats a request, as the app's outbox does (src/sync/backoff.ts):
 * full-jitter exponential backoff that never comes back before the server's Retry-After. It also
 * checks that promise: a send earlier than the Retry-After it was given is counted.
 */
import { nextAttemptAt, parseRetryAfter } from '../src/sync/backoff.ts';
import type { Answer, Traffic } from './traffic.ts';

export type Verdict = 'done' | 'retry' | 'refused';

/** What the devices' retries came to, over the whole rehearsal. */
export interface RetryTally {
  /** Sends earlier than a Retry-After the device had been given (required: 0). */
  earlyRetries: number;
  /** 5xx answers devices received (each one retried unless the device gave up). */
  serverErrors: number;
  /** Requests abandoned at the rehearsal's deadline: 5xx or network errors a device never got past. */
  gaveUp: number;
  /** Requests refused for good (4xx other than 408/429). */
  refused: number;
  retries: number;
}

export function emptyTally(): RetryTally {
  return { earlyRetries: 0, serverErrors: 0, gaveUp: 0, refused: 0, retries: 0 };
}

/** The usual rule: 2xx and 304 done; network errors, 408, 429 and 5xx retried; the rest refused. */
export function httpVerdict(answer: Answer): Verdict {
  const { status } = answer;
  if ((status >= 200 && status < 300) || status === 304) return 'done';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Sends until the verdict is done (the answer) or refused (null), retrying by the app's rules;
 * gives up (null) once `deadlineMs` (rehearsal time) has passed.
 */
export async function untilDone(
  traffic: Traffic,
  tally: RetryTally,
  deadlineMs: number,
  send: () => Promise<Answer>,
  verdict: (answer: Answer) => Verdict = httpVerdict,
): Promise<Answer | null> {
  let notBefore = 0;
  for (let attempt = 0; ; attempt++) {
    if (traffic.now() < notBefore) tally.earlyRetries += 1;
    const answer = await send();
    if (answer.status >= 500) tally.serverErrors += 1;
    const outcome = verdict(answer);
    if (outcome === 'done') return answer;
    if (outcome === 'refused') {
      tally.refused += 1;
      return null;
    }
    const header = answer.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : null, Date.now());
    if (retryAfterMs !== null) notBefore = traffic.now() + retryAfterMs;
    const wait = nextAttemptAt(Date.now(), attempt, retryAfterMs) - Date.now();
    if (traffic.now() + wait > deadlineMs) {
      tally.gaveUp += 1;
      return null;
    }
    tally.retries += 1;
    await sleep(wait);
  }
}
