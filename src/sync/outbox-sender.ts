/**
 * The pupils' hand-ins as a queue of the one drain loop (drain-queue.ts): attachments
 * first, then the submission, whose 2xx counts only if it acknowledges that UUID
 * (`classifySend`); what a verdict does to the item is the loop's policy.
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
import { notifyPages } from './broadcast.ts';
import { classifySend, type SendVerdict } from './classify.ts';
import { drainQueue, type DrainOptions, type OutboxQueue } from './drain-queue.ts';

export interface SendOutboxOptions extends DrainOptions {
  fetch?: FetchLike;
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
 * Requests in flight to one server once it has acknowledged work in this pass. Its first
 * request of a pass goes alone: a server that is down is asked once, not six times; a
 * server that is up drains a long outbox (after an outage) several at a time: as many as a
 * browser opens connections to one host over HTTP/1.1, beyond which requests only queue.
 */
export const IN_FLIGHT_PER_SERVER = 6;

/**
 * Send every due item, one sender at a time across tabs and the worker.
 * Triggers arriving while a pass waits for the lock share that pass.
 */
export async function sendOutbox(options: SendOutboxOptions = {}): Promise<OutboxSendResult> {
  const clock = options.now ?? Date.now;
  // A probe is a pass of its own: a pass already waiting for the lock would not probe.
  const key = options.probe ? `${LOCK_OUTBOX}:probe` : LOCK_OUTBOX;
  const drained = await drainQueue(handInQueue(options.fetch ?? defaultFetch()), options, key);
  if (drained.changed) notifyPages({ type: 'outbox:changed' });
  const remaining = (await listOutbox()).filter((item) => item.state === 'waiting').length;
  return { delivered: drained.delivered, remaining, nextAttemptAt: await nextDueAt(clock()) };
}

/** The pupils' hand-ins as a queue of the drain loop; one per pass, so profiles are read once a pass. */
function handInQueue(fetchFn: FetchLike): OutboxQueue<OutboxItem> {
  // Read once per pass, not once per item (a long outbox is one profile's, mostly).
  const profiles = new Map<string, Promise<Profile | undefined>>();
  const profileOf = (id: string) => {
    let profile = profiles.get(id);
    if (!profile) profiles.set(id, (profile = getProfile(id)));
    return profile;
  };
  const linked = async (item: OutboxItem) => {
    const profile = await profileOf(item.profileId);
    return profile?.link === 'ok' ? profile : null;
  };
  return {
    lock: LOCK_OUTBOX,
    inFlightAfterRecovery: IN_FLIGHT_PER_SERVER,
    listDue,
    listWaiting: async () => (await listOutbox()).filter((item) => item.state === 'waiting'),
    // The earliest waiting item that found no server at all (listOutbox is in due order).
    probeCandidate: async () =>
      (await listOutbox()).find((item) => item.state === 'waiting' && item.lastError === 'network'),
    async addressOf(item) {
      const profile = await linked(item);
      return profile && { server: profile.server, account: profile.id };
    },
    // addressOf let the item through, so its profile is read and linked.
    send: async (item, now) => ({
      verdict: await sendOne(item, (await profileOf(item.profileId))!, fetchFn, now),
    }),
    async acknowledge(item, { verdict }, now) {
      const receivedAt = verdict.kind === 'delivered' ? verdict.receivedAt : null;
      await acknowledge(item.id, receivedAt ?? new Date(now).toISOString());
    },
    reschedule: async (item, retry) => void (await reschedule(item.id, retry)),
    async parkForAttention(item, { verdict }) {
      if (verdict.kind === 'needsAttention')
        await markNeedsAttention(item.id, verdict.reason, verdict.message);
    },
    needsSignIn: (item) => markRelink(item.profileId),
  };
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
