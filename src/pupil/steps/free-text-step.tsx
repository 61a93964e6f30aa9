/** A written answer, saved at every keystroke by the player. */
import { useMemo } from 'preact/hooks';
import type { Answer, Step } from '../../../protocol/index.ts';
import { t } from '../../app/i18n.ts';
import { ContentView } from '../../ui/content-view.tsx';

type FreeText = Extract<Step, { kind: 'freeText' }>;

export function FreeTextStep(props: {
  step: FreeText;
  answer: Answer | undefined;
  readOnly: boolean;
  onAnswer: (a: Answer) => void;
}) {
  const { step, answer, readOnly, onAnswer } = props;
  const id = `answer-${step.id}`;
  // The same element for the same prompt: Preact skips it at every keystroke's render.
  const prompt = useMemo(() => <ContentView content={step.prompt} />, [step.prompt]);
  return (
    <div class="free-text">
      {prompt}
      <label for={id}>{t('yourAnswer')}</label>
      <textarea
        id={id}
        rows={8}
        maxLength={step.maxLength ?? 20_000}
        value={answer?.kind === 'text' ? answer.text : ''}
        readOnly={readOnly}
        onInput={(e) => onAnswer({ kind: 'text', text: e.currentTarget.value })}
      />
    </div>
  );
}
