/** A pass that finds the server down asks it once and writes the other waiting hand-ins back together. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handIn } from '../../../src/store/hand-in.ts';
import { listOutbox } from '../../../src/store/outbox.ts';
import type { Profile } from '../../../src/store/records.ts';
import { sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { fakeServer } from '../client/support/fake-server.ts';
import { deviceWithLea } from '../client/support/device.ts';
import { answers, clock } from './outbox-fixtures.ts';

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));
afterEach(() => vi.restoreAllMocks());

describe('sendOutbox with the server down', () => {
  it('asks once, then writes every other waiting item back in a few transactions, not one each', async () => {
    const items = 60;
    for (let i = 0; i < items; i++) await handIn(lea, { lessonId: `lecon-${i}`, version: 1 }, answers);
    const server = fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');

    const result = await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.log).toHaveLength(1);
    expect(result).toMatchObject({ delivered: 0, remaining: items });
    const waiting = await listOutbox();
    expect(waiting).toHaveLength(items);
    expect(waiting.every((item) => item.attempts === 1 && item.nextAttemptAt > clock())).toBe(true);
    // One readwrite transaction per item made a 1,000-item outbox's failed pass take seconds of
    // the device's database, with the pass that follows the server's return waiting behind it.
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes.length).toBeLessThan(10);
  });
});
