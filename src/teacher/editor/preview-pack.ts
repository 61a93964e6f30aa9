/** The pack a pupil would receive, built on the device from the draft with the server's own conversion. */
import { draftToPack } from '../../../protocol/draft-to-pack.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import type { LessonPack } from '../../../protocol/lesson-pack.ts';

export function previewPack(draft: LessonDraft, ids: { lessonId: string; classId: string }): LessonPack {
  return draftToPack(draft, { ...ids, version: 1 }, new Date().toISOString()).pack;
}
