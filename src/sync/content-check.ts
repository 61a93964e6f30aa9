/**
 * Is what the device claims to hold really there? Browsers evict storage and
 * families clear site data; a lesson marked ready whose media vanished from Cache
 * Storage is marked 'missing' so the pupil is told, and the next sync repairs it.
 * Runs at start (no network needed) and before every lesson sync.
 */
import { listLessons, markMissing } from '../store/lessons.ts';
import type { LessonRecord } from '../store/records.ts';
import { missingMedia, openMediaCache } from './media-cache.ts';

/** Mark this profile's ready lessons with vanished files as 'missing'; returns them. */
export async function detectMissingContent(profileId: string): Promise<LessonRecord[]> {
  const cache = await openMediaCache();
  const damaged: LessonRecord[] = [];
  for (const lesson of await listLessons(profileId)) {
    if (lesson.state !== 'ready' || lesson.withdrawn) continue;
    const missing = lesson.pack ? (await missingMedia(lesson.pack, cache, lesson.mediaOnDemand)).length : 1;
    if (missing === 0) continue;
    await markMissing(profileId, lesson.lessonId, missing);
    damaged.push({ ...lesson, state: 'missing', missingFiles: missing });
  }
  return damaged;
}
