/**
 * PUT /api/teacher/submissions/<id>/feedback/<uuid>: the teacher's feedback
 * on a submission. Stored, and appended to the pupil's update feed as a
 * content tree, so it reaches the device on its next sync and stays readable
 * offline. Idempotent like every outbox write: 201, then 200 on an identical
 * repeat, 409 when the UUID is reused for other words.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Update } from '../../../protocol/api.ts';
import type { Content } from '../../../protocol/content.ts';
import { UuidSchema } from '../../../protocol/hash.ts';
import {
  MARKDOWN_LIMITS,
  MARKDOWN_REFUSAL_MESSAGES,
  markdownRefusal,
} from '../../../protocol/markdown-limits.ts';
import { FeedbackRequestSchema, type FeedbackResponse } from '../../../protocol/teacher-api.ts';
import type { AppDeps } from '../../deps.ts';
import { appendToFeed } from '../../feed/append.ts';
import { apiError, readJson } from '../../http/json.ts';
import { convertMarkdown, MarkdownTimeoutError } from '../../lessons/markdown-pool.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedSubmission } from '../../security/ownership.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** The stored feedback, as the submission detail lists it. */

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherFeedbackRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>().put(
    '/submissions/:submissionId/feedback/:feedbackId',
    bodyAtMost(32 * 1024),
    async (c) => {
      const teacherId = c.get('teacher').teacherId;
      const submission = await ownedSubmission(db, teacherId, c.req.param('submissionId'));
      if (!submission) return notYours(c, 'submission');
      const feedbackId = c.req.param('feedbackId');
      if (!v.is(UuidSchema, feedbackId))
        return apiError(c, 400, 'bad_id', 'Feedback is addressed by a UUID.');
      // Text the converter must not be given is refused as content (422), before the schema's 400.
      const refusal = await feedbackRefusal(c.req.json());
      if (refusal) return apiError(c, 422, refusal, MARKDOWN_REFUSAL_MESSAGES[refusal]);
      const parsed = await readJson(c, FeedbackRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { markdown } = parsed.value;
      const createdAt = now().toISOString();
      // Converted in a worker thread before the transaction (a repeat converts again, and discards it).
      let body: Content;
      try {
        [body] = (await convertMarkdown([markdown])) as [Content];
      } catch (error) {
        if (!(error instanceof MarkdownTimeoutError)) throw error;
        return apiError(c, 422, 'markdown_too_complex', MARKDOWN_REFUSAL_MESSAGES.markdown_too_complex);
      }

      const outcome = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('feedback')
          .values({
            id: feedbackId,
            submission_id: submission.id,
            teacher_id: teacherId,
            markdown,
            created_at: createdAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
          const update: Update = {
            kind: 'feedback',
            id: feedbackId,
            submissionId: submission.id,
            lessonId: submission.lesson_id,
            body,
            createdAt,
          };
          await appendToFeed(trx, [{ pupilId: submission.pupil_id, update, createdAt }]);
          return { status: 201 as const, createdAt };
        }
        const existing = await trx
          .selectFrom('feedback')
          .select(['submission_id', 'markdown', 'created_at'])
          .where('id', '=', feedbackId)
          .executeTakeFirstOrThrow();
        if (existing.submission_id !== submission.id || existing.markdown !== markdown)
          return { status: 409 as const };
        return { status: 200 as const, createdAt: existing.created_at };
      });

      if (outcome.status === 409) {
        return apiError(c, 409, 'conflict', 'This feedback id was already used for other feedback.');
      }
      c.header('Cache-Control', 'no-store');
      return c.json(
        { id: feedbackId, markdown, createdAt: outcome.createdAt } satisfies FeedbackResponse,
        outcome.status,
      );
    },
  );
}

/** Why the feedback text in this body is refused, if it is (a body that is not JSON is readJson's to answer). */
async function feedbackRefusal(body: Promise<unknown>) {
  const json = await body.catch(() => null);
  const markdown = (json as { markdown?: unknown } | null)?.markdown;
  return typeof markdown === 'string' ? markdownRefusal(markdown.trim(), MARKDOWN_LIMITS.feedback) : null;
}
