/**
 * The body receiveBody took in, per request, for the route to read: the request's own stream
 * is consumed by then (see receive-body.ts).
 */
import type { Context } from 'hono';

const received = new WeakMap<Context, Uint8Array<ArrayBuffer>>();

export function keepReceived(c: Context, bytes: Uint8Array<ArrayBuffer>): void {
  received.set(c, bytes);
}

/** The request's body as received (empty when it had none). */
export function receivedBody(c: Context): Uint8Array<ArrayBuffer> {
  return received.get(c) ?? new Uint8Array(0);
}

/** The received body as text (UTF-8, a leading byte-order mark dropped, as fetch's text() does). */
export function receivedText(c: Context): string {
  const bytes = receivedBody(c);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
