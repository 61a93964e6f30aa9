/** What is on this device: storage, last sync, data choice, work waiting to be sent, pupils. */
import { useEffect, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { formatBytes, formatDateTime, t } from '../app/i18n.ts';
import { DataSaverSetting } from './data-saver-setting.tsx';
import { browserFacts, needsHomeScreenHint } from './home-screen-hint.ts';
import { ProfilesOnDevice } from './profile-removal.tsx';
import { OpenLessonsFile } from './open-lessons-file.tsx';
import { SaveWorkFile } from './save-work-file.tsx';
import { UnsentWork } from './unsent-work.tsx';

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
  }, [app.lessons.value]);

  return (
    <>
      <h1 tabIndex={-1}>{t('deviceStatus')}</h1>
      <section class="card" data-testid="storage">
        {needsHomeScreenHint(browserFacts()) && (
          <p class="note" role="note">
            {t('iosHint')}
          </p>
        )}
        {storage && (
          <>
            <p>{storage.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
            {storage.usage !== undefined && storage.quota !== undefined && (
              <p data-testid="storage-usage">
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
      <UnsentWork />
      <SaveWorkFile />
      <OpenLessonsFile />
      <DataSaverSetting />
      <ProfilesOnDevice />
    </>
  );
}
