/** Blank lessons and steps as the editor creates them. */
import type { DraftStep, LessonDraft } from '../../../protocol/lesson-draft.ts';
import type { MediaRef } from '../../../protocol/lesson-pack.ts';
import { newUuid } from '../../../protocol/hash.ts';

export type StepKind = DraftStep['kind'];
export const STEP_KINDS: StepKind[] = [
  'text',
  'image',
  'audio',
  'video',
  'pdf',
  'quiz',
  'freeText',
  'photo',
  'recording',
];

export function emptyDraft(): LessonDraft {
  return { title: '', availableFrom: null, dueAt: null, showCorrection: true, steps: [] };
}

/**
 * Media steps start with an empty reference (size 0, all-zero hash) until a file
 * is uploaded; `missingMedia` reports them so the editor can refuse to publish.
 */
const NO_MEDIA: MediaRef = { blob: '0'.repeat(64), mime: '', size: 0, optional: false };

export function hasMedia(media: MediaRef): boolean {
  return media.size > 0 && media.blob !== NO_MEDIA.blob;
}

export function newStep(kind: StepKind): DraftStep {
  const id = newUuid();
  switch (kind) {
    case 'text':
      return { id, kind, body: '' };
    case 'image':
      return { id, kind, media: { ...NO_MEDIA }, alt: '' };
    case 'audio':
      return { id, kind, media: { ...NO_MEDIA } };
    case 'video':
      return { id, kind, media: { ...NO_MEDIA } };
    case 'pdf':
      return { id, kind, media: { ...NO_MEDIA }, title: '' };
    case 'quiz':
      return {
        id,
        kind,
        question: 'single',
        prompt: '',
        choices: [
          { id: newUuid(), label: '' },
          { id: newUuid(), label: '' },
        ],
        correct: [],
      };
    case 'freeText':
      return { id, kind, prompt: '' };
    case 'photo':
      return { id, kind, prompt: '' };
    case 'recording':
      return { id, kind, prompt: '', maxSeconds: 60 };
  }
}
