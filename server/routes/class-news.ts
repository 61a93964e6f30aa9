/**
 * GET /api/class-news/<classId>/<capability>: `{ news }`, a value that changes when a lesson
 * is published or feedback given in the class. No token and no personal data, so a CDN or
 * the academy's cache answers the 8 a.m. rush; a minute of staleness is the price.
 */
import { Hono } from 'hono';
import type { ClassNews } from '../../protocol/api.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/json.ts';
import { classStamps } from '../lessons/class-news.ts';
import { isClassCapability } from '../security/capability.ts';
import { etagMatches } from '../http/etag.ts';

export const CLASS_NEWS_MAX_AGE_S = 60;

/** Mounted at /api/class-news (no authentication: the URL is the capability). */
export function classNewsRoutes({ db, capabilityKey }: Pick<AppDeps, 'db'> & { capabilityKey: string }) {
  const stamps = classStamps(db);
  return new Hono().get('/:classId/:mac', async (c) => {
    const { classId, mac } = c.req.param();
    if (!isClassCapability(capabilityKey, classId, mac))
      return apiError(c, 404, 'not_found', 'There is no such class news; check the manifest again.');
    const news = await stamps.classNews(classId);
    c.header('Cache-Control', `public, max-age=${CLASS_NEWS_MAX_AGE_S}`);
    c.header('ETag', `"${news}"`);
    if (etagMatches(c.req.header('If-None-Match'), `"${news}"`)) return c.body(null, 304);
    return c.json({ news } satisfies ClassNews);
  });
}
