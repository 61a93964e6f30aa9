/** A handed-in lesson in the pupil's player: the answers as sent, their delivery state, the teacher's feedback. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import type { LessonRecord } from '../store/records.ts';
import { profileAttachmentStore } from '../lesson-view/attachment-store.ts';
import { StepView } from '../lesson-view/step-view.tsx';
import { FeedbackList } from './feedback-list.tsx';
import { HandedInElsewhere } from './handed-in-elsewhere.tsx';
import { WorkStateLabel } from './work-state-label.tsx';
import { latestFirst } from '../store/time-order.ts';

/**
 * A handed-in lesson: the answers as sent, their delivery state, and the teacher's feedback.
 * `justHandedIn`: it replaces the player the pupil was on, scrolled down to the hand-in button.
 */
export function HandedInView({ lesson, justHandedIn }: { lesson: LessonRecord; justHandedIn: boolean }) {
  const app = useAppState();
  const result = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!justHandedIn) return;
    // Back to the top, so nothing of "Travail rendu" is cut off, and the result is what is read next.
    window.scrollTo(0, 0);
    result.current?.focus({ preventScroll: true });
  }, []);
  const record = [...app.handedIn.value]
    .filter((h) => h.submission.lessonId === lesson.lessonId)
    .sort((a, b) => latestFirst(a.submission.handedInAt, b.submission.handedInAt))[0];
  const state = app.workStates.value.get(lesson.lessonId);
  // Handed in from another device: its answers are there, so none are shown here.
  const elsewhere = state?.kind === 'handedIn' ? state.elsewhere : undefined;
  const answers = record?.submission.answers ?? {};
  const attachments = useMemo(
    () => profileAttachmentStore(app.activeProfile.value!.id),
    [app.activeProfile.value],
  );
  return (
    <article class="player" aria-labelledby="lesson-title">
      <p>
        <a href="/">← {t('backToList')}</a>
      </p>
      <h1 id="lesson-title" tabIndex={-1}>
        {lesson.pack!.title}
      </h1>
      <section class="card" aria-label={t('handedInTitle')}>
        <h2 ref={result} tabIndex={-1}>
          {t('handedInTitle')}
        </h2>
        <p data-testid="work-state">
          <WorkStateLabel state={state} />
        </p>
        {state?.kind === 'waiting' && <p>{t('handedInWaiting')}</p>}
        {elsewhere && <HandedInElsewhere handedInAt={elsewhere.handedInAt} dueAt={lesson.dueAt} />}
      </section>
      <FeedbackList lessonId={lesson.lessonId} />
      {lesson.pack!.steps.map((step) =>
        !elsewhere && (step.kind === 'quiz' || step.kind === 'freeText') ? (
          <section key={step.id} class="card step">
            <StepView
              step={step}
              answers={answers}
              checked
              readOnly
              attachments={attachments}
              onAnswer={() => undefined}
              onCheck={() => undefined}
            />
          </section>
        ) : null,
      )}
      <p>
        <button type="button" class="secondary" onClick={() => navigate('/')}>
          {t('backToList')}
        </button>
      </p>
    </article>
  );
}
