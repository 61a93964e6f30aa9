/**
 * Receives a request's whole body before the request may take a load-shedding slot.
 * A slot is for work (the database, the CPU); a client trickling its body in is not
 * work, and 200 of them must not lock the school out of its lessons. So the body is
 * read first, bounded in size and in time, then handed on as bytes in memory.
 *
 * Bounds: at most `maxBytes` (413 too_large, nothing read beyond it); a gap of more
 * than `idleMs` between two chunks, or more than `totalMs` for the whole body, ends the
 * request with 408 request_timeout and closes the connection. The route's own body
 * limit still applies afterwards, with its own, usually smaller, size.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../http.ts';
import { tooLarge } from '../routes/too-large.ts';

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

/** Reads a stream to its end within the bounds, or says which bound it broke. */
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
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** The middleware. Requests without a body pass straight through. */
export function receiveBody({ boundsFor, idleMs }: ReceiveBodyOptions): MiddlewareHandler {
  return async (c, next) => {
    // From the headers alone: touching `body` makes the Node adapter build a full web Request and
    // stream, a cost every GET (the morning's manifest checks) would pay for nothing.
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && (declared === undefined || declared === '0')) return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const { maxBytes, totalMs } = boundsFor(c);
    // What is left of a refused body is not worth reading: the connection ends with the answer.
    if (declared !== undefined && Number(declared) > maxBytes) {
      c.header('Connection', 'close');
      return tooLarge(c);
    }
    const outcome = await readBounded(body, maxBytes, idleMs, totalMs);
    if ('refused' in outcome) {
      c.header('Connection', 'close');
      return outcome.refused === 'too_large'
        ? tooLarge(c)
        : apiError(c, 408, 'request_timeout', 'The request body took too long to arrive; please try again.');
    }
    c.req.raw = new Request(c.req.raw, { body: outcome.bytes });
    return next();
  };
}
