/**
 * Reading and writing the no-network files (offline-files.ts). The reader checks everything
 * before it returns anything: a zip, a `cartable.json` of the expected kind and version, and
 * every listed entry present with its size and SHA-256; an entry not listed is refused too.
 * Pure TypeScript over fflate: the page, the service worker and the server share it.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import { sha256Hex } from './hash.ts';
import {
  MANIFEST_ENTRY,
  MANIFEST_MAX_BYTES,
  OFFLINE_FILE_FORMATS,
  type FileEntry,
  type LessonsFileManifest,
  type OfflineFileKind,
  type OfflineFileProblem,
  type WorkFileManifest,
} from './offline-files.ts';

interface ManifestOf {
  lessons: LessonsFileManifest;
  work: WorkFileManifest;
}

/** A verified file: its manifest and the bytes of every listed entry, by path. */
export interface OfflineFile<K extends OfflineFileKind> {
  manifest: ManifestOf[K];
  entries: Map<string, Uint8Array>;
}

export type OfflineFileReading<K extends OfflineFileKind> =
  { ok: true; file: OfflineFile<K> } | { ok: false; problem: OfflineFileProblem };

/** A zip's first four bytes: "PK\3\4". A file that starts so but will not open was cut short. */
function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

type Unzipped = { ok: true; files: Record<string, Uint8Array> } | { ok: false; problem: OfflineFileProblem };

function unzip(bytes: Uint8Array, keep: (name: string, originalSize: number) => boolean): Unzipped {
  try {
    return { ok: true, files: unzipSync(bytes, { filter: (info) => keep(info.name, info.originalSize) }) };
  } catch {
    // No end record (cut short) or a damaged entry inside a whole zip.
    return { ok: false, problem: looksLikeZip(bytes) ? 'file_truncated' : 'not_cartable_file' };
  }
}

/** The format's name and version, when `format` is a Cartable format string at all. */
function formatParts(format: unknown): { name: string; version: string } | null {
  if (typeof format !== 'string') return null;
  const match = /^cartable\.([a-z-]+)\/(.+)$/.exec(format);
  return match ? { name: match[1]!, version: match[2]! } : null;
}

/**
 * Read and verify a file of the expected kind. Entries are decompressed only up to the size
 * the manifest gives them (a file claiming small entries cannot fill the memory).
 */
export async function readOfflineFile<K extends OfflineFileKind>(
  bytes: Uint8Array,
  kind: K,
): Promise<OfflineFileReading<K>> {
  const head = unzip(bytes, (name, size) => name === MANIFEST_ENTRY && size <= MANIFEST_MAX_BYTES);
  if (!head.ok) return head;
  const manifestBytes = head.files[MANIFEST_ENTRY];
  if (!manifestBytes) return { ok: false, problem: 'not_cartable_file' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return { ok: false, problem: 'not_cartable_file' };
  }
  const expected = OFFLINE_FILE_FORMATS[kind];
  const parts = formatParts((json as { format?: unknown } | null)?.format);
  const wanted = formatParts(expected.format)!;
  if (!parts) return { ok: false, problem: 'not_cartable_file' };
  if (parts.name !== wanted.name) {
    const known = Object.values(OFFLINE_FILE_FORMATS).some((f) => formatParts(f.format)!.name === parts.name);
    return { ok: false, problem: known ? 'wrong_file_kind' : 'not_cartable_file' };
  }
  if (parts.version !== wanted.version) return { ok: false, problem: 'wrong_file_version' };
  const parsed = v.safeParse(expected.schema, json);
  if (!parsed.success) return { ok: false, problem: 'not_cartable_file' };
  const manifest = parsed.output as ManifestOf[K];

  const listed = new Map<string, FileEntry>(manifest.entries.map((entry) => [entry.path, entry]));
  let unlisted = false;
  const body = unzip(bytes, (name, size) => {
    if (name === MANIFEST_ENTRY || name.endsWith('/')) return false;
    const entry = listed.get(name);
    if (!entry || entry.size !== size) unlisted = true;
    return entry !== undefined && entry.size === size;
  });
  if (!body.ok) return body;
  if (unlisted) return { ok: false, problem: 'file_tampered' };
  const entries = new Map<string, Uint8Array>();
  for (const entry of manifest.entries) {
    const content = body.files[entry.path];
    // A listed entry that is not there: the file lost part of itself on the way.
    if (!content) return { ok: false, problem: 'file_truncated' };
    if (content.byteLength !== entry.size || (await sha256Hex(content)) !== entry.sha256)
      return { ok: false, problem: 'file_tampered' };
    entries.set(entry.path, content);
  }
  return { ok: true, file: { manifest, entries } };
}

/** The manifest line for some bytes at a path. */
export async function entryFor(path: string, bytes: Uint8Array): Promise<FileEntry> {
  return { path, size: bytes.byteLength, sha256: await sha256Hex(bytes) };
}

/**
 * Write a file: `cartable.json` first, then each entry (media stored as they are: already
 * compressed; packs deflated). The manifest's `entries` are computed here from the bytes.
 */
export async function writeOfflineFile<K extends OfflineFileKind>(
  manifest: Omit<ManifestOf[K], 'entries'>,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const entries: FileEntry[] = [];
  for (const [path, bytes] of files) entries.push(await entryFor(path, bytes));
  const zippable: Zippable = {
    [MANIFEST_ENTRY]: new TextEncoder().encode(JSON.stringify({ ...manifest, entries })),
  };
  for (const [path, bytes] of files) zippable[path] = [bytes, { level: path.startsWith('packs/') ? 6 : 0 }];
  return zipSync(zippable, { mtime: new Date('2000-01-01T00:00:00Z') });
}
