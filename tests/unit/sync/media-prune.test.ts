/** Removing a pupil from a shared device also frees the media only their lessons used. */
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../protocol/index.ts';
import { removeProfile } from '../../../src/store/profiles.ts';
import { syncLessons } from '../../../src/sync/lesson-sync.ts';
import { MEDIA_CACHE, pruneUnusedMedia } from '../../../src/sync/media-cache.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';
import { imageBytes, publishLesson, type PublishedLesson } from '../client/support/lesson-fixtures.ts';
import type { MemoryCacheStorage } from '../client/support/memory-caches.ts';

let caches: MemoryCacheStorage;
beforeEach(async () => {
  caches = await freshDevice();
});

function serve(byPupil: Record<string, PublishedLesson[]>) {
  return fakeServer((request) => {
    const url = new URL(request.url);
    const token = request.headers.get('authorization') ?? '';
    const lessons =
      Object.entries(byPupil).find(([pupil]) => token.includes(pupil))?.[1] ?? Object.values(byPupil).flat();
    if (url.pathname === API.manifest)
      return json({ serverTime: new Date().toISOString(), lessons: lessons.map((l) => l.entry) });
    for (const l of Object.values(byPupil).flat()) {
      if (url.pathname === API.pack(l.entry.pack)) return new Response(l.packBytes);
      for (const [sha, m] of l.media) if (url.pathname === API.blob(sha)) return new Response(m.bytes);
    }
    if (url.pathname.startsWith('/api/pupil/updates')) return json({ cursor: 'c', updates: [] });
    return new Response(null, { status: 204 });
  });
}

async function cachedBlobs(): Promise<string[]> {
  const cache = await caches.open(MEDIA_CACHE);
  return (await cache.keys()).map((r) => new URL(r.url, 'http://device').pathname.split('/').pop()!).sort();
}

describe('pruneUnusedMedia', () => {
  it('deletes the removed pupil’s media but keeps what a sibling’s lessons still use', async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom');
    const shared = imageBytes(1);
    const leaOnly = imageBytes(2);
    const geo = await publishLesson('geo', { image: shared });
    const maps = await publishLesson('maps', { image: leaOnly });
    const server = serve({ [lea.token]: [geo, maps], [tom.token]: [geo] });
    const network = { saveData: false, onWifi: true };
    await syncLessons(lea, { fetch: server.fetch, network });
    await syncLessons(tom, { fetch: server.fetch, network });
    const [sharedSha] = [...geo.media.keys()];
    const [leaSha] = [...maps.media.keys()];
    expect(await cachedBlobs()).toEqual([sharedSha!, leaSha!].sort());

    expect(await removeProfile(lea.id)).toEqual({ removed: true });
    expect(await pruneUnusedMedia()).toBe(1);
    expect(await cachedBlobs()).toEqual([sharedSha]);
  });
});
