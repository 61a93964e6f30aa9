/**
 * GET /blobs/<sha256>: published media (teachers' uploads and media of
 * published packs), immutable, with byte ranges for audio and video seeking.
 * Pupils' attachments are never served here.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { Sha256Schema } from '../../protocol/hash.ts';
import { IMMUTABLE } from '../http/cache-control.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/json.ts';
import { parseRange } from '../../protocol/byte-range.ts';
import { etagMatches } from '../http/etag.ts';
import { servedMediaType } from '../http/media-types.ts';

/** Mounted at /blobs. */
export function blobRoutes({ db, blobs }: Pick<AppDeps, 'db' | 'blobs'>) {
  const isPublished = async (sha256: string): Promise<boolean> => {
    const inPack = await db
      .selectFrom('lesson_media')
      .select('sha256')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst();
    if (inPack) return true;
    const byTeacher = await db
      .selectFrom('blob_owners')
      .select('sha256')
      .where('sha256', '=', sha256)
      .where('owner_kind', '=', 'teacher')
      .limit(1)
      .executeTakeFirst();
    return byTeacher !== undefined;
  };

  return new Hono().get('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    const notFound = () => apiError(c, 404, 'not_found', 'No published media has this address.');
    if (!v.is(Sha256Schema, sha256) || !(await isPublished(sha256))) return notFound();
    const blob = await db.selectFrom('blobs').select('mime').where('sha256', '=', sha256).executeTakeFirst();
    const size = await blobs.size(sha256);
    if (!blob || size === null) return notFound();

    const etag = `"${sha256}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', IMMUTABLE);
    c.header('Accept-Ranges', 'bytes');
    c.header('Content-Type', servedMediaType(blob.mime));
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);

    const range = parseRange(c.req.header('Range'), size);
    if (range.kind === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${size}`);
      return apiError(c, 416, 'range_not_satisfiable', 'The requested byte range is outside this file.');
    }
    const status = range.kind === 'part' ? 206 : 200;
    const { start, end } = range.kind === 'part' ? range : { start: 0, end: size - 1 };
    if (range.kind === 'part') c.header('Content-Range', `bytes ${start}-${end}/${size}`);
    c.header('Content-Length', String(end - start + 1));
    // HEAD (and an empty file) must not open a file stream that nobody reads.
    if (c.req.method === 'HEAD' || size === 0) return c.body(null, status);
    return c.body(blobs.stream(sha256, start, end), status);
  });
}
