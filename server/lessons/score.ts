/** How a hand-in fares: its quiz score against the server-side keys, and whether it came after the due date. */
import type { Answers } from '../../protocol/answers.ts';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import { isCorrect } from '../../protocol/quiz.ts';

export type Score = { correct: number; total: number };

/** Quiz score of a hand-in against the keys of the version it answered; null when no quiz step has a key. */
export function scoreAnswers(keys: QuizStep[], answers: Answers): Score | null {
  let correct = 0;
  let total = 0;
  for (const step of keys) {
    const result = isCorrect(step, answers[step.id], step.correct);
    if (result === null) continue;
    total++;
    if (result) correct++;
  }
  return total > 0 ? { correct, total } : null;
}

/** Late when handed in after the due date of the version answered (the rule lives in protocol/). */
export { isLate } from '../../protocol/lateness.ts';
