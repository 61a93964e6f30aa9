/** Tell every open page (and the worker) that stored data changed, so screens re-read it. */
import type { WorkerToPage } from '../../protocol/index.ts';

/** The BroadcastChannel name shared by pages and the service worker. */
export const CHANNEL_NAME = 'cartable';

/** Post one change notice on the shared channel (no-op where BroadcastChannel is missing). */
export function notifyPages(message: WorkerToPage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
}
