/**
 * The true state of a pupil's work on a lesson, as the pupil should see it.
 * Unsent work outranks everything: a pupil must never believe work was handed in
 * while it still waits on the device.
 */
import { openDb } from './db.ts';
import type { Draft, HandedInElsewhereRecord, HandedInRecord, OutboxItem } from './records.ts';
import { latestFirst } from './time-order.ts';

export type LessonWorkState =
  | { kind: 'notStarted' }
  | { kind: 'saved'; updatedAt: string }
  | { kind: 'waiting'; nextAttemptAt: number; attempts: number; lastError?: string }
  | { kind: 'needsAttention'; reason: string; message?: string }
  | { kind: 'relink' }
  | {
      kind: 'handedIn';
      receivedAt: string;
      /**
       * Handed in from another of the pupil's devices (its answers are there, not here), at
       * `handedInAt` on that device's corrected clock (the receipt time from older servers).
       */
      elsewhere?: { handedInAt: string };
    };

/**
 * Pure: the state from a lesson's draft, hand-ins and their outbox items, and the pupil's
 * hand-ins from other devices (delivered by definition: the server acknowledged them).
 */
export function workStateOf(
  draft: Draft | undefined,
  handedIn: readonly HandedInRecord[],
  outbox: ReadonlyMap<string, OutboxItem>,
  elsewhere: readonly HandedInElsewhereRecord[] = [],
): LessonWorkState {
  const unsent = handedIn
    .map((record) => outbox.get(record.submission.id))
    .filter((item): item is OutboxItem => item !== undefined);
  // The most serious unsent state first: it asks something of the pupil.
  const needsAttention = unsent.find((item) => item.state === 'needsAttention');
  if (needsAttention) {
    const state: LessonWorkState = { kind: 'needsAttention', reason: needsAttention.lastError ?? 'rejected' };
    return needsAttention.lastErrorMessage === undefined
      ? state
      : { ...state, message: needsAttention.lastErrorMessage };
  }
  if (unsent.some((item) => item.state === 'relink')) return { kind: 'relink' };
  const waiting = unsent
    .filter((item) => item.state === 'waiting')
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)[0];
  if (waiting) {
    const state: LessonWorkState = {
      kind: 'waiting',
      nextAttemptAt: waiting.nextAttemptAt,
      attempts: waiting.attempts,
    };
    return waiting.lastError === undefined ? state : { ...state, lastError: waiting.lastError };
  }
  if (draft) return { kind: 'saved', updatedAt: draft.updatedAt };
  const delivered = handedIn
    .filter((record) => record.state === 'delivered' && record.receivedAt)
    .sort((a, b) => latestFirst(a.receivedAt ?? '', b.receivedAt ?? ''))[0];
  const other = [...elsewhere].sort((a, b) => latestFirst(a.receivedAt, b.receivedAt))[0];
  // The latest delivered hand-in, from this device or another: the one the teacher sees last.
  if (other && !(delivered?.receivedAt && delivered.receivedAt >= other.receivedAt)) {
    return {
      kind: 'handedIn',
      receivedAt: other.receivedAt,
      elsewhere: { handedInAt: other.handedInAt ?? other.receivedAt },
    };
  }
  if (delivered?.receivedAt) return { kind: 'handedIn', receivedAt: delivered.receivedAt };
  return { kind: 'notStarted' };
}

/** The state of a pupil's work on one lesson. */
export async function lessonWorkState(profileId: string, lessonId: string): Promise<LessonWorkState> {
  const db = await openDb();
  const tx = db.transaction(['drafts', 'handedIn', 'outbox', 'handedInElsewhere']);
  const draft = await tx.objectStore('drafts').get([profileId, lessonId]);
  const handedIn = await tx.objectStore('handedIn').index('byLesson').getAll([profileId, lessonId]);
  const outbox = new Map<string, OutboxItem>();
  for (const record of handedIn) {
    const item = await tx.objectStore('outbox').get(record.submission.id);
    if (item) outbox.set(item.id, item);
  }
  const elsewhere = await tx.objectStore('handedInElsewhere').index('byLesson').getAll([profileId, lessonId]);
  await tx.done;
  return workStateOf(draft, handedIn, outbox, elsewhere);
}

/** The state of every lesson a profile has touched (lessons absent from the map are notStarted). */
export async function profileWorkStates(profileId: string): Promise<Map<string, LessonWorkState>> {
  const db = await openDb();
  const tx = db.transaction(['drafts', 'handedIn', 'outbox', 'handedInElsewhere']);
  const drafts = await tx.objectStore('drafts').getAll(IDBKeyRange.bound([profileId], [profileId, []]));
  const handedIn = await tx.objectStore('handedIn').index('byProfile').getAll(profileId);
  const outbox = new Map(
    (await tx.objectStore('outbox').index('byProfile').getAll(profileId)).map((item) => [item.id, item]),
  );
  const elsewhere = await tx.objectStore('handedInElsewhere').index('byProfile').getAll(profileId);
  await tx.done;
  const lessonIds = new Set([
    ...drafts.map((d) => d.lessonId),
    ...handedIn.map((r) => r.submission.lessonId),
    ...elsewhere.map((r) => r.lessonId),
  ]);
  const states = new Map<string, LessonWorkState>();
  for (const lessonId of lessonIds) {
    states.set(
      lessonId,
      workStateOf(
        drafts.find((d) => d.lessonId === lessonId),
        handedIn.filter((r) => r.submission.lessonId === lessonId),
        outbox,
        elsewhere.filter((r) => r.lessonId === lessonId),
      ),
    );
  }
  return states;
}

/** The work states once a draft of `lessonId` is saved: a lesson not started becomes 'saved'; others keep theirs. */
export function withDraftSaved(
  states: ReadonlyMap<string, LessonWorkState>,
  lessonId: string,
  updatedAt: string,
): Map<string, LessonWorkState> | null {
  const current = states.get(lessonId);
  if (current && current.kind !== 'notStarted') return null;
  return new Map(states).set(lessonId, { kind: 'saved', updatedAt });
}

/** Work that has left the pupil's hands (handed in, whether or not the server has it yet). */
export function isHandedIn(state: LessonWorkState | undefined): boolean {
  return state !== undefined && state.kind !== 'notStarted' && state.kind !== 'saved';
}
