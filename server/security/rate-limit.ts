/**
 * In-memory sliding-window limiters: failed attempts per client address
 * (join codes, teacher logins), the server-wide budget of wrong join codes,
 * successful joins per class. One process's memory: behind several processes
 * each keeps its own window, which still bounds guessing.
 */

/** Counts events per key in a sliding window. */
export interface WindowLimiter {
  /** Seconds before the key may have another event, or 0 when it may now. */
  retryAfter(key: string): number;
  record(key: string): void;
}

export interface FailureLimiter {
  /** Seconds the client must wait, or 0 when it may try. */
  retryAfter(key: string): number;
  recordFailure(key: string): void;
}

export interface FailureLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
  /** Bound on remembered addresses, so a flood of addresses cannot exhaust memory. */
  maxKeys?: number;
}

/** Creates a limiter that allows maxFailures per windowMs per key. */
export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  const window = createWindowLimiter({ ...options, maxEvents: options.maxFailures });
  return { retryAfter: window.retryAfter, recordFailure: window.record };
}

export interface WindowLimiterOptions {
  maxEvents: number;
  windowMs: number;
  now?: () => number;
  /** Bound on remembered keys, so a flood of keys cannot exhaust memory. */
  maxKeys?: number;
}

/** Creates a limiter that allows maxEvents per windowMs per key. */
export function createWindowLimiter({
  maxEvents,
  windowMs,
  now = Date.now,
  maxKeys = 50_000,
}: WindowLimiterOptions): WindowLimiter {
  const events = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const times = (events.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) events.delete(key);
    else events.set(key, times);
    return times;
  };

  return {
    retryAfter(key) {
      const at = now();
      const times = recent(key, at);
      if (times.length < maxEvents) return 0;
      // Free again when the oldest event that keeps the count at the limit leaves the window.
      const oldest = times[times.length - maxEvents] ?? at;
      return Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
    },
    record(key) {
      const at = now();
      const times = recent(key, at);
      times.push(at);
      // Only the newest maxEvents matter to retryAfter: a flood cannot grow the list (or its filtering cost).
      if (times.length > maxEvents) times.splice(0, times.length - maxEvents);
      events.delete(key);
      events.set(key, times);
      // Maps iterate in insertion order: drop the least recently active keys first.
      while (events.size > maxKeys) {
        const first = events.keys().next().value;
        if (first === undefined) break;
        events.delete(first);
      }
    },
  };
}
