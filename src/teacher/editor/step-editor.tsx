/** One step in the editor: its fields by kind, its problems next to them, and move / delete buttons. */
import type { DraftStep } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { ConfirmButton } from '../teacher-ui.tsx';
import { ProblemList, type EditorProblem } from './draft-problems.tsx';
import { StepFields } from './step-fields.tsx';

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
