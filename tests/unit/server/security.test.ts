import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatJoinCode,
  isWellFormedJoinCode,
  JOIN_CODE_ALPHABET,
  newJoinCode,
  normaliseJoinCode,
} from '../../../server/security/join-codes.ts';
import { hashPassword, verifyPassword } from '../../../server/security/passwords.ts';
import { createFailureLimiter } from '../../../server/security/rate-limit.ts';

describe('join codes', () => {
  it('are 9 characters of the unambiguous alphabet, shown in groups of three', () => {
    const codes = new Set(Array.from({ length: 200 }, newJoinCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(isWellFormedJoinCode(code)).toBe(true);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(Math.log2(JOIN_CODE_ALPHABET.length) * 9).toBeGreaterThanOrEqual(40);
    expect(formatJoinCode('ABCDEFGHJ')).toBe('ABC-DEF-GHJ');
    expect(normaliseJoinCode(' abc-def ghj ')).toBe('ABCDEFGHJ');
  });
});

describe('passwords', () => {
  it('verify only the right password, with the parameters stored beside the hash', async () => {
    const stored = await hashPassword('cartable-demo');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await hashPassword('cartable-demo')).not.toBe(stored);
    expect(await verifyPassword('cartable-demo', stored)).toBe(true);
    expect(await verifyPassword('cartable-demO', stored)).toBe(false);
    expect(await verifyPassword('cartable-demo', 'garbage')).toBe(false);
  });
});

describe('failure limiter', () => {
  afterEach(() => vi.useRealTimers());

  it('allows maxFailures per window, then tells how long to wait, then forgets', async () => {
    // The memory store forgets a window by a timer, the database stores by the clock: both are moved.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(0);
    // This one test counts in memory: what it checks is the arithmetic, not the sharing.
    const limiter = createFailureLimiter('memory', { name: 'login', maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfter('a')).toBe(0);
      await limiter.recordFailure('a');
      vi.advanceTimersByTime(1000);
    }
    expect(await limiter.retryAfter('a')).toBe(57);
    expect(await limiter.retryAfter('b')).toBe(0);
    vi.advanceTimersByTime(60_001 - Date.now());
    expect(await limiter.retryAfter('a')).toBe(0);
  });
});
