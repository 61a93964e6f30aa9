/**
 * When to try again: full-jitter exponential backoff (base 1 s, cap 10 min) that
 * honours the server's Retry-After, so a crowd of devices returning after an outage
 * spreads out instead of arriving in the same second.
 */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 600_000;
/** A Retry-After beyond this is treated as this: a pupil's work must not be parked for weeks. */
export const RETRY_AFTER_MAX_MS = 24 * 3_600_000;
/** Extra spread added after a Retry-After, at most this much. */
const RETRY_AFTER_SPREAD_CAP_MS = 60_000;

/** random × min(cap, base × 2^attempt): anywhere between now and the exponential ceiling. */
export function fullJitterDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  // 2^attempt overflows to Infinity for large attempts; min() keeps the cap.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return random() * ceiling;
}

/** Retry-After as ms from now (delta-seconds or HTTP date), or null when absent or garbage. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1_000, RETRY_AFTER_MAX_MS);
  // An HTTP date always names a weekday or month; refuse bare numbers like "1.5" or "-3".
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - nowMs), RETRY_AFTER_MAX_MS);
}

/**
 * Epoch ms of the next attempt after `attempt` failures: the backoff delay, never earlier
 * than Retry-After when the server gave one, plus a small spread on top of it.
 */
export function nextAttemptAt(
  nowMs: number,
  attempt: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const backoff = fullJitterDelay(attempt, random);
  if (retryAfterMs === null) return nowMs + backoff;
  const spread = random() * Math.min(RETRY_AFTER_SPREAD_CAP_MS, Math.max(BACKOFF_BASE_MS, retryAfterMs / 2));
  // No wait is longer than the backoff cap: a longer Retry-After is asked again after 10 min.
  return nowMs + Math.min(BACKOFF_CAP_MS, Math.max(retryAfterMs + spread, backoff));
}

/**
 * Whether an item scheduled for `scheduledAt` may be tried at `nowMs`. A retry is never more
 * than the cap away, so one due further ahead was scheduled from a clock that ran ahead and
 * has since been corrected: it is due now rather than parked until that future date.
 */
export function isDue(scheduledAt: number, nowMs: number, maxWaitMs = BACKOFF_CAP_MS): boolean {
  return scheduledAt <= nowMs || scheduledAt - nowMs > maxWaitMs;
}

/** When an item scheduled for `scheduledAt` is due, seen from `nowMs` (never beyond the cap). */
export function effectiveDueAt(scheduledAt: number, nowMs: number, maxWaitMs = BACKOFF_CAP_MS): number {
  return isDue(scheduledAt, nowMs, maxWaitMs) ? Math.min(scheduledAt, nowMs) : scheduledAt;
}
