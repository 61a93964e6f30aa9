/**
 * Whether this page can keep Cartable offline at all: one answer for the home status, the
 * lesson list and the readiness report the teacher reads.
 *
 * True when this browser, at this address, cannot keep Cartable offline: service workers
 * (and Cache Storage) exist only on https:// and localhost, so a phone that opened
 * http://192.168.… works online but would lose the app with the network. Outside a
 * browser (unit tests, no `isSecureContext`) nothing is known, so nothing is claimed.
 */
export function offlineUnavailable(): boolean {
  const secure = (globalThis as { isSecureContext?: boolean }).isSecureContext;
  if (typeof secure !== 'boolean') return false;
  if (!secure) return true;
  // Only a page asks whether it can have a worker: a service worker running is the answer
  // itself (and its own navigator has no serviceWorker).
  return typeof document !== 'undefined' && !('serviceWorker' in navigator);
}
