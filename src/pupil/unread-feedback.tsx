/** On the home screen: how many messages from the teacher are new, with a link to each lesson. */
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { Icon } from '../ui/icon.tsx';

export function UnreadFeedback() {
  const app = useAppState();
  const unread = app.unreadFeedback.value;
  if (unread.length === 0) return null;
  const titles = new Map(app.lessons.value.map((l) => [l.lessonId, l.title]));
  // Newest first, one link per lesson, only lessons still on the device.
  const lessonIds = [...new Set(unread.map((f) => f.lessonId))].filter((id) => titles.has(id));
  return (
    <section
      class="card unread-feedback"
      aria-labelledby="unread-feedback-title"
      data-testid="unread-feedback"
    >
      <h2 id="unread-feedback-title">
        <Icon name="message" /> {t('unreadFeedbackCount', { count: unread.length })}
      </h2>
      <ul role="list">
        {lessonIds.map((id) => (
          <li key={id}>
            <a href={`/lesson/${encodeURIComponent(id)}`}>{titles.get(id)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
