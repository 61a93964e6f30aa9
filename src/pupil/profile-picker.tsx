/** Siblings sharing a device: pick who is working, or add another pupil (removing one is on the device screen). */
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';

export function ProfilePicker() {
  const app = useAppState();
  const profiles = app.profiles.value;
  if (profiles.length === 0) return null;
  return (
    <label class="profile-picker">
      <span class="visually-hidden">{t('switchProfile')}</span>
      <select
        value={app.activeProfile.value?.id}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value === '__add') navigate('/join');
          else {
            app.selectProfile(value);
            navigate('/');
          }
        }}
      >
        {profiles.map((p) => (
          // The class in the tooltip tells apart two siblings' schools; a device to re-link says so in words.
          <option key={p.id} value={p.id} title={p.className}>
            {p.link === 'relink' ? `${p.pupilName} (${t('profileNeedsRelink')})` : p.pupilName}
          </option>
        ))}
        <option value="__add">+ {t('addProfile')}</option>
      </select>
    </label>
  );
}
