/**
 * The news watch (issue 10, point 6): while the page is visible, a lesson published
 * meanwhile arrives without a tap, for the price of one class-news request per interval;
 * hidden, the page asks nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type Manifest } from '../../../protocol/index.ts';
import { listLessons } from '../../../src/store/lessons.ts';
import { setClassNews } from '../../../src/store/meta.ts';
import {
  classNewsMoved,
  NEWS_CHECK_MIN_MS,
  NEWS_CHECK_MS,
  NEWS_CHECK_SETTING,
  newsCheckMs,
  startNewsWatch,
  type VisibleDocument,
} from '../../../src/sync/news-watch.ts';
import { startSyncTriggers, type SyncTriggers } from '../../../src/sync/triggers.ts';
import { fakeServer, json, networkDown } from '../client/support/fake-server.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { publishLesson, type PublishedLesson } from '../client/support/lesson-fixtures.ts';

const NEWS_URL = `/api/class-news/cm1-a/${'a'.repeat(64)}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A document whose visibility the test sets, as a browser tab's changes. */
function fakeDocument(): VisibleDocument & { show(visible: boolean): void } {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: 'visible',
    addEventListener: (_type: 'visibilitychange', listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: 'visibilitychange', listener: () => void) => void listeners.delete(listener),
    show(visible: boolean) {
      doc.visibilityState = visible ? 'visible' : 'hidden';
      for (const listener of listeners) listener();
    },
  };
  return doc;
}

beforeEach(async () => {
  await freshDevice();
});

describe('the interval', () => {
  it('is a minute unless the documented setting says otherwise, never under a second', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(newsCheckMs(undefined)).toBe(NEWS_CHECK_MS);
    expect(NEWS_CHECK_MS).toBe(60_000);
    expect(newsCheckMs(storage(null))).toBe(NEWS_CHECK_MS);
    expect(newsCheckMs(storage('abc'))).toBe(NEWS_CHECK_MS);
    expect(newsCheckMs(storage('3000'))).toBe(3000);
    expect(newsCheckMs(storage('5'))).toBe(NEWS_CHECK_MIN_MS);
    expect(NEWS_CHECK_SETTING).toBe('cartable.newsCheckMs');
  });
});

