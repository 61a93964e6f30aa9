/** The pupil's home: lessons to do today (and overdue), upcoming (locked), handed in; séances under their sequence. */
import { isHandedIn, useAppState } from '../app/app-state.ts';
import { formatDateTime, t, type MessageKey } from '../app/i18n.ts';
import type { LessonRecord } from '../store/records.ts';
import { dueState, dueText } from './due-line.ts';
import { OnDemandMedia } from './on-demand-media.tsx';
import { SyncSummary } from './sync-summary.tsx';
import { UnreadFeedback } from './unread-feedback.tsx';
import { WorkStateLabel } from './work-state-label.tsx';
import { Icon } from '../ui/icon.tsx';
import { offlineUnavailable } from '../sync/offline-capable.ts';
import { earliestFirst } from '../store/time-order.ts';
import { WeekLoader } from './week-loader.ts';

function downloadText(lesson: LessonRecord): string {
  if (lesson.state === 'ready') return t(offlineUnavailable() ? 'readyOnlineOnly' : 'readyOffline');
  if (lesson.state === 'downloading') return t('downloading');
  if (lesson.state === 'missing') return t('downloadMissing', { count: lesson.missingFiles ?? 1 });
  if (lesson.state === 'error') {
    if (lesson.error === 'quota') return t('downloadErrorQuota');
    if (lesson.error === 'hash_mismatch' || lesson.error === 'bad_pack')
      return t('downloadErrorHashMismatch');
    return t('downloadError');
  }
  return t('notDownloaded');
}

function LessonCard({
  lesson,
  locked,
  inSequence,
}: {
  lesson: LessonRecord;
  locked: boolean;
  inSequence?: boolean;
}) {
  const app = useAppState();
  // Under its sequence's heading, a séance's title is one level deeper.
  const Title = inSequence ? 'h4' : 'h3';
  const state = app.workStates.value.get(lesson.lessonId);
  // The latest hand-in of this lesson (delivered or still on the device, or from another
  // device of the pupil's): when it was handed in.
  const handedInAt =
    state?.kind === 'handedIn' && state.elsewhere
      ? state.elsewhere.handedInAt
      : isHandedIn(state)
        ? app.handedIn.value
            .filter((h) => h.submission.lessonId === lesson.lessonId)
            .map((h) => h.submission.handedInAt)
            .sort()
            .at(-1)
        : undefined;
  const due = dueState(lesson.dueAt, handedInAt, app.serverNow.value);
  const newFeedback = app.unreadFeedback.value.some((f) => f.lessonId === lesson.lessonId);
  // A lesson missing some files still opens: its text and quizzes are on the device.
  const canOpen = (lesson.state === 'ready' || lesson.state === 'missing') && !!lesson.pack && !locked;
  return (
    <li
      class="lesson-card"
      data-lesson-id={lesson.lessonId}
      data-available-from={lesson.availableFrom}
      data-ready={lesson.state === 'ready' ? 'true' : 'false'}
    >
      {lesson.sequence && (
        <p class="sequence-line" data-testid="sequence-line">
          {t('seanceOf', {
            title: lesson.sequence.title,
            position: lesson.sequence.position,
            count: lesson.sequence.count,
          })}
        </p>
      )}
      <Title>
        {canOpen ? (
          <a href={`/lesson/${encodeURIComponent(lesson.lessonId)}`}>{lesson.title}</a>
        ) : (
          lesson.title
        )}
      </Title>
      <p
        class={due === 'missingLate' && !locked ? 'when late' : 'when'}
        data-due-state={locked ? 'locked' : due}
      >
        {locked ? (
          <>
            <Icon name="lock" /> {t('opensAt', { date: formatDateTime(lesson.availableFrom) })}
          </>
        ) : due ? (
          dueText(due, lesson.dueAt, handedInAt)
        ) : null}
      </p>
      <p class="badges">
        <span class={`badge download-${lesson.state}`} data-download-state={lesson.state}>
          {downloadText(lesson)}
        </span>{' '}
        {!locked && <WorkStateLabel state={state} />}
        {newFeedback && (
          <>
            {' '}
            <span class="badge feedback-new" data-testid="unread-feedback-badge">
              <Icon name="message" /> {t('feedbackUnreadBadge')}
            </span>
          </>
        )}
      </p>
      {lesson.mediaOnDemand?.map((media) => (
        <OnDemandMedia key={media.blob} lessonId={lesson.lessonId} media={media} />
      ))}
    </li>
  );
}

