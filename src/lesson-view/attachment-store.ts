/**
 * Where photo and recording steps keep their bytes: the pupil's IndexedDB
 * (until the server acknowledges the hand-in), or memory for the teacher's preview.
 */
import { sha256Hex } from '../../protocol/hash.ts';
import { getAttachment, saveAttachment, type StoredAttachment } from '../store/attachments.ts';

export interface AttachmentStore {
  save(bytes: ArrayBuffer, mime: string): Promise<StoredAttachment>;
  read(sha256: string): Promise<{ bytes: ArrayBuffer; mime: string } | undefined>;
}

/** A pupil's attachments on this device. */
export function profileAttachmentStore(profileId: string): AttachmentStore {
  return {
    save: (bytes, mime) => saveAttachment(profileId, bytes, mime),
    read: (sha256) => getAttachment(profileId, sha256),
  };
}

/** Attachments that vanish with the page (the teacher trying a lesson in the preview). */
export function memoryAttachmentStore(): AttachmentStore {
  const kept = new Map<string, { bytes: ArrayBuffer; mime: string }>();
  return {
    async save(bytes, mime) {
      const sha256 = await sha256Hex(bytes);
      kept.set(sha256, { bytes, mime });
      return { sha256, mime, size: bytes.byteLength };
    },
    read: async (sha256) => kept.get(sha256),
  };
}
