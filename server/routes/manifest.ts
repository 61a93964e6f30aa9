/**
 * GET /api/pupil/manifest: the class's published lessons, so the device downloads them ahead.
 * A pure read (checked by every device, every morning): "last seen" is written by the
 * readiness report instead. It also says where the pupil's updates feed ends, so a device
 * asks the feed only when there is news.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Manifest } from '../../protocol/api.ts';
import { FEED_CURSOR_HEADER } from '../../protocol/api.ts';
import { sha256Of } from '../blobs/store.ts';
import { compressedJson } from '../compress-json.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { latestLessonsOfClass } from '../lessons/catalogue.ts';
import type { AppEnv } from '../security/auth.ts';
import { etagMatches } from './etag.ts';

/** The cursor of the pupil's latest update, '0' when there is none (a decimal string, as the feed gives). */
async function feedEnd(db: Kysely<Database>, pupilId: string): Promise<string> {
  const row = await db
    .selectFrom('feed')
    .select((eb) => eb.fn.max('cursor').as('last'))
    .where('pupil_id', '=', pupilId)
    .executeTakeFirst();
  return row?.last == null ? '0' : String(row.last);
}

/**
 * What the class's manifest depends on, in one aggregate row instead of every lesson:
 * published versions are immutable and only ever added (or go with their deleted lesson),
 * so any change to the latest versions changes the count, the sum of versions or the latest
 * publication time. A revalidation reads this, not 300 rows.
 */
async function publicationStamp(db: Kysely<Database>, classId: string): Promise<string> {
  const row = await db
    .selectFrom('lesson_versions as lv')
    .innerJoin('lessons as l', 'l.id', 'lv.lesson_id')
    .select((eb) => [
      eb.fn.countAll().as('versions'),
      eb.fn.sum('lv.version').as('versionSum'),
      eb.fn.max('lv.published_at').as('latest'),
    ])
    .where('l.class_id', '=', classId)
    .executeTakeFirst();
  return `${classId}|${row?.versions ?? 0}|${row?.versionSum ?? 0}|${row?.latest ?? ''}`;
}

/** Mounted at /api/pupil (behind device authentication). */
export function manifestRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>().get('/manifest', async (c) => {
    const { classId, pupilId } = c.get('device');
    const [stamp, cursor] = await Promise.all([publicationStamp(db, classId), feedEnd(db, pupilId)]);
    // From the publications only: serverTime changes every call and must not defeat the 304.
    const etag = `"${sha256Of(stamp).slice(0, 40)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header(FEED_CURSOR_HEADER, cursor);
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    const lessons = await latestLessonsOfClass(db, classId);
    return compressedJson(c, { serverTime: now().toISOString(), lessons } satisfies Manifest);
  });
}
