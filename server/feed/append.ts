/**
 * Appending to the pupils' update feed: the one place that gives feed rows
 * their cursor, so the submission and feedback paths cannot disagree on how.
 *
 * A device reads `cursor > since` and keeps the highest cursor it saw, so for
 * each pupil the feed rows must become visible in cursor order. A cursor is
 * drawn at insert time, but transactions commit in any order: on PostgreSQL,
 * a device reading between a later cursor's commit and an earlier one's would
 * skip the earlier update forever. So each transaction first takes a
 * per-pupil transaction-scoped advisory lock, held until it commits or rolls
 * back: a second writer for the same pupil draws its cursor only after the
 * first one is visible. Writers for different pupils do not wait for each
 * other. SQLite needs nothing: it has one writer at a time, and the rowid is
 * drawn under the write lock that is held until commit.
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Update } from '../../protocol/api.ts';
import type { Database } from '../db/schema.ts';

/** First key of Cartable's feed advisory locks ('cart'), so they never collide with other users of pg_advisory_*. */
const FEED_LOCK_SPACE = 0x63617274;

/** One update for one pupil's feed. */
export interface FeedEntry {
  pupilId: string;
  update: Update;
  createdAt: string;
}

/**
 * Adds updates to pupils' feeds inside the caller's transaction. Call it once
 * per transaction, as its last write: on PostgreSQL the pupils' feed locks are
 * held from here until the commit.
 */
export async function appendToFeed(trx: Transaction<Database>, entries: readonly FeedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    // Sorted, so two transactions that touch several pupils take their locks in the same order.
    const pupils = [...new Set(entries.map((e) => e.pupilId))].sort();
    await sql`SELECT pg_advisory_xact_lock(${FEED_LOCK_SPACE}, hashtext(p.id))
              FROM unnest(${pupils}::text[]) WITH ORDINALITY AS p(id, n) ORDER BY p.n`.execute(trx);
  }
  await trx
    .insertInto('feed')
    .values(
      entries.map((e) => ({
        pupil_id: e.pupilId,
        payload: JSON.stringify(e.update),
        created_at: e.createdAt,
      })),
    )
    .execute();
}
