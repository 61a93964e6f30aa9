/**
 * A draft rebuilt from a published pack, for lessons published before the
 * server kept drafts: text comes back as plain paragraphs (emphasis and links
 * are lost), everything else as it was, so the teacher can edit and republish.
 */
import { contentToText, type Content } from '../../protocol/content.ts';
import type { LessonPack, QuizStep } from '../../protocol/lesson-pack.ts';
import type { DraftStep, LessonDraft } from '../../protocol/lesson-draft.ts';

const text = (content: Content | undefined) => (content === undefined ? undefined : contentToText(content));

/** The editable draft of a published pack, with the server-side quiz keys. */
export function draftFromPack(pack: LessonPack, quizKeys: QuizStep[]): LessonDraft {
  const keys = new Map(quizKeys.map((step) => [step.id, step.correct ?? []]));
  const steps = pack.steps.map((step): DraftStep => {
    switch (step.kind) {
      case 'text':
        return { id: step.id, kind: 'text', body: contentToText(step.body) };
      case 'image':
        return {
          id: step.id,
          kind: 'image',
          media: step.media,
          alt: step.alt,
          ...optional('caption', text(step.caption)),
        };
      case 'audio':
        return {
          id: step.id,
          kind: 'audio',
          media: step.media,
          ...optional('transcript', text(step.transcript)),
        };
      case 'video':
        return { id: step.id, kind: 'video', media: step.media, ...optional('caption', text(step.caption)) };
      case 'pdf':
        return { id: step.id, kind: 'pdf', media: step.media, title: step.title };
      case 'quiz':
        return {
          id: step.id,
          kind: 'quiz',
          question: step.question,
          prompt: contentToText(step.prompt),
          choices: step.choices,
          correct: keys.get(step.id) ?? step.correct ?? [],
        };
      case 'freeText':
        return {
          id: step.id,
          kind: 'freeText',
          prompt: contentToText(step.prompt),
          ...optional('maxLength', step.maxLength),
        };
      case 'photo':
        return { id: step.id, kind: 'photo', prompt: contentToText(step.prompt) };
      case 'recording':
        return {
          id: step.id,
          kind: 'recording',
          prompt: contentToText(step.prompt),
          maxSeconds: step.maxSeconds,
        };
    }
  });
  const showCorrection = pack.steps.some((s) => s.kind === 'quiz' && s.correct !== undefined);
  return { title: pack.title, availableFrom: pack.availableFrom, dueAt: pack.dueAt, showCorrection, steps };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
