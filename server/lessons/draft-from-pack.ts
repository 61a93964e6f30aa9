/**
 * A draft rebuilt from a published pack, for lessons published before the
 * server kept drafts: text comes back as plain paragraphs (emphasis and links
 * are lost), everything else as it was, so the teacher can edit and republish.
 */
import { contentToText } from '../../protocol/content.ts';
import type { LessonPack, QuizStep } from '../../protocol/lesson-pack.ts';
import type { DraftStep, LessonDraft } from '../../protocol/lesson-draft.ts';
import { convertStepText } from '../../protocol/step-text.ts';

/** The editable draft of a published pack, with the server-side quiz keys. */
export function draftFromPack(pack: LessonPack, quizKeys: QuizStep[]): LessonDraft {
  const keys = new Map(quizKeys.map((step) => [step.id, step.correct ?? []]));
  const steps = pack.steps.map((step): DraftStep => {
    if (step.kind !== 'quiz') return convertStepText(step, contentToText);
    return { ...convertStepText(step, contentToText), correct: keys.get(step.id) ?? step.correct ?? [] };
  });
  const showCorrection = pack.steps.some((s) => s.kind === 'quiz' && s.correct !== undefined);
  return { title: pack.title, availableFrom: pack.availableFrom, dueAt: pack.dueAt, showCorrection, steps };
}
