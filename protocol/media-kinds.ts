/**
 * Which media types each lesson step kind shows. The same rule for the editor (after an upload,
 * typed from the bytes by the server), for publishing (against the stored type), and for the
 * teacher's upload limits: a PDF in an image step would publish and then show nothing.
 */
export type MediaStepKind = 'image' | 'audio' | 'video' | 'pdf';

export const STEP_MEDIA_TYPES = {
  image: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
  audio: ['audio/mpeg', 'audio/ogg', 'audio/webm', 'audio/mp4'],
  video: ['video/webm', 'video/mp4'],
  pdf: ['application/pdf'],
} as const satisfies Record<MediaStepKind, readonly string[]>;

/** true when a step of this kind can show media of this type. */
export function mediaFitsStep(kind: MediaStepKind, mime: string): boolean {
  return (STEP_MEDIA_TYPES[kind] as readonly string[]).includes(mime);
}
