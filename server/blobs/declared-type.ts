/**
 * Does the type a client declares agree with the bytes? Browsers name the
 * same format several ways (image/jpg, audio/x-m4a, audio/webm for a WebM
 * file we read as video/webm), so types are compared by format family. No
 * declaration, or application/octet-stream, leaves the bytes to decide.
 */
import type { DetectedType } from './sniff.ts';

const FAMILIES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/x-mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/ogg': 'ogg',
  'application/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/mp4': 'mp4',
  'audio/x-m4a': 'mp4',
  'audio/m4a': 'mp4',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
};

/** The essence of a Content-Type header ("audio/webm;codecs=opus" → "audio/webm"). */
export function typeEssence(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether the declared Content-Type is compatible with the type detected from the bytes. */
export function agreesWithBytes(contentType: string | undefined, detected: DetectedType): boolean {
  const declared = typeEssence(contentType);
  if (declared === '' || declared === 'application/octet-stream') return true;
  return FAMILIES[declared] !== undefined && FAMILIES[declared] === FAMILIES[detected];
}
