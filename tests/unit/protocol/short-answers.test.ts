import { describe, expect, it } from 'vitest';
import { normaliseShortAnswer } from '../../../protocol/answers.ts';
import { isCorrect } from '../../../protocol/quiz.ts';
import type { QuizStep } from '../../../protocol/lesson-pack.ts';

const short = (correct: string[]): QuizStep =>
  ({ id: 'q', kind: 'quiz', question: 'short', prompt: [], choices: [], correct }) as unknown as QuizStep;

describe('short answers', () => {
  it.each([
    ['3 / 8', '3/8'],
    ['3 /8', '3/8'],
    ['  3/ 8 ', '3/8'],
    ['L’eau', "l'eau"],
    ["l' eau", "L'eau"],
    ['Jouons ', 'jouons'],
    ['ÉTÉ', 'ete'],
    ['peut - être', 'peut-être'],
    ['deux\u00a0mots', 'deux mots'],
  ])('%j is accepted for %j', (given, accepted) => {
    expect(normaliseShortAnswer(given)).toBe(normaliseShortAnswer(accepted));
    expect(isCorrect(short([accepted]), { kind: 'text', text: given })).toBe(true);
  });

  it.each([
    ['3/9', '3/8'],
    ['38', '3/8'],
    ['jouon', 'jouons'],
    ['deuxmots', 'deux mots'],
  ])('%j is still wrong for %j', (given, accepted) => {
    expect(isCorrect(short([accepted]), { kind: 'text', text: given })).toBe(false);
  });
});
