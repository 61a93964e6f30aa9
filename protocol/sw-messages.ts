/**
 * Notices from the service worker (and other tabs) to pages, as one typed union.
 * Pages ask the worker for work through Background Sync, not messages.
 */

export type WorkerToPage =
  /** Something in the outbox changed (delivered, rescheduled, needs attention). */
  | { type: 'outbox:changed' }
  /** Lessons were downloaded or changed in the background. */
  | { type: 'lessons:changed' };

/** Background Sync tags and the Web Lock names shared by tabs and the worker. */
export const SYNC_TAG_OUTBOX = 'cartable-outbox';
/** The teacher's saves and publishes waiting for the network. */
export const SYNC_TAG_TEACHER_OUTBOX = 'cartable-teacher-outbox';
export const PERIODIC_TAG_LESSONS = 'cartable-lessons';
export const LOCK_OUTBOX = 'cartable-outbox';
export const LOCK_LESSONS = 'cartable-lessons';
/** One teacher outbox sender at a time across tabs and the worker. */
export const LOCK_TEACHER_OUTBOX = 'cartable-teacher-outbox';
