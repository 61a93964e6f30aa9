/** Resume bookkeeping and hash verification of media downloads (src/sync/file-download.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { API, sha256Hex } from '../../../protocol/index.ts';
import { readReceived, receivedBytes, saveChunk } from '../../../src/store/download-chunks.ts';
import { downloadMedia, downloadPack } from '../../../src/sync/file-download.ts';
import { freshDevice, SERVER } from '../client/support/device.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';
import { imageBytes } from '../client/support/lesson-fixtures.ts';

const SIZE = 10_000;
let bytes: Uint8Array<ArrayBuffer>;
let ref: { blob: string; size: number };

beforeEach(async () => {
  await freshDevice();
  bytes = imageBytes(7, SIZE);
  ref = { blob: await sha256Hex(bytes), size: SIZE };
});

/** A body that delivers `upTo` bytes of `part`, then breaks like a killed server. */
function cutStream(part: Uint8Array, upTo: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= upTo) return controller.error(new TypeError('network connection lost'));
      controller.enqueue(part.slice(at, Math.min(upTo, at + 1000)));
      at += 1000;
    },
  });
}

interface MediaServerOptions {
  /** Cut the body of the n-th request (1-based) after this many bytes. */
  cutAt?: Map<number, number>;
  ignoreRange?: boolean;
  /** Serve wrong bytes to the first n requests. */
  corruptFirst?: number;
}

function mediaServer(options: MediaServerOptions = {}) {
  let count = 0;
  const ranges: (string | null)[] = [];
  const server = fakeServer((request) => {
    count += 1;
    const range = request.headers.get('range');
    ranges.push(range);
    const body = count <= (options.corruptFirst ?? 0) ? imageBytes(99, SIZE) : bytes;
    const start = range && !options.ignoreRange ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0;
    const part = body.slice(start);
    const cut = options.cutAt?.get(count);
    const headers: Record<string, string> = { 'content-type': 'image/png' };
    if (start > 0) headers['content-range'] = `bytes ${start}-${SIZE - 1}/${SIZE}`;
    return new Response(cut === undefined ? part : cutStream(part, cut), {
      status: start > 0 ? 206 : 200,
      headers,
    });
  });
  return { ...server, ranges };
}

describe('downloadMedia', () => {
  it('keeps what arrived before a cut and resumes with Range from exactly there', async () => {
    const server = mediaServer({ cutAt: new Map([[1, 4_000]]) });

    const first = await downloadMedia(server.fetch, SERVER, ref, { chunkBytes: 1_000 });
    expect(first).toEqual({ ok: false, code: 'network' });
    expect(await receivedBytes(ref.blob)).toBe(4_000);

    const second = await downloadMedia(server.fetch, SERVER, ref, { chunkBytes: 1_000 });
    expect(second.ok).toBe(true);
    expect(server.ranges).toEqual([null, 'bytes=4000-']);
    expect(second.ok && new Uint8Array(second.value)).toEqual(bytes);
  });

  it('resumes several times across cuts and never asks for a byte twice', async () => {
    const server = mediaServer({
      cutAt: new Map([
        [1, 3_000],
        [2, 2_000],
        [3, 1_000],
      ]),
    });
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await downloadMedia(server.fetch, SERVER, ref, { chunkBytes: 500 }));
    expect(results.map((r) => r.ok)).toEqual([false, false, false, true]);
    expect(server.ranges).toEqual([null, 'bytes=3000-', 'bytes=5000-', 'bytes=6000-']);
  });

  it('restarts cleanly from zero when the server ignores Range (200)', async () => {
    await saveChunk(ref.blob, 0, bytes.slice(0, 4_000).buffer);
    const server = mediaServer({ ignoreRange: true });
    const progress: number[] = [];

    const result = await downloadMedia(server.fetch, SERVER, ref, {
      chunkBytes: 1_000,
      onBytes: (delta) => progress.push(delta),
    });

    expect(result.ok && new Uint8Array(result.value)).toEqual(bytes);
    expect(server.ranges).toEqual(['bytes=4000-']);
    // Counted 4000 resumed, took them back on the restart, then counted the whole file.
    expect(progress.reduce((a, b) => a + b, 0)).toBe(SIZE);
    expect(progress.slice(0, 2)).toEqual([4_000, -4_000]);
  });

  it('verifies the whole file: wrong bytes are thrown away and fetched again', async () => {
    const server = mediaServer({ corruptFirst: 1 });
    const result = await downloadMedia(server.fetch, SERVER, ref);
    expect(result.ok).toBe(true);
    expect(server.log).toHaveLength(2);
    expect(server.ranges).toEqual([null, null]);
  });

  it('gives up with hash_mismatch after three wrong files, keeping nothing', async () => {
    const server = mediaServer({ corruptFirst: 99 });
    expect(await downloadMedia(server.fetch, SERVER, ref)).toEqual({ ok: false, code: 'hash_mismatch' });
    expect(server.log).toHaveLength(3);
    expect(await receivedBytes(ref.blob)).toBe(0);
  });

  it('a complete but wrong resumed file is detected and fetched again from zero', async () => {
    await saveChunk(ref.blob, 0, imageBytes(99, SIZE).buffer);
    const server = mediaServer();
    const result = await downloadMedia(server.fetch, SERVER, ref);
    expect(result.ok).toBe(true);
    expect(server.ranges).toEqual([null]);
  });

  it('a server that stops sending is given up on after the idle timeout, keeping what arrived', async () => {
    const hanging = fakeServer(
      (request) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(bytes.slice(0, 2_000));
              request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
            },
          }),
        ),
    );
    const started = Date.now();
    const result = await downloadMedia(hanging.fetch, SERVER, ref, { idleTimeoutMs: 100, chunkBytes: 500 });
    expect(result).toEqual({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await receivedBytes(ref.blob)).toBe(2_000);
  });

  it('ignores a piece stored after a gap (only the unbroken run from byte 0 counts)', async () => {
    await saveChunk(ref.blob, 0, bytes.slice(0, 1_000).buffer);
    await saveChunk(ref.blob, 5_000, bytes.slice(5_000, 6_000).buffer);
    expect(await receivedBytes(ref.blob)).toBe(1_000);
    expect(await readReceived(ref.blob)).toEqual(bytes.slice(0, 1_000));
  });

  it('a 404 is reported as not_found and keeps what was received', async () => {
    await saveChunk(ref.blob, 0, bytes.slice(0, 1_000).buffer);
    const gone = fakeServer(() => json({ error: 'not_found', message: 'gone' }, 404));
    expect(await downloadMedia(gone.fetch, SERVER, ref)).toEqual({ ok: false, code: 'not_found' });
    expect(await receivedBytes(ref.blob)).toBe(1_000);
  });
});

describe('downloadPack', () => {
  it('retries a pack whose bytes do not match, then reports hash_mismatch', async () => {
    const pack = new TextEncoder().encode('{"format":"cartable.lesson/1"}');
    const hash = await sha256Hex(pack);
    let served = 0;
    const flaky = fakeServer(() => new Response(++served === 1 ? 'garbage' : pack));
    expect((await downloadPack(flaky.fetch, SERVER, hash, pack.byteLength)).ok).toBe(true);
    expect(flaky.log).toEqual([`GET ${API.pack(hash)}`, `GET ${API.pack(hash)}`]);

    const broken = fakeServer(() => new Response('garbage'));
    expect(await downloadPack(broken.fetch, SERVER, hash, pack.byteLength)).toEqual({
      ok: false,
      code: 'hash_mismatch',
    });
    expect(broken.log).toHaveLength(3);
  });
});
