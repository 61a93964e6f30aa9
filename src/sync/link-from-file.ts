/**
 * A profile made from a lessons file has no token: the first time a server answers, the device
 * links itself with the join code the file carried, as if the pupil had typed it. Its work,
 * waiting in the outbox meanwhile, then goes out under the same UUIDs.
 */
import { listProfiles, saveProfile } from '../store/profiles.ts';
import type { FetchLike } from './api-client.ts';
import { JoinError, joinWithCode } from './join.ts';

/** Refusals no retry can change: the code is wrong or gone; the pupil needs a new one. */
const FINAL: ReadonlySet<JoinError['code']> = new Set([
  'bad_code',
  'unknown_code',
  'expired_code',
  'class_archived',
]);

/** Link every profile waiting with a file's code; returns how many linked now. */
export async function linkProfilesFromFiles(options: { fetch?: FetchLike } = {}): Promise<number> {
  let linked = 0;
  for (const profile of await listProfiles()) {
    if (profile.link !== 'file' || !profile.joinCode) continue;
    try {
      await joinWithCode(profile.joinCode, { server: profile.server, ...options });
      linked += 1;
    } catch (error) {
      if (!(error instanceof JoinError)) throw error;
      // Asked again it would only count against the school's join limits: the pupil types a new code.
      if (FINAL.has(error.code)) {
        const { joinCode: _spent, ...rest } = profile;
        await saveProfile(rest);
      }
    }
  }
  return linked;
}
