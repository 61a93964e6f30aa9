/**
 * PUT /api/pupil/submissions/<uuid>: hand in. The client's UUID is the primary
 * key, so a repeat (lost answer, second tab, service worker retry) can never
 * store twice: it gets the first answer back, byte for byte.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { SubmissionSchema, type SubmissionAck, type Update } from '../../protocol/api.ts';
import { UuidSchema } from '../../protocol/hash.ts';
import { sha256Of } from '../blobs/store.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { AppDeps } from '../deps.ts';
import type { GroupCommit } from '../db/group-commit.ts';
import { appendToFeed } from '../feed/append.ts';
import { apiError, readJson } from '../http.ts';
import { publishedVersionCheck } from '../lessons/catalogue.ts';
import type { AppEnv } from '../security/auth.ts';
import { tooLarge } from './too-large.ts';

/** Mounted at /api/pupil (behind device authentication); hand-ins arriving together share a commit. */
export function submissionRoutes({
  db,
  now,
  commits,
}: Pick<AppDeps, 'db' | 'now'> & { commits: GroupCommit }) {
  const isPublished = publishedVersionCheck(db);
  return new Hono<AppEnv>().put(
    '/submissions/:id',
    bodyLimit({ maxSize: 2 * 1024 * 1024, onError: tooLarge }),
    async (c) => {
      const id = c.req.param('id');
      if (!v.is(UuidSchema, id)) return apiError(c, 400, 'bad_id', 'A submission is addressed by a UUID.');
      const parsed = await readJson(c, SubmissionSchema);
      if (!parsed.ok) return parsed.response;
      const submission = parsed.value;
      if (submission.id !== id)
        return apiError(c, 400, 'id_mismatch', 'The body id differs from the address.');

      const { pupilId, classId } = c.get('device');
      const published = await isPublished({
        classId,
        lessonId: submission.lessonId,
        version: submission.lessonVersion,
      });
      if (!published)
        return apiError(c, 404, 'unknown_lesson', 'This lesson version is not published for your class.');

      const attachments = [
        ...new Set(
          Object.values(submission.answers).flatMap((a) => (a.kind === 'attachment' ? [a.blob] : [])),
        ),
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
          return apiError(
            c,
            422,
            'missing_attachment',
            'Upload every photo and recording before handing in.',
          );
        }
      }

      const body = canonicalJson(submission);
      const bodySha = sha256Of(body);
      const receivedAt = now().toISOString();

      // Answered only once the shared transaction is on disk (synchronous=FULL, or PostgreSQL's commit).
      const outcome = await commits.run(async (trx) => {
        // Insert-or-nothing on the primary key: concurrent repeats cannot race into a 500.
        const inserted = await trx
          .insertInto('submissions')
          .values({
            id,
            pupil_id: pupilId,
            lesson_id: submission.lessonId,
            lesson_version: submission.lessonVersion,
            body,
            body_sha256: bodySha,
            handed_in_at: submission.handedInAt,
            received_at: receivedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
          const ack: Update = { kind: 'ack', submissionId: id, lessonId: submission.lessonId, receivedAt };
          await appendToFeed(trx, [{ pupilId, update: ack, createdAt: receivedAt }]);
          return { status: 201 as const, receivedAt };
        }
        const existing = await trx
          .selectFrom('submissions')
          .select(['pupil_id', 'body_sha256', 'received_at'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (existing.pupil_id !== pupilId || existing.body_sha256 !== bodySha)
          return { status: 409 as const };
        return { status: 200 as const, receivedAt: existing.received_at };
      });

      if (outcome.status === 409) {
        return apiError(c, 409, 'conflict', 'This submission id was already used for different work.');
      }
      c.header('Cache-Control', 'no-store');
      return c.json({ id, receivedAt: outcome.receivedAt } satisfies SubmissionAck, outcome.status);
    },
  );
}
