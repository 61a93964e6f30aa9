/**
 * A media file data saver left on the server: its size, and a button to fetch it
 * now. Shown in the player where the media would be, and on the lesson card.
 */
import { useContext } from 'preact/hooks';
import type { MediaRef } from '../../protocol/index.ts';
import { AppStateContext } from '../app/app-state.ts';
import { formatBytes, t } from '../app/i18n.ts';
import { Icon } from '../ui/icon.tsx';
import type { LessonRecord } from '../store/records.ts';

export function OnDemandMedia({ lessonId, media }: { lessonId: string; media: MediaRef }) {
  const app = useContext(AppStateContext);
  if (!app) return null;
  const progress = app.mediaDownloads.value.get(media.blob);
  const busy = progress !== undefined && progress !== 'failed';
  return (
    <p class="note on-demand" data-on-demand={media.blob}>
      <span>{t('mediaOnDemand', { size: formatBytes(media.size) })}</span>{' '}
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() => void app.fetchMedia(lessonId, media.blob)}
      >
        {busy ? (
          t('mediaDownloading', { done: formatBytes(progress.done), total: formatBytes(media.size) })
        ) : (
          <>
            <Icon name="download" /> {t('mediaDownload', { size: formatBytes(media.size) })}
          </>
        )}
      </button>
      {progress === 'failed' && (
        <span class="error" role="alert">
          {' '}
          {t('mediaDownloadFailed')}
        </span>
      )}
    </p>
  );
}

/** The on-demand entry for this media in the active pupil's lessons, if it waits for them. */
export function onDemandEntry(
  lessons: readonly LessonRecord[],
  blob: string,
): { lessonId: string; media: MediaRef } | null {
  for (const lesson of lessons) {
    const media = lesson.mediaOnDemand?.find((ref) => ref.blob === blob);
    if (media) return { lessonId: lesson.lessonId, media };
  }
  return null;
}

/** Where the player shows a media file: its on-demand offer when data saver left it on the server, else null. */
export function mediaOnDemand(lessons: readonly LessonRecord[]) {
  return (blob: string) => {
    // Left on the server by data saver: offer it where it would be, with its size.
    const entry = onDemandEntry(lessons, blob);
    return entry && <OnDemandMedia {...entry} />;
  };
}
