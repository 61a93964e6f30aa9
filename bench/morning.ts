/**
 * The 8 a.m. replay, origin's view: devices that synced the evening before open the app
 * and hand in, against an online-only platform serving the same pupils in the same run
 * (page and its scripts, styles and icons from a cold browser cache, lesson list, the open
 * lesson and its media fetched when opened, then the hand-in — all compressed alike).
 *
 * Cartable's device at 8 a.m., as the app does it: the browser revalidates the worker
 * script (304); the app asks its class news (no token, public max-age=60, so the
 * academy's cache in front of the origin answers all but the first device of the class
 * each minute: simulated here) and, only if it moved, its manifest and feed; readiness is
 * unchanged so not reported; then it hands in. Counted at the origin: requests and bytes
 * on the wire (headers and still-compressed bodies).
 */
import { randomUUID } from 'node:crypto';
import { addPupils } from './class-content.ts';
import { inParallel, originMeter, type Meter, type OriginTally } from './origin-meter.ts';
import { rushServer } from './browser-setup.ts';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const ACCEPT = 'gzip, deflate, br';

interface Device {
  token: string;
  swEtag: string;
  manifestEtag: string;
  feedCursor: string;
  newsUrl: string;
  news: string;
  lessonId: string;
  version: number;
  pack: string;
  media: string[];
}

export interface MorningResult {
  devices: number;
  cartable: OriginTally & { seconds: number; classNewsFromCache: number };
  onlineOnly: OriginTally & { seconds: number };
  fewerRequests: number;
  fewerBytes: number;
}

/** The media hashes a lesson pack refers to. */
export function mediaOf(pack: unknown): string[] {
  const found = new Set<string>();
  JSON.stringify(pack, (key, value: unknown) => {
    if (key === 'blob' && typeof value === 'string') found.add(value);
    return value;
  });
  return [...found];
}

/** Join every device and sync it as the app would the evening before. */
async function eveningBefore(origin: string, codes: string[]): Promise<Device[]> {
  const devices: Device[] = [];
  const sw = await fetch(`${origin}/sw.js`, { headers: { 'accept-encoding': ACCEPT } });
  const swEtag = sw.headers.get('etag') ?? '';
  const packs = new Map<string, string[]>();
  for (let i = 0; i < DEVICES; i++) {
    const joined = await fetch(`${origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes[i % codes.length] }),
    });
    const { token } = (await joined.json()) as { token: string };
    const manifest = await fetch(`${origin}/api/pupil/manifest`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await manifest.json()) as {
      lessons: { id: string; version: number; pack: string; availableFrom: string }[];
    };
    // The open lesson with the most to download: the one an online-only platform serves at 8 a.m.
    const open = body.lessons
      .filter((l) => Date.parse(l.availableFrom) <= Date.now())
      .sort((a, b) => (b as { size?: number }).size! - (a as { size?: number }).size!)[0]!;
    if (!packs.has(open.pack))
      packs.set(open.pack, mediaOf(await (await fetch(`${origin}/packs/${open.pack}`)).json()));
    devices.push({
      token,
      swEtag,
      manifestEtag: manifest.headers.get('etag') ?? '',
      feedCursor: manifest.headers.get('cartable-feed-cursor') ?? '',
      newsUrl: manifest.headers.get('cartable-class-news') ?? '',
      news: manifest.headers.get('cartable-class-news-value') ?? '',
      lessonId: open.id,
      version: open.version,
      pack: open.pack,
      media: packs.get(open.pack)!,
    });
  }
  return devices;
}

const handInBody = (d: Device, id: string, i: number) =>
  JSON.stringify({
    id,
    lessonId: d.lessonId,
    lessonVersion: d.version,
    handedInAt: new Date().toISOString(),
    answers: { bench: { kind: 'text', text: `Réponse du matin ${i}` } },
  });

/** Device `i` hands its open lesson in (a new UUID) through `meter`. */
function handIn(meter: Meter, d: Device, i: number) {
  const id = randomUUID();
  return meter.request(`/api/pupil/submissions/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
    body: handInBody(d, id, i),
  });
}

/** What the cache keeps of an answer. */
interface Answer {
  status: number;
  news?: string;
}

