import * as v from 'valibot';

/** A lowercase hex SHA-256: the name of every pack and blob. */
export const Sha256Schema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{64}$/, 'expected a sha256 in lowercase hex'),
);
export type Sha256 = v.InferOutput<typeof Sha256Schema>;

export const UuidSchema = v.pipe(v.string(), v.uuid('expected a UUID'));

/**
 * SHA-256 of bytes as lowercase hex, with WebCrypto (page, worker and Node ≥ 20 alike).
 * A page on plain http off localhost (a phone trying Cartable at http://192.168.…) has no
 * `crypto.subtle`: it loads a small audited implementation then, so downloads are still
 * verified there; every other page never fetches that chunk.
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', view as BufferSource))
    : (await import('@noble/hashes/sha2.js')).sha256(view);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts;
 * `getRandomValues`, as random, exists everywhere, so an http page can still hand in.
 */
export function newUuid(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
