/**
 * Unsent work as one JSON file the family can pass on by e-mail, messaging or USB
 * stick when no server answers, or keep before removing a profile: each submission
 * exactly as it would be sent, with its photos and recordings as base64.
 */
import type { Submission } from '../../protocol/index.ts';
import { attachmentsOf } from './attachments.ts';
import { openDb } from './db.ts';
import type { OutboxItem } from './records.ts';
import { earliestFirst } from './time-order.ts';

export const EXPORT_FORMAT = 'cartable.export/1';

export interface ExportedSubmission {
  submission: Submission;
  state: OutboxItem['state'];
  lastError?: string;
  lastErrorMessage?: string;
  attachments: { sha256: string; mime: string; base64: string }[];
}

/** Work not handed in yet, as it stands on the device. */
export interface ExportedDraft {
  lessonId: string;
  lessonVersion: number;
  answers: Submission['answers'];
  updatedAt: string;
  attachments: ExportedSubmission['attachments'];
}

export interface WorkExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  pupil: { id: string; name: string; className: string; server: string };
  submissions: ExportedSubmission[];
  /** Drafts (work in progress, not handed in); absent from a partial export of chosen submissions. */
  drafts: ExportedDraft[];
}

/** Standard base64 of bytes (btoa takes a binary string; chunked to spare the call stack). */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let at = 0; at < view.length; at += 0x8000) {
    binary += String.fromCharCode(...view.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/**
 * The profile's unsent work (all of it, or only `submissionIds`), in one read
 * transaction. Missing attachment bytes are left out rather than invented.
 */
export async function exportUnsentWork(
  profileId: string,
  submissionIds?: readonly string[],
  now = new Date(),
): Promise<WorkExport> {
  const db = await openDb();
  const tx = db.transaction(['profiles', 'outbox', 'handedIn', 'attachments', 'drafts']);
  const profile = await tx.objectStore('profiles').get(profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  const wanted = submissionIds ? new Set(submissionIds) : null;
  const submissions: ExportedSubmission[] = [];
  for (const item of await tx.objectStore('outbox').index('byProfile').getAll(profileId)) {
    if (wanted && !wanted.has(item.id)) continue;
    const record = await tx.objectStore('handedIn').get(item.id);
    if (!record) continue;
    const attachments: ExportedSubmission['attachments'] = [];
    for (const sha256 of attachmentsOf(record.submission.answers)) {
      const stored = await tx.objectStore('attachments').get([profileId, sha256]);
      if (stored) attachments.push({ sha256, mime: stored.mime, base64: toBase64(stored.bytes) });
    }
    const exported: ExportedSubmission = { submission: record.submission, state: item.state, attachments };
    if (item.lastError !== undefined) exported.lastError = item.lastError;
    if (item.lastErrorMessage !== undefined) exported.lastErrorMessage = item.lastErrorMessage;
    submissions.push(exported);
  }
  const drafts: ExportedDraft[] = [];
  if (!wanted) {
    for (const draft of await tx
      .objectStore('drafts')
      .getAll(IDBKeyRange.bound([profileId], [profileId, []]))) {
      const attachments: ExportedSubmission['attachments'] = [];
      for (const sha256 of attachmentsOf(draft.answers)) {
        const stored = await tx.objectStore('attachments').get([profileId, sha256]);
        if (stored) attachments.push({ sha256, mime: stored.mime, base64: toBase64(stored.bytes) });
      }
      drafts.push({
        lessonId: draft.lessonId,
        lessonVersion: draft.lessonVersion,
        answers: draft.answers,
        updatedAt: draft.updatedAt,
        attachments,
      });
    }
  }
  await tx.done;
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    pupil: {
      id: profile.pupilId,
      name: profile.pupilName,
      className: profile.className,
      server: profile.server,
    },
    submissions: submissions.sort((a, b) => earliestFirst(a.submission.handedInAt, b.submission.handedInAt)),
    drafts,
  };
}
