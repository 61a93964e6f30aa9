/**
 * Saves a draft at every change without piling up writes: at most one write
 * in flight, and the latest state always written last.
 */
import type { Draft } from '../store/records.ts';
import { saveDraft } from '../store/drafts.ts';

export function createDraftSaver(onSaved?: () => void) {
  let pending: Draft | null = null;
  let writing: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (pending) {
      const draft = pending;
      pending = null;
      await saveDraft(draft);
      onSaved?.();
    }
    writing = null;
  }

  return {
    /** Queue this draft for saving; returns when it (or a later one) is stored. */
    save(draft: Draft): Promise<void> {
      pending = draft;
      writing ??= drain();
      return writing;
    },
    /** Wait for every queued write (before hand-in). */
    async flush(): Promise<void> {
      while (writing) await writing;
    },
  };
}
