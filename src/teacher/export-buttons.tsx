/** Export a class's work: answers and scores as CSV, attachments as a zip. */
import { useState } from 'preact/hooks';
import { TEACHER_API } from '../../protocol/teacher-api.ts';
import { locale } from '../app/i18n.ts';
import { tt } from './teacher-i18n.ts';
import { saveDownload } from './save-download.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote } from './teacher-ui.tsx';

export function ExportButtons({ classId, className }: { classId: string; className: string }) {
  const [busy, setBusy] = useState<'csv' | 'zip' | null>(null);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const base = (className || 'classe').replace(/[^\p{L}\p{N}-]+/gu, '-');
  const run = async (kind: 'csv' | 'zip') => {
    setBusy(kind);
    setError(null);
    try {
      await saveDownload(
        // The spreadsheet speaks the teacher's language.
        kind === 'csv'
          ? `${TEACHER_API.exportCsv(classId)}?lang=${locale.value}`
          : TEACHER_API.exportZip(classId),
        `${base}.${kind}`,
      );
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="actions export">
      <button type="button" class="secondary" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? tt('exporting') : tt('exportCsv')}
      </button>
      <button type="button" class="secondary" disabled={busy !== null} onClick={() => void run('zip')}>
        {busy === 'zip' ? tt('exporting') : tt('exportZip')}
      </button>
      <ApiErrorNote error={error} />
    </div>
  );
}
