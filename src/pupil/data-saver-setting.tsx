/** The family's choice for mobile data: download everything, or Wi-Fi only / ask first. */
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { networkHints } from '../sync/data-saver.ts';

export function DataSaverSetting() {
  const app = useAppState();
  const policy = app.downloadPolicy.value;
  return (
    <fieldset class="card" data-testid="data-saver">
      <legend>{t('dataSaverTitle')}</legend>
      <label class="choice">
        <input
          type="radio"
          name="download-policy"
          checked={policy === 'always'}
          onChange={() => void app.chooseDownloadPolicy('always')}
        />{' '}
        {t('dataSaverAlways')}
      </label>
      <label class="choice">
        <input
          type="radio"
          name="download-policy"
          checked={policy === 'askFirst'}
          onChange={() => void app.chooseDownloadPolicy('askFirst')}
        />{' '}
        {t('dataSaverAskFirst')}
      </label>
      <p class="hint">{t('dataSaverHint')}</p>
      {networkHints().saveData && <p class="note">{t('dataSaverOn')}</p>}
    </fieldset>
  );
}
