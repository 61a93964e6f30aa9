/**
 * Group commit: writes that arrive together share one transaction, hence one fsync,
 * and each is answered only after that commit. Durability costs one disk flush per
 * batch instead of one per hand-in, which is what lets a small server take a whole
 * school's hand-ins at once (issue 14) without acknowledging anything not on disk.
 *
 * A batch gathers what arrived by the next turn of the event loop, plus whatever
 * arrives while the previous batch commits. A work item must touch only the
 * transaction it is given (it may be rolled back and run again): if a batch fails,
 * each of its items is retried in a transaction of its own, so one bad item cannot
 * fail its neighbours.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Work<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommit {
  /** Runs the work in the next shared transaction; resolves after that transaction commits. */
  run<T>(work: Work<T>): Promise<T>;
}

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Kysely<Database>, { maxBatch = 256 } = {}): GroupCommit {
  const queue: Pending[] = [];
  let flushing = false;

  const runAlone = async (item: Pending) => {
    try {
      item.resolve(await db.transaction().execute(item.work));
    } catch (error) {
      item.reject(error);
    }
  };

  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      if (batch.length === 1) {
        await runAlone(batch[0]!);
        continue;
      }
      let results: unknown[];
      try {
        results = await db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          for (const item of batch) out.push(await item.work(trx));
          return out;
        });
      } catch {
        for (const item of batch) await runAlone(item);
        continue;
      }
      batch.forEach((item, i) => item.resolve(results[i]));
    }
    flushing = false;
  };

  return {
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!flushing) {
          flushing = true;
          // Requests read in this turn of the loop join the same batch.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
