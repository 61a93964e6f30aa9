/**
 * A teacher imports a family's work file (`cartable.work-file/1`): each submission is stored
 * exactly once by its UUID, under the rule of `PUT /api/pupil/submissions/<uuid>` (a repeat is
 * "already received", a UUID reused with other content is refused), with its photos and
 * recordings, and marked as received by file. All or nothing: every check runs before the
 * first write, and the submissions and their owners are written in one transaction.
 */
import type { Kysely } from 'kysely';
import { readOfflineFile } from '../../protocol/offline-file-archive.ts';
import { blobEntry, type OfflineFileProblem } from '../../protocol/offline-files.ts';
import { detectMediaType } from '../blobs/sniff.ts';
import type { BlobStore } from '../blobs/store.ts';
import { sha256Of } from '../blobs/store.ts';
import { kindOf, PUPIL_UPLOADS } from '../blobs/upload-policy.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Database } from '../db/schema.ts';
import { storeHandIns, type HandIn } from '../hand-ins/store-hand-ins.ts';
import { publishedVersionKeys } from '../lessons/catalogue.ts';
import { ownedPupil } from '../security/ownership.ts';

/** One submission of the file, and what became of it. */
export interface ImportedSubmission {
  id: string;
  lessonId: string;
  /** 'received' the first time; 'alreadyReceived' when the server held it (by file or network). */
  status: 'received' | 'alreadyReceived';
  receivedAt: string;
}

export type WorkFileImport =
  | { ok: true; pupil: { id: string; name: string }; submissions: ImportedSubmission[] }
  | {
      ok: false;
      /** A file problem, or: unknown_pupil (not this teacher's), unknown_lesson, unsupported_type, conflict. */
      error: OfflineFileProblem | 'unknown_pupil' | 'unknown_lesson' | 'unsupported_type' | 'conflict';
      /** The submission concerned, when there is one. */
      submissionId?: string;
    };

/** Thrown inside the transaction to roll every row of the file back. */
class ReusedId extends Error {
  constructor(readonly submissionId: string) {
    super(`submission ${submissionId} was already used for different work`);
  }
}

/** Check, then store, a work file for this teacher. */
export async function importWorkFile(
  db: Kysely<Database>,
  blobs: BlobStore,
  teacherId: string,
  bytes: Uint8Array,
  now: Date,
): Promise<WorkFileImport> {
  const reading = await readOfflineFile(bytes, 'work');
  if (!reading.ok) return { ok: false, error: reading.problem };
  const { manifest, entries } = reading.file;
  const pupil = await ownedPupil(db, teacherId, manifest.pupil.id);
  if (!pupil) return { ok: false, error: 'unknown_pupil' };

  const attachments = new Map<string, { bytes: Uint8Array; mime: string }>();
  for (const submission of manifest.submissions) {
    const key = { classId: pupil.class_id, lessonId: submission.lessonId, version: submission.lessonVersion };
    if ((await publishedVersionKeys(db, key)) === null)
      return { ok: false, error: 'unknown_lesson', submissionId: submission.id };
    for (const answer of Object.values(submission.answers)) {
      if (answer.kind !== 'attachment' || attachments.has(answer.blob)) continue;
      const content = entries.get(blobEntry(answer.blob));
      // Every entry was verified: an answer naming bytes the file lacks means the file was altered.
      if (!content) return { ok: false, error: 'file_tampered', submissionId: submission.id };
      const mime = detectMediaType(content);
      const kind = kindOf(PUPIL_UPLOADS, mime);
      if (!mime || !kind || content.byteLength > kind.maxBytes)
        return { ok: false, error: 'unsupported_type', submissionId: submission.id };
      attachments.set(answer.blob, { bytes: content, mime });
    }
  }

  // Bytes first (content-addressed: a file refused later leaves only bytes no row points at).
  for (const [sha256, { bytes: content }] of attachments) await blobs.put(sha256, content);
  const at = now.toISOString();
  const handIns: HandIn[] = manifest.submissions.map((submission) => {
    const body = canonicalJson(submission);
    return {
      id: submission.id,
      pupilId: pupil.id,
      lessonId: submission.lessonId,
      lessonVersion: submission.lessonVersion,
      body,
      bodySha256: sha256Of(body),
      handedInAt: submission.handedInAt,
      receivedAt: at,
      receivedVia: 'file',
    };
  });
  try {
    const outcomes = await db.transaction().execute(async (trx) => {
      for (const [sha256, { bytes: content, mime }] of attachments) {
        await trx
          .insertInto('blobs')
          .values({ sha256, mime, size: content.byteLength, created_at: at })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        await trx
          .insertInto('blob_owners')
          .values({ sha256, owner_kind: 'pupil', owner_id: pupil.id, created_at: at })
          .onConflict((oc) => oc.columns(['sha256', 'owner_kind', 'owner_id']).doNothing())
          .execute();
      }
      const stored = handIns.length === 0 ? [] : await storeHandIns(trx, handIns);
      const refused = stored.findIndex((outcome) => outcome.status === 409);
      if (refused >= 0) throw new ReusedId(handIns[refused]!.id);
      return stored;
    });
    return {
      ok: true,
      pupil: { id: pupil.id, name: pupil.name },
      submissions: handIns.map((h, i) => {
        const outcome = outcomes[i]!;
        if (outcome.status === 409) throw new Error('unreachable: refused submissions roll back');
        return {
          id: h.id,
          lessonId: h.lessonId,
          status: outcome.status === 201 ? 'received' : 'alreadyReceived',
          receivedAt: outcome.receivedAt,
        };
      }),
    };
  } catch (error) {
    if (error instanceof ReusedId) return { ok: false, error: 'conflict', submissionId: error.submissionId };
    throw error;
  }
}
