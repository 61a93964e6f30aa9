/** Saves the pupil's draft at every change: one write in flight, the latest state always written last. */
import { saveDraft } from '../store/drafts.ts';
import { createLatestWriter, type LatestWriter } from '../store/latest-writer.ts';
import type { Draft } from '../store/records.ts';

export function createDraftSaver(
  onSaved?: () => void,
  onFailed?: (error: unknown) => void,
): LatestWriter<Draft> {
  // A failed write keeps the draft and tries again (the connection reopens on next use).
  return createLatestWriter(saveDraft, () => onSaved?.(), { onError: (error) => onFailed?.(error) });
}
