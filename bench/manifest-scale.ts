/**
 * The manifest of a class with many published lessons: its size as sent (plain, gzip,
 * brotli) and its revalidation (304) under BENCH_CONCURRENCY connections.
 */
import { freePort, ServerProcess } from '../tests/e2e/support/server-process.ts';
import { publishLessons } from './class-content.ts';
import { runLoad, type LoadResult } from './load.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);

export interface ManifestScale {
  lessons: number;
  bytes: { plain: number; gzip: number; br: number };
  revalidation: LoadResult;
}

/** On the wire, not decoded: node's fetch would decompress, so ask for the length the server sent. */
async function sentBytes(origin: string, token: string, acceptEncoding: string): Promise<number> {
  const res = await fetch(`${origin}/api/pupil/manifest`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding },
  });
  const length = res.headers.get('content-length');
  const decoded = (await res.arrayBuffer()).byteLength;
  return length === null ? decoded : Number(length);
}

export async function measureManifestScale(lessons = 300): Promise<ManifestScale> {
  const server = new ServerProcess(await freePort(), { CARTABLE_MAX_IN_FLIGHT: '500' });
  await server.start();
  try {
    const origin = server.origin;
    await publishLessons(origin, lessons);
    const [pupil] = server.demoPupils();
    const joined = await fetch(`${origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: pupil!.code }),
    });
    const { token } = (await joined.json()) as { token: string };
    const first = await fetch(`${origin}/api/pupil/manifest`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const listed = ((await first.json()) as { lessons: unknown[] }).lessons.length;
    const etag = first.headers.get('etag')!;
    const bytes = {
      plain: await sentBytes(origin, token, 'identity'),
      gzip: await sentBytes(origin, token, 'gzip'),
      br: await sentBytes(origin, token, 'br'),
    };
    // Warm-up, then the measured run.
    await runLoad(500, CONCURRENCY, () =>
      fetch(`${origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${token}`, 'if-none-match': etag },
      }),
    );
    const revalidation = await runLoad(5000, CONCURRENCY, () =>
      fetch(`${origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${token}`, 'if-none-match': etag },
      }),
    );
    return { lessons: listed, bytes, revalidation };
  } finally {
    await server.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measureManifestScale(), null, 2));
