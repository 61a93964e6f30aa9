/** A pupil's answers as text a teacher reads in a spreadsheet cell, in the order of the lesson's steps. */
import type { Answer, Answers } from '../../protocol/answers.ts';
import type { LessonPack } from '../../protocol/lesson-pack.ts';
import type { ExportLabels } from './export-labels.ts';

/** "2. <answer>" for each answered step, numbered as the pupil saw the steps; attachments by their zip path. */
export function readableAnswers(
  pack: LessonPack,
  answers: Answers,
  attachmentPathOf: (answer: Extract<Answer, { kind: 'attachment' }>) => string,
  labels: Pick<ExportLabels, 'photo' | 'recording'>,
): string[] {
  return pack.steps.flatMap((step, index) => {
    const answer = answers[step.id];
    if (!answer) return [];
    const number = `${index + 1}. `;
    switch (answer.kind) {
      case 'text':
        return [number + answer.text];
      case 'attachment':
        return [
          `${number}${step.kind === 'recording' ? labels.recording : labels.photo}: ${attachmentPathOf(answer)}`,
        ];
      case 'choice': {
        const labels = new Map(step.kind === 'quiz' ? step.choices.map((c) => [c.id, c.label]) : []);
        return [number + answer.selected.map((id) => labels.get(id) ?? id).join(', ')];
      }
    }
  });
}
