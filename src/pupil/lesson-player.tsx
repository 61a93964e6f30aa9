/** The lesson player: one step at a time, every change saved on the device, then "hand in". */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Answer } from '../../protocol/index.ts';
import { newUuid } from '../../protocol/hash.ts';
import { isHandedIn, useAppState } from '../app/app-state.ts';
import { setLessonOpen } from '../app/sw-bridge.ts';
import { formatDateTime, t } from '../app/i18n.ts';
import { onDatabaseChanged } from '../store/connection.ts';
import { getDraft } from '../store/drafts.ts';
import type { Draft, LessonRecord } from '../store/records.ts';
import { createDraftSaver } from './draft-saver.ts';
import { profileAttachmentStore } from '../lesson-view/attachment-store.ts';
import { StepView } from '../lesson-view/step-view.tsx';
import { HandedInView } from './handed-in-view.tsx';
import { mediaOnDemand } from './on-demand-media.tsx';
import { SavedMark } from './saved-mark.tsx';

export function LessonPlayer({ lessonId }: { lessonId: string }) {
  const app = useAppState();
  /** The lesson whose player is on screen: when it turns handed in, its result takes the pupil's focus. */
  const playing = useRef<string | null>(null);
  const lesson = app.lessons.value.find((l) => l.lessonId === lessonId);
  if (!app.loaded.value) return null;
  if (!lesson) return <Message text={t('lessonMissing')} />;
  if (!app.isOpen(lesson))
    return <Message text={t('lessonLocked', { date: formatDateTime(lesson.availableFrom) })} />;
  // 'missing': some files vanished, but the pack is here; text and quizzes still work.
  if ((lesson.state !== 'ready' && lesson.state !== 'missing') || !lesson.pack)
    return <Message text={t('lessonNotReady')} />;
  const state = app.workStates.value.get(lessonId);
  if (isHandedIn(state)) {
    const justHandedIn = playing.current === lessonId;
    playing.current = null;
    return <HandedInView lesson={lesson} justHandedIn={justHandedIn} />;
  }
  playing.current = lessonId;
  return <Player key={`${lesson.lessonId}@${lesson.version}`} lesson={lesson} />;
}

function Message({ text }: { text: string }) {
  return (
    <section class="card narrow">
      <h1 tabIndex={-1}>{text}</h1>
      <p>
        <a href="/">← {t('backToList')}</a>
      </p>
    </section>
  );
}

