/**
 * What the device promises about its disk (docs/ARCHITECTURE.md, "Work up"): a hand-in's
 * transaction asks for strict durability, so "handed in" is shown once the disk has it; a
 * keystroke's draft asks for relaxed (Chromium's default since Chrome 121 is relaxed for all).
 */
import { describe, expect, it, vi } from 'vitest';
import { saveDraft } from '../../../src/store/drafts.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { eachFreshDevice, linkedProfile } from '../client/support/device.ts';

/** The durability each readwrite transaction over these stores asked for. */
function watchTransactions(): Array<{ stores: string[]; durability: string }> {
  const seen: Array<{ stores: string[]; durability: string }> = [];
  const open = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (mode === 'readwrite')
      seen.push({
        stores: typeof stores === 'string' ? [stores] : [...stores],
        durability: options?.durability ?? 'default',
      });
    return open.call(this, stores, mode, options);
  });
  return seen;
}

eachFreshDevice();

describe('durability on the device', () => {
  it('hands in with strict durability and saves drafts relaxed', async () => {
    const lea = await linkedProfile('lea');
    const seen = watchTransactions();
    const submissionId = crypto.randomUUID();
    const answers = { q1: { kind: 'text' as const, text: 'trois quarts' } };
    await saveDraft({
      profileId: lea.id,
      lessonId: 'fractions',
      lessonVersion: 1,
      answers,
      stepIndex: 0,
      updatedAt: '2021-04-06T08:10:00.000Z',
      submissionId,
    });
    await handIn(lea, { lessonId: 'fractions', version: 1 }, answers, Date.now(), submissionId);
    const handInTx = seen.find((tx) => tx.stores.includes('handedIn') && tx.stores.includes('outbox'));
    expect(handInTx?.durability).toBe('strict');
    const draftTx = seen.find((tx) => tx.stores.includes('drafts') && !tx.stores.includes('outbox'));
    expect(draftTx?.durability).toBe('relaxed');
  });
});
