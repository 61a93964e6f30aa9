/** Hand-ins arriving together share one transaction (one fsync), each answered after its commit. */
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, openSqlite, type OpenDatabase } from '../../../server/db/connect.ts';
import { createGroupCommit } from '../../../server/db/group-commit.ts';
import type { Database } from '../../../server/db/schema.ts';

let database: OpenDatabase;
beforeEach(async () => {
  database = openSqlite(':memory:');
  await migrateToLatest(database);
  await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(database.db);
});
afterEach(() => database.db.destroy());

const insert =
  (id: number, text: string | null = `note ${id}`) =>
  (trx: Transaction<Database>) =>
    sql`INSERT INTO notes (id, text) VALUES (${id}, ${text})`.execute(trx).then(() => id);

const stored = async () =>
  (await sql<{ id: number }>`SELECT id FROM notes ORDER BY id`.execute(database.db)).rows.map((r) => r.id);

describe('group commit', () => {
  it('runs writes that arrive together in one transaction, resolving each after it commits', async () => {
    const transaction = vi.spyOn(database.db, 'transaction');
    const commits = createGroupCommit(database.db);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => commits.run(insert(i + 1))));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await stored()).toHaveLength(50);
  });

  it('takes what arrives during a commit into the next batch', async () => {
    const transaction = vi.spyOn(database.db, 'transaction');
    const commits = createGroupCommit(database.db);
    const first = commits.run(insert(1));
    await new Promise((r) => setImmediate(r));
    const later = Promise.all([commits.run(insert(2)), commits.run(insert(3))]);
    await Promise.all([first, later]);
    expect(transaction.mock.calls.length).toBeLessThanOrEqual(2);
    expect(await stored()).toEqual([1, 2, 3]);
  });

  it('does not let one failing write fail the others of its batch', async () => {
    const commits = createGroupCommit(database.db);
    const outcomes = await Promise.allSettled([
      commits.run(insert(1)),
      commits.run(insert(2, null)), // NOT NULL: fails
      commits.run(insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await stored()).toEqual([1, 3]);
  });

  it('bounds a batch', async () => {
    const transaction = vi.spyOn(database.db, 'transaction');
    const commits = createGroupCommit(database.db, { maxBatch: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, i) => commits.run(insert(i + 1))));
    expect(transaction).toHaveBeenCalledTimes(3);
  });
});
