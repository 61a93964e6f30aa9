/**
 * "Fichier pour une famille sans connexion", on each pupil of the class list: the size first,
 * then the file. One file per pupil (not one for the class): each holds that pupil's join code,
 * and a family must get their own child's code and nobody else's.
 */
import { useState } from 'preact/hooks';
import {
  LessonsFileSizeSchema,
  TEACHER_API,
  type LessonsFileSize,
  type TeacherPupil,
} from '../../protocol/teacher-api.ts';
import { OFFLINE_FILE_EXTENSION } from '../../protocol/offline-files.ts';
import { formatBytes } from '../app/i18n.ts';
import { saveDownload } from './save-download.ts';
import { TeacherApiError, teacherCall } from './teacher-api-client.ts';
import { tt } from './teacher-i18n.ts';
import { ApiErrorNote } from './teacher-ui.tsx';

export function FamilyFile({ pupil }: { pupil: TeacherPupil }) {
  const [size, setSize] = useState<LessonsFileSize | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  const askSize = () =>
    run(async () => setSize(await teacherCall(LessonsFileSizeSchema, TEACHER_API.lessonsFileSize(pupil.id))));
  const download = () =>
    run(() =>
      saveDownload(
        TEACHER_API.lessonsFile(pupil.id),
        `${pupil.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'cartable'}${OFFLINE_FILE_EXTENSION}`,
      ),
    );

  return (
    <div class="family-file">
      {size === null ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => void askSize()}>
          {busy ? tt('familyFilePreparing') : tt('familyFile')}
        </button>
      ) : (
        <>
          <p class="meta" data-testid="family-file-size">
            {tt('familyFileFor', { name: pupil.name })} :{' '}
            {tt('familyFileSize', { lessons: size.lessons, size: formatBytes(size.bytes) })}
          </p>
          <button type="button" class="primary" disabled={busy} onClick={() => void download()}>
            {tt('familyFileDownload', { size: formatBytes(size.bytes) })}
          </button>
          <p class="hint">{tt('familyFileNote')}</p>
        </>
      )}
      <ApiErrorNote error={error} />
    </div>
  );
}
