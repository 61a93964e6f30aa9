/** A quiz step: question type, prompt, choices with their correct marks, or accepted short answers. */
import type { DraftStep } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { MarkdownField } from './markdown-field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { newUuid } from '../../../protocol/hash.ts';

type Quiz = Extract<DraftStep, { kind: 'quiz' }>;

export function QuizEditor({ step, onChange }: { step: Quiz; onChange: (step: Quiz) => void }) {
  const base = `step-${step.id}`;
  const setQuestion = (question: Quiz['question']) =>
    // A single-choice key keeps at most one answer; a short answer's key is text, not choice ids.
    onChange({
      ...step,
      question,
      correct:
        question === 'short'
          ? step.question === 'short'
            ? step.correct
            : []
          : step.question === 'short'
            ? []
            : question === 'single'
              ? step.correct.slice(0, 1)
              : step.correct,
    });
  const toggleCorrect = (choiceId: string, on: boolean) => {
    const others = step.correct.filter((id) => id !== choiceId);
    onChange({
      ...step,
      correct: on ? (step.question === 'single' ? [choiceId] : [...others, choiceId]) : others,
    });
  };

  return (
    <div class="quiz-editor">
      <fieldset>
        <legend>{tt('questionType')}</legend>
        {(['single', 'multiple', 'short'] as const).map((q) => (
          <label key={q} class="check">
            <input
              type="radio"
              name={`${base}-type`}
              checked={step.question === q}
              onChange={() => setQuestion(q)}
            />
            <span>{tt(q)}</span>
          </label>
        ))}
      </fieldset>
      <MarkdownField
        id={`${base}-prompt`}
        label={tt('prompt')}
        value={step.prompt}
        onInput={(prompt) => onChange({ ...step, prompt })}
      />
      {step.question === 'short' ? (
        <label class="field">
          <span>{tt('acceptedAnswers')}</span>
          <textarea
            rows={3}
            value={step.correct.join('\n')}
            onInput={(e) => onChange({ ...step, correct: e.currentTarget.value.split('\n') })}
          />
        </label>
      ) : (
        <fieldset>
          <legend>{tt('choices')}</legend>
          <ol class="choice-rows">
            {step.choices.map((choice, i) => (
              <li key={choice.id}>
                <label class="field">
                  <span>{tt('choiceN', { n: i + 1 })}</span>
                  <input
                    value={choice.label}
                    maxLength={500}
                    onInput={(e) =>
                      onChange({
                        ...step,
                        choices: step.choices.map((c) =>
                          c.id === choice.id ? { ...c, label: e.currentTarget.value } : c,
                        ),
                      })
                    }
                  />
                </label>
                <label class="check">
                  <input
                    type={step.question === 'single' ? 'radio' : 'checkbox'}
                    name={`${base}-correct`}
                    checked={step.correct.includes(choice.id)}
                    onChange={(e) => toggleCorrect(choice.id, e.currentTarget.checked)}
                  />
                  <span>
                    {tt('isCorrect')}
                    <span class="visually-hidden"> — {tt('choiceN', { n: i + 1 })}</span>
                  </span>
                </label>
                <button
                  type="button"
                  class="secondary"
                  aria-label={tt('removeChoice', { n: i + 1 })}
                  onClick={() =>
                    onChange({
                      ...step,
                      choices: step.choices.filter((c) => c.id !== choice.id),
                      correct: step.correct.filter((id) => id !== choice.id),
                    })
                  }
                >
                  <Icon name="cross" />
                </button>
              </li>
            ))}
          </ol>
          {step.choices.length < 20 && (
            <button
              type="button"
              class="secondary"
              onClick={() => onChange({ ...step, choices: [...step.choices, { id: newUuid(), label: '' }] })}
            >
              + {tt('addChoice')}
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
