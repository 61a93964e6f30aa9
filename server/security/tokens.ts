/** Bearer tokens for devices and teacher sessions: 256 random bits, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

/** A new token to hand to the client once. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps: a leaked table gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}
