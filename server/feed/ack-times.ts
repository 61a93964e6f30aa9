/**
 * Acknowledgements in the feed carry the submission's `handedInAt`, so the pupil's other
 * devices can say "handed in late" by the same rule as the teacher's dashboard. Feed rows
 * written before that field existed are completed from the submissions table when read:
 * one query per page, and none once a page holds only new rows.
 */
import type { Kysely } from 'kysely';
import type { Update } from '../../protocol/api.ts';
import type { Database } from '../db/schema.ts';

/** The page's updates, each acknowledgement with its `handedInAt`. */
export async function withHandedInAt(
  db: Kysely<Database>,
  pupilId: string,
  updates: Update[],
): Promise<Update[]> {
  const missing = updates.flatMap((u) =>
    u.kind === 'ack' && u.handedInAt === undefined ? [u.submissionId] : [],
  );
  if (missing.length === 0) return updates;
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'handed_in_at'])
    .where('pupil_id', '=', pupilId)
    .where('id', 'in', missing)
    .execute();
  const handedInAt = new Map(rows.map((row) => [row.id, row.handed_in_at]));
  return updates.map((u) => {
    const at = u.kind === 'ack' && u.handedInAt === undefined ? handedInAt.get(u.submissionId) : undefined;
    return at === undefined ? u : { ...u, handedInAt: at };
  });
}
