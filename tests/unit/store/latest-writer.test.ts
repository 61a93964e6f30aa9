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

describe('createLatestWriter after a failed write', () => {
  it('still writes the value queued behind a failed write, at the latest on flush', async () => {
    const stored: string[] = [];
    let failNext = true;
    const writer = createLatestWriter(
      async (value: string) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (failNext) {
          failNext = false;
          throw new Error('disk said no');
        }
        stored.push(value);
      },
      undefined,
      { retryDelayMs: () => 60_000 },
    );
    void writer.save('a').catch(() => undefined);
    void writer.save('ab').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await writer.flush().catch(() => undefined);
    await writer.flush();
    expect(stored.at(-1)).toBe('ab');
    expect(writer.busy).toBe(false);
    expect(writer.error).toBeNull();
  });

  it('retries the latest value by itself until it is stored, and says each failure', async () => {
    const stored: string[] = [];
    const failures: unknown[] = [];
    let failures_left = 3;
    const writer = createLatestWriter(
      async (value: string) => {
        if (failures_left > 0) {
          failures_left--;
          throw new Error('quota');
        }
        stored.push(value);
      },
      undefined,
      { retryDelayMs: () => 1, onError: (error) => failures.push(error) },
    );
    const saved = writer.save('only once');
    await saved;
    expect(stored).toEqual(['only once']);
    expect(failures).toHaveLength(3);
    expect(writer.error).toBeNull();
  });

  it('keeps the newest value when a later save arrives while a retry waits', async () => {
    const stored: string[] = [];
    let fail = true;
    const writer = createLatestWriter(
      async (value: string) => {
        if (fail) throw new Error('closed');
        stored.push(value);
      },
      undefined,
      { retryDelayMs: () => 60_000 },
    );
    void writer.save('one');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(writer.error).toBeInstanceOf(Error);
    expect(writer.busy).toBe(true);
    void writer.save('two');
    await new Promise((resolve) => setTimeout(resolve, 5));
    fail = false;
    await writer.flush();
    expect(stored).toEqual(['two']);
    expect(writer.busy).toBe(false);
  });
});
