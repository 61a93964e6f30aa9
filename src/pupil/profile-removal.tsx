/**
 * The pupils linked on this device, and removing one of them. A pupil with unsent
 * work cannot be removed before that work is exported; nothing is deleted silently.
 */
import { useEffect, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { listDrafts } from '../store/drafts.ts';
import { listOutbox } from '../store/outbox.ts';
import type { Profile } from '../store/records.ts';
import { downloadUnsentWork } from './save-file.ts';

export function ProfilesOnDevice() {
  const app = useAppState();
  const profiles = app.profiles.value;
  const [unsent, setUnsent] = useState<Map<string, number>>(new Map());
  const [drafts, setDrafts] = useState<Map<string, number>>(new Map());
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    void listOutbox().then((items) => {
      const counts = new Map<string, number>();
      for (const item of items) counts.set(item.profileId, (counts.get(item.profileId) ?? 0) + 1);
      setUnsent(counts);
    });
    // Work in progress counts too: it is offered for export before the profile goes.
    void Promise.all(
      profiles.map(async (profile) => [profile.id, (await listDrafts(profile.id)).length] as const),
    ).then((counts) => setDrafts(new Map(counts)));
  }, [profiles, app.handedIn.value, confirming]);

  return (
    <section class="card" aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('profiles')}</h2>
      <ul role="list" class="profile-list">
        {profiles.map((profile) => (
          <li key={profile.id} data-profile={profile.pupilName}>
            <strong>{profile.pupilName}</strong> — {profile.className}{' '}
            {confirming === profile.id ? (
              <RemoveDialog
                profile={profile}
                unsentWork={unsent.get(profile.id) ?? 0}
                drafts={drafts.get(profile.id) ?? 0}
                onDone={() => setConfirming(null)}
              />
            ) : (
              <button type="button" class="secondary" onClick={() => setConfirming(profile.id)}>
                {t('profileRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href="/join">+ {t('addProfile')}</a>
      </p>
    </section>
  );
}

function RemoveDialog({
  profile,
  unsentWork,
  drafts,
  onDone,
}: {
  profile: Profile;
  unsentWork: number;
  drafts: number;
  onDone: () => void;
}) {
  const app = useAppState();
  const [exported, setExported] = useState(false);
  const remove = async () => {
    // `force` only after the family saved the work to a file in this very dialog.
    const result = await app.removeProfile(profile.id, exported);
    if (result.removed) onDone();
  };
  return (
    <div class="confirm" role="alertdialog" aria-label={t('profileRemove')}>
      {unsentWork > 0 || drafts > 0 ? (
        <>
          {unsentWork > 0 && (
            <p class="error">{t('profileRemoveUnsent', { name: profile.pupilName, count: unsentWork })}</p>
          )}
          {drafts > 0 && (
            <p class="error">{t('profileRemoveDrafts', { name: profile.pupilName, count: drafts })}</p>
          )}
          <button
            type="button"
            class="primary"
            onClick={() => void downloadUnsentWork(profile).then(() => setExported(true))}
          >
            {t('exportWork')}
          </button>{' '}
          <button type="button" class="secondary" disabled={!exported} onClick={() => void remove()}>
            {t('profileRemoveAnyway')}
          </button>
        </>
      ) : (
        <>
          <p>{t('profileRemoveConfirm', { name: profile.pupilName })}</p>
          <button type="button" class="primary" onClick={() => void remove()}>
            {t('profileRemoveYes')}
          </button>
        </>
      )}{' '}
      <button type="button" class="secondary" onClick={onDone}>
        {t('cancel')}
      </button>
    </div>
  );
}
