/**
 * The manifest of a class with many published lessons: its size as sent (plain, gzip,
 * brotli) and its revalidation (304) by 50 devices of the class under BENCH_CONCURRENCY
 * connections (autocannon: a 2 s warm-up, then 3 rounds of 5 s, medians).
 */
import { freePort, ServerProcess } from '../tests/e2e/support/server-process.ts';
import { publishLessons } from './class-content.ts';
import { cannon, medians, type CannonResult } from './cannon.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);

export interface ManifestScale {
  lessons: number;
  bytes: { plain: number; gzip: number; br: number };
  revalidation: CannonResult & { rounds: CannonResult[] };
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
  const server = new ServerProcess(await freePort(), {
    CARTABLE_MAX_IN_FLIGHT: '500',
    CARTABLE_CLASS_JOINS_PER_MINUTE: '100',
  });
  await server.start();
  try {
    const origin = server.origin;
    await publishLessons(origin, lessons);
    const pupils = server.demoPupils();
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) {
      const joined = await fetch(`${origin}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: pupils[i % pupils.length]!.code }),
      });
      tokens.push(((await joined.json()) as { token: string }).token);
    }
    const token = tokens[0]!;
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
    // Each device revalidates with the ETag it was given: a manifest's ETag is its pupil's (pupils of
    // one class may be assigned different lessons), so another pupil's would rightly get a 200.
    const etags = [etag];
    for (const other of tokens.slice(1)) {
      const own = await fetch(`${origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${other}` },
      });
      await own.arrayBuffer();
      etags.push(own.headers.get('etag')!);
    }
    let next = 0;
    const revalidate = () => {
      const device = next++ % tokens.length;
      return {
        method: 'GET' as const,
        path: '/api/pupil/manifest',
        headers: { authorization: `Bearer ${tokens[device]}`, 'if-none-match': etags[device]! },
      };
    };
    const load = (seconds: number) =>
      cannon({ url: origin, connections: CONCURRENCY, seconds, request: revalidate });
    await load(2);
    const rounds: CannonResult[] = [];
    for (let i = 0; i < 3; i++) rounds.push(await load(5));
    const revalidation = medians(rounds);
    return { lessons: listed, bytes, revalidation };
  } finally {
    await server.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measureManifestScale(), null, 2));
