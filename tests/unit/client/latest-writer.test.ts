/** A draft written at every keystroke: never a backlog, always the latest value last. */
import { describe, expect, it } from 'vitest';
import { createLatestWriter } from '../../../src/store/latest-writer.ts';

describe('createLatestWriter', () => {
  it('writes at most one value at a time, skips the ones overtaken, and ends with the latest', async () => {
    const written: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const writer = createLatestWriter(async (value: string) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(value);
      inFlight--;
    });
    const typed = ['L', 'Li', 'Lir', 'Lire', 'Lire ', 'Lire l', 'Lire la'];
    for (const value of typed) void writer.save(value);
    expect(writer.busy).toBe(true);
    await writer.flush();
    expect(writer.busy).toBe(false);
    expect(maxInFlight).toBe(1);
    expect(written.at(-1)).toBe('Lire la');
    expect(written.length).toBeLessThanOrEqual(2); // the first, then straight to the latest
  });

  it('resolves a save only once that value or a later one is stored', async () => {
    const stored: number[] = [];
    const writer = createLatestWriter(async (value: number) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      stored.push(value);
      return value;
    });
    await writer.save(1);
    expect(stored).toEqual([1]);
    const second = writer.save(2);
    const third = writer.save(3);
    await second;
    expect(stored.at(-1)).toBe(3);
    await third;
    expect(stored).toEqual([1, 2, 3]);
  });
});
