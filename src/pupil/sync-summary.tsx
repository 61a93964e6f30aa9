/**
 * The pupil's answer at a glance to "is everything on my device, and has my work left?":
 * download progress, what waits for the network, and an "update" button that says what it
 * is doing and what came of it. "Tout est prêt" only when it is true: every lesson here, no
 * work waiting, and the server answered this page.
 */
import { useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { offlineUnavailable } from '../sync/offline-capable.ts';
import { formatBytes, formatDateTime, t } from '../app/i18n.ts';
import type { LessonRecord } from '../store/records.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { Icon } from '../ui/icon.tsx';
import { syncReportText } from './sync-report-text.ts';

export function SyncSummary() {
  const app = useAppState();
  const [working, setWorking] = useState(false);
  const [report, setReport] = useState<string | null>(null);
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
  const { waiting, needsAttention } = app.unsent.value;
  const lessonsHere = total > 0 && ready === total;
  const noOffline = offlineUnavailable();
  const allReady =
    !noOffline && lessonsHere && waiting === 0 && needsAttention === 0 && app.connection.value === 'online';

  const update = async () => {
    setWorking(true);
    setReport(null);
    try {
      setReport(syncReportText(await app.syncNow()));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section class="sync-summary" aria-label={t('deviceStatus')}>
      {noOffline && (
        <p class="warn" data-testid="offline-unavailable">
          <Icon name="warning" /> {t('offlineUnavailable')}
        </p>
      )}
      {allReady ? (
        <p class="good" data-testid="all-ready">
          <Icon name="check" /> {t('allReady')}
        </p>
      ) : lessonsHere ? (
        <p data-testid="lessons-on-device">
          <Icon name="check" /> {t('lessonsOnDevice', { count: total })}
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
      {(waiting > 0 || needsAttention > 0) && (
        <p class="warn" data-testid="work-waiting">
          <Icon name="warning" />{' '}
          {[
            waiting > 0 && t('workWaiting', { count: waiting }),
            needsAttention > 0 && t('workNeedsAttention', { count: needsAttention }),
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          — <a href="/device">{t('seeWorkToSend')}</a>
        </p>
      )}
      <p class="hint">
        {app.lastSyncAt.value
          ? t('lastSync', { date: formatDateTime(app.lastSyncAt.value) })
          : t('neverSynced')}{' '}
        <button
          type="button"
          class="link"
          onClick={() => void update()}
          disabled={working || app.syncing.value}
          aria-busy={working}
        >
          {working ? t('syncing') : t('syncNow')}
        </button>
      </p>
      <p class="hint" role="status" data-testid="sync-report">
        {report}
      </p>
    </section>
  );
}
