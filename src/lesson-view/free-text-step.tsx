/** A written answer, saved at every keystroke by the player; its limit shown, and never a silent cut. */
import { useMemo, useState } from 'preact/hooks';
import type { Answer, Step } from '../../protocol/index.ts';
import { locale, t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';
import { answerLimit, fitInsertion, limitState } from './answer-limit.ts';

type FreeText = Extract<Step, { kind: 'freeText' }>;

const numberFormats = new Map<string, Intl.NumberFormat>();
/** "1 850" / "1,850", with one formatter per language (this runs at every keystroke). */
function formatCount(n: number): string {
  let format = numberFormats.get(locale.value);
  if (!format) numberFormats.set(locale.value, (format = new Intl.NumberFormat(locale.value)));
  return format.format(n);
}

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
  const limit = answerLimit(step.maxLength);
  const text = answer?.kind === 'text' ? answer.text : '';
  /** Characters the latest paste or drop could not add (0: it all fitted). */
  const [notAdded, setNotAdded] = useState(0);
  // Plural forms pick by the number; "2 000" reads as a plural, as it is.
  const max = formatCount(limit);
  const state = limitState(text.length, limit);

  /** A paste or drop longer than the room left: what fits goes in, and the pupil is told the rest did not. */
  const onBeforeInput = (e: InputEvent) => {
    if (e.inputType !== 'insertFromPaste' && e.inputType !== 'insertFromDrop') return;
    const area = e.currentTarget as HTMLTextAreaElement;
    const inserted = e.data ?? e.dataTransfer?.getData('text/plain') ?? '';
    const { selectionStart: start, selectionEnd: end } = area;
    const { kept, dropped } = fitInsertion(inserted, limit - area.value.length + (end - start));
    setNotAdded(dropped);
    if (dropped === 0) return;
    // Otherwise maxlength would cut it without a word.
    e.preventDefault();
    if (!kept) return;
    // insertText keeps the browser's undo and fires `input`, the same save path as a keystroke.
    if (!document.execCommand('insertText', false, kept)) {
      area.setRangeText(kept, start, end, 'end');
      onAnswer({ kind: 'text', text: area.value });
    }
  };

  return (
    <div class="free-text">
      {prompt}
      <label for={id}>{t('yourAnswer')}</label>
      <textarea
        id={id}
        rows={8}
        maxLength={limit}
        value={text}
        readOnly={readOnly}
        aria-describedby={readOnly ? undefined : `${id}-limit ${id}-cut`}
        onBeforeInput={readOnly ? undefined : onBeforeInput}
        onInput={(e) => onAnswer({ kind: 'text', text: e.currentTarget.value })}
      />
      {!readOnly && (
        <>
          <p
            id={`${id}-limit`}
            class={state === 'far' ? 'answer-length hint' : 'answer-length warn'}
            data-testid="answer-length"
          >
            {t('answerLength', { count: formatCount(text.length), max })}
          </p>
          {/* Always there, so that what appears in it is announced; its words change only when
              the limit comes near or is reached, not at every keystroke. */}
          <p class="visually-hidden" role="status" data-testid="answer-limit-status">
            {state === 'near'
              ? t('answerNearLimit', { max })
              : state === 'reached'
                ? t('answerAtLimit', { max })
                : ''}
          </p>
          <p
            id={`${id}-cut`}
            class="notice"
            role="alert"
            data-testid="answer-paste-cut"
            hidden={notAdded === 0}
          >
            {notAdded > 0 ? t('answerPasteCut', { dropped: formatCount(notAdded), max }) : ''}
          </p>
        </>
      )}
    </div>
  );
}
