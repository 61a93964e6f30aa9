/**
 * PUT /api/pupil/submissions/<uuid>: hand in. The client's UUID is the primary
 * key, so a repeat (lost answer, second tab, service worker retry) can never
 * store twice: it gets the first answer back, byte for byte.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { SubmissionSchema, type SubmissionAck } from '../../../protocol/api.ts';
import { UuidSchema } from '../../../protocol/hash.ts';
import { sha256Of } from '../../blobs/store.ts';
import { canonicalJson } from '../../canonical-json.ts';
import type { AppDeps } from '../../deps.ts';
import { createBatchedCommit } from '../../db/group-commit.ts';
import { storeHandIns } from '../../hand-ins/store-hand-ins.ts';
import { apiError, readJson } from '../../http/json.ts';
import { publishedVersionCheck } from '../../lessons/catalogue.ts';
import type { AppEnv } from '../../security/auth.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** Mounted at /api/pupil (behind device authentication); hand-ins arriving together share a commit. */
export function submissionRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  const isPublished = publishedVersionCheck(db);
  const handIns = createBatchedCommit(db, storeHandIns);
  return new Hono<AppEnv>().put('/submissions/:id', bodyAtMost(2 * 1024 * 1024), async (c) => {
    const id = c.req.param('id');
    if (!v.is(UuidSchema, id)) return apiError(c, 400, 'bad_id', 'A submission is addressed by a UUID.');
    const parsed = await readJson(c, SubmissionSchema);
    if (!parsed.ok) return parsed.response;
    const submission = parsed.value;
    if (submission.id !== id) return apiError(c, 400, 'id_mismatch', 'The body id differs from the address.');

    const { pupilId, classId } = c.get('device');
    const published = await isPublished({
      classId,
      lessonId: submission.lessonId,
      version: submission.lessonVersion,
    });
    if (!published)
      return apiError(c, 404, 'unknown_lesson', 'This lesson version is not published for your class.');

    const attachments = [
      ...new Set(Object.values(submission.answers).flatMap((a) => (a.kind === 'attachment' ? [a.blob] : []))),
    ];
    if (attachments.length > 0) {
      const owned = await db
        .selectFrom('blob_owners')
        .select('sha256')
        .where('owner_kind', '=', 'pupil')
        .where('owner_id', '=', pupilId)
        .where('sha256', 'in', attachments)
        .execute();
      if (owned.length < attachments.length) {
        return apiError(c, 422, 'missing_attachment', 'Upload every photo and recording before handing in.');
      }
    }

    const body = canonicalJson(submission);
    // Answered only once the shared transaction is on disk (synchronous=FULL, or PostgreSQL's commit).
    const outcome = await handIns.add({
      id,
      pupilId,
      lessonId: submission.lessonId,
      lessonVersion: submission.lessonVersion,
      body,
      bodySha256: sha256Of(body),
      handedInAt: submission.handedInAt,
      receivedAt: now().toISOString(),
    });

    if (outcome.status === 409) {
      return apiError(c, 409, 'conflict', 'This submission id was already used for different work.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ id, receivedAt: outcome.receivedAt } satisfies SubmissionAck, outcome.status);
  });
}
