/**
 * Load shedding: beyond a bounded number of requests in flight, answer at once
 * with 503 and a jittered Retry-After instead of queueing until everything
 * times out. Clients (the outbox, the lesson sync) honour Retry-After, and the
 * jitter spreads their return.
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface LoadSheddingOptions {
  maxInFlight: number;
  /** Retry-After is drawn uniformly in [min, max] seconds. */
  retryAfterSeconds?: { min: number; max: number };
  random?: () => number;
}

/** 503 busy with a Retry-After drawn uniformly in [min, max] seconds, so clients do not come back together. */
export function busyAnswer(
  c: Context,
  { min, max }: { min: number; max: number } = { min: 2, max: 10 },
  random: () => number = Math.random,
): Response {
  const wait = min + Math.floor(random() * (max - min + 1));
  c.header('Retry-After', String(wait));
  c.header('Cache-Control', 'no-store');
  return c.json({ error: 'busy', message: 'The server is busy; please try again in a few seconds.' }, 503);
}

/** The middleware; each call keeps its own in-flight count. */
export function loadShedding({
  maxInFlight,
  retryAfterSeconds = { min: 2, max: 10 },
  random = Math.random,
}: LoadSheddingOptions): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= maxInFlight) return busyAnswer(c, retryAfterSeconds, random);
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
