/** Link this device to a pupil with the code the teacher gave them. */
import { saveProfile, getProfile } from '../store/profiles.ts';
import type { Profile } from '../store/records.ts';
import { postJoin, defaultFetch, type FetchLike } from './api-client.ts';
import { parseRetryAfter } from './backoff.ts';
import { recordClockOffset } from './clock.ts';
import { requestPersistentStorage } from './storage-status.ts';

export type JoinErrorCode =
  'bad_code' | 'unknown_code' | 'expired_code' | 'class_archived' | 'rate_limited' | 'network' | 'server';

/** Why joining failed; nothing was stored. `retryAfterMs` is set for 'rate_limited'. */
export class JoinError extends Error {
  override name = 'JoinError';
  constructor(
    readonly code: JoinErrorCode,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`join failed: ${code}`);
  }
}

/** Children type codes with spaces, dashes and lowercase; the server accepts them, we only trim. */
export function tidyJoinCode(code: string): string {
  return code.trim();
}

/**
 * Join with a code: on success the profile (with its device token) and the clock
 * offset are stored and the profile returned; joining again as the same pupil
 * re-links the device and releases work parked by a 401. Throws JoinError.
 */
export async function joinWithCode(
  code: string,
  options: { server?: string; fetch?: FetchLike; now?: () => number } = {},
): Promise<Profile> {
  const server = new URL(options.server ?? location.origin).origin;
  const clock = options.now ?? Date.now;
  const sentAt = clock();
  const result = await postJoin(options.fetch ?? defaultFetch(), server, tidyJoinCode(code));
  const receivedAt = clock();
  if (!result.ok) {
    const { outcome } = result;
    if (outcome.kind !== 'response') throw new JoinError('network');
    if (outcome.status === 400) throw new JoinError('bad_code');
    // A server older than expired_code answers 404 unknown_code for a replaced code too.
    if (outcome.status === 404)
      throw new JoinError(errorOf(outcome.body) === 'expired_code' ? 'expired_code' : 'unknown_code');
    if (outcome.status === 403 && errorOf(outcome.body) === 'class_archived')
      throw new JoinError('class_archived');
    if (outcome.status === 429)
      throw new JoinError('rate_limited', parseRetryAfter(outcome.retryAfter, receivedAt));
    throw new JoinError('server');
  }
  const { token, pupil, class: schoolClass, serverTime } = result.value;
  const id = `${server}|${pupil.id}`;
  const previous = await getProfile(id);
  const profile: Profile = {
    id,
    pupilId: pupil.id,
    pupilName: pupil.name,
    classId: schoolClass.id,
    className: schoolClass.name,
    token,
    server,
    joinedAt: previous?.joinedAt ?? new Date(receivedAt).toISOString(),
    link: 'ok',
  };
  await saveProfile(profile);
  await recordClockOffset(id, result.response, sentAt, receivedAt, serverTime);
  // Lessons and unsent work must survive storage pressure; best effort, never blocks joining.
  void requestPersistentStorage();
  return profile;
}

/** The machine code of an error body, if it has one. */
function errorOf(body: unknown): unknown {
  return (body as { error?: unknown } | null)?.error;
}

/** The link a teacher shares: `<origin>/join#<code>` (the code stays out of server logs). */
export function joinCodeFromLink(link: string): string | null {
  try {
    const url = new URL(link);
    return url.pathname === '/join' && url.hash.length > 1 ? decodeURIComponent(url.hash.slice(1)) : null;
  } catch {
    return null;
  }
}
