import { describe, expect, it } from 'vitest';
import { draftToPack } from '../../../protocol/draft-to-pack.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { isCorrect } from '../../../protocol/quiz.ts';

const draft = (showCorrection: boolean): LessonDraft => ({
  title: 'Les fractions',
  availableFrom: '2026-11-24T07:30:00.000Z',
  dueAt: null,
  showCorrection,
  steps: [
    { id: 't', kind: 'text', body: '# Titre\n\nUn *quart*.' },
    {
      id: 'q',
      kind: 'quiz',
      question: 'short',
      prompt: 'Combien de parts ?',
      // Left over from a multiple-choice version, and a blank line in the accepted answers.
      choices: [{ id: 'a', label: 'quatre' }],
      correct: ['quatre', '  ', '4'],
    },
  ],
});

describe('draftToPack', () => {
  it('turns Markdown into content trees and keeps the key when the correction is shown', () => {
    const { pack, quizKeys } = draftToPack(draft(true), { lessonId: 'l', classId: 'c', version: 2 });
    expect(pack.steps[0]).toEqual({
      id: 't',
      kind: 'text',
      body: [
        { t: 'h', level: 1, c: [{ t: 'text', v: 'Titre' }] },
        {
          t: 'p',
          c: [
            { t: 'text', v: 'Un ' },
            { t: 'em', c: [{ t: 'text', v: 'quart' }] },
            { t: 'text', v: '.' },
          ],
        },
      ],
    });
    expect(pack.steps[1]).toMatchObject({ kind: 'quiz', choices: [], correct: ['quatre', '4'] });
    expect(quizKeys).toHaveLength(1);
  });

  it('keeps the key out of the pack when the teacher keeps the correction, but still returns it for scoring', () => {
    const { pack, quizKeys } = draftToPack(draft(false), { lessonId: 'l', classId: 'c', version: 1 });
    expect(pack.steps[1]).not.toHaveProperty('correct');
    expect(quizKeys[0]!.correct).toEqual(['quatre', '4']);
  });

  it('never accepts an empty reply because of a blank accepted-answer line', () => {
    const { quizKeys } = draftToPack(draft(true), { lessonId: 'l', classId: 'c', version: 1 });
    expect(isCorrect(quizKeys[0]!, { kind: 'text', text: '' })).toBe(false);
    expect(isCorrect(quizKeys[0]!, { kind: 'text', text: ' QUATRE ' })).toBe(true);
  });
});
