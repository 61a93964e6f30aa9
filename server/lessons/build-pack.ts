/** Draft → validated LessonPack for one published version (the conversion itself is shared with the editor's preview). */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as v from 'valibot';
import type { Content } from '../../protocol/content.ts';
import { draftToPack, type DraftPack } from '../../protocol/draft-to-pack.ts';
import { LessonPackSchema, StepSchema, type Step } from '../../protocol/lesson-pack.ts';
import type { LessonDraft } from '../../protocol/lesson-draft.ts';

export type BuiltPack = DraftPack;

const PackWithoutSteps = v.omit(LessonPackSchema, ['steps']);

/**
 * Builds and validates the pack of one lesson version. Steps are validated
 * one at a time with a turn of the event loop between them: a hundred large
 * content trees take valibot over 100 ms, too long to hold other requests.
 */
export async function buildPack(
  draft: LessonDraft,
  ids: { lessonId: string; classId: string; version: number },
  /** The Markdown conversion (publish passes trees converted off the event loop). */
  convert?: (markdown: string) => Content,
): Promise<BuiltPack> {
  const { pack, quizKeys } = draftToPack(draft, ids, undefined, convert);
  const steps: Step[] = [];
  for (const step of pack.steps) {
    steps.push(v.parse(StepSchema, step));
    await nextTurn();
  }
  // The whole pack once more, without its steps (already checked): the rest of the schema, min length included.
  const head = v.parse(PackWithoutSteps, pack);
  if (steps.length === 0) v.parse(LessonPackSchema, pack);
  return { pack: { ...head, steps }, quizKeys };
}
