/**
 * The teacher's messages about a lesson, stored on the device and readable offline. Showing
 * them is reading them: they stop counting as new, but keep their "Nouveau" mark while the
 * pupil is still on this screen.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { formatDateTime, t } from '../app/i18n.ts';
import { isUnread } from '../store/feedback.ts';
import { ContentView } from '../ui/content-view.tsx';

export function FeedbackList({ lessonId }: { lessonId: string }) {
  const app = useAppState();
  const items = app.feedback.value.filter((f) => f.lessonId === lessonId);
  /** Messages that were new when they appeared here (one arriving meanwhile joins them). */
  const seenNew = useRef(new Set<string>());
  for (const item of items) if (isUnread(item)) seenNew.current.add(item.id);
  const unread = items.some(isUnread);
  useEffect(() => {
    if (unread) void app.markFeedbackRead(lessonId);
  }, [lessonId, unread]);
  if (items.length === 0) return null;
  return (
    <section class="card feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedbackTitle')}</h2>
      {items.map((item) => (
        <div key={item.id} class="feedback-item" data-testid="feedback">
          <p class="hint">
            {formatDateTime(item.createdAt)}
            {seenNew.current.has(item.id) && (
              <>
                {' '}
                <span class="badge feedback-new" data-testid="feedback-new">
                  {t('feedbackNew')}
                </span>
              </>
            )}
          </p>
          <ContentView content={item.body} />
        </div>
      ))}
    </section>
  );
}
