/**
 * What wakes an outbox on a page, for both queues: the network coming back, the page becoming
 * visible again, and a timer set for the next retry. Each `stop()` removes what it added.
 */
import type { VisibleDocument } from './news-watch.ts';

/** setTimeout overflows past 2^31-1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

/** The page's document where there is one (none in the worker or in Node tests). */
export function visibleDocument(): VisibleDocument | undefined {
  return (globalThis as { document?: VisibleDocument }).document;
}

/** Call `wake` on `online` and when the page becomes visible; returns stop(). */
export function onWake(wake: () => void, doc: VisibleDocument | undefined = visibleDocument()): () => void {
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') wake();
  };
  globalThis.addEventListener?.('online', wake);
  doc?.addEventListener('visibilitychange', onVisibility);
  return () => {
    globalThis.removeEventListener?.('online', wake);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}

/** A timer for the next retry: `arm(at)` replaces the previous one (null clears it); no timer after stop(). */
export function retryTimer(run: () => void, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  return {
    arm(at: number | null): void {
      clearTimeout(timer);
      if (stopped || at === null) return;
      timer = setTimeout(run, Math.min(MAX_TIMER_MS, Math.max(0, at - now())));
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
