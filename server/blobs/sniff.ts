/**
 * The media type of uploaded bytes, read from their first bytes (magic
 * numbers), never from what the client declares: a file named .pdf holding
 * HTML must not be stored, let alone served, as anything we accept.
 */

/** The types Cartable accepts, as detected from bytes. */
export type DetectedType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'audio/mpeg'
  | 'audio/ogg'
  | 'audio/webm'
  | 'audio/mp4'
  | 'video/webm'
  | 'video/mp4'
  | 'application/pdf';

const ascii = (text: string) => new TextEncoder().encode(text);

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).includes(
    needle,
    0,
    'latin1',
  );
}

/** The detected type, or null when the bytes are none of the accepted formats. */
export function detectMediaType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, ascii('OggS'))) return 'audio/ogg';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return matroskaType(bytes);
  if (startsWith(bytes, ascii('ftyp'), 4)) return mp4Type(bytes);
  if (startsWith(bytes, ascii('ID3')) || isMp3Frame(bytes)) return 'audio/mpeg';
  return null;
}

/** An MPEG audio frame header: 11 sync bits, then a layer that is not "reserved" (which also rules out AAC's ADTS). */
function isMp3Frame(bytes: Uint8Array): boolean {
  const [first = 0, second = 0] = bytes;
  return first === 0xff && (second & 0xe0) === 0xe0 && ((second >> 1) & 0x03) !== 0;
}

/**
 * WebM/Matroska (EBML header). Its tracks name their codecs in ASCII near the
 * start ("V_VP8", "A_OPUS"): a video codec means video, audio codecs alone
 * mean a recording.
 */
function matroskaType(bytes: Uint8Array): DetectedType | null {
  const head = 64 * 1024;
  if (!contains(bytes, 'webm', 64) && !contains(bytes, 'matroska', 64)) return null;
  if (['V_VP8', 'V_VP9', 'V_AV1', 'V_MPEG4'].some((codec) => contains(bytes, codec, head)))
    return 'video/webm';
  if (['A_OPUS', 'A_VORBIS'].some((codec) => contains(bytes, codec, head))) return 'audio/webm';
  return 'video/webm';
}

/** MP4/M4A (ISO base media): a track handler "vide" means video; "soun" alone, or an M4A brand, means audio. */
function mp4Type(bytes: Uint8Array): DetectedType {
  const brand = new TextDecoder('latin1').decode(bytes.subarray(8, 12));
  const handlers = trackHandlers(bytes);
  if (handlers.has('vide')) return 'video/mp4';
  if (handlers.has('soun') || brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return 'video/mp4';
}

/** The handler types of the file's "hdlr" boxes (size, "hdlr", version+flags, pre_defined, then the type). */
function trackHandlers(bytes: Uint8Array): Set<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  for (let at = buffer.indexOf('hdlr', 0, 'latin1'); at >= 0; at = buffer.indexOf('hdlr', at + 4, 'latin1')) {
    found.add(buffer.toString('latin1', at + 12, at + 16));
  }
  return found;
}
