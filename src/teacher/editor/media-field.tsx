/** Choose a file for an image, audio, video or PDF step; upload it with a progress bar; mark it optional. */
import { useState } from 'preact/hooks';
import { formatBytes } from '../../app/i18n.ts';
import type { MediaRef } from '../../../protocol/lesson-pack.ts';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { mediaFitsStep, STEP_MEDIA_TYPES, type MediaStepKind } from '../../../protocol/media-kinds.ts';
import { apiErrorText } from '../api-error-text.ts';
import { tt, type TeacherMessageKey } from '../teacher-i18n.ts';
import { session, sessionRefused } from '../teacher-session.ts';
import { hasMedia } from './new-step.ts';
import { uploadMedia } from './upload-media.ts';
import { Icon } from '../../ui/icon.tsx';

const ACCEPT: Record<MediaStepKind, string> = {
  image: STEP_MEDIA_TYPES.image.join(','),
  audio: 'audio/*',
  video: 'video/*',
  pdf: 'application/pdf',
};

const ACCEPTED_TEXT: Record<MediaStepKind, TeacherMessageKey> = {
  image: 'acceptsImage',
  audio: 'acceptsAudio',
  video: 'acceptsVideo',
  pdf: 'acceptsPdf',
};

export function MediaField(props: {
  id: string;
  kind: MediaStepKind;
  media: MediaRef;
  onChange: (media: MediaRef) => void;
}) {
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress({ sent: 0, total: file.size });
    const result = await uploadMedia(file, session.value?.token ?? '', (sent, total) =>
      setProgress({ sent, total }),
    );
    setProgress(null);
    if (result.ok) {
      // The server typed the bytes; a PDF in an image step would publish and then show nothing.
      if (!mediaFitsStep(props.kind, result.media.mime)) {
        setError(tt('uploadWrongKind', { accepted: tt(ACCEPTED_TEXT[props.kind]) }));
        return;
      }
      props.onChange({ ...result.media, optional: props.media.optional });
      return;
    }
    if (result.status === 401) sessionRefused();
    if (result.status === 0) setError(tt('uploadOffline'));
    else setError(tt('uploadFailed', { reason: apiErrorText(result.status, result.code) }));
  };

  return (
    <div class="media-field">
      <label class="field" for={props.id}>
        <span>{tt('mediaFile')}</span>
      </label>
      <input
        id={props.id}
        type="file"
        accept={ACCEPT[props.kind]}
        aria-describedby={`${props.id}-status`}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      <div id={`${props.id}-status`} aria-live="polite">
        {progress && (
          <ProgressBar
            value={progress.sent}
            max={progress.total}
            label={tt('uploading', { done: formatBytes(progress.sent), total: formatBytes(progress.total) })}
          />
        )}
        {error && (
          <p class="note error" role="alert">
            {error}
          </p>
        )}
        {!progress && hasMedia(props.media) && (
          <p class="note" data-testid="media-uploaded">
            <Icon name="check" /> {tt('uploaded', { size: formatBytes(props.media.size) })} (
            {props.media.mime})
          </p>
        )}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={props.media.optional}
          onChange={(e) => props.onChange({ ...props.media, optional: e.currentTarget.checked })}
        />
        <span>{tt('mediaOptional')}</span>
      </label>
    </div>
  );
}
