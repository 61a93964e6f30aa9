/** GET /api/pupil/updates?since=<cursor>: acknowledgements and feedback, read in order and kept offline. */
import { Hono } from 'hono';
import type { Update, Updates } from '../../../protocol/api.ts';
import type { AppDeps } from '../../deps.ts';
import { withHandedInAt } from '../../feed/ack-times.ts';
import { apiError } from '../../http/json.ts';
import type { AppEnv } from '../../security/auth.ts';

const PAGE = 500;

/** Mounted at /api/pupil (behind device authentication). */
export function updateRoutes({ db }: Pick<AppDeps, 'db'>) {
  return new Hono<AppEnv>().get('/updates', async (c) => {
    // A device that has never synced sends `since=` (no cursor yet): that means from the beginning.
    const since = c.req.query('since') || '0';
    if (!/^\d{1,15}$/.test(since))
      return apiError(c, 400, 'bad_cursor', 'The cursor must be the one a previous answer gave.');
    const { pupilId } = c.get('device');
    const rows = await db
      .selectFrom('feed')
      .select(['cursor', 'payload'])
      .where('pupil_id', '=', pupilId)
      .where('cursor', '>', Number(since))
      .orderBy('cursor')
      .limit(PAGE)
      .execute();
    const last = rows[rows.length - 1];
    c.header('Cache-Control', 'no-store');
    return c.json({
      // PostgreSQL returns a bigserial as a string, SQLite as a number: the cursor is a decimal string either way.
      cursor: last ? String(last.cursor) : since,
      updates: await withHandedInAt(
        db,
        pupilId,
        rows.map((row) => JSON.parse(row.payload) as Update),
      ),
    } satisfies Updates);
  });
}
