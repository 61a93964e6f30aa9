/**
 * "Enregistrer mon travail dans un fichier" (device screen): every hand-in the server has not
 * acknowledged, in a work file for the teacher, its size shown. Repeatable: the work stays in
 * the outbox and still goes out by itself once a network appears.
 */
import { useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { formatBytes, t } from '../app/i18n.ts';
import { OFFLINE_FILE_MIME } from '../../protocol/offline-files.ts';
import { Outcome } from './file-outcome.tsx';
import { saveFile } from './save-file.ts';

export function SaveWorkFile() {
  const app = useAppState();
  const profile = app.activeProfile.value;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!profile) return null;

  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { writeWorkFile, MissingAttachment } = await import('../sync/work-file-export.ts');
      try {
        const file = await writeWorkFile(profile.id);
        if (!file) return setOutcome({ ok: true, text: t('workFileNothing') });
        saveFile(file.fileName, new Blob([file.bytes as BlobPart], { type: OFFLINE_FILE_MIME }));
        setOutcome({
          ok: true,
          text: t('workFileSaved', { count: file.submissions, size: formatBytes(file.bytes.byteLength) }),
        });
      } catch (error) {
        if (!(error instanceof MissingAttachment)) throw error;
        setOutcome({ ok: false, text: t('workFileMissingPhoto') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="work-file-title">
      <h2 id="work-file-title">{t('saveWorkFile')}</h2>
      <p class="hint">{t('workFileHint')}</p>
      <button type="button" class="secondary" disabled={busy} onClick={() => void save()}>
        {t('saveWorkFile')}
      </button>
      <Outcome outcome={outcome} testId="work-file-outcome" />
    </section>
  );
}
