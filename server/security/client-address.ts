/** The caller's network address, for rate limits. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The socket's remote address. Forwarded headers are ignored on purpose: a
 * client could forge them to dodge the limit. Requests without a socket
 * (tests calling app.request) share the key 'local'.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
