/**
 * "Importer un fichier de travail", on the dashboard: a family's work file, each hand-in
 * recorded once (a repeat says it was already received), or the whole file refused with why.
 */
import { useState } from 'preact/hooks';
import { TEACHER_API, WorkFileImportResultSchema } from '../../protocol/teacher-api.ts';
import { OFFLINE_FILE_EXTENSION } from '../../protocol/offline-files.ts';
import { TeacherApiError, teacherCall } from './teacher-api-client.ts';
import { tt } from './teacher-i18n.ts';
import { ApiErrorNote } from './teacher-ui.tsx';

export function WorkFileImport({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const result = await teacherCall(WorkFileImportResultSchema, TEACHER_API.workFiles, {
        method: 'POST',
        body: await file.arrayBuffer(),
        headers: { 'content-type': 'application/zip' },
        timeoutMs: 300_000,
      });
      const received = result.submissions.filter((s) => s.status === 'received').length;
      setDone(
        tt('workFileImported', {
          name: result.pupil.name,
          received,
          already: result.submissions.length - received,
        }),
      );
      onImported();
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions work-file-import">
      <label class="button secondary">
        {busy ? tt('importingWorkFile') : tt('importWorkFile')}
        <input
          type="file"
          class="visually-hidden"
          accept={`${OFFLINE_FILE_EXTENSION},application/zip`}
          disabled={busy}
          data-testid="work-file-input"
          onChange={(e) => {
            const input = e.currentTarget;
            void upload(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      {done && (
        <p role="status" class="note" data-testid="work-file-imported">
          {done}
        </p>
      )}
      {/* Another teacher's pupil reads as "not found": say which case it is. */}
      {error?.code === 'unknown_pupil' ? (
        <p class="note error" role="alert">
          {tt('workFileOtherPupil')}
        </p>
      ) : (
        <ApiErrorNote error={error} />
      )}
    </div>
  );
}