function Player({ lesson }: { lesson: LessonRecord }) {
  const app = useAppState();
  const pack = lesson.pack!;
  const profileId = app.activeProfile.value!.id;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** A hand-in is under way: further clicks on "Oui, je rends" do nothing. */
  const [handingIn, setHandingIn] = useState(false);
  const handingInRef = useRef(false);
  /**
   * null until the first change; then whether the latest change is stored on the device. A signal
   * read by the mark alone: a save landing redraws the mark, not the whole player.
   */
  const saved = useSignal<boolean | null>(null);
  /** The latest change could not be stored on the device yet (it is kept on screen and retried). */
  const [saveFailed, setSaveFailed] = useState(false);
  /** A newer app version upgraded the database (another tab): this tab should be reloaded. */
  const [newerVersion, setNewerVersion] = useState(false);
  const saver = useMemo(
    () =>
      createDraftSaver(
        () => setSaveFailed(false),
        () => {
          setSaveFailed(true);
          saved.value = false;
        },
      ),
    [],
  );
  useEffect(() => onDatabaseChanged((change) => change === 'newerVersion' && setNewerVersion(true)), []);
  const attachments = useMemo(() => profileAttachmentStore(profileId), [profileId]);
  const title = useRef<HTMLHeadingElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const handInButton = useRef<HTMLButtonElement>(null);
  const confirmYes = useRef<HTMLButtonElement>(null);
  const opened = draft !== null;

  // The lesson appears once its draft is read: focus its title (the link clicked is gone by then).
  useEffect(() => {
    if (opened) title.current?.focus();
  }, [opened]);

  // `autofocus` does nothing on an element added after the page loaded: focus the answer to the question.
  useEffect(() => {
    if (confirming) confirmYes.current?.focus();
  }, [confirming]);

  useEffect(() => {
    // An app update waits while a lesson is open.
    setLessonOpen(true);
    return () => setLessonOpen(false);
  }, []);

  useEffect(() => {
    let live = true;
    void getDraft(profileId, lesson.lessonId).then((stored) => {
      if (!live) return;
      const fresh = stored && stored.lessonVersion === lesson.version ? stored : null;
      // Each attempt carries the UUID it will be handed in under (one hand-in per attempt).
      setDraft(
        fresh
          ? { ...fresh, submissionId: fresh.submissionId ?? newUuid() }
          : {
              profileId,
              lessonId: lesson.lessonId,
              lessonVersion: lesson.version,
              answers: {},
              stepIndex: 0,
              updatedAt: new Date().toISOString(),
              submissionId: newUuid(),
            },
      );
    });
    return () => {
      live = false;
    };
  }, [profileId, lesson.lessonId, lesson.version]);

  if (!draft) return null;
  const steps = pack.steps;
  const index = Math.min(draft.stepIndex, steps.length - 1);
  const step = steps[index]!;
  const last = index === steps.length - 1;

  const update = (change: Partial<Draft>) => {
    const next: Draft = { ...draft, ...change, updatedAt: new Date().toISOString() };
    // The write goes to the database first, and the player redraws while it is on its way.
    void saver.save(next).then(() => {
      // "Saved" only once the latest change is on the device, not an earlier one.
      saved.value = !saver.busy;
      app.markDraft(lesson.lessonId);
    });
    setDraft(next);
    saved.value = false;
  };
  const answer = (stepId: string, value: Answer) =>
    update({ answers: { ...draft.answers, [stepId]: value } });
  /** "Pas encore" (or Escape): the box closes, and the pupil is back on "Rendre mon travail". */
  const cancelHandIn = () => {
    setConfirming(false);
    queueMicrotask(() => handInButton.current?.focus());
  };
  const goTo = (i: number) => {
    update({ stepIndex: i });
    setConfirming(false);
    queueMicrotask(() => heading.current?.focus());
  };
  const handIn = async () => {
    // Two clicks can land before the next render: the ref guards synchronously.
    if (handingInRef.current) return;
    handingInRef.current = true;
    setHandingIn(true);
    try {
      await saver.flush().catch(() => undefined); // the hand-in below carries the answers anyway
      await app.handInLesson(lesson, draft.answers, draft.submissionId);
    } finally {
      handingInRef.current = false;
      setHandingIn(false);
    }
  };

  return (
    <article class="player" aria-labelledby="lesson-title">
      <p>
        <a href="/">← {t('backToList')}</a>
      </p>
      <h1 id="lesson-title" ref={title} tabIndex={-1}>
        {pack.title}
      </h1>
      <p class="step-counter" aria-live="polite">
        {t('stepOf', { n: index + 1, total: steps.length })}
        <SavedMark saved={saved} />
      </p>
      {saveFailed && (
        <p class="error" role="alert" data-testid="save-failed">
          {t('saveFailed')}
        </p>
      )}
      {newerVersion && (
        <p class="notice" role="alert" data-testid="newer-version">
          {t('newerVersionElsewhere')}{' '}
          <button
            type="button"
            class="secondary"
            disabled={saveFailed || saver.busy}
            onClick={() => void saver.flush().then(() => window.location.reload())}
          >
            {t('reloadNow')}
          </button>
        </p>
      )}
      <section class="step card" aria-label={t('stepOf', { n: index + 1, total: steps.length })}>
        <h2 ref={heading} tabIndex={-1} class="visually-hidden">
          {t('stepOf', { n: index + 1, total: steps.length })}
        </h2>
        <StepView
          step={step}
          answers={draft.answers}
          checked={(draft.checked ?? []).includes(step.id)}
          readOnly={false}
          attachments={attachments}
          onAnswer={(a) => answer(step.id, a)}
          onCheck={() => update({ checked: [...(draft.checked ?? []), step.id] })}
          mediaOnDemand={mediaOnDemand(app.lessons.value)}
        />
      </section>
      <nav class="step-nav" aria-label={t('stepOf', { n: index + 1, total: steps.length })}>
        <button type="button" class="secondary big" disabled={index === 0} onClick={() => goTo(index - 1)}>
          ← {t('previous')}
        </button>
        {last ? (
          <button type="button" class="primary big" ref={handInButton} onClick={() => setConfirming(true)}>
            {t('handIn')}
          </button>
        ) : (
          <button type="button" class="primary big" onClick={() => goTo(index + 1)}>
            {t('next')} →
          </button>
        )}
      </nav>
      {confirming && (
        <div
          class="confirm card"
          role="alertdialog"
          aria-labelledby="confirm-text"
          onKeyDown={(e) => e.key === 'Escape' && !handingIn && cancelHandIn()}
        >
          <p id="confirm-text">{t('handInConfirm')}</p>
          <button
            type="button"
            class="primary big"
            ref={confirmYes}
            disabled={handingIn}
            aria-busy={handingIn}
            onClick={() => void handIn()}
          >
            {t('handInYes')}
          </button>{' '}
          <button type="button" class="secondary big" onClick={cancelHandIn}>
            {t('handInNo')}
          </button>
        </div>
      )}
    </article>
  );
}
