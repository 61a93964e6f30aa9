/** Lookups asked in one turn of the event loop share one query; each caller gets its own row. */
import { describe, expect, it, vi } from 'vitest';
import { batchedLookup } from '../../../server/db/batched-lookup.ts';

const squares = () =>
  vi.fn(async (keys: number[]) => new Map(keys.filter((k) => k >= 0).map((k) => [k, k * k])));

describe('batched lookup', () => {
  it('answers every caller of one turn from one fetch, asking each key once', async () => {
    const fetchMany = squares();
    const lookup = batchedLookup(fetchMany);
    const answers = await Promise.all([1, 2, 2, 3, -1].map(lookup));
    expect(answers).toEqual([1, 4, 4, 9, undefined]);
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect(fetchMany.mock.calls[0]![0]).toEqual([1, 2, 3, -1]);
  });

  it('asks again in a later turn (nothing is remembered between requests)', async () => {
    const fetchMany = squares();
    const lookup = batchedLookup(fetchMany);
    expect(await lookup(2)).toBe(4);
    expect(await lookup(2)).toBe(4);
    expect(fetchMany).toHaveBeenCalledTimes(2);
  });

  it('bounds a batch', async () => {
    const fetchMany = squares();
    const lookup = batchedLookup(fetchMany, { maxBatch: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, i) => lookup(i)));
    expect(fetchMany.mock.calls.map((call) => call[0].length)).toEqual([10, 10, 5]);
  });

  it('fails every caller of a batch whose query fails, and the next batch afresh', async () => {
    let fail = true;
    const lookup = batchedLookup(async (keys: number[]) => {
      if (fail) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k]));
    });
    const outcomes = await Promise.allSettled([lookup(1), lookup(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await lookup(3)).toBe(3);
  });
});
