/**
 * Prepared statements, reused. Kysely prepares every query afresh, and on a hand-in
 * SQLite spends about a tenth of its time compiling the same few statements again
 * (issue 14's profile). Queries built by Kysely are a small, fixed set of SQL strings
 * with their values bound as parameters, so a statement per SQL string is kept and
 * reused. A statement still iterating rows (a stream) is busy: that rare caller gets
 * a fresh one.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        // Oldest out first: a bound, in case some caller builds SQL with literals in it.
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
