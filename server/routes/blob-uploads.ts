/**
 * PUT /api/blobs/<sha256>: upload bytes named by their hash (pupils'
 * attachments before a hand-in, teachers' lesson media). Idempotent: a repeat
 * after a lost answer stores nothing new and still succeeds.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { Sha256Schema } from '../../protocol/hash.ts';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.ts';
import { sha256Of } from '../blobs/store.ts';
import { apiError } from '../http.ts';
import type { AppEnv } from '../security/auth.ts';
import { uploadedMediaType } from './media-types.ts';
import { tooLarge } from './too-large.ts';

/** Photos are compressed on the device; 25 MB leaves room for a few minutes of audio or a short video. */
export const MAX_BLOB_BYTES = 25 * 1024 * 1024;

/** Mounted at /api/blobs (behind device-or-teacher authentication). */
export function blobUploadRoutes({ db, blobs, now }: Pick<AppDeps, 'db' | 'blobs' | 'now'>) {
  return new Hono<AppEnv>().put(
    '/:sha256',
    bodyLimit({ maxSize: MAX_BLOB_BYTES, onError: tooLarge }),
    async (c) => {
      const sha256 = c.req.param('sha256');
      if (!v.is(Sha256Schema, sha256))
        return apiError(c, 400, 'bad_hash', 'The address must be a lowercase hex SHA-256.');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (sha256Of(bytes) !== sha256) {
        return apiError(
          c,
          400,
          'hash_mismatch',
          'The uploaded bytes do not hash to the address; the upload was probably cut short.',
        );
      }

      // Bytes first, row second: a row always points at a complete file.
      await blobs.put(sha256, bytes);
      const at = now().toISOString();
      const uploader = c.get('uploader');
      const inserted = await db
        .insertInto('blobs')
        .values({
          sha256,
          mime: uploadedMediaType(c.req.header('Content-Type')),
          size: bytes.byteLength,
          created_at: at,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .executeTakeFirst();
      await db
        .insertInto('blob_owners')
        .values({ sha256, owner_kind: uploader.kind, owner_id: uploader.id, created_at: at })
        .onConflict((oc) => oc.columns(['sha256', 'owner_kind', 'owner_id']).doNothing())
        .execute();

      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
      c.header('Cache-Control', 'no-store');
      return c.json({ sha256, size: bytes.byteLength }, created ? 201 : 200);
    },
  );
}