describe('startNewsWatch', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('checks on every interval while visible, not at all while hidden, and resumes when shown', async () => {
    const doc = fakeDocument();
    let checks = 0;
    stop = startNewsWatch({ intervalMs: 20, document: doc, check: async () => void checks++ });
    await pause(130);
    expect(checks).toBeGreaterThanOrEqual(3);

    doc.show(false);
    const hiddenAt = checks;
    await pause(130);
    expect(checks).toBe(hiddenAt);

    doc.show(true);
    await pause(130);
    expect(checks).toBeGreaterThanOrEqual(hiddenAt + 3);
  });

  it('never runs two checks at once, and keeps going after one fails', async () => {
    let running = 0;
    let overlapped = false;
    let checks = 0;
    stop = startNewsWatch({
      intervalMs: 5,
      check: async () => {
        running++;
        overlapped ||= running > 1;
        checks++;
        await pause(25);
        running--;
        if (checks === 1) throw new Error('storage error');
      },
    });
    await pause(150);
    expect(checks).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it('hiding and showing the page during a check keeps one chain of checks, not two', async () => {
    const doc = fakeDocument();
    let running = 0;
    let overlapped = false;
    let started = 0;
    let release: () => void = () => undefined;
    stop = startNewsWatch({
      intervalMs: 5,
      document: doc,
      check: async () => {
        running++;
        overlapped ||= running > 1;
        started++;
        await new Promise<void>((resolve) => (release = resolve));
        running--;
      },
    });
    await expect.poll(() => started).toBe(1);
    doc.show(false);
    doc.show(true);
    // The new visibility must not have armed a timer beside the check under way.
    await pause(40);
    expect(started).toBe(1);
    for (let i = 0; i < 5; i++) {
      release();
      await expect.poll(() => started).toBe(i + 2);
    }
    expect(overlapped).toBe(false);
  });
});

describe('classNewsMoved', () => {
  it('asks once per class, with no token, and says whether any value moved', async () => {
    const lea = await linkedProfile('lea');
    const noah = await linkedProfile('noah');
    for (const profile of [lea, noah]) await setClassNews(profile.id, { url: NEWS_URL, value: 'n1' });
    let current = 'n1';
    const server = fakeServer(() => json({ news: current }));

    expect(await classNewsMoved(server.fetch)).toBe(false);
    expect(server.log).toEqual([`GET ${NEWS_URL}`]);
    expect(server.requests[0]!.headers.get('authorization')).toBeNull();

    current = 'n2';
    expect(await classNewsMoved(server.fetch)).toBe(true);
  });

  it('an unreachable server or a 503 is not news (no manifest check added to a struggling server)', async () => {
    const lea = await linkedProfile('lea');
    await setClassNews(lea.id, { url: NEWS_URL, value: 'n1' });
    expect(await classNewsMoved(fakeServer(networkDown).fetch)).toBe(false);
    expect(await classNewsMoved(fakeServer(() => json({ error: 'busy', message: '' }, 503)).fetch)).toBe(
      false,
    );
    // A refused URL (the server's key changed) is for the manifest to settle.
    expect(await classNewsMoved(fakeServer(() => json({ error: 'not_found', message: '' }, 404)).fetch)).toBe(
      true,
    );
  });

  it('asks nothing for a profile whose server named no class news', async () => {
    await linkedProfile('lea');
    const server = fakeServer(() => json({ news: 'n1' }));
    expect(await classNewsMoved(server.fetch)).toBe(false);
    expect(server.log).toEqual([]);
  });
});

describe('the sync triggers with the news watch', () => {
  let triggers: SyncTriggers | undefined;
  const realDocument = (globalThis as { document?: unknown }).document;
  afterEach(() => {
    triggers?.stop();
    (globalThis as { document?: unknown }).document = realDocument;
  });

  /** The class's server: what is published can change while the page is open. */
  function classServer(published: PublishedLesson[]) {
    const news = () => `n${published.length}`;
    return fakeServer(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === API.manifest) {
        const manifest: Manifest = {
          serverTime: new Date().toISOString(),
          lessons: published.map((l) => l.entry),
        };
        return json(manifest, 200, {
          etag: `"m${published.length}"`,
          'cartable-feed-cursor': '0',
          'cartable-class-news': NEWS_URL,
          'cartable-class-news-value': news(),
        });
      }
      if (pathname === NEWS_URL)
        return json({ news: news() }, 200, { 'cache-control': 'public, max-age=60' });
      for (const lesson of published)
        if (pathname === API.pack(lesson.entry.pack))
          return new Response(lesson.packBytes, { headers: { 'content-type': 'application/json' } });
      if (pathname === API.deviceStatus) return new Response(null, { status: 204 });
      return json({ error: 'not_found', message: pathname }, 404);
    });
  }

  it('a lesson published while the page is visible arrives within the interval, without a tap', async () => {
    const lea = await linkedProfile('lea');
    const published = [await publishLesson('lecture')];
    const server = classServer(published);
    triggers = startSyncTriggers({ fetch: server.fetch, newsCheckMs: 40 });
    await expect.poll(async () => (await listLessons(lea.id)).map((l) => l.state)).toEqual(['ready']);

    // The teacher publishes; nobody taps "Mettre à jour".
    published.push(await publishLesson('ecriture'));
    await expect
      .poll(async () => (await listLessons(lea.id)).map((l) => `${l.lessonId}:${l.state}`).sort(), {
        timeout: 2_000,
      })
      .toEqual(['ecriture:ready', 'lecture:ready']);
  });

  it('costs one class-news request per interval while nothing changes, and nothing while hidden', async () => {
    const doc = fakeDocument();
    (globalThis as { document?: unknown }).document = doc;
    const lea = await linkedProfile('lea');
    const server = classServer([await publishLesson('lecture')]);
    triggers = startSyncTriggers({ fetch: server.fetch, newsCheckMs: 40 });
    await expect.poll(async () => (await listLessons(lea.id)).map((l) => l.state)).toEqual(['ready']);
    await pause(60);

    const quietFrom = server.log.length;
    await pause(400);
    const quiet = server.log.slice(quietFrom);
    expect(quiet.length).toBeGreaterThanOrEqual(5);
    expect(new Set(quiet)).toEqual(new Set([`GET ${NEWS_URL}`]));

    doc.show(false);
    // A check already under way when the page hides may still land; after it, nothing.
    await pause(150);
    const hiddenFrom = server.log.length;
    await pause(400);
    expect(server.log.slice(hiddenFrom)).toEqual([]);
  });
});
