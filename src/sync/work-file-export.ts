/**
 * "Enregistrer mon travail dans un fichier": every hand-in of this pupil the server has not
 * acknowledged, with its photos' and recordings' bytes, as a `cartable.work-file/1` the family
 * brings to the teacher. Reading only: the work stays in the outbox, so the file can be made
 * again at any time, and the same UUIDs still go out once a network appears (the server
 * answers "already received" for what the teacher imported). Loaded on demand only.
 */
import { type Submission } from '../../protocol/index.ts';
import { writeOfflineFile } from '../../protocol/offline-file-archive.ts';
import { blobEntry, OFFLINE_FILE_EXTENSION, WORK_FILE_FORMAT } from '../../protocol/offline-files.ts';
import { attachmentsOf } from '../store/attachments.ts';
import { openDb } from '../store/db.ts';
import { getClockOffset } from '../store/meta.ts';
import { earliestFirst } from '../store/time-order.ts';

/** A written work file: its bytes, how many hand-ins it holds, and a name to save it under. */
export interface WorkFile {
  bytes: Uint8Array;
  submissions: number;
  fileName: string;
}

/** Thrown when an unsent hand-in's photo or recording is no longer on the device. */
export class MissingAttachment extends Error {
  override name = 'MissingAttachment';
}

/** The profile's unacknowledged hand-ins as a work file; null when nothing waits. */
export async function writeWorkFile(profileId: string, now: number = Date.now()): Promise<WorkFile | null> {
  const db = await openDb();
  const tx = db.transaction(['profiles', 'outbox', 'handedIn', 'attachments']);
  const profile = await tx.objectStore('profiles').get(profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  const submissions: Submission[] = [];
  const files = new Map<string, Uint8Array>();
  for (const item of await tx.objectStore('outbox').index('byProfile').getAll(profileId)) {
    const record = await tx.objectStore('handedIn').get(item.id);
    if (!record) continue;
    for (const sha256 of attachmentsOf(record.submission.answers)) {
      const stored = await tx.objectStore('attachments').get([profileId, sha256]);
      // The teacher would refuse work whose photo is missing: say so now, not at school.
      if (!stored) throw new MissingAttachment(`attachment ${sha256} of ${item.id} is gone`);
      files.set(blobEntry(sha256), new Uint8Array(stored.bytes));
    }
    submissions.push(record.submission);
  }
  await tx.done;
  if (submissions.length === 0) return null;
  submissions.sort((a, b) => earliestFirst(a.handedInAt, b.handedInAt));
  const createdAt = new Date(now + (await getClockOffset(profileId))).toISOString();
  const bytes = await writeOfflineFile<'work'>(
    {
      format: WORK_FILE_FORMAT,
      createdAt,
      server: profile.server,
      pupil: { id: profile.pupilId, name: profile.pupilName },
      class: { id: profile.classId, name: profile.className },
      submissions,
    },
    files,
  );
  const day = createdAt.slice(0, 10);
  const name = profile.pupilName.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'travail';
  return { bytes, submissions: submissions.length, fileName: `${name} ${day}${OFFLINE_FILE_EXTENSION}` };
}
