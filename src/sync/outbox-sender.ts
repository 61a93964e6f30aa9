/**
 * Delivery policy of the outbox: send what is due, attachments first, and change
 * an item only according to `classifySend` — removed on an acknowledgement of its
 * UUID, otherwise kept (retry later, needs attention, or re-link).
 */
import { LOCK_OUTBOX } from '../../protocol/index.ts';
import { attachmentsOf, getAttachment } from '../store/attachments.ts';
import { getHandedIn } from '../store/hand-in.ts';
import {
  acknowledge,
  listDue,
  listOutbox,
  markNeedsAttention,
  markRelink,
  nextDueAt,
  reschedule,
} from '../store/outbox.ts';
import { getProfile } from '../store/profiles.ts';
import type { OutboxItem, Profile } from '../store/records.ts';
import { defaultFetch, putBlob, putSubmission, type FetchLike } from './api-client.ts';
import { nextAttemptAt } from './backoff.ts';
import { notifyPages } from './broadcast.ts';
import { classifySend, type SendVerdict } from './classify.ts';
import { runExclusive } from './locks.ts';

export interface SendOutboxOptions {
  /** The device clock in epoch ms (default Date.now). */
  now?: () => number;
  fetch?: FetchLike;
  /** Random source for the backoff jitter. */
  random?: () => number;
}

export interface OutboxSendResult {
  /** Items acknowledged during this pass. */
  delivered: number;
  /** Items still waiting for an automatic retry (needs-attention and re-link items excluded). */
  remaining: number;
  /** When the earliest of those is due (epoch ms), or null. */
  nextAttemptAt: number | null;
}

/**
 * Send every due item, one sender at a time across tabs and the worker.
 * Triggers arriving while a pass waits for the lock share that pass.
 */
export function sendOutbox(options: SendOutboxOptions = {}): Promise<OutboxSendResult> {
  return runExclusive(LOCK_OUTBOX, LOCK_OUTBOX, () => sendDue(options));
}

/**
 * Requests in flight to one server once it has acknowledged work in this pass. Its first
 * request of a pass goes alone: a server that is down is asked once, not six times; a
 * server that is up drains a long outbox (after an outage) several at a time: as many as a
 * browser opens connections to one host over HTTP/1.1, beyond which requests only queue.
 */
export const IN_FLIGHT_PER_SERVER = 6;

/** Runs `work` over the items with at most `limit()` running at once (read before each start). */
async function inPool<T>(items: T[], limit: () => number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let running = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (next >= items.length && running === 0) return resolve();
      while (next < items.length && running < limit()) {
        const item = items[next++]!;
        running += 1;
        work(item).then(() => {
          running -= 1;
          pump();
        }, reject);
      }
    };
    pump();
  });
}

async function sendDue(options: SendOutboxOptions): Promise<OutboxSendResult> {
  const clock = options.now ?? Date.now;
  const fetchFn = options.fetch ?? defaultFetch();
  const random = options.random ?? Math.random;
  let delivered = 0;
  let changed = false;
  // A server that just failed us is not asked again in this pass: its other items
  // wait with the same verdict instead of adding load to a struggling server.
  const unavailable = new Map<string, Extract<SendVerdict, { kind: 'retry' }>>();
  // Servers that acknowledged work in this pass: they are up again (see below).
  const recovered = new Set<string>();
  const relinked = new Set<string>();
  // Each item is tried at most once per pass, so the loop below always ends.
  const tried = new Set<string>();
  // Read once per pass, not once per item (a long outbox is one profile's, mostly).
  const profiles = new Map<string, Promise<Profile | undefined>>();
  const profileOf = (id: string) => {
    let profile = profiles.get(id);
    if (!profile) profiles.set(id, (profile = getProfile(id)));
    return profile;
  };

  const deliver = async (item: OutboxItem, profile: Profile) => {
    if (relinked.has(item.profileId)) return;
    const verdict = unavailable.get(profile.server) ?? (await sendOne(item, profile, fetchFn, clock()));
    const now = clock();
    changed = true;
    switch (verdict.kind) {
      case 'delivered':
        await acknowledge(item.id, verdict.receivedAt ?? new Date(now).toISOString());
        recovered.add(profile.server);
        delivered += 1;
        break;
      case 'retry':
        unavailable.set(profile.server, verdict);
        await reschedule(item.id, {
          nextAttemptAt: nextAttemptAt(now, item.attempts, verdict.retryAfterMs, random),
          lastError: verdict.reason,
        });
        break;
      case 'relink':
        if (relinked.has(item.profileId)) break;
        relinked.add(item.profileId);
        await markRelink(item.profileId);
        break;
      case 'needsAttention':
        await markNeedsAttention(item.id, verdict.reason, verdict.message);
        break;
    }
  };

  let batch = await listDue(clock());
  while (batch.length > 0) {
    // Server by server, in due order within each.
    const byServer = new Map<string, { item: OutboxItem; profile: Profile }[]>();
    for (const item of batch) {
      tried.add(item.id);
      const profile = await profileOf(item.profileId);
      if (!profile || profile.link !== 'ok' || relinked.has(item.profileId)) continue;
      const queue = byServer.get(profile.server) ?? [];
      queue.push({ item, profile });
      byServer.set(profile.server, queue);
    }
    for (const [server, queue] of byServer)
      await inPool(
        queue,
        () => (recovered.has(server) && !unavailable.has(server) ? IN_FLIGHT_PER_SERVER : 1),
        ({ item, profile }) => deliver(item, profile),
      );
    // A server that just acknowledged work is up: this device's other waiting items for it
    // follow now rather than each sitting out its own backoff. The spread that protects a
    // recovering server is between devices, and each device's first retry was jittered.
    batch = await waitingFor(recovered, unavailable, tried, profileOf);
  }

  if (changed) notifyPages({ type: 'outbox:changed' });
  const remaining = (await listOutbox()).filter((item) => item.state === 'waiting').length;
  return { delivered, remaining, nextAttemptAt: await nextDueAt(clock()) };
}

/** Waiting items not tried yet whose server acknowledged work in this pass and has not failed since. */
async function waitingFor(
  recovered: ReadonlySet<string>,
  unavailable: ReadonlyMap<string, unknown>,
  tried: ReadonlySet<string>,
  profileOf: (id: string) => Promise<Profile | undefined>,
): Promise<OutboxItem[]> {
  if (recovered.size === 0) return [];
  const next: OutboxItem[] = [];
  for (const item of await listOutbox()) {
    if (item.state !== 'waiting' || tried.has(item.id)) continue;
    const server = (await profileOf(item.profileId))?.server;
    if (server !== undefined && recovered.has(server) && !unavailable.has(server)) next.push(item);
  }
  return next;
}

/** Upload the item's attachments, then the submission; the first refusal decides. */
async function sendOne(
  item: OutboxItem,
  profile: Profile,
  fetchFn: FetchLike,
  now: number,
): Promise<SendVerdict> {
  const record = await getHandedIn(item.id);
  if (!record) return { kind: 'needsAttention', reason: 'missing_submission', message: null };
  for (const sha of attachmentsOf(record.submission.answers)) {
    const attachment = await getAttachment(profile.id, sha);
    // Bytes already cleaned up means an earlier upload was acknowledged; the server decides.
    if (!attachment) continue;
    const upload = classifySend(await putBlob(fetchFn, profile, sha, attachment.bytes, attachment.mime), {
      nowMs: now,
    });
    if (upload.kind !== 'delivered') return upload;
  }
  return classifySend(await putSubmission(fetchFn, profile, record.submission), {
    nowMs: now,
    expectedId: item.id,
  });
}
