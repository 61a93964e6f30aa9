/**
 * PUT /api/teacher/classes/<class>/lessons/<lesson>/publications/<uuid>:
 * publish the draft sent as the next immutable version. The UUID comes from
 * the editor's outbox, so a repeat (the answer was lost) finds the version it
 * made: 201 the first time, 200 with the same body after, 409 if the UUID is
 * reused for something else.
 */
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { UuidSchema } from '../../../protocol/hash.ts';
import { MARKDOWN_REFUSAL_MESSAGES } from '../../../protocol/markdown-limits.ts';
import {
  PublishRequestSchema,
  type PublishRefusal,
  type PublishResponseSchema,
} from '../../../protocol/teacher-api.ts';
import { canonicalJson } from '../../canonical-json.ts';
import { lessonIdTakenElsewhere } from '../../class-queries.ts';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import { MAX_DRAFT_BYTES, saveDraft } from '../../lessons/drafts.ts';
import { MarkdownTimeoutError } from '../../lessons/markdown-pool.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { InvalidLessonError, MissingMediaError, publishLesson } from '../../lessons/publish.ts';
import type { AppEnv } from '../../security/auth.ts';
import { badLessonId, classArchived, notYours, ownedClass } from '../../security/ownership.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

type Published = v.InferOutput<typeof PublishResponseSchema>;

/** The version an earlier request with this publication UUID made, with the draft it published. */
async function earlierPublication(db: Kysely<Database>, publicationId: string) {
  const row = await db
    .selectFrom('lesson_versions')
    .select(['lesson_id', 'version', 'pack_sha256', 'published_at', 'draft'])
    .where('publication_id', '=', publicationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const published: Published = {
    lessonId: row.lesson_id,
    version: Number(row.version),
    pack: row.pack_sha256,
    publishedAt: row.published_at,
  };
  return { published, draft: row.draft };
}

/** 200 with the earlier answer when the repeat asks for the same thing, 409 otherwise. */
function repeatAnswer(
  c: Context,
  earlier: NonNullable<Awaited<ReturnType<typeof earlierPublication>>>,
  lessonId: string,
  draft: LessonDraft,
): Response {
  if (earlier.published.lessonId !== lessonId || earlier.draft !== canonicalJson(draft)) {
    return apiError(c, 409, 'conflict', 'This publication id was already used to publish something else.');
  }
  c.header('Cache-Control', 'no-store');
  return c.json(earlier.published, 200);
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherPublicationRoutes({ db, blobs, now }: Pick<AppDeps, 'db' | 'blobs' | 'now'>) {
  return new Hono<AppEnv>().put(
    '/classes/:classId/lessons/:lessonId/publications/:publicationId',
    bodyAtMost(MAX_DRAFT_BYTES),
    async (c) => {
      const { classId, lessonId, publicationId } = c.req.param();
      const teacherId = c.get('teacher').teacherId;
      const schoolClass = await ownedClass(db, teacherId, classId);
      if (!schoolClass) return notYours(c, 'class');
      const invalidId = badLessonId(c);
      if (invalidId) return invalidId;
      if (!v.is(UuidSchema, publicationId))
        return apiError(c, 400, 'bad_id', 'A publication is addressed by a UUID.');
      if (await lessonIdTakenElsewhere(db, lessonId, classId)) return notYours(c, 'lesson');
      const parsed = await readJson(c, PublishRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { draft } = parsed.value;

      const earlier = await earlierPublication(db, publicationId);
      if (earlier) return repeatAnswer(c, earlier, lessonId, draft);
      if (schoolClass.archived_at) return classArchived(c);

      const at = now();
      try {
        // Two publishes racing (two tabs, a repeat from the outbox) can both pick the next version
        // number; the loser's insert hits the key, and it tries again: as a repeat if it was the same
        // publication, as the following version otherwise.
        let version: Awaited<ReturnType<typeof publishLesson>> | null = null;
        for (let attempt = 1; version === null; attempt++) {
          const raced = attempt > 1 ? await earlierPublication(db, publicationId) : undefined;
          if (raced) return repeatAnswer(c, raced, lessonId, draft);
          try {
            version = await publishLesson(db, blobs, {
              lessonId,
              classId,
              draft,
              now: at,
              teacherId,
              publicationId,
            });
          } catch (error) {
            if (!isUniqueViolation(error) || attempt >= 5) throw error;
          }
        }
        c.header('Cache-Control', 'no-store');
        return c.json(
          {
            lessonId,
            version: version.version,
            pack: version.pack,
            publishedAt: version.publishedAt,
          } satisfies Published,
          201,
        );
      } catch (error) {
        if (
          error instanceof InvalidLessonError ||
          error instanceof MissingMediaError ||
          error instanceof MarkdownTimeoutError
        ) {
          // The draft is kept even when it cannot be published yet: it is the teacher's latest text.
          await saveDraft(db, { lessonId, classId, draft, at: at.toISOString() });
        }
        if (error instanceof InvalidLessonError) {
          c.header('Cache-Control', 'no-store');
          return c.json(
            {
              error: 'invalid_lesson',
              message: 'This lesson cannot be published yet; fix the problems listed.',
              problems: error.problems,
            } satisfies PublishRefusal,
            422,
          );
        }
        if (error instanceof MarkdownTimeoutError) {
          // Within the bounds yet too slow to convert: refused as content, like text beyond them.
          return apiError(c, 422, 'markdown_too_complex', MARKDOWN_REFUSAL_MESSAGES.markdown_too_complex);
        }
        if (error instanceof MissingMediaError) {
          return apiError(
            c,
            422,
            'missing_media',
            `A media file of this lesson (${error.sha256.slice(0, 12)}…) has not been uploaded from your account; upload it again, then publish.`,
          );
        }
        // Two identical publishes racing: the unique publication id let one through; answer like a repeat.
        const raced = await earlierPublication(db, publicationId);
        if (raced) return repeatAnswer(c, raced, lessonId, draft);
        throw error;
      }
    },
  );
}
