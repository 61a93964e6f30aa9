/** What the app needs from the outside world; tests pass their own. */
import type { Kysely } from 'kysely';
import type { BlobStore } from './blobs/store.ts';
import type { UploadQuotas } from './blobs/upload-policy.ts';
import type { Database } from './db/schema.ts';
import type { FailureLimiter } from './security/rate-limit.ts';

export interface AppDeps {
  db: Kysely<Database>;
  blobs: BlobStore;
  /** Reported by /api/health. */
  version: string;
  /** The built app; missing means "run npm run build". */
  staticDir: string;
  maxInFlight: number;
  now: () => Date;
  /** Failed join codes per client address. */
  joinLimiter: FailureLimiter;
  /** Failed teacher logins per client address. */
  loginLimiter: FailureLimiter;
  /** Total upload bytes per teacher and per pupil (defaults in blobs/upload-policy.ts). */
  quotas?: UploadQuotas;
}
