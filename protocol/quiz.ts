/** Quiz correction, the same on the pupil's device (offline) and for the teacher's score. */
import type { Answer } from './answers.ts';
import { normaliseShortAnswer } from './answers.ts';
import type { QuizStep } from './lesson-pack.ts';

/** true/false when the step carries its key, null when the teacher kept it. */
export function isCorrect(step: QuizStep, answer: Answer | undefined, key = step.correct): boolean | null {
  if (!key) return null;
  if (!answer) return false;
  if (step.question === 'short') {
    if (answer.kind !== 'text') return false;
    const given = normaliseShortAnswer(answer.text);
    return key.some((accepted) => normaliseShortAnswer(accepted) === given);
  }
  if (answer.kind !== 'choice') return false;
  const chosen = new Set(answer.selected);
  return chosen.size === key.length && key.every((id) => chosen.has(id));
}
