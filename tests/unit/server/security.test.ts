import { describe, expect, it } from 'vitest';
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
  it('allows maxFailures per window, then tells how long to wait, then forgets', () => {
    let now = 0;
    const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0);
      limiter.recordFailure('a');
      now += 1000;
    }
    expect(limiter.retryAfter('a')).toBe(57);
    expect(limiter.retryAfter('b')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
