/** One quiz question: single choice (radios), multiple choice (checkboxes) or short answer. */
import { useEffect, useRef } from 'preact/hooks';
import type { Answer, QuizStep as QuizStepData } from '../../protocol/index.ts';
import { isCorrect } from '../../protocol/quiz.ts';
import { t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';

interface Props {
  step: QuizStepData;
  answer: Answer | undefined;
  checked: boolean;
  readOnly: boolean;
  onAnswer: (answer: Answer) => void;
  onCheck: () => void;
}

export function QuizStep({ step, answer, checked, readOnly, onAnswer, onCheck }: Props) {
  const frozen = readOnly || checked;
  const selected = answer?.kind === 'choice' ? answer.selected : [];
  const promptId = `prompt-${step.id}`;
  /** Set by a click on "Vérifier": the button goes away, so focus moves to the correction it brings. */
  const justChecked = useRef(false);
  const result = useRef<HTMLElement>(null);
  useEffect(() => {
    if (checked && justChecked.current) result.current?.focus();
    justChecked.current = false;
  }, [checked]);

  const toggle = (choiceId: string, on: boolean) => {
    if (step.question === 'single') onAnswer({ kind: 'choice', selected: [choiceId] });
    else {
      const next = on
        ? [...selected.filter((id) => id !== choiceId), choiceId]
        : selected.filter((id) => id !== choiceId);
      onAnswer({ kind: 'choice', selected: next });
    }
  };

  return (
    <fieldset class="quiz" aria-describedby={checked ? `result-${step.id}` : undefined}>
      <legend id={promptId}>
        <ContentView content={step.prompt} />
      </legend>
      {step.question === 'short' ? (
        <label class="field">
          <span>{t('yourAnswer')}</span>
          <input
            type="text"
            autocomplete="off"
            value={answer?.kind === 'text' ? answer.text : ''}
            readOnly={frozen}
            onInput={(e) => onAnswer({ kind: 'text', text: e.currentTarget.value })}
          />
        </label>
      ) : (
        <ul class="choices" role="list">
          {step.choices.map((choice) => (
            <li key={choice.id}>
              <label class="choice">
                <input
                  type={step.question === 'single' ? 'radio' : 'checkbox'}
                  name={`q-${step.id}`}
                  value={choice.id}
                  checked={selected.includes(choice.id)}
                  disabled={frozen}
                  onChange={(e) => toggle(choice.id, e.currentTarget.checked)}
                />
                <span>{choice.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {!frozen && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            justChecked.current = true;
            onCheck();
          }}
          disabled={!answer}
        >
          {t('check')}
        </button>
      )}
      {checked && <Correction step={step} answer={answer} focusRef={result} />}
    </fieldset>
  );
}

/** The correction, computed on the device from the pack's key (works offline). */
function Correction({
  step,
  answer,
  focusRef,
}: {
  step: QuizStepData;
  answer: Answer | undefined;
  /** Focused right after "Vérifier": the pupil carries on from the correction, not from the page's top. */
  focusRef: { current: HTMLElement | null };
}) {
  const verdict = isCorrect(step, answer);
  if (verdict === null) {
    return (
      <p
        id={`result-${step.id}`}
        class="note"
        role="status"
        ref={(el) => void (focusRef.current = el)}
        tabIndex={-1}
      >
        {t('correctionHidden')}
      </p>
    );
  }
  const key = step.correct ?? [];
  const expected =
    step.question === 'short'
      ? (key[0] ?? '')
      : step.choices
          .filter((c) => key.includes(c.id))
          .map((c) => c.label)
          .join(', ');
  return (
    <div
      id={`result-${step.id}`}
      class={verdict ? 'result good' : 'result bad'}
      role="status"
      ref={(el) => void (focusRef.current = el)}
      tabIndex={-1}
    >
      <p>{verdict ? t('correct') : t('incorrect')}</p>
      {!verdict && <p>{t('correctAnswerIs', { answer: expected })}</p>}
    </div>
  );
}
