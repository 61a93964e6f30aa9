/** Photos and recordings a pupil made, kept as bytes until the server has them. */
import { sha256Hex, type Answers } from '../../protocol/index.ts';
import { openDb, type AttachmentRecord } from './db.ts';

/** What an answer refers to once the bytes are stored. */
export interface StoredAttachment {
  sha256: string;
  mime: string;
  size: number;
}

/**
 * Store the bytes of a photo or recording under this profile and their SHA-256, and return the
 * reference for the answer. A sibling's identical bytes are a separate record.
 */
export async function saveAttachment(
  profileId: string,
  bytes: ArrayBuffer,
  mime: string,
): Promise<StoredAttachment> {
  const sha256 = await sha256Hex(bytes);
  await (await openDb()).put('attachments', { sha256, profileId, mime, bytes });
  return { sha256, mime, size: bytes.byteLength };
}

/** This profile's stored bytes of an attachment, or undefined (already delivered and cleaned up). */
export async function getAttachment(
  profileId: string,
  sha256: string,
): Promise<AttachmentRecord | undefined> {
  return (await openDb()).get('attachments', [profileId, sha256]);
}

/** The SHA-256 of every attachment an answer set refers to, without repeats. */
export function attachmentsOf(answers: Answers): string[] {
  const blobs = new Set<string>();
  for (const answer of Object.values(answers)) if (answer.kind === 'attachment') blobs.add(answer.blob);
  return [...blobs];
}
