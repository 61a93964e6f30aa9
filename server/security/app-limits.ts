/** The server's rate limits and their budgets, in one place for the server and the tests. */
import type { AppDeps } from '../deps.ts';
import { createFailureLimiter, createWindowLimiter, type LimitStore } from './rate-limit.ts';

const TEN_MINUTES = 10 * 60_000;

/** The four limits of join and sign-in, over one store (the database, so every process shares them). */
export function createAppLimits(
  store: LimitStore,
  { classJoinsPerMinute }: { classJoinsPerMinute: number },
): Pick<AppDeps, 'joinLimiter' | 'joinBudget' | 'classJoinLimiter' | 'loginLimiter'> {
  return {
    joinLimiter: createFailureLimiter(store, {
      name: 'join-address',
      maxFailures: 10,
      windowMs: TEN_MINUTES,
    }),
    // 1000 wrong codes per 10 minutes server-wide: against 10,000 live codes in 31^9, about one lucky guess in 50 years.
    joinBudget: createWindowLimiter(store, { name: 'join-budget', maxEvents: 1000, windowMs: TEN_MINUTES }),
    // A class joining together at 8:30 stays well below this; a leaked sheet fed to a script does not.
    classJoinLimiter: createWindowLimiter(store, {
      name: 'class-joins',
      maxEvents: classJoinsPerMinute,
      windowMs: 60_000,
    }),
    loginLimiter: createFailureLimiter(store, {
      name: 'login-address',
      maxFailures: 10,
      windowMs: TEN_MINUTES,
    }),
  };
}
