/**
 * Trusted Types: the CSP requires them for every script sink, and the only
 * script URL this app ever hands to the browser itself is its service worker.
 */
interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

export const SERVICE_WORKER_URL = '/sw.js';
let policy: ReturnType<TrustedTypesLike['createPolicy']> | null = null;

/** The service worker's URL, as a TrustedScriptURL where the browser enforces Trusted Types. */
export function serviceWorkerScriptUrl(): string {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return SERVICE_WORKER_URL;
  policy ??= trustedTypes.createPolicy('cartable-sw', {
    createScriptURL(url) {
      if (url !== SERVICE_WORKER_URL) throw new TypeError(`Refusing to load script ${url}`);
      return url;
    },
  });
  // Typed as string for workbox-window, which accepts a TrustedScriptURL in its place.
  return policy.createScriptURL(SERVICE_WORKER_URL) as string;
}
