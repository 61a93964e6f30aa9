/**
 * The active pupil's work not yet acknowledged by the server, each with its true
 * state; work the server refused shows the reason and can be retried or exported.
 */
import { useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { downloadUnsentWork } from './save-file.ts';
import { sendReportText } from './sync-report-text.ts';
import { useReportedAction } from './use-reported-action.ts';
import { WorkStateLabel } from './work-state-label.tsx';

export function UnsentWork() {
  const app = useAppState();
  const profile = app.activeProfile.value;
  const [exported, setExported] = useState<number | null>(null);
  const { busy: sending, report, run } = useReportedAction();
  if (!profile) return null;
  const titles = new Map(app.lessons.value.map((l) => [l.lessonId, l.title]));
  const pending = app.handedIn.value.filter((h) => h.state !== 'delivered');
  const exportWork = async (ids?: string[]) => setExported(await downloadUnsentWork(profile, ids));
  const sendNow = () => run(async () => sendReportText(await app.sendWorkNow()));

  return (
    <section class="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outboxTitle')}</h2>
      {pending.length === 0 ? (
        <p class="hint">{t('outboxEmpty')}</p>
      ) : (
        <ul role="list" class="outbox-list">
          {pending.map((record) => (
            <li key={record.submission.id} data-submission-id={record.submission.id}>
              <strong>{titles.get(record.submission.lessonId) ?? record.submission.lessonId}</strong>{' '}
              <WorkStateLabel state={app.workStates.value.get(record.submission.lessonId)} />
              {record.state === 'needsAttention' && (
                <>
                  {' '}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => void app.retryWork(record.submission.id)}
                  >
                    {t('retryWork')}
                  </button>{' '}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => void exportWork([record.submission.id])}
                  >
                    {t('exportWork')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <button
          type="button"
          class="primary"
          onClick={() => void sendNow()}
          disabled={sending || app.syncing.value}
          aria-busy={sending}
        >
          {sending ? t('sending') : t('sendNow')}
        </button>{' '}
        {pending.length > 0 && (
          <button type="button" class="secondary" onClick={() => void exportWork()}>
            {t('exportWork')}
          </button>
        )}
      </p>
      <p class="hint" role="status" data-testid="send-report">
        {report}
      </p>
      {exported !== null && (
        <p class="hint" role="status">
          {t('workExported', { count: exported })}
        </p>
      )}
    </section>
  );
}
