/** Writes arriving while one is written share the next one; a bad item fails only itself. */
import { describe, expect, it } from 'vitest';
import { groupedWrites } from '../../../protocol/grouped-writes.ts';

describe('groupedWrites', () => {
  it('writes the first at once and those that arrive meanwhile together after it', async () => {
    const groups: number[][] = [];
    const write = groupedWrites<number>(async (items) => {
      groups.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map(() => undefined);
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => write.add(n)));
    expect(groups).toEqual([[1], [2, 3, 4, 5]]);
    await write.add(6);
    expect(groups.at(-1)).toEqual([6]);
  });

  it('writes each item of a failed group alone, and only the bad one fails', async () => {
    const written: number[] = [];
    const write = groupedWrites<number, number>(async (items) => {
      await new Promise((r) => setTimeout(r, 1));
      if (items.includes(3)) throw new Error('bad item');
      written.push(...items);
      return items.map((n) => n * 10);
    });
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((n) => write.add(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // Each caller gets its own item's result, whether written with others or alone.
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : null))).toEqual([10, 20, null, 40]);
    expect(written.sort()).toEqual([1, 2, 4]);
  });
});
