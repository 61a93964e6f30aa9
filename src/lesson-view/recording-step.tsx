/**
 * Audio recording: MediaRecorder on the microphone, stopped by the pupil or at
 * the step's maximum length, played back, and kept as an attachment.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Step } from '../../protocol/index.ts';
import { t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';
import { useAttachmentUrl, type AttachmentStepProps } from './use-attachment-url.ts';
import { Icon } from '../ui/icon.tsx';

type RecordingStepData = Extract<Step, { kind: 'recording' }>;

/** The first container this browser can record (Safari records MP4, the others WebM/Ogg). */
function recordingMime(): string {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];
  return candidates.find((mime) => MediaRecorder.isTypeSupported(mime)) ?? '';
}

export function RecordingStep(props: AttachmentStepProps<RecordingStepData>) {
  const { step, answer, readOnly, attachments, onAnswer } = props;
  const url = useAttachmentUrl(answer, attachments);
  const recorder = useRef<MediaRecorder | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = typeof MediaRecorder !== 'undefined';

  // Leaving the step stops the recording and the microphone.
  useEffect(() => () => (recorder.current?.state === 'recording' ? recorder.current.stop() : undefined), []);

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const tick = setInterval(() => {
      const elapsed = Math.floor((Date.now() - started) / 1000);
      setSeconds(elapsed);
      if (elapsed >= step.maxSeconds) recorder.current?.stop();
    }, 250);
    return () => clearInterval(tick);
  }, [recording, step.maxSeconds]);

  const start = async () => {
    setError(null);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setError(t('recordMicError'));
      return;
    }
    const mime = recordingMime();
    const rec = new MediaRecorder(stream, mime ? { mimeType: mime } : {});
    const chunks: Blob[] = [];
    rec.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    rec.onstop = async () => {
      stream.getTracks().forEach((track) => track.stop());
      setRecording(false);
      // The stored type is the container only ("audio/webm"): codecs parameters are not a media type.
      const type = (rec.mimeType || mime || 'audio/webm').split(';')[0]!;
      const bytes = await new Blob(chunks, { type }).arrayBuffer();
      if (bytes.byteLength === 0) return;
      const stored = await attachments.save(bytes, type);
      onAnswer({ kind: 'attachment', blob: stored.sha256, mime: stored.mime, size: stored.size });
    };
    recorder.current = rec;
    rec.start(1000);
    setSeconds(0);
    setRecording(true);
  };

  return (
    <div class="recording-step">
      <ContentView content={step.prompt} />
      {url && !recording && (
        <figure class="media">
          <audio controls src={url} aria-label={t('recordYours')} data-testid="recording-made" />
          <figcaption>{t('recordSaved')}</figcaption>
        </figure>
      )}
      {!readOnly && !supported && <p class="note">{t('recordNotSupported')}</p>}
      {!readOnly && supported && (
        <p>
          {recording ? (
            <>
              <button type="button" class="primary big" onClick={() => recorder.current?.stop()}>
                ⏹ {t('recordStop')}
              </button>{' '}
              <span role="timer" aria-live="off">
                {t('recordRemaining', { seconds: Math.max(0, step.maxSeconds - seconds) })}
              </span>
            </>
          ) : (
            <button type="button" class="primary big" onClick={() => void start()}>
              <Icon name="microphone" /> {url ? t('recordAgain') : t('recordStart')}
            </button>
          )}
        </p>
      )}
      {error && (
        <p class="note" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
