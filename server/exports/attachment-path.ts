/** Where an attachment goes in the export zip: <pupil>/<lesson>/<sha256>.<ext>, also cited by the CSV. */

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
};

/** A name safe as one folder on Windows, macOS and Linux: no separators, reserved or control characters. */
export function folderName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return safe || '_';
}

/** The attachment's path inside the zip. */
export function attachmentPath(pupilName: string, lessonTitle: string, sha256: string, mime: string): string {
  return `${folderName(pupilName)}/${folderName(lessonTitle)}/${sha256}.${EXTENSIONS[mime] ?? 'bin'}`;
}
