/** Draft → LessonPack: Markdown becomes content trees; keys stay out unless the correction is shown. */
import * as v from 'valibot';
import {
  LessonPackSchema,
  PACK_FORMAT,
  type LessonPack,
  type QuizStep,
  type Step,
} from '../../protocol/lesson-pack.ts';
import type { DraftStep, LessonDraft } from './draft.ts';
import { markdownToContent } from './markdown.ts';

export interface BuiltPack {
  pack: LessonPack;
  /** Every quiz step with its key, for scoring on the server whatever the pack shows. */
  quizKeys: QuizStep[];
}

/** Builds and validates the pack of one lesson version. */
export function buildPack(
  draft: LessonDraft,
  ids: { lessonId: string; classId: string; version: number },
): BuiltPack {
  const quizKeys: QuizStep[] = [];
  const steps = draft.steps.map((step): Step => {
    const built = buildStep(step);
    if (built.kind === 'quiz') {
      quizKeys.push({ ...built, correct: [...(step as Extract<DraftStep, { kind: 'quiz' }>).correct] });
      if (!draft.showCorrection) delete built.correct;
    }
    return built;
  });
  const pack = v.parse(LessonPackSchema, {
    format: PACK_FORMAT,
    id: ids.lessonId,
    version: ids.version,
    title: draft.title,
    classId: ids.classId,
    availableFrom: draft.availableFrom,
    dueAt: draft.dueAt,
    steps,
  });
  return { pack, quizKeys };
}

const optionalContent = (markdown: string | undefined) =>
  markdown === undefined ? {} : { caption: markdownToContent(markdown) };

function buildStep(step: DraftStep): Step {
  switch (step.kind) {
    case 'text':
      return { id: step.id, kind: 'text', body: markdownToContent(step.body) };
    case 'image':
      return {
        id: step.id,
        kind: 'image',
        media: step.media,
        alt: step.alt,
        ...optionalContent(step.caption),
      };
    case 'audio':
      return {
        id: step.id,
        kind: 'audio',
        media: step.media,
        ...(step.transcript === undefined ? {} : { transcript: markdownToContent(step.transcript) }),
      };
    case 'video':
      return { id: step.id, kind: 'video', media: step.media, ...optionalContent(step.caption) };
    case 'pdf':
      return { id: step.id, kind: 'pdf', media: step.media, title: step.title };
    case 'quiz':
      return {
        id: step.id,
        kind: 'quiz',
        question: step.question,
        prompt: markdownToContent(step.prompt),
        choices: step.choices.map((choice) => ({ id: choice.id, label: choice.label })),
        correct: [...step.correct],
      };
    case 'freeText':
      return {
        id: step.id,
        kind: 'freeText',
        prompt: markdownToContent(step.prompt),
        ...(step.maxLength === undefined ? {} : { maxLength: step.maxLength }),
      };
    case 'photo':
      return { id: step.id, kind: 'photo', prompt: markdownToContent(step.prompt) };
    case 'recording':
      return {
        id: step.id,
        kind: 'recording',
        prompt: markdownToContent(step.prompt),
        maxSeconds: step.maxSeconds,
      };
  }
}
