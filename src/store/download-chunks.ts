/**
 * Resume bookkeeping for media downloads: the bytes of a file received so far, kept
 * in IndexedDB piece by piece as they arrive, so a download cut by a dead server or
 * a closed tab continues from where it stopped (HTTP Range) instead of from zero.
 */
import { openDb } from './db.ts';

function fileRange(sha256: string): IDBKeyRange {
  return IDBKeyRange.bound([sha256, 0], [sha256, Number.MAX_SAFE_INTEGER]);
}

/**
 * How many bytes of this file are stored, counting only the unbroken run from byte 0
 * (a piece after a gap is useless for a Range resume and is ignored).
 */
export async function receivedBytes(sha256: string): Promise<number> {
  const db = await openDb();
  let next = 0;
  for (const offset of (await db.getAllKeys('downloadChunks', fileRange(sha256))).map((k) => k[1])) {
    if (offset !== next) break;
    const chunk = await db.get('downloadChunks', [sha256, offset]);
    next += chunk?.bytes.byteLength ?? 0;
  }
  return next;
}

/** Store the next piece of a file, starting at `offset`. */
export async function saveChunk(sha256: string, offset: number, bytes: ArrayBuffer): Promise<void> {
  await (await openDb()).put('downloadChunks', { sha256, offset, bytes });
}

/** The stored bytes of a file from 0, joined (only the unbroken run, as for `receivedBytes`). */
export async function readReceived(sha256: string): Promise<Uint8Array<ArrayBuffer>> {
  const chunks = await (await openDb()).getAll('downloadChunks', fileRange(sha256));
  const run: ArrayBuffer[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.offset !== length) break;
    run.push(chunk.bytes);
    length += chunk.bytes.byteLength;
  }
  const whole = new Uint8Array(length);
  let at = 0;
  for (const bytes of run) {
    whole.set(new Uint8Array(bytes), at);
    at += bytes.byteLength;
  }
  return whole;
}

/** Forget a file's pieces: it is verified and cached, or its bytes were wrong. */
export async function dropReceived(sha256: string): Promise<void> {
  await (await openDb()).delete('downloadChunks', fileRange(sha256));
}

/** Forget every partial download (frees space when the device is full). */
export async function dropAllReceived(): Promise<void> {
  await (await openDb()).clear('downloadChunks');
}
