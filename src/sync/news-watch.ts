/**
 * The news watch: while a pupil's page is visible and online, new lessons and teacher
 * feedback arrive within about a minute, without a tap. Every NEWS_CHECK_MS the page asks
 * each linked class's news (public, cacheable, no token: see class-news.ts); only when a
 * value moved does it run a full sync (manifest, downloads, feed). It stops while the page
 * is hidden or the browser offline; the triggers sync at once when it comes back.
 *
 * Origin cost per visible minute and device (measured, see docs/ARCHITECTURE.md): one
 * conditional GET answered 304 with no body, about 1.35 kB of headers on the wire both ways
 * (Chromium's own request, tests/e2e/live-status.spec.ts; the 0.7 kB answer is mostly the
 * security headers every answer carries) and about 1 ms of server time (three aggregate
 * queries); 1,000 pupils with the app on screen make about 17 such requests a second.
 */
import type { FetchLike } from './api-client.ts';
import { checkClassNews, type ClassNewsCheck } from './class-news.ts';
import { getClassNews } from '../store/meta.ts';
import { listLinkedProfiles } from '../store/profiles.ts';

export const NEWS_CHECK_MS = 60_000;
/**
 * localStorage key of a shorter (or longer) interval in ms, for tests and demonstrations;
 * values under NEWS_CHECK_MIN_MS are raised to it. Absent: NEWS_CHECK_MS.
 */
export const NEWS_CHECK_SETTING = 'cartable.newsCheckMs';
export const NEWS_CHECK_MIN_MS = 1_000;

/** The interval this device uses: NEWS_CHECK_MS unless the setting says otherwise. */
export function newsCheckMs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number {
  const set = Number(storage?.getItem(NEWS_CHECK_SETTING) ?? Number.NaN);
  return Number.isFinite(set) && set > 0 ? Math.max(NEWS_CHECK_MIN_MS, set) : NEWS_CHECK_MS;
}

/** The part of `document` the watch needs (tests pass their own). */
export interface VisibleDocument {
  visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface NewsWatchOptions {
  intervalMs: number;
  /** One check; the next is timed from its end, so checks never overlap. */
  check: () => Promise<void>;
  /** Absent (a worker, a test): always visible. */
  document?: VisibleDocument;
}

/** Run `check` every `intervalMs` while the page is visible and the browser online; returns stop(). */
export function startNewsWatch({ intervalMs, check, document: doc }: NewsWatchOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A check under way is not a timer: hiding and showing the page meanwhile must not start
  // a second chain beside it (two requests per interval from then on).
  let checking = false;
  let stopped = false;
  const watching = () =>
    !stopped && (doc?.visibilityState ?? 'visible') === 'visible' && (globalThis.navigator?.onLine ?? true);

  const arm = () => {
    if (timer !== undefined || checking || !watching()) return;
    timer = setTimeout(() => {
      timer = undefined;
      checking = true;
      void check()
        .catch(() => undefined)
        .finally(() => {
          checking = false;
          arm();
        });
    }, intervalMs);
  };
  // Hidden or offline: no timer at all. Back: the next check one interval later (the
  // triggers already sync at once on `visibilitychange` and `online`).
  const onChange = () => {
    if (watching()) arm();
    else if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };

  doc?.addEventListener('visibilitychange', onChange);
  globalThis.addEventListener?.('online', onChange);
  globalThis.addEventListener?.('offline', onChange);
  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
    doc?.removeEventListener('visibilitychange', onChange);
    globalThis.removeEventListener?.('online', onChange);
    globalThis.removeEventListener?.('offline', onChange);
  };
}

/**
 * Whether any linked profile's class news moved since its last manifest. Siblings of one
 * class share one request; a profile with no news URL yet (an older server) is left to the
 * regular lesson poll.
 */
export async function classNewsMoved(fetchFn: FetchLike): Promise<boolean> {
  const asked = new Map<string, Promise<ClassNewsCheck>>();
  for (const profile of await listLinkedProfiles()) {
    const news = await getClassNews(profile.id);
    if (!news) continue;
    const key = `${profile.server} ${news.url} ${news.value}`;
    let check = asked.get(key);
    if (!check) asked.set(key, (check = checkClassNews(fetchFn, profile.server, news)));
    if ((await check) === 'moved') return true;
  }
  return false;
}
