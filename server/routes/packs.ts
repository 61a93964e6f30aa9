/**
 * GET /packs/<sha256>: a published lesson version, byte for byte as hashed.
 * No authentication: the hash is the capability, and a pack holds no pupil data,
 * so any CDN may cache it forever.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { Sha256Schema } from '../../protocol/hash.ts';
import { IMMUTABLE } from '../http/cache-control.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/json.ts';
import { etagMatches } from '../http/etag.ts';

/** Mounted at /packs. */
export function packRoutes({ db, blobs }: Pick<AppDeps, 'db' | 'blobs'>) {
  return new Hono().get('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    const notFound = () => apiError(c, 404, 'not_found', 'No published lesson has this address.');
    if (!v.is(Sha256Schema, sha256)) return notFound();
    const published = await db
      .selectFrom('lesson_versions')
      .select('lesson_id')
      .where('pack_sha256', '=', sha256)
      .executeTakeFirst();
    if (!published) return notFound();

    const etag = `"${sha256}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', IMMUTABLE);
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json');
    if (c.req.method === 'HEAD') return c.body(null, 200);
    const bytes = await blobs.read(sha256);
    if (!bytes) return notFound();
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
}
