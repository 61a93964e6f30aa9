/**
 * What each uploader may send: teachers upload lesson media, pupils upload
 * photos of paper work and recordings. Limits are per kind of media, plus a
 * total per owner so one account cannot fill the disk.
 */
import { STEP_MEDIA_TYPES } from '../../protocol/media-kinds.ts';
import type { DetectedType } from './sniff.ts';

const MB = 1024 * 1024;

export interface UploadKind {
  /** Said to the user: "image", "photo", … */
  name: string;
  types: readonly DetectedType[];
  maxBytes: number;
}

/** Lesson media: a video is the biggest thing a family downloads, so it gets the largest, still bounded, limit. */
export const TEACHER_UPLOADS: readonly UploadKind[] = [
  { name: 'image', types: STEP_MEDIA_TYPES.image, maxBytes: 5 * MB },
  { name: 'audio', types: STEP_MEDIA_TYPES.audio, maxBytes: 20 * MB },
  { name: 'video', types: STEP_MEDIA_TYPES.video, maxBytes: 50 * MB },
  { name: 'PDF', types: STEP_MEDIA_TYPES.pdf, maxBytes: 20 * MB },
];

/** Pupils' attachments: the app compresses photos and bounds recordings, so these limits leave a margin. */
export const PUPIL_UPLOADS: readonly UploadKind[] = [
  { name: 'photo', types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 3 * MB },
  { name: 'recording', types: ['audio/webm', 'audio/ogg', 'audio/mp4'], maxBytes: 10 * MB },
];

/** Total bytes an owner may have stored. */
export interface UploadQuotas {
  teacherBytes: number;
  pupilBytes: number;
}

export const DEFAULT_QUOTAS: UploadQuotas = { teacherBytes: 500 * MB, pupilBytes: 100 * MB };

/** The largest body any kind allows for this uploader: the body limit before the bytes are even read. */
export function largestUpload(kinds: readonly UploadKind[]): number {
  return Math.max(...kinds.map((k) => k.maxBytes));
}

/** The kind a detected type belongs to for this uploader, or undefined when it is not accepted. */
export function kindOf(kinds: readonly UploadKind[], type: DetectedType | null): UploadKind | undefined {
  return type === null ? undefined : kinds.find((k) => k.types.includes(type));
}

/** "5 MB" */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
