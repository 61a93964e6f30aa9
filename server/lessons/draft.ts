/** A lesson as the teacher writes it, before publishing: text fields are Markdown. */
import type { MediaRef } from '../../protocol/lesson-pack.ts';

export type DraftStep =
  | { id: string; kind: 'text'; body: string }
  | { id: string; kind: 'image'; media: MediaRef; alt: string; caption?: string }
  | { id: string; kind: 'audio'; media: MediaRef; transcript?: string }
  | { id: string; kind: 'video'; media: MediaRef; caption?: string }
  | { id: string; kind: 'pdf'; media: MediaRef; title: string }
  | {
      id: string;
      kind: 'quiz';
      question: 'single' | 'multiple' | 'short';
      prompt: string;
      choices: { id: string; label: string }[];
      /** Choice ids, or accepted answers for a short answer. */
      correct: string[];
    }
  | { id: string; kind: 'freeText'; prompt: string; maxLength?: number }
  | { id: string; kind: 'photo'; prompt: string }
  | { id: string; kind: 'recording'; prompt: string; maxSeconds: number };

export interface LessonDraft {
  title: string;
  availableFrom: string;
  dueAt: string | null;
  /** Put the quiz keys in the pack so the device corrects offline; otherwise only the teacher sees them. */
  showCorrection: boolean;
  steps: DraftStep[];
}
