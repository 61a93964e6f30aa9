/** The teacher's messages about a lesson, stored on the device and readable offline. */
import { useAppState } from '../app/app-state.ts';
import { formatDateTime, t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';

export function FeedbackList({ lessonId }: { lessonId: string }) {
  const app = useAppState();
  const items = app.feedback.value.filter((f) => f.lessonId === lessonId);
  if (items.length === 0) return null;
  return (
    <section class="card feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedbackTitle')}</h2>
      {items.map((item) => (
        <div key={item.id} class="feedback-item" data-testid="feedback">
          <p class="hint">{formatDateTime(item.createdAt)}</p>
          <ContentView content={item.body} />
        </div>
      ))}
    </section>
  );
}
