/** Saves the pupil's draft at every change: one write in flight, the latest state always written last. */
import { saveDraft } from '../store/drafts.ts';
import { createLatestWriter, type LatestWriter } from '../store/latest-writer.ts';
import type { Draft } from '../store/records.ts';

export function createDraftSaver(onSaved?: () => void): LatestWriter<Draft> {
  return createLatestWriter(saveDraft, () => onSaved?.());
}
