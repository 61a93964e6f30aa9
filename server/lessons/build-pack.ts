/** Draft → validated LessonPack for one published version (the conversion itself is shared with the editor's preview). */
import * as v from 'valibot';
import { draftToPack, type DraftPack } from '../../protocol/draft-to-pack.ts';
import { LessonPackSchema } from '../../protocol/lesson-pack.ts';
import type { LessonDraft } from './draft.ts';

export type BuiltPack = DraftPack;

/** Builds and validates the pack of one lesson version. */
export function buildPack(
  draft: LessonDraft,
  ids: { lessonId: string; classId: string; version: number },
): BuiltPack {
  const { pack, quizKeys } = draftToPack(draft, ids);
  return { pack: v.parse(LessonPackSchema, pack), quizKeys };
}
