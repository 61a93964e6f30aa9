/**
 * The one drain loop behind both outboxes (the pupils' hand-ins and the teacher's saves and
 * publications), in the spirit of workbox-background-sync's Queue over QueueStore: the queue
 * says how items are stored and sent, this loop says when and what a verdict does to them.
 *
 * Delivery rule, the same for both: an item leaves only on an acknowledgement; network
 * errors, timeouts, 5xx, 408 and 429 are retried with full-jitter backoff never before
 * Retry-After; any other 4xx is parked for attention with the server's reason; 401 parks the
 * account's work until it signs in again. Nothing is ever dropped for age.
 */
import { nextAttemptAt } from './backoff.ts';
import type { SendVerdict } from './classify.ts';
import { runExclusive } from './locks.ts';

/** What the loop needs to know of an item; each queue keeps its own record shape. */
export interface QueuedItem {
  id: string;
  attempts: number;
}

/** Where an item goes: its server, and the account (pupil profile or teacher) whose token signs it. */
export interface Address {
  server: string;
  account: string;
}

/** One attempt's verdict, with the answer's body when the queue needs it (a publication's version). */
export interface Attempt {
  verdict: SendVerdict;
  body?: unknown;
}

/** A queue the loop can drain: storage and sending, no policy. */
export interface OutboxQueue<Item extends QueuedItem> {
  /** Web Lock name shared by tabs and the service worker (protocol/sw-messages.ts). */
  lock: string;
  /** Requests in flight to a server once it has acknowledged work in this pass (1 keeps the queue's order). */
  inFlightAfterRecovery: number;
  /** Items to send now, in the order to send them. */
  listDue(now: number): Promise<Item[]>;
  /** Every item waiting for an automatic retry, due or not. */
  listWaiting(): Promise<Item[]>;
  /** The item's server and account, or null when it cannot be sent now (its account is not linked). */
  addressOf(item: Item): Promise<Address | null>;
  /** Send the item once and say what came of it. */
  send(item: Item, now: number): Promise<Attempt>;
  /** The server has it: remove it. */
  acknowledge(item: Item, attempt: Attempt, now: number): Promise<void>;
  /** Count the failed attempt and wait until `nextAttemptAt`. */
  reschedule(item: Item, retry: { nextAttemptAt: number; lastError: string }): Promise<void>;
  /** The server refused it: keep it with the reason, never retried by itself. */
  parkForAttention(item: Item, attempt: Attempt): Promise<void>;
  /**
   * The item a wake may try before its time (DrainOptions.probe): one whose last try got no
   * answer at all. A server that answered (busy, Retry-After) keeps the wait it asked for.
   */
  probeCandidate?(): Promise<Item | undefined>;
  /** The token was refused: park the item's account's work until it signs in again. */
  needsSignIn(item: Item): Promise<void>;
}

export interface DrainOptions {
  /** The device clock in epoch ms (default Date.now). */
  now?: () => number;
  /** Random source for the backoff jitter (default Math.random). */
  random?: () => number;
  /**
   * The network came back or the page was shown again: when nothing is due, the queue's probe
   * candidate (`OutboxQueue.probeCandidate`) is tried now rather than at the end of its backoff
   * (up to 10 minutes). One request; if its server answers, that server's other items follow.
   */
  probe?: boolean;
}

export interface DrainResult {
  /** Items acknowledged during this pass. */
  delivered: number;
  /** Whether any item changed (a page may re-read the store). */
  changed: boolean;
  /** Accounts whose token was refused in this pass. */
  signInNeeded: string[];
}

/**
 * Send every due item of `queue`, one pass at a time across tabs and the worker.
 * Triggers arriving while a pass waits for the lock share that pass.
 */
export function drainQueue<Item extends QueuedItem>(
  queue: OutboxQueue<Item>,
  options: DrainOptions = {},
  key: string = queue.lock,
): Promise<DrainResult> {
  return runExclusive(queue.lock, key, () => drainDue(queue, options));
}

/** Items of a server that failed in this pass, written back side by side (no request is made for them). */
const WRITTEN_BACK_AT_ONCE = 64;

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

async function drainDue<Item extends QueuedItem>(
  queue: OutboxQueue<Item>,
  options: DrainOptions,
): Promise<DrainResult> {
  const clock = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  let delivered = 0;
  let changed = false;
  // A server that just failed us is not asked again in this pass: its other items
  // wait with the same verdict instead of adding load to a struggling server.
  const unavailable = new Map<string, Attempt>();
  // Servers that acknowledged work in this pass: they are up again (see below).
  const recovered = new Set<string>();
  const signInNeeded = new Set<string>();
  // Each item is tried at most once per pass, so the loop below always ends.
  const tried = new Set<string>();

  const deliver = async (item: Item, address: Address) => {
    if (signInNeeded.has(address.account)) return;
    const attempt = unavailable.get(address.server) ?? (await queue.send(item, clock()));
    const now = clock();
    changed = true;
    const { verdict } = attempt;
    switch (verdict.kind) {
      case 'delivered':
        await queue.acknowledge(item, attempt, now);
        recovered.add(address.server);
        delivered += 1;
        break;
      case 'retry':
        unavailable.set(address.server, attempt);
        await queue.reschedule(item, {
          nextAttemptAt: nextAttemptAt(now, item.attempts, verdict.retryAfterMs, random),
          lastError: verdict.reason,
        });
        break;
      case 'relink':
        if (signInNeeded.has(address.account)) break;
        signInNeeded.add(address.account);
        await queue.needsSignIn(item);
        break;
      case 'needsAttention':
        await queue.parkForAttention(item, attempt);
        break;
    }
  };

  /** The items not tried yet, by server, in the order given. */
  const byServer = async (items: Item[], from: ReadonlySet<string> | null) => {
    const groups = new Map<string, { item: Item; address: Address }[]>();
    for (const item of items) {
      if (tried.has(item.id)) continue;
      const address = await queue.addressOf(item);
      if (!address || signInNeeded.has(address.account)) continue;
      if (from && (!from.has(address.server) || unavailable.has(address.server))) continue;
      tried.add(item.id);
      groups.set(address.server, [...(groups.get(address.server) ?? []), { item, address }]);
    }
    return groups;
  };

  let first = await queue.listDue(clock());
  const probe = first.length === 0 && options.probe ? await queue.probeCandidate?.() : undefined;
  if (probe) first = [probe];
  let groups = await byServer(first, null);
  while (groups.size > 0) {
    for (const [server, items] of groups)
      await inPool(
        items,
        () =>
          // Once the server failed in this pass, its other items make no request: they are
          // written back with the same verdict, many at once (the store writes them together).
          unavailable.has(server)
            ? WRITTEN_BACK_AT_ONCE
            : recovered.has(server)
              ? queue.inFlightAfterRecovery
              : 1,
        ({ item, address }) => deliver(item, address),
      );
    // A server that just acknowledged work is up: this device's other waiting items for it
    // follow now rather than each sitting out its own backoff. The spread that protects a
    // recovering server is between devices, and each device's first retry was jittered.
    groups = recovered.size === 0 ? new Map() : await byServer(await queue.listWaiting(), recovered);
  }
  return { delivered, changed, signInNeeded: [...signInNeeded] };
}
