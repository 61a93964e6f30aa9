/**
 * "Ouvrir un fichier de leçons" (join screen and device screen): a file picker and a drop
 * zone. The file is checked and stored by sync/lessons-file-import.ts, fetched only when a
 * file is actually opened (it carries the zip reader: never in the pupil's first download).
 */
import { useEffect, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { formatBytes, t, type MessageKey } from '../app/i18n.ts';
import { launchedFile } from '../app/launch-files.ts';
import { navigate } from '../app/router.ts';
import { OFFLINE_FILE_EXTENSION } from '../../protocol/offline-files.ts';
import type { LessonsFileImport } from '../sync/lessons-file-import.ts';
import { Outcome } from './file-outcome.tsx';

/** What came of the file, in the pupil's words. */
export function lessonsFileText(result: LessonsFileImport): string {
  if (result.ok) {
    const { added, updated, unchanged } = result;
    return t('lessonsFileOpened', { added, updated, unchanged });
  }
  if (result.problem === 'not_enough_space')
    return t('lessonsFile_not_enough_space', {
      needed: formatBytes(result.neededBytes),
      free: formatBytes(result.freeBytes),
    });
  return t(`lessonsFile_${result.problem}` satisfies MessageKey);
}

/** Check and store a lessons file, then show that pupil's lessons. Shared with the File Handling launch. */
export async function openLessonsFile(
  app: ReturnType<typeof useAppState>,
  file: Blob,
): Promise<LessonsFileImport> {
  const { importLessonsFile } = await import('../sync/lessons-file-import.ts');
  const result = await importLessonsFile(new Uint8Array(await file.arrayBuffer()));
  if (result.ok) {
    app.selectProfile(result.profile.id);
    await app.refresh();
  }
  return result;
}

export function OpenLessonsFile() {
  const app = useAppState();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await openLessonsFile(app, file);
      setOutcome({ ok: result.ok, text: lessonsFileText(result) });
      if (result.ok) navigate('/', { replace: true });
    } catch {
      setOutcome({ ok: false, text: t('lessonsFile_no_storage') });
    } finally {
      setBusy(false);
    }
  };

  // The installed app was opened with a file (File Handling API): open it here, once.
  useEffect(() => {
    const file = launchedFile.value;
    if (!file) return;
    launchedFile.value = null;
    void open(file);
  }, [launchedFile.value]);

  return (
    <section
      class={`card file-drop${over ? ' over' : ''}`}
      aria-labelledby="lessons-file-title"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void open(e.dataTransfer?.files[0]);
      }}
    >
      <h2 id="lessons-file-title">{t('openLessonsFile')}</h2>
      <p class="hint">{t('lessonsFileHint')}</p>
      <label class="button secondary big">
        {busy ? t('lessonsFileOpening') : t('openLessonsFile')}
        <input
          type="file"
          class="visually-hidden"
          accept={`${OFFLINE_FILE_EXTENSION},application/zip,application/octet-stream`}
          disabled={busy}
          data-testid="lessons-file-input"
          onChange={(e) => {
            const input = e.currentTarget;
            void open(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      <p class="hint">{t('lessonsFileDrop')}</p>
      <Outcome outcome={outcome} />
    </section>
  );
}
