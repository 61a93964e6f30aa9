/**
 * Publishing: a draft becomes an immutable lesson version. The pack is
 * serialised to bytes exactly once; those bytes are hashed, stored, and served
 * unchanged, so /packs/<sha256> always hashes to its name.
 */
import type { Kysely } from 'kysely';
import { packMedia } from '../../protocol/lesson-pack.ts';
import type { BlobStore } from '../blobs/store.ts';
import { sha256Of } from '../blobs/store.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Database } from '../db/schema.ts';
import { buildPack } from './build-pack.ts';
import { convertMarkdown } from './markdown-pool.ts';
import { markdownToContent } from './markdown.ts';
import type { Content } from '../../protocol/content.ts';
import {
  markdownFieldsOf,
  publishProblems,
  type DraftStep,
  type LessonDraft,
  type PublishProblem,
} from '../../protocol/lesson-draft.ts';

export interface PublishedVersion {
  lessonId: string;
  version: number;
  pack: string;
  size: number;
  publishedAt: string;
}

/** Thrown when a draft references media that was never uploaded (by this teacher, when one is given). */
export class MissingMediaError extends Error {
  constructor(readonly sha256: string) {
    super(`media ${sha256} has not been uploaded`);
  }
}

/** Thrown when the draft breaks a publishing rule (the editor shows the same problems). */
export class InvalidLessonError extends Error {
  constructor(readonly problems: PublishProblem[]) {
    super(`the lesson cannot be published: ${problems.map((p) => p.code).join(', ')}`);
  }
}

export interface PublishInput {
  lessonId: string;
  classId: string;
  draft: LessonDraft;
  now?: Date;
  /** Media must have been uploaded by this teacher (the teacher routes always give it). */
  teacherId?: string;
  /** The editor's publication UUID, stored so a repeat finds this version. */
  publicationId?: string;
}

/** Publishes the next version of a lesson (creating the lesson on its first publish) and keeps the draft. */
export async function publishLesson(
  db: Kysely<Database>,
  blobs: BlobStore,
  input: PublishInput,
): Promise<PublishedVersion> {
  const { lessonId, classId } = input;
  const publishedAt = (input.now ?? new Date()).toISOString();
  // The media types the editor declares do not count: the types stored from the bytes decide, below.
  const problems = publishProblems(input.draft).filter((p) => p.code !== 'media_wrong_kind');
  if (problems.length > 0) throw new InvalidLessonError(problems);
  // Converted in worker threads, before the transaction: neither the event loop nor the database waits on the parser.
  const convert = await markdownConverter(input.draft);

  return db.transaction().execute(async (trx) => {
    const draft = await withStoredMedia(trx, input.draft, input.teacherId);
    // Again against the types stored from the bytes at upload, not the ones the editor sent.
    const stored = publishProblems(draft.draft);
    if (stored.length > 0) throw new InvalidLessonError(stored);
    const draftJson = canonicalJson(input.draft);
    const lesson = await trx
      .selectFrom('lessons')
      .select('class_id')
      .where('id', '=', lessonId)
      .executeTakeFirst();
    if (lesson && lesson.class_id !== classId) throw new Error(`lesson ${lessonId} belongs to another class`);
    if (lesson) {
      await trx
        .updateTable('lessons')
        .set({ draft: draftJson, updated_at: publishedAt })
        .where('id', '=', lessonId)
        .execute();
    } else {
      await trx
        .insertInto('lessons')
        .values({
          id: lessonId,
          class_id: classId,
          created_at: publishedAt,
          draft: draftJson,
          updated_at: publishedAt,
        })
        .execute();
    }

    const latest = await trx
      .selectFrom('lesson_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('lesson_id', '=', lessonId)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;

    const { pack, quizKeys } = await buildPack(draft.draft, { lessonId, classId, version }, convert);
    const media = packMedia(pack);
    const mediaBytes = media.reduce((sum, ref) => sum + (draft.sizes.get(ref.blob) ?? 0), 0);

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
        draft: draftJson,
        publication_id: input.publicationId ?? null,
      })
      .execute();
    if (media.length > 0) {
      await trx
        .insertInto('lesson_media')
        .values(media.map((ref) => ({ lesson_id: lessonId, version, sha256: ref.blob })))
        .execute();
    }
    return { lessonId, version, pack: sha256, size: bytes.byteLength + mediaBytes, publishedAt };
  });
}

/**
 * The draft with each media reference's type and size taken from the stored
 * blob (detected from its bytes at upload), so a pack never announces a type
 * the bytes are not.
 */
async function withStoredMedia(
  db: Kysely<Database>,
  draft: LessonDraft,
  teacherId: string | undefined,
): Promise<{ draft: LessonDraft; sizes: Map<string, number> }> {
  const shas = [...new Set(draft.steps.flatMap((s) => ('media' in s ? [s.media.blob] : [])))];
  const sizes = new Map<string, number>();
  const mimes = new Map<string, string>();
  if (shas.length > 0) {
    let query = db
      .selectFrom('blobs as b')
      .select(['b.sha256', 'b.mime', 'b.size'])
      .where('b.sha256', 'in', shas);
    if (teacherId !== undefined) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('blob_owners as o')
            .select('o.sha256')
            .whereRef('o.sha256', '=', 'b.sha256')
            .where('o.owner_kind', '=', 'teacher')
            .where('o.owner_id', '=', teacherId),
        ),
      );
    }
    for (const row of await query.execute()) {
      sizes.set(row.sha256, Number(row.size));
      mimes.set(row.sha256, row.mime);
    }
  }
  const missing = shas.find((sha) => !sizes.has(sha));
  if (missing) throw new MissingMediaError(missing);
  const steps = draft.steps.map((step): DraftStep =>
    'media' in step
      ? {
          ...step,
          media: { ...step.media, mime: mimes.get(step.media.blob)!, size: sizes.get(step.media.blob)! },
        }
      : step,
  );
  return { draft: { ...draft, steps }, sizes };
}

/** Every Markdown text of the draft converted off the event loop, as a lookup for buildPack. */
async function markdownConverter(draft: LessonDraft): Promise<(markdown: string) => Content> {
  const texts = [...new Set(draft.steps.flatMap(markdownFieldsOf))];
  const contents = await convertMarkdown(texts);
  const trees = new Map(texts.map((text, i) => [text, contents[i]!]));
  return (markdown) => trees.get(markdown) ?? markdownToContent(markdown);
}
