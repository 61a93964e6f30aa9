/** Offers a new app version; never reloads by itself (a pupil may be mid-lesson). */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../app/i18n.ts';
import { applyUpdate, onUpdateWaiting } from '../app/sw-bridge.ts';

export function UpdateBanner() {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);
  if (!waiting) return null;
  return (
    <p class="banner update" role="status">
      {t('updateAvailable')}{' '}
      <button type="button" class="secondary" onClick={() => applyUpdate()}>
        {t('updateNow')}
      </button>
    </p>
  );
}
