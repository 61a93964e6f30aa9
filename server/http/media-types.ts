/** Which stored media types /blobs/ may announce. */

/**
 * Types a browser renders without running anything. text/html and image/svg+xml
 * are absent on purpose: served from our origin they could carry script.
 */
export const SAFE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'audio/mpeg',
  'audio/ogg',
  'audio/webm',
  'audio/mp4',
  'video/mp4',
  'video/webm',
  'application/pdf',
]);

/** The Content-Type to serve a stored blob with. */
export function servedMediaType(storedMime: string): string {
  const essence = storedMime.split(';')[0]?.trim().toLowerCase() ?? '';
  return SAFE_MEDIA_TYPES.has(essence) ? essence : 'application/octet-stream';
}
