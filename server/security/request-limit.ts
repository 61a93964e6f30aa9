/**
 * Requests per teacher per minute, in memory: bounds what one session (a
 * stuck client, a stolen token, a script) can cost the server. Fixed windows
 * keep it to one counter per key.
 */
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../http/json.ts';
import type { AppEnv } from './auth.ts';

export interface RequestLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  /** Who is counted; requests without a key pass. */
  key: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string | undefined;
  now?: () => number;
  /** Bound on remembered keys. */
  maxKeys?: number;
}

/** The middleware; 429 with Retry-After once a key used up its window. */
export function requestLimit({
  limit,
  windowMs,
  key,
  now = Date.now,
  maxKeys = 50_000,
}: RequestLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const who = key(c);
    if (who === undefined) return next();
    const at = now();
    let window = windows.get(who);
    if (!window || at - window.start >= windowMs) {
      window = { start: at, count: 0 };
      windows.delete(who);
      windows.set(who, window);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
    }
    window.count++;
    if (window.count > limit) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((window.start + windowMs - at) / 1000))));
      return apiError(c, 429, 'rate_limited', 'Too many requests; please wait a moment before trying again.');
    }
    await next();
  };
}

/** Counts per signed-in teacher (set by requireTeacher). */
export const perTeacher: RequestLimitOptions['key'] = (c) => c.get('teacher')?.teacherId;
