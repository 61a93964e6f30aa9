/** The list of what to fix before publishing, each step's problem a link to that step's first field. */
import type { RefObject } from 'preact';
import type { DraftStep } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { problemText, type EditorProblem } from './draft-problems.tsx';

export function ProblemSummary(props: {
  problems: EditorProblem[];
  steps: DraftStep[];
  summary: RefObject<HTMLDivElement>;
}) {
  if (props.problems.length === 0) return null;
  const stepName = (stepId: string) => {
    const index = props.steps.findIndex((s) => s.id === stepId);
    return tt('stepN', { n: index + 1, kind: tt(`kind_${props.steps[index]?.kind ?? 'text'}`) });
  };
  return (
    <div
      class="problem-summary card"
      role="alert"
      tabIndex={-1}
      ref={props.summary}
      data-testid="publish-problems"
    >
      <p>{tt('fixBeforePublish')}</p>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i}>
            {'stepId' in p ? (
              <a href={`#step-${p.stepId}`} onClick={(e) => focusStep(e, p.stepId)}>
                {stepName(p.stepId)} — {problemText(p)}
              </a>
            ) : (
              problemText(p)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusStep(event: Event, stepId: string): void {
  event.preventDefault();
  document.querySelector<HTMLElement>(`#step-${stepId} input, #step-${stepId} textarea`)?.focus();
}
