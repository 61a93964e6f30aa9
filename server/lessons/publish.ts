/**
 * Publishing: a draft becomes an immutable lesson version. The pack is
 * serialised to bytes exactly once; those bytes are hashed, stored, and served
 * unchanged, so /packs/<sha256> always hashes to its name.
 */
import type { Kysely } from 'kysely';
import { packMedia } from '../../protocol/lesson-pack.ts';
import type { BlobStore } from '../blobs/store.ts';
import { sha256Of } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';
import { buildPack } from './build-pack.ts';
import type { LessonDraft } from './draft.ts';

export interface PublishedVersion {
  lessonId: string;
  version: number;
  pack: string;
  size: number;
}

/** Thrown when a draft references media that was never uploaded. */
export class MissingMediaError extends Error {
  constructor(readonly sha256: string) {
    super(`media ${sha256} has not been uploaded`);
  }
}

/** Publishes the next version of a lesson (creating the lesson on its first publish). */
export async function publishLesson(
  db: Kysely<Database>,
  blobs: BlobStore,
  input: { lessonId: string; classId: string; draft: LessonDraft; now?: Date },
): Promise<PublishedVersion> {
  const { lessonId, classId, draft } = input;
  const publishedAt = (input.now ?? new Date()).toISOString();

  return db.transaction().execute(async (trx) => {
    const lesson = await trx
      .selectFrom('lessons')
      .select('class_id')
      .where('id', '=', lessonId)
      .executeTakeFirst();
    if (lesson && lesson.class_id !== classId) throw new Error(`lesson ${lessonId} belongs to another class`);
    if (!lesson)
      await trx
        .insertInto('lessons')
        .values({ id: lessonId, class_id: classId, created_at: publishedAt })
        .execute();

    const latest = await trx
      .selectFrom('lesson_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('lesson_id', '=', lessonId)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;

    const { pack, quizKeys } = buildPack(draft, { lessonId, classId, version });
    const media = packMedia(pack);
    let mediaBytes = 0;
    for (const ref of media) {
      const stored = await trx
        .selectFrom('blobs')
        .select('size')
        .where('sha256', '=', ref.blob)
        .executeTakeFirst();
      if (!stored) throw new MissingMediaError(ref.blob);
      mediaBytes += stored.size;
    }

    const bytes = new TextEncoder().encode(JSON.stringify(pack));
    const sha256 = sha256Of(bytes);
    await blobs.put(sha256, bytes);

    await trx
      .insertInto('lesson_versions')
      .values({
        lesson_id: lessonId,
        version,
        title: pack.title,
        pack_sha256: sha256,
        size: bytes.byteLength + mediaBytes,
        available_from: pack.availableFrom,
        due_at: pack.dueAt,
        quiz_keys: JSON.stringify(quizKeys),
        published_at: publishedAt,
      })
      .execute();
    if (media.length > 0) {
      await trx
        .insertInto('lesson_media')
        .values(media.map((ref) => ({ lesson_id: lessonId, version, sha256: ref.blob })))
        .execute();
    }
    return { lessonId, version, pack: sha256, size: bytes.byteLength + mediaBytes };
  });
}
