/** A blob: URL for a stored attachment, revoked when it is no longer shown; the props of the steps that use it. */
import { useEffect, useState } from 'preact/hooks';
import type { Answer } from '../../protocol/answers.ts';
import type { AttachmentStore } from './attachment-store.ts';

/** What a step answered with an attachment (a photo, a recording) is given by the step view. */
export interface AttachmentStepProps<S> {
  step: S;
  answer: Answer | undefined;
  readOnly: boolean;
  attachments: AttachmentStore;
  onAnswer: (a: Answer) => void;
}

/** The attachment answer's bytes as a blob: URL, or null while there is none. */
export function useAttachmentUrl(answer: Answer | undefined, store: AttachmentStore): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const sha = answer?.kind === 'attachment' ? answer.blob : null;
  useEffect(() => {
    if (!sha) {
      setUrl(null);
      return;
    }
    let live = true;
    let created: string | null = null;
    void store.read(sha).then((stored) => {
      if (!live || !stored) return;
      created = URL.createObjectURL(new Blob([stored.bytes], { type: stored.mime }));
      setUrl(created);
    });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [sha, store]);
  return url;
}
