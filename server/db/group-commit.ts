/**
 * Group commit: writes that arrive together share one transaction, hence one fsync,
 * and each is answered only after that commit. Durability costs one disk flush per
 * batch instead of one per hand-in, which is what lets a small server take a whole
 * school's hand-ins at once (issue 14) without acknowledging anything not on disk.
 *
 * A batch gathers what arrived by the next turn of the event loop, plus whatever
 * arrives while the previous batch commits. The batch's items are written together by
 * one function (`writeAll`), so a caller can write a whole batch in a few multi-row
 * statements rather than a few statements per item. It must touch only the
 * transaction it is given (it may be rolled back and run again): if a batch fails,
 * each of its items is written again in a transaction of its own, so one bad item
 * cannot fail its neighbours.
 *
 * On SQLite one batch commits at a time: it has one writer, and a second batch would only wait
 * for its lock. PostgreSQL commits several side by side (its own WAL flush then serves several
 * of them), so there a new batch starts while up to `concurrency - 1` others are committing,
 * instead of waiting for their round trips and fsync.
 */
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import { groupedWrites, type GroupedWrites } from '../../protocol/grouped-writes.ts';
import type { Database } from './schema.ts';

/** Writes a batch's items in the given transaction; one result per item, in order. */
export type WriteAll<I, O> = (trx: Transaction<Database>, items: I[]) => Promise<O[]>;

/** `add` writes the item in the next shared transaction and resolves after that transaction commits. */
export type BatchedCommit<I, O> = GroupedWrites<I, O>;

/** Batches committing at once by default: see the top of this file. */
export function defaultConcurrency(db: Kysely<Database>): number {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 3 : 1;
}

/** Hand-ins (or any items) written a batch at a time (protocol/grouped-writes.ts), each batch one transaction. */
export function createBatchedCommit<I, O>(
  db: Kysely<Database>,
  writeAll: WriteAll<I, O>,
  { maxBatch = 256, concurrency = defaultConcurrency(db) } = {},
): BatchedCommit<I, O> {
  return groupedWrites((items: I[]) => db.transaction().execute((trx) => writeAll(trx, items)), {
    // Requests read in this turn of the loop join the same batch.
    schedule: setImmediate,
    concurrency,
    maxGroup: maxBatch,
  });
}

export type Work<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommit {
  /** Runs the work in the next shared transaction; resolves after that transaction commits. */
  run<T>(work: Work<T>): Promise<T>;
}

/** Group commit of arbitrary work: each item runs its own statements, one after another. */
export function createGroupCommit(db: Kysely<Database>, options: { maxBatch?: number } = {}): GroupCommit {
  const commits = createBatchedCommit<Work<unknown>, unknown>(
    db,
    async (trx, works) => {
      const out: unknown[] = [];
      for (const work of works) out.push(await work(trx));
      return out;
    },
    options,
  );
  return { run: <T>(work: Work<T>) => commits.add(work) as Promise<T> };
}
