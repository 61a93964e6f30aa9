/**
 * Photo of paper work: a camera preview and "take the photo", or a file input
 * (which opens the camera app on phones), compressed on the device and kept
 * as an attachment until the hand-in reaches the server.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Step } from '../../protocol/index.ts';
import { formatBytes, t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';
import { compressPhoto } from './compress-photo.ts';
import { useAttachmentUrl, type AttachmentStepProps } from './use-attachment-url.ts';
import { Icon } from '../ui/icon.tsx';

type PhotoStepData = Extract<Step, { kind: 'photo' }>;

export function PhotoStep(props: AttachmentStepProps<PhotoStepData>) {
  const { step, answer, readOnly, attachments, onAnswer } = props;
  const photoUrl = useAttachmentUrl(answer, attachments);
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
    // The camera light goes off as soon as the pupil leaves the step.
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [stream]);

  const keep = async (bytes: ArrayBuffer) => {
    const stored = await attachments.save(bytes, 'image/jpeg');
    onAnswer({ kind: 'attachment', blob: stored.sha256, mime: stored.mime, size: stored.size });
  };

  const openCamera = async () => {
    setError(null);
    try {
      setStream(
        await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      );
    } catch {
      setError(t('photoCameraError'));
    }
  };

  const takePhoto = async () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    setBusy(true);
    try {
      await keep(await compressPhoto(v, v.videoWidth, v.videoHeight));
      setStream(null);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const bitmap = await createImageBitmap(file);
      await keep(await compressPhoto(bitmap, bitmap.width, bitmap.height));
      bitmap.close();
    } catch {
      setError(t('photoFileError'));
    } finally {
      setBusy(false);
    }
  };

  const inputId = `photo-file-${step.id}`;
  return (
    <div class="photo-step">
      <ContentView content={step.prompt} />
      {photoUrl && (
        <figure class="media">
          <img src={photoUrl} alt={t('photoYours')} data-testid="photo-taken" />
          {answer?.kind === 'attachment' && (
            <figcaption>
              {t('photoSaved')} · {formatBytes(answer.size)}
            </figcaption>
          )}
        </figure>
      )}
      {!readOnly && (
        <>
          {stream ? (
            <div class="camera">
              <video ref={video} muted playsInline aria-label={t('photoCamera')} />
              <button type="button" class="primary big" disabled={busy} onClick={() => void takePhoto()}>
                <Icon name="camera" /> {t('photoTake')}
              </button>{' '}
              <button type="button" class="secondary big" onClick={() => setStream(null)}>
                {t('photoCloseCamera')}
              </button>
            </div>
          ) : (
            <p>
              <button type="button" class="primary big" disabled={busy} onClick={() => void openCamera()}>
                <Icon name="camera" /> {photoUrl ? t('photoRetake') : t('photoOpenCamera')}
              </button>
            </p>
          )}
          <p class="file-fallback">
            <label for={inputId}>{t('photoChooseFile')}</label>
            <input
              id={inputId}
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
            />
          </p>
          {busy && <p role="status">{t('photoProcessing')}</p>}
          {error && (
            <p class="note" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
