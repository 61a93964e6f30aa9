/** The fields of one step by kind: media steps share their file field, written answers their prompt. */
import type { DraftStep } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { InputField } from '../teacher-ui.tsx';
import { MarkdownField } from './markdown-field.tsx';
import { MediaField } from './media-field.tsx';
import { QuizEditor } from './quiz-editor.tsx';

interface FieldProps<S extends DraftStep> {
  step: S;
  base: string;
  onChange: (step: DraftStep) => void;
}

/** A one-line text of at most 500 characters (an image's alternative text, a PDF's title). */
function ShortTextField(props: { label: string; value: string; onInput: (value: string) => void }) {
  return (
    <InputField
      label={props.label}
      value={props.value}
      maxLength={500}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** A whole number between min and max; `onValue` gets what was typed (NaN when emptied). */
function NumberField(props: {
  label: string;
  min: number;
  max: number;
  value: number | '';
  onValue: (value: number) => void;
}) {
  const { onValue, ...field } = props;
  return <InputField {...field} type="number" onInput={(e) => onValue(e.currentTarget.valueAsNumber)} />;
}

type MediaStep = Extract<DraftStep, { media: unknown }>;

/** An image, sound, video or PDF: the file, then the text that goes with it. */
function MediaStepFields({ step, base, onChange }: FieldProps<MediaStep>) {
  /** The Markdown that goes with the file: a caption (rows 2) or a sound's transcript (rows 3). */
  const words = (
    field: 'caption' | 'transcript',
    value: string | undefined,
    set: (text: string) => DraftStep,
  ) => (
    <MarkdownField
      id={`${base}-${field}`}
      label={tt(field)}
      value={value ?? ''}
      rows={field === 'caption' ? 2 : 3}
      onInput={(text) => onChange(set(text))}
    />
  );
  return (
    <>
      <MediaField
        id={`${base}-file`}
        kind={step.kind}
        media={step.media}
        onChange={(media) => onChange({ ...step, media })}
      />
      {step.kind === 'image' && (
        <>
          <ShortTextField
            label={tt('altText')}
            value={step.alt}
            onInput={(alt) => onChange({ ...step, alt })}
          />
          {words('caption', step.caption, (caption) => ({ ...step, caption }))}
        </>
      )}
      {step.kind === 'audio' &&
        words('transcript', step.transcript, (transcript) => ({ ...step, transcript }))}
      {step.kind === 'video' && words('caption', step.caption, (caption) => ({ ...step, caption }))}
      {step.kind === 'pdf' && (
        <ShortTextField
          label={tt('pdfTitle')}
          value={step.title}
          onInput={(title) => onChange({ ...step, title })}
        />
      )}
    </>
  );
}

type WrittenStep = Extract<DraftStep, { kind: 'freeText' | 'photo' | 'recording' }>;

/** A free text, a photo or a recording: the prompt, then the limit of the answer. */
function AnswerStepFields({ step, base, onChange }: FieldProps<WrittenStep>) {
  return (
    <>
      <MarkdownField
        id={`${base}-prompt`}
        label={tt('prompt')}
        value={step.prompt}
        onInput={(prompt) => onChange({ ...step, prompt })}
      />
      {step.kind === 'freeText' && (
        <NumberField
          label={tt('maxLength')}
          min={1}
          max={20000}
          value={step.maxLength ?? ''}
          onValue={(value) => {
            const { maxLength: _old, ...rest } = step;
            onChange(Number.isFinite(value) && value > 0 ? { ...rest, maxLength: value } : rest);
          }}
        />
      )}
      {step.kind === 'recording' && (
        <NumberField
          label={tt('maxSeconds')}
          min={5}
          max={600}
          value={step.maxSeconds}
          onValue={(typed) => {
            const value = Math.round(typed);
            if (Number.isFinite(value)) onChange({ ...step, maxSeconds: Math.min(600, Math.max(5, value)) });
          }}
        />
      )}
    </>
  );
}

/** The fields of a step of any kind. */
export function StepFields({ step, base, onChange }: FieldProps<DraftStep>) {
  switch (step.kind) {
    case 'text':
      return (
        <MarkdownField
          id={`${base}-body`}
          label={tt('markdownBody')}
          value={step.body}
          rows={8}
          onInput={(body) => onChange({ ...step, body })}
        />
      );
    case 'quiz':
      return <QuizEditor step={step} onChange={onChange} />;
    case 'image':
    case 'audio':
    case 'video':
    case 'pdf':
      return <MediaStepFields step={step} base={base} onChange={onChange} />;
    default:
      return <AnswerStepFields step={step} base={base} onChange={onChange} />;
  }
}
