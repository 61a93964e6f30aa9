/** What is on this device: storage, last sync, and the work waiting to be sent. */
import { useEffect, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { formatBytes, formatDateTime, t } from '../app/i18n.ts';
import { WorkStateLabel } from './work-state-label.tsx';

interface StorageInfo {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

export function DeviceStatus() {
  const app = useAppState();
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      setStorage({ persisted, usage: estimate?.usage, quota: estimate?.quota });
    })();
  }, []);
  const titles = new Map(app.lessons.value.map((l) => [l.lessonId, l.title]));
  const pending = app.handedIn.value.filter((h) => h.state !== 'delivered');

  return (
    <>
      <h1 tabIndex={-1}>{t('deviceStatus')}</h1>
      <section class="card">
        {storage && (
          <>
            <p>{storage.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
            {storage.usage !== undefined && storage.quota !== undefined && (
              <p>
                {t('storageUsage', { usage: formatBytes(storage.usage), quota: formatBytes(storage.quota) })}
              </p>
            )}
          </>
        )}
        <p>
          {app.lastSyncAt.value
            ? t('lastSync', { date: formatDateTime(app.lastSyncAt.value) })
            : t('neverSynced')}
        </p>
      </section>
      <section class="card" aria-labelledby="outbox-title">
        <h2 id="outbox-title">{t('outboxTitle')}</h2>
        {pending.length === 0 ? (
          <p class="hint">{t('outboxEmpty')}</p>
        ) : (
          <ul role="list" class="outbox-list">
            {pending.map((record) => (
              <li key={record.submission.id}>
                <strong>{titles.get(record.submission.lessonId) ?? record.submission.lessonId}</strong>{' '}
                <WorkStateLabel state={app.workStates.value.get(record.submission.lessonId)} />
              </li>
            ))}
          </ul>
        )}
        <button type="button" class="primary" onClick={() => void app.syncNow()} disabled={app.syncing.value}>
          {t('sendNow')}
        </button>
      </section>
    </>
  );
}
