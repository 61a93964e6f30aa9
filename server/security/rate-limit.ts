/**
 * In-memory sliding-window limiter of failed attempts per client address
 * (join codes, teacher logins). One process's memory: behind several
 * processes each keeps its own window, which still bounds guessing.
 */

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
export function createFailureLimiter({
  maxFailures,
  windowMs,
  now = Date.now,
  maxKeys = 50_000,
}: FailureLimiterOptions): FailureLimiter {
  const failures = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const times = (failures.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };

  return {
    retryAfter(key) {
      const at = now();
      const times = recent(key, at);
      if (times.length < maxFailures) return 0;
      // Free again when the oldest failure that keeps the count at the limit leaves the window.
      const oldest = times[times.length - maxFailures] ?? at;
      return Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
    },
    recordFailure(key) {
      const at = now();
      const times = recent(key, at);
      times.push(at);
      failures.delete(key);
      failures.set(key, times);
      // Maps iterate in insertion order: drop the least recently failing addresses first.
      while (failures.size > maxKeys) {
        const first = failures.keys().next().value;
        if (first === undefined) break;
        failures.delete(first);
      }
    },
  };
}