/**
 * The section's lessons with each sequence's séances gathered where its first one comes, in
 * séance order; a lesson outside any sequence stays alone.
 */
function bySequence(lessons: LessonRecord[]): LessonRecord[][] {
  const groups = new Map<string, LessonRecord[]>();
  for (const lesson of lessons) {
    const key = lesson.sequence?.id ?? `lesson:${lesson.lessonId}`;
    groups.set(key, [...(groups.get(key) ?? []), lesson]);
  }
  return [...groups.values()].map((group) =>
    group.sort((a, b) => (a.sequence?.position ?? 0) - (b.sequence?.position ?? 0)),
  );
}

function Section({
  title,
  empty,
  lessons,
  locked = false,
}: {
  title: MessageKey;
  empty: MessageKey;
  lessons: LessonRecord[];
  locked?: boolean;
}) {
  const id = `section-${title}`;
  return (
    <section aria-labelledby={id} class="lesson-section">
      <h2 id={id}>{t(title)}</h2>
      {lessons.length === 0 ? (
        <p class="hint">{t(empty)}</p>
      ) : (
        <ul class="lesson-cards" role="list">
          {bySequence(lessons).map((group) => {
            const { sequence } = group[0]!;
            if (!sequence) return <LessonCard key={group[0]!.lessonId} lesson={group[0]!} locked={locked} />;
            const headingId = `${id}-${sequence.id}`;
            return (
              <li key={sequence.id} class="sequence-group" data-sequence-id={sequence.id}>
                <section aria-labelledby={headingId}>
                  <h3 id={headingId}>{t('sequenceHeading', { title: sequence.title })}</h3>
                  <ul class="lesson-cards" role="list">
                    {group.map((lesson) => (
                      <LessonCard key={lesson.lessonId} lesson={lesson} locked={locked} inSequence />
                    ))}
                  </ul>
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function LessonList() {
  const app = useAppState();
  const profile = app.activeProfile.value;
  if (!profile) return null;
  const states = app.workStates.value;
  const byDue = (a: LessonRecord, b: LessonRecord) => earliestFirst(a.dueAt ?? '9', b.dueAt ?? '9');
  const done = (l: LessonRecord) => isHandedIn(states.get(l.lessonId));
  const handedIn = app.lessons.value.filter(done);
  const upcoming = app.lessons.value
    .filter((l) => !done(l) && !app.isOpen(l))
    .sort((a, b) => earliestFirst(a.availableFrom, b.availableFrom));
  const today = app.lessons.value.filter((l) => !done(l) && app.isOpen(l)).sort(byDue);

  return (
    <>
      <h1 tabIndex={-1}>{t('hello', { name: profile.pupilName })}</h1>
      <p class="hint">{t('classLabel', { name: profile.className })}</p>
      {profile.link === 'relink' && (
        <p class="error" role="alert">
          {t('relinkPrompt')}
        </p>
      )}
      {profile.link === 'file' && <p class="note">{t(profile.joinCode ? 'notLinkedYet' : 'relinkPrompt')}</p>}
      <SyncSummary />
      <UnreadFeedback />
      <Section title="sectionToday" empty="noLessonsToday" lessons={today} />
      <Section title="sectionUpcoming" empty="noLessonsUpcoming" lessons={upcoming} locked />
      <Section title="sectionHandedIn" empty="noLessonsHandedIn" lessons={handedIn} />
      <WeekLoader />
    </>
  );
}
