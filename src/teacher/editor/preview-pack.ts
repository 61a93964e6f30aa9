/**
 * The pack a pupil would receive, built on the device from the draft for the
 * preview: the same Markdown rules as the server, and quiz keys only when the
 * teacher shows the correction.
 */
import type { DraftStep, LessonDraft } from '../../../protocol/lesson-draft.ts';
import { PACK_FORMAT, type LessonPack, type Step } from '../../../protocol/lesson-pack.ts';
import { markdownToContent } from '../../../protocol/markdown.ts';

export function previewPack(draft: LessonDraft, ids: { lessonId: string; classId: string }): LessonPack {
  return {
    format: PACK_FORMAT,
    id: ids.lessonId,
    version: 1,
    title: draft.title,
    classId: ids.classId,
    availableFrom: draft.availableFrom ?? new Date().toISOString(),
    dueAt: draft.dueAt,
    steps: draft.steps.map((step) => previewStep(step, draft.showCorrection)),
  };
}

const optional = <K extends string>(key: K, markdown: string | undefined) =>
  (markdown === undefined ? {} : { [key]: markdownToContent(markdown) }) as Partial<
    Record<K, ReturnType<typeof markdownToContent>>
  >;

function previewStep(step: DraftStep, showCorrection: boolean): Step {
  switch (step.kind) {
    case 'text':
      return { id: step.id, kind: 'text', body: markdownToContent(step.body) };
    case 'image':
      return {
        id: step.id,
        kind: 'image',
        media: step.media,
        alt: step.alt,
        ...optional('caption', step.caption),
      };
    case 'audio':
      return { id: step.id, kind: 'audio', media: step.media, ...optional('transcript', step.transcript) };
    case 'video':
      return { id: step.id, kind: 'video', media: step.media, ...optional('caption', step.caption) };
    case 'pdf':
      return { id: step.id, kind: 'pdf', media: step.media, title: step.title };
    case 'quiz':
      return {
        id: step.id,
        kind: 'quiz',
        question: step.question,
        prompt: markdownToContent(step.prompt),
        choices: step.question === 'short' ? [] : step.choices,
        ...(showCorrection ? { correct: step.correct.filter((c) => c.trim()) } : {}),
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
