/**
 * GET /api/pupil/manifest: the class's published lessons, so the device downloads them ahead.
 * A pure read (checked by every device, every morning): "last seen" is written by the
 * readiness report instead. It also says where the pupil's updates feed ends, so a device
 * asks the feed only when there is news, and names the class's cacheable news URL.
 */
import { Hono } from 'hono';
import type { Manifest } from '../../../protocol/api.ts';
import { CLASS_NEWS_HEADER, CLASS_NEWS_VALUE_HEADER, FEED_CURSOR_HEADER } from '../../../protocol/api.ts';
import { sha256Of } from '../../blobs/store.ts';
import { compressedJson } from '../../http/compress-json.ts';
import type { AppDeps } from '../../deps.ts';
import { latestLessonsOfClass } from '../../lessons/catalogue.ts';
import { classStamps } from '../../lessons/class-news.ts';
import { classCapability } from '../../security/capability.ts';
import type { AppEnv } from '../../security/auth.ts';
import { etagMatches } from '../../http/etag.ts';

/** Mounted at /api/pupil (behind device authentication). */
export function manifestRoutes({
  db,
  now,
  capabilityKey,
}: Pick<AppDeps, 'db' | 'now'> & { capabilityKey: string }) {
  const stamps = classStamps(db);
  return new Hono<AppEnv>().get('/manifest', async (c) => {
    const { classId, pupilId } = c.get('device');
    const publications = stamps.publicationStamp(classId);
    const [stamp, cursor, news] = await Promise.all([
      publications,
      stamps.feedEnd(pupilId),
      stamps.classNews(classId, publications),
    ]);
    // From the publications, the class's plan and the pupil (each lists only what it is assigned):
    // serverTime changes every call and must not defeat the 304.
    const etag = `"${sha256Of(`${stamp}|${pupilId}`).slice(0, 40)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header(FEED_CURSOR_HEADER, cursor);
    c.header(
      CLASS_NEWS_HEADER,
      `/api/class-news/${encodeURIComponent(classId)}/${classCapability(capabilityKey, classId)}`,
    );
    c.header(CLASS_NEWS_VALUE_HEADER, news);
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    const lessons = await latestLessonsOfClass(db, classId, { pupilId });
    return compressedJson(c, { serverTime: now().toISOString(), lessons } satisfies Manifest);
  });
}
