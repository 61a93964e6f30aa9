import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../protocol/byte-range.ts';
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

describe('parseRange', () => {
  it('handles a-b, a-, -n, and refuses what lies outside', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=2-4', 10)).toEqual({ kind: 'part', start: 2, end: 4 });
    expect(parseRange('bytes=7-', 10)).toEqual({ kind: 'part', start: 7, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'part', start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5-2', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'whole' });
  });
});
