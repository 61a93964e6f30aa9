/**
 * Draft → lesson pack: the one conversion used both to publish (server) and to
 * preview (teacher's editor), so the preview is exactly what pupils receive.
 * Markdown becomes content trees; quiz keys stay out unless the correction is shown.
 */
import type { DraftStep, LessonDraft } from './lesson-draft.ts';
import { PACK_FORMAT, type LessonPack, type QuizStep, type Step } from './lesson-pack.ts';
import type { Content } from './content.ts';
import { markdownToContent } from './markdown.ts';
import { convertStepText } from './step-text.ts';

export interface DraftPack {
  pack: LessonPack;
  /** Every quiz step with its key, for scoring on the server whatever the pack shows. */
  quizKeys: QuizStep[];
}

/** Build the pack of one lesson version (not validated: the server parses it with LessonPackSchema). */
export function draftToPack(
  draft: LessonDraft,
  ids: { lessonId: string; classId: string; version: number },
  /** Opening time to use while the draft has none yet (the editor's preview). */
  availableFromFallback?: string,
  /** The Markdown conversion (the server passes the trees its worker threads already built). */
  convert: (markdown: string) => Content = markdownToContent,
): DraftPack {
  const quizKeys: QuizStep[] = [];
  const steps = draft.steps.map((draftStep): Step => {
    const step = stepOf(draftStep, convert);
    if (step.kind !== 'quiz') return step;
    quizKeys.push(step);
    if (draft.showCorrection) return step;
    const { correct: _hidden, ...withoutKey } = step;
    return withoutKey;
  });
  const pack: LessonPack = {
    format: PACK_FORMAT,
    id: ids.lessonId,
    version: ids.version,
    title: draft.title,
    classId: ids.classId,
    availableFrom: draft.availableFrom ?? availableFromFallback ?? '',
    dueAt: draft.dueAt,
    steps,
  };
  return { pack, quizKeys };
}

/** One step as pupils get it (its quiz key included, if any). */
function stepOf(step: DraftStep, convert: (markdown: string) => Content): Step {
  if (step.kind !== 'quiz') return convertStepText(step, convert);
  return {
    ...convertStepText(step, convert),
    // Choices left over from before the teacher switched to a short answer are not part of it.
    choices: step.question === 'short' ? [] : step.choices.map(({ id, label }) => ({ id, label })),
    // A blank accepted answer would mark an empty reply as right.
    correct: step.correct.filter((answer) => answer.trim() !== ''),
  };
}
