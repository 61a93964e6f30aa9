/** The family's choice for mobile data: download everything, or Wi-Fi only / ask first. */
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { networkHints } from '../sync/data-saver.ts';

/** Each download policy and its label, in the order offered. */
const CHOICES = [
  ['always', 'dataSaverAlways'],
  ['askFirst', 'dataSaverAskFirst'],
] as const;

/** The two radio choices, and a note when the browser already asks to save data. */
export function DataSaverSetting() {
  const app = useAppState();
  const policy = app.downloadPolicy.value;
  return (
    <fieldset class="card" data-testid="data-saver">
      <legend>{t('dataSaverTitle')}</legend>
      {CHOICES.map(([choice, label]) => (
        <label class="choice" key={choice}>
          <input
            type="radio"
            name="download-policy"
            checked={policy === choice}
            onChange={() => void app.chooseDownloadPolicy(choice)}
          />{' '}
          {t(label)}
        </label>
      ))}
      <p class="hint">{t('dataSaverHint')}</p>
      {networkHints().saveData && <p class="note">{t('dataSaverOn')}</p>}
    </fieldset>
  );
}
