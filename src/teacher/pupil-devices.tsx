/** A pupil's linked devices: when seen, what is ready offline; revoke one. */
import { useState } from 'preact/hooks';
import type { TeacherPupil } from '../../protocol/teacher-api.ts';
import { formatSchoolTime } from './school-clock.ts';
import { tt } from './teacher-i18n.ts';
import { listDevices, revokeDevice } from './teacher-resources.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, ConfirmButton } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { isolate, ttWithName } from './names.tsx';

export function PupilDevices({ pupil }: { pupil: TeacherPupil }) {
  const devices = useServerData(() => listDevices(pupil.id), [pupil.id]);
  const [error, setError] = useState<TeacherApiError | null>(null);
  return (
    <section class="devices" aria-label={tt('devicesOf', { name: isolate(pupil.name) })}>
      <h3>{ttWithName('devicesOf', pupil.name)}</h3>
      <ApiErrorNote error={devices.error ?? error} onRetry={() => void devices.reload()} />
      {devices.value?.length === 0 && <p>{tt('noDevices')}</p>}
      <ul role="list">
        {devices.value?.map((device) => (
          <li key={device.id} class="device">
            <span>{tt('deviceLinked', { date: formatSchoolTime(device.createdAt) })}</span>
            {' · '}
            <span>{tt('deviceLastSeen', { date: formatSchoolTime(device.lastSeenAt) })}</span>
            {' · '}
            <span>
              {device.lastSyncAt
                ? tt('deviceLastSync', { date: formatSchoolTime(device.lastSyncAt) })
                : tt('deviceNeverSynced')}
            </span>
            {' · '}
            <span>{tt('deviceLessonsReady', { n: device.lessonsReady.length })}</span>
            {device.revokedAt ? (
              <span> · {tt('deviceRevoked', { date: formatSchoolTime(device.revokedAt) })}</span>
            ) : (
              <ConfirmButton
                label={tt('revoke')}
                class="danger"
                question={tt('confirmRevoke')}
                onConfirm={async () => {
                  try {
                    await revokeDevice(device.id);
                    setError(null);
                  } catch (e) {
                    if (e instanceof TeacherApiError) setError(e);
                  }
                  await devices.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
