/**
 * Fetching published files so that nothing counts until its SHA-256 matches, and
 * nothing already received is fetched again in whole:
 * - a media file is written to IndexedDB piece by piece as it arrives; after an
 *   interruption it resumes with `Range: bytes=<received>-`; a server that ignores
 *   the Range (200) restarts it cleanly from zero;
 * - wrong bytes are thrown away and fetched again, at most HASH_ATTEMPTS times in all.
 */
import { API, sha256Hex, type MediaRef } from '../../protocol/index.ts';
import { dropReceived, readReceived, receivedBytes, saveChunk } from '../store/download-chunks.ts';
import { download, type FetchLike } from './api-client.ts';

/** Bytes gathered in memory before one IndexedDB write (and one progress step). */
export const CHUNK_BYTES = 256 * 1024;
/** A server that sends nothing for this long is given up on (a hung server must not block the sync). */
export const IDLE_TIMEOUT_MS = 20_000;
/** One try plus two retries when the bytes do not match their hash. */
export const HASH_ATTEMPTS = 3;

export type FileResult<T> = { ok: true; value: T } | { ok: false; code: string };

export interface MediaDownloadOptions {
  /** Bytes stored (negative when a restart throws some away). */
  onBytes?: (delta: number) => void;
  chunkBytes?: number;
  idleTimeoutMs?: number;
}

/** The machine code of a failed exchange, as stored on the lesson. */
export function codeOfStatus(status: number): string {
  return status === 404 ? 'not_found' : 'server';
}

/** A verified pack's bytes, retrying wrong bytes. */
export async function downloadPack(
  fetchFn: FetchLike,
  server: string,
  packHash: string,
  expectedBytes: number,
): Promise<FileResult<ArrayBuffer>> {
  for (let attempt = 1; attempt <= HASH_ATTEMPTS; attempt++) {
    const file = await download(fetchFn, server, API.pack(packHash), expectedBytes);
    if (!file.ok) {
      const { outcome } = file;
      if (outcome.kind === 'response') return { ok: false, code: codeOfStatus(outcome.status) };
      return { ok: false, code: outcome.kind === 'timeout' ? 'timeout' : 'network' };
    }
    if ((await sha256Hex(file.bytes)) === packHash) return { ok: true, value: file.bytes };
  }
  return { ok: false, code: 'hash_mismatch' };
}

/**
 * A media file's verified bytes, resuming from what earlier attempts stored. On
 * success the stored pieces are still there: drop them once the file is cached.
 * IndexedDB errors (QuotaExceededError…) are thrown, not turned into codes.
 */
export async function downloadMedia(
  fetchFn: FetchLike,
  server: string,
  ref: Pick<MediaRef, 'blob' | 'size'>,
  options: MediaDownloadOptions = {},
): Promise<FileResult<Uint8Array<ArrayBuffer>>> {
  const onBytes = options.onBytes ?? (() => undefined);
  let have = await receivedBytes(ref.blob);
  onBytes(have);
  for (let attempt = 1; attempt <= HASH_ATTEMPTS; attempt++) {
    if (have > ref.size) {
      await dropReceived(ref.blob);
      onBytes(-have);
      have = 0;
    }
    if (have < ref.size) {
      const fetched = await fetchRest(fetchFn, server, ref, have, options);
      have = fetched.have;
      if (fetched.code !== null) return { ok: false, code: fetched.code };
    }
    const bytes = await readReceived(ref.blob);
    if (bytes.byteLength === ref.size && (await sha256Hex(bytes)) === ref.blob)
      return { ok: true, value: bytes };
    // Wrong bytes: none of them can be trusted, start again from zero.
    await dropReceived(ref.blob);
    onBytes(-have);
    have = 0;
  }
  return { ok: false, code: 'hash_mismatch' };
}

/** First byte of a 206's Content-Range, or null. */
function rangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Fetch the file from byte `from` to its end, storing pieces as they arrive.
 * Returns the bytes now stored and null, or a failure code (what arrived is kept).
 */
async function fetchRest(
  fetchFn: FetchLike,
  server: string,
  ref: Pick<MediaRef, 'blob' | 'size'>,
  from: number,
  options: MediaDownloadOptions,
): Promise<{ have: number; code: string | null }> {
  const onBytes = options.onBytes ?? (() => undefined);
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const idleMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const controller = new AbortController();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, idleMs);
  };
  const failure = (have: number) => ({ have, code: timedOut ? 'timeout' : 'network' });

  let have = from;
  touch();
  try {
    let response: Response;
    try {
      response = await fetchFn(
        new Request(new URL(API.blob(ref.blob), server), {
          headers: from > 0 ? { range: `bytes=${from}-` } : {},
          signal: controller.signal,
        }),
      );
    } catch {
      return failure(have);
    }
    const resumed = response.status === 206 && rangeStart(response) === from;
    if (!resumed && response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      // 416 or an odd 206: our pieces do not fit this file; start again from zero next time.
      if (response.status === 416 || response.status === 206) {
        await dropReceived(ref.blob);
        onBytes(-have);
        return { have: 0, code: 'server' };
      }
      return { have, code: codeOfStatus(response.status) };
    }
    if (!resumed && have > 0) {
      // The server ignored the Range and sends the whole file: restart cleanly from zero.
      await dropReceived(ref.blob);
      onBytes(-have);
      have = 0;
    }
    if (!response.body) return { have, code: 'server' };

    const reader = response.body.getReader();
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const piece = new Uint8Array(pendingBytes);
      let at = 0;
      for (const part of pending) {
        piece.set(part, at);
        at += part.byteLength;
      }
      pending = [];
      pendingBytes = 0;
      await saveChunk(ref.blob, have, piece.buffer);
      have += piece.byteLength;
      onBytes(piece.byteLength);
    };
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch {
        // Cut mid-file (server died, link dropped): what arrived before the cut is a valid prefix.
        await flush();
        return failure(have);
      }
      if (read.done) break;
      touch();
      pending.push(read.value);
      pendingBytes += read.value.byteLength;
      // Storage errors (a full disk) propagate: they are not a network problem to retry.
      if (pendingBytes >= chunkBytes) await flush();
    }
    await flush();
    return { have, code: have < ref.size ? 'network' : null };
  } finally {
    clearTimeout(idle);
    // Stops a body nobody reads any more (after a storage error); harmless once finished.
    controller.abort();
  }
}
