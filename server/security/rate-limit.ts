/**
 * Rate limits shared by every server process: the counters live in the database
 * (rate-limiter-flexible's PostgreSQL store, or its SQLite store in the same file
 * as everything else), so three processes behind a balancer spend one budget
 * instead of three. A window opens at a key's first event and lasts windowMs;
 * at maxEvents the key waits until it closes. Memory only when a test asks.
 */
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { DatabaseDriver } from '../db/connect.ts';
import { RATE_LIMITS_TABLE } from '../db/migrations/005-rate-limits.ts';

/** Counts events per key in a window. */
export interface WindowLimiter {
  /** Seconds before the key may have another event, or 0 when it may now. */
  retryAfter(key: string): Promise<number>;
  record(key: string): Promise<void>;
}

export interface FailureLimiter {
  /** Seconds the client must wait, or 0 when it may try. */
  retryAfter(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
}

/** Where the counters live: the app's database (migration 005 made the table), or this process's memory. */
export type LimitStore = DatabaseDriver | 'memory';

export interface WindowLimiterOptions {
  /** Names the limiter's keys in the shared table (two limiters never share a counter). */
  name: string;
  maxEvents: number;
  windowMs: number;
}

function openLimiter(
  store: LimitStore,
  { name, maxEvents, windowMs }: WindowLimiterOptions,
): RateLimiterAbstract {
  const options = { keyPrefix: name, points: maxEvents, duration: windowMs / 1000 };
  if (store === 'memory') return new RateLimiterMemory(options);
  const shared = { ...options, tableName: RATE_LIMITS_TABLE, tableCreated: true };
  // The SQLite store's own sweep rejects unhandled if the file is busy or closed: sweepExpired does it there.
  if ('sqlite' in store)
    return new RateLimiterSQLite({ ...shared, storeClient: store.sqlite, storeType: 'better-sqlite3' });
  // The PostgreSQL store sweeps expired rows every 5 minutes and never fails for it.
  return new RateLimiterPostgres({
    ...shared,
    storeClient: store.pool,
    storeType: 'pool',
    clearExpiredByTimeout: true,
  });
}

/** Events recorded between two sweeps of expired SQLite rows. */
const SWEEP_EVERY = 1000;

/** Deletes the SQLite rows of closed windows once every SWEEP_EVERY events, so a flood of addresses cannot grow the table. */
function expiredRowsSweeper(store: LimitStore): () => void {
  if (store === 'memory' || !('sqlite' in store)) return () => {};
  let events = 0;
  return () => {
    if (++events % SWEEP_EVERY !== 0) return;
    try {
      store.sqlite.prepare(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE expire < ?`).run(Date.now());
    } catch {
      // Not critical: the next sweep deletes them.
    }
  };
}

/** Creates a limiter that allows maxEvents per windowMs per key. */
export function createWindowLimiter(store: LimitStore, options: WindowLimiterOptions): WindowLimiter {
  const limiter = openLimiter(store, options);
  const sweep = expiredRowsSweeper(store);
  return {
    async retryAfter(key) {
      const spent = await limiter.get(key);
      if (!spent || spent.consumedPoints < options.maxEvents) return 0;
      return Math.max(1, Math.ceil(spent.msBeforeNext / 1000));
    },
    async record(key) {
      // penalty counts the event without refusing it: refusing is retryAfter's job, asked first.
      await limiter.penalty(key, 1);
      sweep();
    },
  };
}

/** Creates a limiter that allows maxFailures per windowMs per key. */
export function createFailureLimiter(
  store: LimitStore,
  { maxFailures, ...options }: Omit<WindowLimiterOptions, 'maxEvents'> & { maxFailures: number },
): FailureLimiter {
  const window = createWindowLimiter(store, { ...options, maxEvents: maxFailures });
  return { retryAfter: window.retryAfter, recordFailure: window.record };
}
