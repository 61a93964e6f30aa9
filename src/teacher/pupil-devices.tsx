/** A pupil's linked devices, each named by browser and system: when seen, what is ready offline; revoke one. */
import { useState } from 'preact/hooks';
import type { TeacherPupil } from '../../protocol/teacher-api.ts';
import { formatSchoolTime } from './school-clock.ts';
import { tt } from './teacher-i18n.ts';
import { listDevices, revokeDevice } from './teacher-resources.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, ConfirmButton } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { isolate, ttWithName } from './names.tsx';
import { deviceLabels, timeAgo } from './device-label.ts';

export function PupilDevices({ pupil }: { pupil: TeacherPupil }) {
  const devices = useServerData(() => listDevices(pupil.id), [pupil.id]);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const labels = deviceLabels(devices.value ?? []);
  return (
    <section class="devices" aria-label={tt('devicesOf', { name: isolate(pupil.name) })}>
      <h3>{ttWithName('devicesOf', pupil.name)}</h3>
      <ApiErrorNote error={devices.error ?? error} onRetry={() => void devices.reload()} />
      {devices.value?.length === 0 && <p>{tt('noDevices')}</p>}
      <ul role="list" class="device-list">
        {devices.value?.map((device, i) => (
          <li key={device.id} class="device" data-device={labels[i]}>
            <div>
              <p class="device-name">
                <strong>{labels[i]}</strong>
                {' · '}
                <time dateTime={device.lastSeenAt} title={formatSchoolTime(device.lastSeenAt)}>
                  {tt('deviceSeenAgo', { ago: timeAgo(device.lastSeenAt) })}
                </time>
              </p>
              <p class="meta">
                {tt('deviceLinked', { date: formatSchoolTime(device.createdAt) })}
                {' · '}
                {device.lastSyncAt
                  ? tt('deviceLastSync', { date: formatSchoolTime(device.lastSyncAt) })
                  : tt('deviceNeverSynced')}
                {' · '}
                {tt('deviceLessonsReady', { n: device.lessonsReady.length })}
                {device.revokedAt &&
                  ` · ${tt('deviceRevoked', { date: formatSchoolTime(device.revokedAt) })}`}
              </p>
            </div>
            {!device.revokedAt && (
              <ConfirmButton
                label={tt('revoke')}
                class="danger"
                question={tt('confirmRevoke', { device: labels[i]! })}
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
