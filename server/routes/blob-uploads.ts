/**
 * PUT /api/blobs/<sha256>: upload bytes named by their hash (pupils'
 * attachments before a hand-in, teachers' lesson media). Idempotent: a repeat
 * after a lost answer stores nothing new and still succeeds. The type is read
 * from the bytes; each kind of media has its own size limit, and each owner a
 * quota.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { Sha256Schema } from '../../protocol/hash.ts';
import { sha256Of } from '../blobs/store.ts';
import { agreesWithBytes, typeEssence } from '../blobs/declared-type.ts';
import { detectMediaType } from '../blobs/sniff.ts';
import {
  DEFAULT_QUOTAS,
  formatMegabytes,
  kindOf,
  largestUpload,
  PUPIL_UPLOADS,
  TEACHER_UPLOADS,
} from '../blobs/upload-policy.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/json.ts';
import type { AppEnv, Uploader } from '../security/auth.ts';
import { bodyAtMost } from '../security/receive-body.ts';
import type { UploadResponse } from '../../protocol/teacher-api.ts';

/** Mounted at /api/blobs (behind device-or-teacher authentication). */
export function blobUploadRoutes({
  db,
  blobs,
  now,
  quotas = DEFAULT_QUOTAS,
}: Pick<AppDeps, 'db' | 'blobs' | 'now' | 'quotas'>) {
  return new Hono<AppEnv>().put(
    '/:sha256',
    // The body limit is the largest kind this uploader may send; the kind's own limit is checked once the type is known.
    async (c, next) => {
      const kinds = c.get('uploader').kind === 'teacher' ? TEACHER_UPLOADS : PUPIL_UPLOADS;
      const maxSize = largestUpload(kinds);
      return bodyAtMost(maxSize, (c) =>
        apiError(
          c,
          413,
          'too_large',
          `This file is larger than the ${formatMegabytes(maxSize)} any upload may be.`,
        ),
      )(c, next);
    },
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

      const uploader = c.get('uploader');
      const kinds = uploader.kind === 'teacher' ? TEACHER_UPLOADS : PUPIL_UPLOADS;
      const mime = detectMediaType(bytes);
      const kind = kindOf(kinds, mime);
      if (!mime || !kind) {
        const accepted = kinds.map((k) => k.name).join(', ');
        return apiError(
          c,
          415,
          'unsupported_type',
          `This file is not one Cartable accepts (${mime ? `it is ${mime}` : 'its content is not a known media format'}); send ${accepted}.`,
        );
      }
      if (!agreesWithBytes(c.req.header('Content-Type'), mime)) {
        return apiError(
          c,
          415,
          'type_mismatch',
          `This file says it is ${typeEssence(c.req.header('Content-Type'))} but its content is ${mime}; check the file and send it again.`,
        );
      }
      if (bytes.byteLength > kind.maxBytes) {
        return apiError(
          c,
          413,
          'too_large',
          `This ${kind.name} is ${formatMegabytes(bytes.byteLength)}; the limit for a ${kind.name} is ${formatMegabytes(kind.maxBytes)}.`,
        );
      }
      const quota = uploader.kind === 'teacher' ? quotas.teacherBytes : quotas.pupilBytes;
      const used = await storedBytes(db, uploader, sha256);
      if (used + bytes.byteLength > quota) {
        return apiError(
          c,
          413,
          'quota_exceeded',
          `This upload would take you over your ${formatMegabytes(quota)} of storage (${formatMegabytes(used)} used).`,
        );
      }

      // Bytes first, row second: a row always points at a complete file.
      await blobs.put(sha256, bytes);
      const at = now().toISOString();
      const inserted = await db
        .insertInto('blobs')
        .values({ sha256, mime, size: bytes.byteLength, created_at: at })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .executeTakeFirst();
      await db
        .insertInto('blob_owners')
        .values({ sha256, owner_kind: uploader.kind, owner_id: uploader.id, created_at: at })
        .onConflict((oc) => oc.columns(['sha256', 'owner_kind', 'owner_id']).doNothing())
        .execute();

      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
      c.header('Cache-Control', 'no-store');
      return c.json({ sha256, size: bytes.byteLength, mime } satisfies UploadResponse, created ? 201 : 200);
    },
  );
}

/** Bytes this owner already has stored, not counting this blob (a repeat upload costs nothing). */
async function storedBytes(db: Kysely<Database>, owner: Uploader, except: string): Promise<number> {
  const row = await db
    .selectFrom('blob_owners as o')
    .innerJoin('blobs as b', 'b.sha256', 'o.sha256')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('b.size'), eb.val(0)).as('total'))
    .where('o.owner_kind', '=', owner.kind)
    .where('o.owner_id', '=', owner.id)
    .where('o.sha256', '!=', except)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
