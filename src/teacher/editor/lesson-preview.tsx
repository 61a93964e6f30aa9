/** The lesson exactly as a pupil sees it: the step view the pupil's player uses, fed a pack built from the draft. */
import { useMemo, useState } from 'preact/hooks';
import type { Answer, Answers } from '../../../protocol/answers.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { t } from '../../app/i18n.ts';
import { StepView } from '../../lesson-view/step-view.tsx';
import { memoryAttachmentStore } from '../../lesson-view/attachment-store.ts';
import { tt } from '../teacher-i18n.ts';
import { previewPack } from './preview-pack.ts';

export function LessonPreview(props: { draft: LessonDraft; lessonId: string; classId: string }) {
  const pack = useMemo(() => previewPack(props.draft, props), [props.draft, props.lessonId, props.classId]);
  // Answers given in the preview stay in memory: trying the lesson leaves nothing behind.
  const attachments = useMemo(() => memoryAttachmentStore(), []);
  const [answers, setAnswers] = useState<Answers>({});
  const [checked, setChecked] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const total = pack.steps.length;
  const step = pack.steps[Math.min(index, total - 1)];
  return (
    <section class="lesson-preview player" aria-labelledby="preview-title" data-testid="lesson-preview">
      <h2 id="preview-title">{tt('previewTitle')}</h2>
      <h3 class="preview-lesson-title">{pack.title || tt('untitled')}</h3>
      {step ? (
        <>
          <p class="step-counter">{tt('previewStep', { n: Math.min(index, total - 1) + 1, total })}</p>
          <div class="step card">
            <StepView
              key={step.id}
              step={step}
              answers={answers}
              checked={checked.includes(step.id)}
              readOnly={false}
              attachments={attachments}
              onAnswer={(a: Answer) => setAnswers({ ...answers, [step.id]: a })}
              onCheck={() => setChecked([...checked, step.id])}
            />
          </div>
          <nav class="step-nav" aria-label={tt('previewTitle')}>
            <button
              type="button"
              class="secondary"
              disabled={index === 0}
              onClick={() => setIndex(index - 1)}
            >
              ← {t('previous')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={index >= total - 1}
              onClick={() => setIndex(index + 1)}
            >
              {t('next')} →
            </button>
          </nav>
        </>
      ) : (
        <p>{tt('problem_no_steps')}</p>
      )}
    </section>
  );
}
