/** GET /api/pupil/manifest: the class's published lessons, so the device downloads them ahead. */
import { Hono } from 'hono';
import type { Manifest } from '../../protocol/api.ts';
import { sha256Of } from '../blobs/store.ts';
import type { AppDeps } from '../deps.ts';
import { latestLessonsOfClass } from '../lessons/catalogue.ts';
import type { AppEnv } from '../security/auth.ts';
import { etagMatches } from './etag.ts';

/** Mounted at /api/pupil (behind device authentication). */
export function manifestRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>().get('/manifest', async (c) => {
    const { deviceId, classId } = c.get('device');
    const at = now();
    await db
      .updateTable('devices')
      .set({ last_seen_at: at.toISOString() })
      .where('id', '=', deviceId)
      .execute();

    const lessons = await latestLessonsOfClass(db, classId);
    // From the lessons only: serverTime changes every call and must not defeat the 304.
    const etag = `"${sha256Of(JSON.stringify(lessons)).slice(0, 40)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.json({ serverTime: at.toISOString(), lessons } satisfies Manifest);
  });
}
