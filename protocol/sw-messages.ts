/** Messages between the page and the service worker: one typed union each way. */

export type PageToWorker =
  /** Drain the outbox now (the page saw the network come back, or the pupil asked). */
  | { type: 'outbox:send' }
  /** Fetch new lessons now. */
  | { type: 'lessons:sync' };

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
