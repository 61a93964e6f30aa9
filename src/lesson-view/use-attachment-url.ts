/** A blob: URL for a stored attachment, revoked when it is no longer shown. */
import { useEffect, useState } from 'preact/hooks';
import type { Answer } from '../../protocol/answers.ts';
import type { AttachmentStore } from './attachment-store.ts';

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