/** Runs both mornings against a fresh server; every loop is bounded by the device count. */
export async function replayMorning(): Promise<MorningResult> {
  const server = await rushServer(DEVICES);
  try {
    const origin = server.origin;
    // One device per pupil, as at home (siblings' devices of one pupil would see each other's acknowledgements).
    const codes = await addPupils(origin, DEVICES);
    const devices = await eveningBefore(origin, codes);

    const cartable = originMeter(origin, CONCURRENCY);
    // The academy's cache in front of the origin: it keeps a public answer for its s-maxage (else
    // max-age), and sends one request to the origin for many waiting clients (nginx's
    // proxy_cache_lock). It holds the class news and the worker script's update checks.
    const sharedCache = new Map<string, { until: number; answer: Promise<Answer> }>();
    let cacheHits = 0;
    const throughCache = (url: string, headers: Record<string, string>): Promise<Answer> => {
      const held = sharedCache.get(url);
      if (held && held.until > Date.now()) {
        cacheHits += 1;
        return held.answer;
      }
      const entry = { until: Number.POSITIVE_INFINITY, answer: Promise.resolve<Answer>({ status: 0 }) };
      entry.answer = cartable.request(url, { headers }).then((res) => {
        const control = String(res.headers['cache-control'] ?? '');
        const age = Number((/s-maxage=(\d+)/.exec(control) ?? /max-age=(\d+)/.exec(control))?.[1] ?? 0);
        const shareable = /public/.test(control) && (res.status === 200 || res.status === 304);
        entry.until = shareable ? Date.now() + age * 1000 : 0;
        return { status: res.status, news: res.news };
      });
      sharedCache.set(url, entry);
      return entry.answer;
    };
    const classNews = async (url: string): Promise<string | null> => {
      const answer = await throughCache(url, { 'accept-encoding': ACCEPT });
      return answer.status === 200 ? (answer.news ?? null) : null;
    };
    const cartableSeconds = await inParallel(DEVICES, CONCURRENCY, async (i) => {
      const d = devices[i]!;
      const auth = `Bearer ${d.token}`;
      // The browser's update check of the worker script, on opening the app (through the cache).
      await throughCache('/sw.js', { 'if-none-match': d.swEtag, 'accept-encoding': ACCEPT });
      // The app's lesson sync: the class news first; the manifest only if it moved.
      if ((await classNews(d.newsUrl)) !== d.news) {
        const manifest = await cartable.request('/api/pupil/manifest', {
          headers: { authorization: auth, 'if-none-match': d.manifestEtag, 'accept-encoding': ACCEPT },
        });
        if (manifest.headers['cartable-feed-cursor'] !== d.feedCursor)
          await cartable.request(`/api/pupil/updates?since=${d.feedCursor}`, {
            headers: { authorization: auth },
          });
      }
      await handIn(cartable, d, i);
    });
    cartable.close();

    // The page and what it loads, from a cold browser cache (shared and often-cleared devices).
    const html = await (await fetch(`${origin}/`)).text();
    const shell = ['/', ...[...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!)];
    const online = originMeter(origin, CONCURRENCY);
    const onlineSeconds = await inParallel(DEVICES, CONCURRENCY, async (i) => {
      const d = devices[i]!;
      const auth = `Bearer ${d.token}`;
      for (const file of shell) await online.request(file, { headers: { 'accept-encoding': ACCEPT } });
      await online.request('/api/pupil/manifest', {
        headers: { authorization: auth, 'accept-encoding': ACCEPT },
      });
      await online.request(`/packs/${d.pack}`, { headers: { 'accept-encoding': ACCEPT } });
      for (const blob of d.media) await online.request(`/blobs/${blob}`);
      await handIn(online, d, i);
    });
    online.close();

    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      devices: DEVICES,
      cartable: { ...cartable.tally, seconds: round(cartableSeconds), classNewsFromCache: cacheHits },
      onlineOnly: { ...online.tally, seconds: round(onlineSeconds) },
      // Three decimals: a ratio just under its target must not round up to it.
      fewerRequests: Math.round((online.tally.requests / cartable.tally.requests) * 1000) / 1000,
      fewerBytes: Math.round((online.tally.bytes / cartable.tally.bytes) * 1000) / 1000,
    };
  } finally {
    await server.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await replayMorning(), null, 2));
