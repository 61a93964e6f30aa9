import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../server/db/statement-cache.ts';

describe('the prepared statement cache', () => {
  it("reuses one statement per SQL string, bounded, and gives a busy one's caller a fresh one", () => {
    const sqlite = new SQLite(':memory:');
    const db = withStatementCache(sqlite, 2);
    db.prepare('CREATE TABLE t (n INTEGER)').run([]);
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).toBe(insert);
    for (let n = 0; n < 3; n++) insert.run([n]);

    const rows = db.prepare('SELECT n FROM t').iterate([]);
    rows.next(); // the statement is now busy streaming
    const again = db.prepare('SELECT n FROM t');
    expect(again.all([])).toHaveLength(3);
    rows.return?.();

    db.prepare('SELECT 1');
    db.prepare('SELECT 2'); // past the bound of 2: the oldest entries are dropped
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).not.toBe(insert);
    db.close();
  });
});
