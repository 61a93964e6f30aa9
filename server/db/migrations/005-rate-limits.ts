/**
 * The counters of the rate limits, in the database so that every server process spends one
 * budget (security/rate-limit.ts). The columns are the ones rate-limiter-flexible's SQLite and
 * PostgreSQL stores read and write; created here rather than by the library so that several
 * processes starting together never race to create it.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/** Table name shared with security/rate-limit.ts. */
export const RATE_LIMITS_TABLE = 'rate_limits';

export function rateLimitsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable(RATE_LIMITS_TABLE)
        .addColumn('key', dialect === 'postgres' ? 'varchar(255)' : 'text', (col) => col.primaryKey())
        .addColumn('points', 'integer', (col) => col.notNull().defaultTo(0))
        // Milliseconds since 1970 when the window closes (bigint: past 2^31 in PostgreSQL).
        .addColumn('expire', 'bigint')
        .execute();
    },
  };
}
