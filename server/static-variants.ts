/**
 * One static file as served: its bytes, a strong ETag from their SHA-256, Last-Modified,
 * and brotli and gzip copies for textual types. Built once per file version (keyed by
 * mtime and size) and kept in memory, so a revalidation costs a stat and a string compare.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { preferredCoding, type ContentCoding } from './http/accept-encoding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface StaticFile {
  bytes: Uint8Array;
  /** Strong validator of the plain bytes; an encoded copy adds its coding (`"<hash>-br"`). */
  hash: string;
  lastModified: string;
  encoded: Partial<Record<ContentCoding, Uint8Array>>;
}

/** Images, audio, fonts and archives are compressed already: only text pays to compress. */
export function isCompressible(contentType: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(contentType);
}

/** Files larger than this are served but not kept in memory. */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

/** Reads and prepares files on first use; a changed file (new build) is prepared again. */
export function createStaticFileCache() {
  const kept = new Map<string, { key: string; file: Promise<StaticFile | null> }>();

  return async function staticFile(file: string, contentType: string): Promise<StaticFile | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const key = `${info.mtimeMs}:${info.size}`;
    const hit = kept.get(file);
    if (hit?.key === key) return hit.file;
    // A failed read (the file removed meanwhile) answers "not found" and is not kept.
    const prepared = prepare(file, info.mtime, contentType).catch(() => {
      if (kept.get(file)?.file === prepared) kept.delete(file);
      return null;
    });
    if (info.size <= MAX_KEPT_BYTES) kept.set(file, { key, file: prepared });
    return prepared;
  };
}

async function prepare(file: string, mtime: Date, contentType: string): Promise<StaticFile> {
  const bytes = new Uint8Array(await readFile(file));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const encoded: StaticFile['encoded'] = {};
  if (isCompressible(contentType) && bytes.byteLength > 256) {
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    // Keep a copy only where it is actually smaller.
    if (br.byteLength < bytes.byteLength) encoded.br = new Uint8Array(br);
    if (gz.byteLength < bytes.byteLength) encoded.gzip = new Uint8Array(gz);
  }
  return { bytes, hash, lastModified: mtime.toUTCString(), encoded };
}

/** The coding to send for an Accept-Encoding header, among the ones the file has (brotli first). */
export function chooseCoding(acceptEncoding: string | undefined, file: StaticFile): ContentCoding | null {
  const available = (['br', 'gzip'] as const).filter((coding) => file.encoded[coding]);
  return preferredCoding(acceptEncoding, available);
}
