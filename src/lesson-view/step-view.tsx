/**
 * One step of a lesson, whatever its kind: the view the pupil's player and the teacher's preview
 * share. It reads no pupil state: what differs between them comes in by props.
 */
import type { ComponentChildren } from 'preact';
import type { Answer, Answers, Step } from '../../protocol/index.ts';
import { ContentView } from '../ui/content-view.tsx';
import type { AttachmentStore } from './attachment-store.ts';
import { FreeTextStep } from './free-text-step.tsx';
import { MediaStep } from './media-step.tsx';
import { PhotoStep } from './photo-step.tsx';
import { QuizStep } from './quiz-step.tsx';
import { RecordingStep } from './recording-step.tsx';

export interface StepViewProps {
  step: Step;
  answers: Answers;
  checked: boolean;
  readOnly: boolean;
  /** Where photos and recordings keep their bytes (the pupil's device, or memory in the teacher's preview). */
  attachments: AttachmentStore;
  onAnswer: (answer: Answer) => void;
  onCheck: () => void;
  /**
   * What stands in for a media file left on the server (the pupil's data saver), or null to
   * show the file; the teacher's preview leaves it out.
   */
  mediaOnDemand?: (blob: string) => ComponentChildren | null;
}

/** One step, whatever its kind. */
export function StepView({
  step,
  answers,
  checked,
  readOnly,
  attachments,
  onAnswer,
  onCheck,
  mediaOnDemand,
}: StepViewProps) {
  switch (step.kind) {
    case 'text':
      return <ContentView content={step.body} />;
    case 'image':
    case 'audio':
    case 'video':
    case 'pdf':
      return <MediaStep step={step} onDemand={mediaOnDemand?.(step.media.blob) ?? null} />;
    case 'quiz':
      return (
        <QuizStep
          step={step}
          answer={answers[step.id]}
          checked={checked}
          readOnly={readOnly}
          onAnswer={onAnswer}
          onCheck={onCheck}
        />
      );
    case 'freeText':
      return <FreeTextStep step={step} answer={answers[step.id]} readOnly={readOnly} onAnswer={onAnswer} />;
    case 'photo':
      return (
        <PhotoStep
          step={step}
          answer={answers[step.id]}
          readOnly={readOnly}
          attachments={attachments}
          onAnswer={onAnswer}
        />
      );
    case 'recording':
      return (
        <RecordingStep
          step={step}
          answer={answers[step.id]}
          readOnly={readOnly}
          attachments={attachments}
          onAnswer={onAnswer}
        />
      );
  }
}
