/**
 * Receives a request's whole body before the request may take a load-shedding slot.
 * A slot is for work (the database, the CPU); a client trickling its body in is not
 * work, and 200 of them must not lock the school out of its lessons. So the body is
 * read first, bounded in size and in time, then handed on as bytes in memory.
 *
 * Bounds: at most `maxBytes` (413 too_large, nothing read beyond it); a gap of more
 * than `idleMs` between two chunks, or more than `totalMs` for the whole body, ends the
 * request with 408 request_timeout and closes the connection. A route's own, usually
 * smaller, limit is `bodyAtMost`; routes read the bytes with `receivedBody` / `receivedText`
 * (or c.req's body methods), never from `c.req.raw`, whose stream is already consumed.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../http/json.ts';
import { tooLarge } from '../http/too-large.ts';
import { keepReceived, receivedBody } from '../http/received-body.ts';

export interface BodyBounds {
  /** The largest body accepted here (the largest any route behind it accepts). */
  maxBytes: number;
  /** Longest time for the whole body; null for none beyond the idle bound (large uploads on slow links). */
  totalMs: number | null;
}

export interface ReceiveBodyOptions {
  /** The bounds for this request (uploads get more room than JSON). */
  boundsFor: (c: Context) => BodyBounds;
  /** Longest silence between two chunks. */
  idleMs: number;
}

type Outcome = { bytes: Uint8Array<ArrayBuffer> } | { refused: 'too_large' | 'timeout' };

/** One buffer of the chunks, its own (a pooled Buffer's `.buffer` would be shared). */
function joined(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads Node's request stream to its end within the bounds. Read straight from the socket's
 * stream: going through the web Request the adapter would otherwise build (a ReadableStream,
 * an AbortSignal, undici's body machinery) was a fifth of a hand-in's cost (issue 14).
 */
function readIncoming(
  incoming: IncomingMessage,
  maxBytes: number,
  idleMs: number,
  totalMs: number | null,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const finish = (outcome: Outcome | Error) => {
      clearTimeout(idle);
      clearTimeout(whole);
      incoming.off('data', onData).off('end', onEnd).off('error', finish).off('close', onClose);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) return finish({ refused: 'too_large' });
      chunks.push(chunk);
      idle.refresh();
    };
    const onEnd = () => finish({ bytes: joined(chunks, size) });
    // Gone before the end (the client hung up): nobody will read the answer.
    const onClose = () => finish({ refused: 'timeout' });
    const idle = setTimeout(() => finish({ refused: 'timeout' }), idleMs);
    const whole = totalMs === null ? undefined : setTimeout(() => finish({ refused: 'timeout' }), totalMs);
    incoming.on('data', onData).on('end', onEnd).on('error', finish).on('close', onClose);
  });
}

/** Reads a web stream to its end within the bounds (a request not from Node's server: app.request in tests). */
async function readBounded(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  idleMs: number,
  totalMs: number | null,
): Promise<Outcome> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const deadline = totalMs === null ? Infinity : Date.now() + totalMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    for (;;) {
      const wait = Math.min(idleMs, deadline - Date.now());
      if (wait <= 0) return { refused: 'timeout' };
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), wait);
      });
      const next = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (next === 'timeout') return { refused: 'timeout' };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) return { refused: 'too_large' };
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
  return { bytes: joined(chunks, size) };
}

/**
 * A route's own, usually smaller, size limit, on the body already received (413 by default).
 * Hono's bodyLimit would rebuild the web Request just to look at it.
 */
export function bodyAtMost(
  maxBytes: number,
  onError: (c: Context) => Response = tooLarge,
): MiddlewareHandler {
  return async (c, next) => (receivedBody(c).byteLength > maxBytes ? onError(c) : next());
}

/** The middleware. Requests without a body pass straight through. */
export function receiveBody({ boundsFor, idleMs }: ReceiveBodyOptions): MiddlewareHandler {
  return async (c, next) => {
    const fromNode = (c.env as { incoming?: unknown } | undefined)?.incoming;
    // Only Node's own request stream (tests may pass a bare object naming the remote address).
    const incoming = fromNode instanceof Readable ? (fromNode as IncomingMessage) : null;
    const declared = c.req.header('content-length');
    // From Node's server, whether there is a body is in the headers (HTTP/1.1 framing): touching
    // `body` would make the adapter build a full web Request and stream, a cost every GET (the
    // morning's manifest checks) would pay for nothing. A web Request (app.request) just says.
    const body = incoming ? null : c.req.raw.body;
    const hasBody = incoming
      ? c.req.header('transfer-encoding') !== undefined || (declared !== undefined && declared !== '0')
      : body !== null;
    if (!hasBody) return next();
    const { maxBytes, totalMs } = boundsFor(c);
    // What is left of a refused body is not worth reading: the connection ends with the answer.
    if (declared !== undefined && Number(declared) > maxBytes) {
      c.header('Connection', 'close');
      return tooLarge(c);
    }
    const outcome = incoming
      ? await readIncoming(incoming, maxBytes, idleMs, totalMs)
      : await readBounded(body!, maxBytes, idleMs, totalMs);
    if ('refused' in outcome) {
      c.header('Connection', 'close');
      return outcome.refused === 'too_large'
        ? tooLarge(c)
        : apiError(c, 408, 'request_timeout', 'The request body took too long to arrive; please try again.');
    }
    keepReceived(c, outcome.bytes);
    // c.req.json(), text() and arrayBuffer() answer from these bytes too (Hono keeps promises
    // in its body cache, whatever its type says).
    (c.req.bodyCache as Record<string, Promise<unknown>>).arrayBuffer = Promise.resolve(outcome.bytes.buffer);
    return next();
  };
}
