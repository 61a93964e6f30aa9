/** Pupils linked on this device. Each profile's data is its own: removing one never touches another's. */
import { openDb, type StoreName } from './db.ts';
import { META_NAMES, metaKey } from './meta.ts';
import type { Profile } from './records.ts';

export { markRelink } from './outbox.ts';

/** Every linked profile, oldest first (the order siblings joined). */
export async function listProfiles(): Promise<Profile[]> {
  const profiles = await (await openDb()).getAll('profiles');
  return profiles.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

/** Profiles whose token still works (not waiting for a re-link). */
export async function listLinkedProfiles(): Promise<Profile[]> {
  return (await listProfiles()).filter((profile) => profile.link === 'ok');
}

/** One profile, or undefined. */
export async function getProfile(id: string): Promise<Profile | undefined> {
  return (await openDb()).get('profiles', id);
}

/**
 * Store a profile. When it is linked ('ok') — a first join or a re-link after a 401 —
 * work that was parked for re-linking becomes due again, in the same transaction.
 */
export async function saveProfile(profile: Profile): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['profiles', 'outbox', 'handedIn'], 'readwrite');
  await tx.objectStore('profiles').put(profile);
  if (profile.link === 'ok') {
    for (const item of await tx.objectStore('outbox').index('byProfile').getAll(profile.id)) {
      if (item.state !== 'relink') continue;
      await tx.objectStore('outbox').put({ ...item, state: 'waiting', nextAttemptAt: 0 });
      const record = await tx.objectStore('handedIn').get(item.id);
      if (record && record.state === 'relink')
        await tx.objectStore('handedIn').put({ ...record, state: 'waiting' });
    }
  }
  await tx.done;
}

/** Refused: `unsentWork` handed in but not acknowledged, `drafts` (when any) work not handed in yet. */
export type RemoveProfileResult = { removed: true } | { removed: false; unsentWork: number; drafts?: number };

const PROFILE_STORES = [
  'lessons',
  'handedIn',
  'handedInElsewhere',
  'outbox',
  'attachments',
  'feedback',
] as const;

/**
 * Forget a profile and all of its data on this device. Refuses while it has work the
 * server has not acknowledged, unless `force` (the pupil confirmed losing it).
 */
export async function removeProfile(
  id: string,
  options: { force?: boolean } = {},
): Promise<RemoveProfileResult> {
  const db = await openDb();
  const stores: StoreName[] = ['profiles', 'drafts', 'meta', ...PROFILE_STORES];
  const tx = db.transaction(stores, 'readwrite');
  const unsentWork = await tx.objectStore('outbox').index('byProfile').count(id);
  // Drafts are the pupil's work too: offered for export before they go.
  const drafts = await tx.objectStore('drafts').count(IDBKeyRange.bound([id], [id, []]));
  if ((unsentWork > 0 || drafts > 0) && !options.force) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return drafts > 0 ? { removed: false, unsentWork, drafts } : { removed: false, unsentWork };
  }
  for (const name of PROFILE_STORES) {
    const index = tx.objectStore(name).index('byProfile');
    for (let cursor = await index.openCursor(id); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
    }
  }
  // Drafts are keyed [profileId, lessonId]: this range holds exactly this profile's drafts.
  await tx.objectStore('drafts').delete(IDBKeyRange.bound([id], [id, []]));
  for (const name of META_NAMES) await tx.objectStore('meta').delete(metaKey(name, id));
  await tx.objectStore('profiles').delete(id);
  await tx.done;
  return { removed: true };
}
