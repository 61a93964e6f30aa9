/**
 * The service worker entry: wiring only. Precaching of the app shell, our routes,
 * and the sync handlers. Updates wait for the page's go-ahead (SKIP_WAITING), which
 * the page sends only when no lesson is open.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerSyncHandlers } from './background-sync.ts';
import { registerRoutes } from './routes.ts';

declare let self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// First install: take control of the open page at once so it works offline on its next request.
clientsClaim();

registerRoutes();
registerSyncHandlers();

self.addEventListener('message', (event) => {
  if (typeof event.data === 'object' && event.data !== null && event.data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
