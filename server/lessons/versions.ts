/** Published versions as the teacher's screens need them: the pack as JSON, the keys, the draft. */
import type { ExpressionBuilder, Kysely } from 'kysely';
import * as v from 'valibot';
import { LessonPackSchema, type LessonPack, type QuizStep } from '../../protocol/lesson-pack.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** The pack of a version, read back from the blob store (the bytes pupils download). */
export async function readPack(blobs: BlobStore, sha256: string): Promise<LessonPack> {
  const bytes = await blobs.read(sha256);
  if (!bytes) throw new Error(`pack ${sha256} is missing from the blob store`);
  return v.parse(LessonPackSchema, JSON.parse(new TextDecoder().decode(bytes)));
}

/** The pack with every quiz key in it, even those the pupils' pack hides: the teacher sees the answers. */
export function withQuizKeys(pack: LessonPack, quizKeys: QuizStep[]): LessonPack {
  const keys = new Map(quizKeys.map((step) => [step.id, step.correct]));
  return {
    ...pack,
    steps: pack.steps.map((step) =>
      step.kind === 'quiz' && keys.get(step.id) ? { ...step, correct: keys.get(step.id) } : step,
    ),
  };
}

/** For `.where('lv.version', '=', newestVersion)` on `lesson_versions as lv`: only each lesson's newest version. */
export const newestVersion = (eb: ExpressionBuilder<Database & { lv: Database['lesson_versions'] }, 'lv'>) =>
  eb
    .selectFrom('lesson_versions as newer')
    .select((e) => e.fn.max('newer.version').as('v'))
    .whereRef('newer.lesson_id', '=', 'lv.lesson_id');

/** The latest published version of each of these lessons, by lesson id. */
export async function latestVersions(db: Db, lessonIds: string[]) {
  if (lessonIds.length === 0) return new Map<string, LatestVersion>();
  const rows = await db
    .selectFrom('lesson_versions as lv')
    .select([
      'lv.lesson_id',
      'lv.version',
      'lv.title',
      'lv.pack_sha256',
      'lv.available_from',
      'lv.due_at',
      'lv.published_at',
      'lv.draft',
      'lv.quiz_keys',
    ])
    .where('lv.lesson_id', 'in', lessonIds)
    .where('lv.version', '=', newestVersion)
    .execute();
  return new Map(rows.map((row) => [row.lesson_id, { ...row, version: Number(row.version) }]));
}

export type LatestVersion = {
  lesson_id: string;
  version: number;
  title: string;
  pack_sha256: string;
  available_from: string;
  due_at: string | null;
  published_at: string;
  draft: string | null;
  quiz_keys: string;
};

/** One published version of a lesson, or undefined. */
export function findVersion(db: Db, lessonId: string, version: number) {
  return db
    .selectFrom('lesson_versions')
    .select(['lesson_id', 'version', 'title', 'pack_sha256', 'available_from', 'due_at', 'quiz_keys'])
    .where('lesson_id', '=', lessonId)
    .where('version', '=', version)
    .executeTakeFirst();
}
