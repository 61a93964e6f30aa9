/**
 * Storing hand-ins, a batch at a time (the batch is one group commit, see db/group-commit.ts):
 * one multi-row insert-or-nothing for the batch, one feed append for those newly stored, one
 * read of those already there. Three statements however many hand-ins arrived together,
 * instead of two or three per hand-in (issue 14, target 1).
 *
 * The client's UUID is the primary key, so a repeat (lost answer, second tab, service worker
 * retry) never stores twice: it is answered 200 with the first receipt time if it is the same
 * work from the same pupil, 409 otherwise.
 */
import type { Transaction } from 'kysely';
import type { Update } from '../../protocol/api.ts';
import type { Database } from '../db/schema.ts';
import { appendToFeed } from '../feed/append.ts';

export interface HandIn {
  id: string;
  pupilId: string;
  lessonId: string;
  lessonVersion: number;
  /** Canonical JSON of the submission, and its SHA-256 (what a repeat must match). */
  body: string;
  bodySha256: string;
  handedInAt: string;
  receivedAt: string;
  /** 'file' for work imported from a family's work file; absent for the network. */
  receivedVia?: 'file';
}

export type HandInOutcome = { status: 201 | 200; receivedAt: string } | { status: 409 };

export async function storeHandIns(trx: Transaction<Database>, handIns: HandIn[]): Promise<HandInOutcome[]> {
  // Insert-or-nothing on the primary key: concurrent repeats cannot race into a 500. Of two
  // with one id in the same batch, the first is stored (SQLite and PostgreSQL skip the second).
  // In id order: two batches committing side by side (PostgreSQL, db/group-commit.ts) that
  // share two ids then wait for each other's key in the same order, never in a circle.
  const inIdOrder = [...handIns].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inserted = new Set(
    (
      await trx
        .insertInto('submissions')
        .values(
          inIdOrder.map((h) => ({
            id: h.id,
            pupil_id: h.pupilId,
            lesson_id: h.lessonId,
            lesson_version: h.lessonVersion,
            body: h.body,
            body_sha256: h.bodySha256,
            handed_in_at: h.handedInAt,
            received_at: h.receivedAt,
            received_via: h.receivedVia ?? null,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute()
    ).map((row) => row.id),
  );
  const stored = new Set<string>();
  const fresh = handIns.map((h) => {
    const isNew = inserted.has(h.id) && !stored.has(h.id);
    if (isNew) stored.add(h.id);
    return isNew;
  });

  const acks = handIns.filter((_, i) => fresh[i]);
  if (acks.length > 0)
    await appendToFeed(
      trx,
      acks.map((h) => ({
        pupilId: h.pupilId,
        update: {
          kind: 'ack',
          submissionId: h.id,
          lessonId: h.lessonId,
          receivedAt: h.receivedAt,
          handedInAt: h.handedInAt,
        } satisfies Update,
        createdAt: h.receivedAt,
      })),
    );

  const repeats = [...new Set(handIns.filter((_, i) => !fresh[i]).map((h) => h.id))];
  const existing = new Map(
    repeats.length === 0
      ? []
      : (
          await trx
            .selectFrom('submissions')
            .select(['id', 'pupil_id', 'body_sha256', 'received_at'])
            .where('id', 'in', repeats)
            .execute()
        ).map((row) => [row.id, row]),
  );
  return handIns.map((h, i): HandInOutcome => {
    if (fresh[i]) return { status: 201, receivedAt: h.receivedAt };
    const first = existing.get(h.id);
    if (!first) throw new Error(`submission ${h.id} neither stored nor found`);
    return first.pupil_id === h.pupilId && first.body_sha256 === h.bodySha256
      ? { status: 200, receivedAt: first.received_at }
      : { status: 409 };
  });
}
