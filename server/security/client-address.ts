/** The caller's network address, for rate limits. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The caller's address. With no trusted proxy (the default), the socket's remote address:
 * forwarded headers are ignored, since a client could forge them to dodge a limit.
 * Behind `trustedProxies` reverse proxies (HTTPS termination), each of which appends the
 * address it saw to X-Forwarded-For, the client is the entry that many places from the
 * right; whatever a client wrote further left is not trusted. Without this, every pupil
 * behind the school's proxy would share one address, and ten typos would lock them all out.
 * Requests without a socket (tests calling app.request) use the key 'local'.
 */
export function clientAddress(c: Context, trustedProxies = 0): string {
  if (trustedProxies > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const client = forwarded[forwarded.length - trustedProxies];
    if (client) return client;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
