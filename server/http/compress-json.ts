/**
 * A JSON answer compressed for the client that accepts it (brotli, else gzip). For API
 * answers that are large and rare (a manifest after a publication): compressed per
 * response at a fast level, since their body holds the server's time.
 */
import type { Context } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { preferredCoding } from './accept-encoding.ts';

/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

/** Sends `value` as JSON, compressed when the client accepts it and it is worth it. */
export function compressedJson(c: Context, value: unknown): Response {
  const text = JSON.stringify(value);
  c.header('Content-Type', 'application/json');
  c.header('Vary', 'Accept-Encoding');
  if (text.length < MIN_BYTES) return c.body(text);
  const coding = preferredCoding(c.req.header('Accept-Encoding'));
  if (coding === 'br') {
    c.header('Content-Encoding', 'br');
    const bytes = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return c.body(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>);
  }
  if (coding === 'gzip') {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(gzipSync(text, { level: 6 })) as Uint8Array<ArrayBuffer>);
  }
  return c.body(text);
}
