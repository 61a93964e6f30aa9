/**
 * Errors that mean "the database cannot be reached right now" (PostgreSQL restarting or failing
 * over, a dropped connection, SQLite busy past its timeout), as opposed to a bug: the request is
 * worth repeating later, so the server answers 503 with Retry-After rather than 500.
 */

/**
 * Retry-After for those answers, drawn in this range: long and wide enough that the devices which
 * waited through a 10 s outage come back over about as long again, not all at once.
 */
export const DATABASE_RETRY_AFTER_SECONDS = { min: 5, max: 30 };

/** PostgreSQL's codes for a server shutting down, starting, or a connection lost (classes 57P and 08). */
const POSTGRES_UNAVAILABLE = /^(57P0[1-3]|08\d\d\d)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'SQLITE_BUSY']);

/** True for an error a later attempt may not meet. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.test(code) || NETWORK_CODES.has(code))) return true;
  // pg reports a connection closed under it (and a later use of that client) by message only.
  const message = error instanceof Error ? error.message : '';
  return /^Connection terminated|connection error and is not queryable/.test(message);
}
