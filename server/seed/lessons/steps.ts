/** Small builders for the demo lessons: each lesson file then reads as its content, not as JSON. */
import type { DraftStep, LessonDraft } from '../../../protocol/lesson-draft.ts';

/** When a demo lesson opens and is due. */
export type LessonDates = { availableFrom: string; dueAt: string | null };

/** A demo lesson; its correction is shown once handed in. */
export function demoLesson(title: string, dates: LessonDates, steps: DraftStep[]): LessonDraft {
  return { title, ...dates, showCorrection: true, steps };
}

/** A text step whose Markdown is these lines. */
export function textStep(id: string, lines: string[]): DraftStep {
  return { id, kind: 'text', body: lines.join('\n') };
}

/**
 * A quiz step: `choices` maps each choice id to its label, in order (none for a short answer);
 * `correct` names the right choices, or the accepted answers of a short answer.
 */
export function quizStep(
  id: string,
  question: 'single' | 'multiple' | 'short',
  prompt: string,
  choices: Record<string, string>,
  correct: string[],
): DraftStep {
  const list = Object.entries(choices).map(([choiceId, label]) => ({ id: choiceId, label }));
  return { id, kind: 'quiz', question, prompt, choices: list, correct };
}

/** A written answer, at most `maxLength` characters when given. */
export function freeTextStep(id: string, prompt: string, maxLength?: number): DraftStep {
  return maxLength === undefined
    ? { id, kind: 'freeText', prompt }
    : { id, kind: 'freeText', prompt, maxLength };
}
