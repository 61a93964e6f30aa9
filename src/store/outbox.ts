/**
 * Queue semantics of the outbox (storage is db.ts, delivery policy is sync/outbox-sender.ts).
 * Every change to an item also updates the pupil's HandedInRecord in the same
 * transaction, so what the pupil sees is always what the sender will do.
 */
import { openDb } from './db.ts';
import { effectiveDueAt, isDue } from '../sync/backoff.ts';
import { attachmentsOf } from './attachments.ts';
import { groupedWrites } from '../../protocol/grouped-writes.ts';
import type { DeliveryState, OutboxItem } from './records.ts';

/** Every item waiting in the outbox (of one profile, or of all), oldest due first. */
export async function listOutbox(profileId?: string): Promise<OutboxItem[]> {
  const db = await openDb();
  const items =
    profileId === undefined
      ? await db.getAll('outbox')
      : await db.getAllFromIndex('outbox', 'byProfile', profileId);
  return items.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/** Items to send now: waiting, due at `now`, and whose profile is still linked. */
export async function listDue(now: number): Promise<OutboxItem[]> {
  const db = await openDb();
  const tx = db.transaction(['outbox', 'profiles']);
  // The linked profiles, read once (a long outbox is one pupil's, mostly; a device has a few).
  const [items, profiles] = await Promise.all([
    tx.objectStore('outbox').getAll(),
    tx.objectStore('profiles').getAll(),
  ]);
  const linked = new Set(profiles.filter((p) => p.link === 'ok').map((p) => p.id));
  // A date further ahead than any wait comes from a clock since corrected: due now.
  const due = items.filter(
    (item) => item.state === 'waiting' && isDue(item.nextAttemptAt, now) && linked.has(item.profileId),
  );
  await tx.done;
  return due.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/** When the next automatic retry is due (epoch ms), or null when nothing waits. */
export async function nextDueAt(now: number = Date.now()): Promise<number | null> {
  const waiting = (await listOutbox()).filter((item) => item.state === 'waiting');
  return waiting.length === 0
    ? null
    : Math.min(...waiting.map((item) => effectiveDueAt(item.nextAttemptAt, now)));
}

/** One item's change: its new state and how the item itself changes. */
interface Change {
  id: string;
  state: DeliveryState;
  edit: (item: OutboxItem) => OutboxItem;
}

/** Changes an item and its pupil's copy together; shares a transaction with the changes made meanwhile. */
function change(id: string, state: DeliveryState, edit: Change['edit']): Promise<OutboxItem | undefined> {
  return changes.add({ id, state, edit });
}

// A pass that finds the server down writes every waiting hand-in back, and six in flight are
// acknowledged nearly together: one readwrite transaction each made them wait in line (IndexedDB
// runs those one at a time on the same stores), with the reads of the next hand-ins behind them.
const changes = groupedWrites(changeAll);

async function changeAll(group: Change[]): Promise<(OutboxItem | undefined)[]> {
  const db = await openDb();
  const tx = db.transaction(['outbox', 'handedIn'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const handedIn = tx.objectStore('handedIn');
  // Every request is made before any answer is awaited. Two changes of one item in a group apply
  // in turn: the second edits what the first wrote.
  const latest = new Map<string, Promise<OutboxItem | undefined>>();
  const updated = group.map(({ id, state, edit }) => {
    const next = (latest.get(id) ?? outbox.get(id)).then(async (item) => {
      if (!item) return undefined;
      const changed = edit(item);
      await outbox.put(changed);
      const record = await handedIn.get(id);
      // The pupil's copy only when its state moves (a retry leaves it 'waiting').
      if (record && record.state !== 'delivered' && record.state !== state)
        await handedIn.put({ ...record, state });
      return changed;
    });
    latest.set(id, next);
    return next;
  });
  const results = await Promise.all(updated);
  await tx.done;
  return results;
}

/** A send failed in a way worth retrying: count the attempt and wait until `nextAttemptAt`. */
export function reschedule(
  id: string,
  retry: { nextAttemptAt: number; lastError: string },
): Promise<OutboxItem | undefined> {
  return change(id, 'waiting', (item) => ({
    ...item,
    ...retry,
    attempts: item.attempts + 1,
    state: 'waiting',
  }));
}

/** The server refused this work (4xx): keep it, show the reason, never retry by itself. */
export function markNeedsAttention(
  id: string,
  reason: string,
  message: string | null = null,
): Promise<OutboxItem | undefined> {
  return change(id, 'needsAttention', (item) => {
    const { lastErrorMessage: _previous, ...rest } = item;
    const updated: OutboxItem = {
      ...rest,
      attempts: item.attempts + 1,
      lastError: reason,
      state: 'needsAttention',
    };
    return message === null ? updated : { ...updated, lastErrorMessage: message };
  });
}

/** The pupil asked to try again now (after "needs attention" or a long wait). */
export function retryNow(id: string, now: number = Date.now()): Promise<OutboxItem | undefined> {
  return change(id, 'waiting', (item) =>
    // Parked for re-linking: only a new join can help, not a retry.
    item.state === 'relink' ? item : { ...item, nextAttemptAt: now, state: 'waiting' },
  );
}

/**
 * The server answered 401 for this profile: mark the profile for re-linking and park
 * all its unsent work (kept intact) until the pupil joins again.
 */
export async function markRelink(profileId: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['profiles', 'outbox', 'handedIn'], 'readwrite');
  const profile = await tx.objectStore('profiles').get(profileId);
  if (profile) await tx.objectStore('profiles').put({ ...profile, link: 'relink' });
  for (const item of await tx.objectStore('outbox').index('byProfile').getAll(profileId)) {
    await tx.objectStore('outbox').put({ ...item, state: 'relink', lastError: 'unauthorized' });
    const record = await tx.objectStore('handedIn').get(item.id);
    if (record && record.state !== 'delivered')
      await tx.objectStore('handedIn').put({ ...record, state: 'relink' });
  }
  await tx.done;
}

/**
 * The server acknowledged this submission: remove it from the outbox, mark the pupil's
 * copy delivered and drop attachment bytes nothing else still needs — one transaction,
 * shared with the acknowledgements that arrive meanwhile (protocol/grouped-writes.ts).
 * Harmless when already acknowledged.
 */
export function acknowledge(id: string, receivedAt: string): Promise<void> {
  return acknowledgements.add({ id, receivedAt });
}

const acknowledgements = groupedWrites(acknowledgeAll);

async function acknowledgeAll(acks: { id: string; receivedAt: string }[]): Promise<void[]> {
  const db = await openDb();
  const tx = db.transaction(['outbox', 'handedIn', 'drafts', 'attachments'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const handedIn = tx.objectStore('handedIn');
  // Every request is made before any answer is awaited: one round of answers for the group.
  const read = await Promise.all(
    acks.map(async ({ id, receivedAt }) => ({
      receivedAt,
      record: await handedIn.get(id),
      wasQueued: (await outbox.count(id)) > 0,
    })),
  );
  const writes: Promise<unknown>[] = acks.map(({ id }) => outbox.delete(id));
  // Only work with photos or recordings has bytes to clean up: text-only work (most of it)
  // skips the scan of the profile's other work, which made draining a long outbox quadratic.
  const sentBytes = new Map<string, Set<string>>();
  for (const { record, wasQueued, receivedAt } of read) {
    if (!record) continue;
    writes.push(handedIn.put({ ...record, state: 'delivered', receivedAt: record.receivedAt ?? receivedAt }));
    const sent = attachmentsOf(record.submission.answers);
    if (!wasQueued || sent.length === 0) continue;
    const ofProfile = sentBytes.get(record.profileId) ?? new Set<string>();
    for (const sha of sent) ofProfile.add(sha);
    sentBytes.set(record.profileId, ofProfile);
  }
  await Promise.all(writes);
  for (const [profileId, sent] of sentBytes) {
    // Bytes still referenced by other unsent work or by a draft must stay.
    const stillNeeded = new Set<string>();
    // Only this profile's: a sibling's identical bytes are its own record.
    for (const item of await outbox.index('byProfile').getAll(profileId)) {
      const other = await handedIn.get(item.id);
      if (other) attachmentsOf(other.submission.answers).forEach((sha) => stillNeeded.add(sha));
    }
    const profileDrafts = IDBKeyRange.bound([profileId], [profileId, []]);
    for (const draft of await tx.objectStore('drafts').getAll(profileDrafts))
      attachmentsOf(draft.answers).forEach((sha) => stillNeeded.add(sha));
    for (const sha of sent) {
      if (!stillNeeded.has(sha)) await tx.objectStore('attachments').delete([profileId, sha]);
    }
  }
  await tx.done;
  return acks.map(() => undefined);
}
