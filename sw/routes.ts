/**
 * What the worker answers from where:
 * - page navigations → the precached app shell (index.html), so the app opens offline;
 * - /blobs/<sha256> → the media cache filled (and verified) by the lesson downloader;
 * - /api/* → the network only: pupil data is never cached by the worker;
 * - /packs/* → the network (the downloader stores packs in IndexedDB itself);
 * - /assets/teacher-app-* → cache first: the teacher screens are not precached (pupils never
 *   need them) but, once a teacher has opened them, they open offline too.
 */
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { MEDIA_CACHE } from '../src/sync/lesson-sync.ts';
import { rangeResponse } from './media-range.ts';

const NOT_THE_APP = [/^\/api\//, /^\/packs\//, /^\/blobs\//];
const MEDIA_PATH = /^\/blobs\/[0-9a-f]{64}$/;
const TEACHER_CHUNK = /^\/assets\/teacher-app-[\w-]+\.(js|css)$/;
export const TEACHER_APP_CACHE = 'cartable-teacher-app';

/**
 * Cache first, then network. A network answer is NOT stored: only bytes the
 * downloader verified against their hash may enter the media cache.
 */
async function serveMedia(request: Request, pathname: string): Promise<Response> {
  const cache = await caches.open(MEDIA_CACHE);
  const cached = await cache.match(pathname);
  if (cached) return rangeResponse(request.headers.get('range'), cached);
  return fetch(request);
}

/** Register every route; call once from sw.ts, after precacheAndRoute. */
export function registerRoutes(): void {
  registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_APP }));
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && MEDIA_PATH.test(url.pathname),
    ({ request, url }) => serveMedia(request, url.pathname),
  );
  registerRoute(({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/'), new NetworkOnly());
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && TEACHER_CHUNK.test(url.pathname),
    // File names carry their content hash: a cached one is never stale; old versions age out.
    new CacheFirst({ cacheName: TEACHER_APP_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 8 })] }),
  );
}
