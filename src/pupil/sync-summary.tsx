/** The pupil's one-line answer to "is everything on my device?" with progress while downloading. */
import { useAppState } from '../app/app-state.ts';
import { formatBytes, formatDateTime, t } from '../app/i18n.ts';
import type { LessonRecord } from '../store/records.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { Icon } from '../ui/icon.tsx';

export function SyncSummary() {
  const app = useAppState();
  // Withdrawn lessons are kept only for the pupil's own work: not part of "is everything here?".
  const lessons = app.lessons.value.filter((l) => !l.withdrawn);
  const ready = lessons.filter((l) => l.state === 'ready').length;
  const total = lessons.length;
  // Media left on demand (data saver) are not promised: they count in neither total.
  const onDemand = (l: LessonRecord) => (l.mediaOnDemand ?? []).reduce((sum, m) => sum + m.size, 0);
  const bytesTotal = lessons.reduce((sum, l) => sum + l.size - onDemand(l), 0);
  const bytesDone = lessons.reduce(
    (sum, l) => sum + Math.min(l.size - onDemand(l), l.state === 'ready' ? l.size : l.bytesDone),
    0,
  );
  const missing = lessons.filter((l) => l.state === 'missing').length;
  const allReady = total > 0 && ready === total;

  return (
    <section class="sync-summary" aria-label={t('deviceStatus')}>
      {allReady ? (
        <p class="good" data-testid="all-ready">
          <Icon name="check" /> {t('allReady')}
        </p>
      ) : total > 0 ? (
        <ProgressBar
          value={bytesDone}
          max={bytesTotal}
          label={t('downloadProgress', {
            done: formatBytes(bytesDone),
            total: formatBytes(bytesTotal),
            ready,
            lessons: total,
          })}
        />
      ) : null}
      {missing > 0 && (
        <p class="error" role="status" data-testid="missing-summary">
          {t('missingSummary', { count: missing })}
        </p>
      )}
      <p class="hint">
        {app.lastSyncAt.value
          ? t('lastSync', { date: formatDateTime(app.lastSyncAt.value) })
          : t('neverSynced')}{' '}
        <button type="button" class="link" onClick={() => void app.syncNow()} disabled={app.syncing.value}>
          {app.syncing.value ? t('syncing') : t('syncNow')}
        </button>
      </p>
    </section>
  );
}
