import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  fullJitterDelay,
  nextAttemptAt,
  parseRetryAfter,
} from '../../../src/sync/backoff.ts';
import { seededRandom } from '../../fixtures/seeded-random.ts';

describe('fullJitterDelay', () => {
  it('stays within 0 ≤ delay ≤ min(cap, base·2^n) for every attempt', () => {
    const random = seededRandom(1);
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(600_000, 1000 * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const delay = fullJitterDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('reaches the exponential ceiling exactly at the top of the random range', () => {
    expect(fullJitterDelay(0, () => 0.999999)).toBeCloseTo(1000, -1);
    expect(fullJitterDelay(3, () => 1)).toBe(8000);
  });

  it('caps at 10 minutes, even for huge attempt counts', () => {
    expect(BACKOFF_CAP_MS).toBe(600_000);
    expect(fullJitterDelay(9, () => 1)).toBe(512_000);
    expect(fullJitterDelay(10, () => 1)).toBe(600_000);
    expect(fullJitterDelay(5000, () => 1)).toBe(600_000);
  });

  it('spreads many devices out instead of sending them back at the same instant', () => {
    const random = seededRandom(42);
    const delays = Array.from({ length: 10_000 }, () => fullJitterDelay(10, random));
    const seconds = new Set(delays.map((d) => Math.floor(d / 1000)));
    // 10 000 devices over a 600 s window: nearly every second gets some, none gets a crowd.
    expect(seconds.size).toBeGreaterThan(590);
    const perSecond = new Map<number, number>();
    for (const d of delays)
      perSecond.set(Math.floor(d / 1000), (perSecond.get(Math.floor(d / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(45);
    const mean = delays.reduce((s, d) => s + d, 0) / delays.length;
    expect(mean).toBeGreaterThan(270_000);
    expect(mean).toBeLessThan(330_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2021-04-06T08:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Tue, 06 Apr 2021 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 06 Apr 2021 07:59:00 GMT', now)).toBe(0);
  });

  it('returns null for absent or garbage values', () => {
    for (const value of [null, undefined, '', '   ', 'soon', '-5', '1.5', '12abc', 'Not a date at all']) {
      expect(parseRetryAfter(value, now)).toBeNull();
    }
  });

  it('does not let a server park work for more than a day', () => {
    expect(parseRetryAfter('99999999', now)).toBe(24 * 3_600_000);
  });
});

describe('nextAttemptAt', () => {
  const now = 1_000_000;

  it('without Retry-After is now + full jitter', () => {
    expect(nextAttemptAt(now, 2, null, () => 0.5)).toBe(now + 2000);
  });

  it('with Retry-After is never earlier than it, and spreads devices after it', () => {
    const random = seededRandom(7);
    const times = Array.from({ length: 1000 }, () => nextAttemptAt(now, 0, 30_000, random));
    for (const t of times) expect(t).toBeGreaterThanOrEqual(now + 30_000);
    expect(new Set(times.map((t) => Math.floor(t / 1000))).size).toBeGreaterThan(10);
    expect(Math.max(...times)).toBeLessThanOrEqual(now + 30_000 + 15_000);
  });

  it('keeps the backoff when it is longer than Retry-After', () => {
    expect(nextAttemptAt(now, 20, 1000, () => 1)).toBe(now + 600_000);
  });
});
