/** What the app needs from the outside world; tests pass their own. */
import type { Kysely } from 'kysely';
import type { BlobStore } from './blobs/store.ts';
import type { UploadQuotas } from './blobs/upload-policy.ts';
import type { Database } from './db/schema.ts';
import type { FailureLimiter, WindowLimiter } from './security/rate-limit.ts';

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
  /** Wrong join codes from every address together (one key): slows a guessing campaign spread over many addresses. */
  joinBudget: WindowLimiter;
  /** Successful joins per class id: a leaked class sheet cannot link hundreds of devices at once. */
  classJoinLimiter: WindowLimiter;
  /** Failed teacher logins per client address. */
  loginLimiter: FailureLimiter;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted (0: none). */
  trustedProxies?: number;
  /** The school's time zone for exports and the teacher's editor (default Europe/Paris). */
  timeZone?: string;
  /** Key of the class-news capability URLs (default: CARTABLE_CAPABILITY_KEY, else one per start). */
  capabilityKey?: string;
  /** How long a body may take to arrive (defaults in http-limits.ts; tests shorten them). */
  bodyTimeouts?: { jsonMs: number; idleMs: number };
  /** Total upload bytes per teacher and per pupil (defaults in blobs/upload-policy.ts). */
  quotas?: UploadQuotas;
}
