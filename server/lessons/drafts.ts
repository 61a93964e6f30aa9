/** The teacher's lessons: drafts saved as the editor sends them, shown beside their latest published version. */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import type { TeacherLesson } from '../../protocol/teacher-api.ts';
import type { BlobStore } from '../blobs/store.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Database } from '../db/schema.ts';
import { draftFromPack } from './draft-from-pack.ts';
import { LessonDraftSchema, type LessonDraft } from '../../protocol/lesson-draft.ts';
import { latestVersions, readPack, type LatestVersion } from './versions.ts';

type Db = Kysely<Database>;

/** Lesson ids are chosen by the editor (so it can create lessons offline): short, and safe in a URL. */
export const LESSON_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A draft is at most 100 steps of Markdown: 2 MB is generous for text, media are uploaded apart. */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

/** A class's lessons (or the given ones), newest first, as the teacher's API shows them. */
export async function teacherLessons(
  db: Db,
  blobs: BlobStore,
  classId: string,
  lessonIds?: string[],
): Promise<TeacherLesson[]> {
  let query = db
    .selectFrom('lessons')
    .select(['id', 'class_id', 'draft', 'created_at', 'updated_at'])
    .where('class_id', '=', classId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (lessonIds) query = query.where('id', 'in', lessonIds);
  const lessons = await query.execute();
  const published = await latestVersions(
    db,
    lessons.map((l) => l.id),
  );
  return Promise.all(
    lessons.map(async (lesson): Promise<TeacherLesson> => {
      const latest = published.get(lesson.id);
      const draft = lesson.draft
        ? v.parse(LessonDraftSchema, JSON.parse(lesson.draft))
        : await legacyDraft(blobs, latest);
      return {
        id: lesson.id,
        classId: lesson.class_id,
        draft,
        updatedAt: lesson.updated_at ?? latest?.published_at ?? lesson.created_at,
        published: latest
          ? {
              version: latest.version,
              pack: latest.pack_sha256,
              availableFrom: latest.available_from,
              dueAt: latest.due_at,
              publishedAt: latest.published_at,
            }
          : null,
        hasUnpublishedChanges: latest ? latest.draft !== null && latest.draft !== canonicalJson(draft) : true,
      };
    }),
  );
}

async function legacyDraft(blobs: BlobStore, latest: LatestVersion | undefined): Promise<LessonDraft> {
  if (!latest) throw new Error('a lesson has neither a draft nor a published version');
  return draftFromPack(await readPack(blobs, latest.pack_sha256), JSON.parse(latest.quiz_keys) as QuizStep[]);
}

/** Creates the lesson or replaces its draft (the caller has checked the id is free or this class's). */
export async function saveDraft(
  db: Db,
  input: { lessonId: string; classId: string; draft: LessonDraft; at: string },
): Promise<'created' | 'updated'> {
  const draft = canonicalJson(input.draft);
  const inserted = await db
    .insertInto('lessons')
    .values({
      id: input.lessonId,
      class_id: input.classId,
      created_at: input.at,
      draft,
      updated_at: input.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return 'created';
  await db
    .updateTable('lessons')
    .set({ draft, updated_at: input.at })
    .where('id', '=', input.lessonId)
    .where('class_id', '=', input.classId)
    .execute();
  return 'updated';
}
