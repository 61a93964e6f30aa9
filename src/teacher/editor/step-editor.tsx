/** One step in the editor: its fields by kind, its problems next to them, and move / delete buttons. */
import type { DraftStep } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { ConfirmButton } from '../teacher-ui.tsx';
import { ProblemList, type EditorProblem } from './draft-problems.tsx';
import { MarkdownField } from './markdown-field.tsx';
import { MediaField } from './media-field.tsx';
import { QuizEditor } from './quiz-editor.tsx';

interface Props {
  step: DraftStep;
  index: number;
  count: number;
  problems: EditorProblem[];
  onChange: (step: DraftStep) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}

export function StepEditor({ step, index, count, problems, onChange, onMove, onDelete }: Props) {
  const n = index + 1;
  const base = `step-${step.id}`;
  return (
    <fieldset class="step-editor card" data-step-kind={step.kind} id={base}>
      <legend>{tt('stepN', { n, kind: tt(`kind_${step.kind}`) })}</legend>
      <ProblemList problems={problems} id={`${base}-problems`} />
      <StepFields step={step} base={base} onChange={onChange} />
      <div class="actions">
        <button
          type="button"
          class="secondary"
          data-move="up"
          disabled={index === 0}
          aria-label={tt('moveUpStep', { n })}
          onClick={() => onMove(-1)}
        >
          ↑ {tt('moveUp')}
        </button>
        <button
          type="button"
          class="secondary"
          data-move="down"
          disabled={index === count - 1}
          aria-label={tt('moveDownStep', { n })}
          onClick={() => onMove(1)}
        >
          ↓ {tt('moveDown')}
        </button>
        <ConfirmButton
          label={tt('deleteStep', { n })}
          class="danger"
          question={tt('confirmDeleteStep')}
          onConfirm={onDelete}
        />
      </div>
    </fieldset>
  );
}

function StepFields({
  step,
  base,
  onChange,
}: {
  step: DraftStep;
  base: string;
  onChange: (step: DraftStep) => void;
}) {
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
    case 'image':
      return (
        <>
          <MediaField
            id={`${base}-file`}
            kind="image"
            media={step.media}
            onChange={(media) => onChange({ ...step, media })}
          />
          <label class="field">
            <span>{tt('altText')}</span>
            <input
              value={step.alt}
              maxLength={500}
              onInput={(e) => onChange({ ...step, alt: e.currentTarget.value })}
            />
          </label>
          <MarkdownField
            id={`${base}-caption`}
            label={tt('caption')}
            value={step.caption ?? ''}
            rows={2}
            onInput={(caption) => onChange({ ...step, caption })}
          />
        </>
      );
    case 'audio':
      return (
        <>
          <MediaField
            id={`${base}-file`}
            kind="audio"
            media={step.media}
            onChange={(media) => onChange({ ...step, media })}
          />
          <MarkdownField
            id={`${base}-transcript`}
            label={tt('transcript')}
            value={step.transcript ?? ''}
            rows={3}
            onInput={(transcript) => onChange({ ...step, transcript })}
          />
        </>
      );
    case 'video':
      return (
        <>
          <MediaField
            id={`${base}-file`}
            kind="video"
            media={step.media}
            onChange={(media) => onChange({ ...step, media })}
          />
          <MarkdownField
            id={`${base}-caption`}
            label={tt('caption')}
            value={step.caption ?? ''}
            rows={2}
            onInput={(caption) => onChange({ ...step, caption })}
          />
        </>
      );
    case 'pdf':
      return (
        <>
          <MediaField
            id={`${base}-file`}
            kind="pdf"
            media={step.media}
            onChange={(media) => onChange({ ...step, media })}
          />
          <label class="field">
            <span>{tt('pdfTitle')}</span>
            <input
              value={step.title}
              maxLength={500}
              onInput={(e) => onChange({ ...step, title: e.currentTarget.value })}
            />
          </label>
        </>
      );
    case 'quiz':
      return <QuizEditor step={step} onChange={onChange} />;
    case 'freeText':
      return (
        <>
          <MarkdownField
            id={`${base}-prompt`}
            label={tt('prompt')}
            value={step.prompt}
            onInput={(prompt) => onChange({ ...step, prompt })}
          />
          <label class="field">
            <span>{tt('maxLength')}</span>
            <input
              type="number"
              min={1}
              max={20000}
              value={step.maxLength ?? ''}
              onInput={(e) => {
                const value = e.currentTarget.valueAsNumber;
                const { maxLength: _old, ...rest } = step;
                onChange(Number.isFinite(value) && value > 0 ? { ...rest, maxLength: value } : rest);
              }}
            />
          </label>
        </>
      );
    case 'photo':
      return (
        <MarkdownField
          id={`${base}-prompt`}
          label={tt('prompt')}
          value={step.prompt}
          onInput={(prompt) => onChange({ ...step, prompt })}
        />
      );
    case 'recording':
      return (
        <>
          <MarkdownField
            id={`${base}-prompt`}
            label={tt('prompt')}
            value={step.prompt}
            onInput={(prompt) => onChange({ ...step, prompt })}
          />
          <label class="field">
            <span>{tt('maxSeconds')}</span>
            <input
              type="number"
              min={5}
              max={600}
              value={step.maxSeconds}
              onInput={(e) => {
                const value = Math.round(e.currentTarget.valueAsNumber);
                if (Number.isFinite(value))
                  onChange({ ...step, maxSeconds: Math.min(600, Math.max(5, value)) });
              }}
            />
          </label>
        </>
      );
  }
}
