/**
 * Image, audio, video and PDF steps. Media URLs are content URLs (/blobs/<sha256>)
 * that the service worker answers from Cache Storage, so they work offline.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Step } from '../../protocol/index.ts';
import { API } from '../../protocol/api.ts';
import { t } from '../app/i18n.ts';
import { ContentView } from '../ui/content-view.tsx';
import { Icon } from '../ui/icon.tsx';

type MediaStepData = Extract<Step, { kind: 'image' | 'audio' | 'video' | 'pdf' }>;

/** `onDemand`: what the player shows instead of a file its data saver left on the server (null: the file). */
export function MediaStep({ step, onDemand }: { step: MediaStepData; onDemand: ComponentChildren | null }) {
  const [failed, setFailed] = useState(false);
  const src = API.blob(step.media.blob);
  if (onDemand) return <>{onDemand}</>;
  if (failed)
    return (
      <p class="note" role="status">
        {t('mediaMissing')}
      </p>
    );
  switch (step.kind) {
    case 'image':
      return (
        <figure class="media">
          <img src={src} alt={step.alt} onError={() => setFailed(true)} />
          {step.caption && (
            <figcaption>
              <ContentView content={step.caption} />
            </figcaption>
          )}
        </figure>
      );
    case 'audio':
      return (
        <figure class="media">
          <audio controls preload="metadata" src={src} onError={() => setFailed(true)} />
          {step.transcript && (
            <figcaption>
              <ContentView content={step.transcript} />
            </figcaption>
          )}
        </figure>
      );
    case 'video':
      return (
        <figure class="media">
          <video controls preload="metadata" src={src} onError={() => setFailed(true)} />
          {step.caption && (
            <figcaption>
              <ContentView content={step.caption} />
            </figcaption>
          )}
        </figure>
      );
    case 'pdf':
      return (
        <p class="media">
          <a class="button secondary" href={src} target="_blank" rel="noopener noreferrer">
            <Icon name="document" /> {step.title}
          </a>
        </p>
      );
  }
}
