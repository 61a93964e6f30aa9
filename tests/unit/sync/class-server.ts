/** A pupil's class server for lesson-sync tests: manifest with ETag, packs, media, updates feed, device status. */
import { API, type Manifest } from '../../../protocol/index.ts';
import { fakeServer, json, type Route } from '../client/support/fake-server.ts';
import { imageBytes, type PublishedLesson } from '../client/support/lesson-fixtures.ts';

export const SERVER_TIME = '2021-04-06T07:00:00.000Z';
export const DEVICE_NOW = Date.parse('2021-04-06T06:59:00.000Z');
export interface ServerOptions {
  tamperPack?: string;
  tamperMedia?: boolean;
  etag?: string;
  updates?: unknown[];
  /** What the manifest says in Cartable-Feed-Cursor (a server that predates it sends nothing). */
  feedCursor?: string;
  /** Device-status answers with this status. */
  statusCode?: number;
  /** The class news the manifest names (URL and current value); the URL answers `{ news }`. */
  classNews?: { url: string; value: string; status?: number };
}

/** A pupil's server: manifest with ETag, packs, media, updates feed, device status. */
export function classServer(lessons: PublishedLesson[], options: ServerOptions = {}) {
  const etag = options.etag ?? '"m1"';
  const statuses: unknown[] = [];
  const feedHeader: Record<string, string> = {
    ...(options.feedCursor === undefined ? {} : { 'cartable-feed-cursor': options.feedCursor }),
    ...(options.classNews
      ? { 'cartable-class-news': options.classNews.url, 'cartable-class-news-value': options.classNews.value }
      : {}),
  };
  const route: Route = async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === API.manifest) {
      if (request.headers.get('if-none-match') === etag)
        return new Response(null, {
          status: 304,
          headers: { date: new Date(SERVER_TIME).toUTCString(), ...feedHeader },
        });
      const manifest: Manifest = { serverTime: SERVER_TIME, lessons: lessons.map((l) => l.entry) };
      return json(manifest, 200, { etag, ...feedHeader });
    }
    for (const lesson of lessons) {
      if (pathname === API.pack(lesson.entry.pack)) {
        const bytes =
          lesson.entry.id === options.tamperPack
            ? new TextEncoder().encode(JSON.stringify({ ...lesson.pack, title: 'Piraté' }))
            : lesson.packBytes;
        return new Response(bytes, { headers: { 'content-type': 'application/json' } });
      }
      for (const [sha, media] of lesson.media) {
        if (pathname === API.blob(sha)) {
          const bytes = options.tamperMedia ? imageBytes(99, media.bytes.byteLength) : media.bytes;
          return new Response(bytes, { headers: { 'content-type': media.mime } });
        }
      }
    }
    if (options.classNews && pathname === options.classNews.url) {
      if (options.classNews.status)
        return json({ error: 'not_found', message: '' }, options.classNews.status);
      return json({ news: options.classNews.value }, 200, { 'cache-control': 'public, max-age=60' });
    }
    // One page of updates, then nothing after its cursor, as a real feed.
    if (pathname === '/api/pupil/updates')
      return json({
        cursor: 'c1',
        updates: new URL(request.url).searchParams.get('since') === 'c1' ? [] : (options.updates ?? []),
      });
    if (pathname === API.deviceStatus) {
      statuses.push(await request.json());
      return new Response(null, { status: options.statusCode ?? 204 });
    }
    return json({ error: 'not_found', message: pathname }, 404);
  };
  return { ...fakeServer(route), statuses };
}
