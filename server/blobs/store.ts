/**
 * Content-addressed files: the bytes named by their SHA-256 live at
 * <root>/ab/abcdef…. A file appears only complete and verified (written to a
 * temporary name, then renamed), so a crash never leaves a truncated blob
 * under its real name. put() returns only once the file and its folder entry
 * are on disk (fsync): an acknowledged upload lets the device delete its copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The hex SHA-256 of bytes. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown by put() when the bytes do not hash to the name they were given. */
export class HashMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`bytes hash to ${actual}, not ${expected}`);
  }
}

export interface BlobStore {
  /** Stores bytes under their hash after checking it; a no-op when already stored. Returns true if newly written. */
  put(sha256: string, bytes: Uint8Array): Promise<boolean>;
  has(sha256: string): Promise<boolean>;
  /** The whole file, or null when absent. */
  read(sha256: string): Promise<Uint8Array | null>;
  /** File size in bytes, or null when absent. */
  size(sha256: string): Promise<number | null>;
  /** A byte range [start, end] inclusive as a web stream. */
  stream(sha256: string, start: number, end: number): ReadableStream<Uint8Array>;
}

/** fsync a folder, making the names created or renamed in it durable. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A blob store in a folder on the local disk; `list` names every complete file in it. */
export function createFileBlobStore(root: string): BlobStore & { list(): AsyncGenerator<string> } {
  const fileOf = (sha256: string): string => {
    // The hash is also a path: refuse anything that is not exactly 64 hex digits.
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  const size = async (sha256: string): Promise<number | null> => {
    try {
      const info = await stat(fileOf(sha256));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  return {
    async put(sha256, bytes) {
      const actual = sha256Of(bytes);
      if (actual !== sha256) throw new HashMismatchError(sha256, actual);
      const file = fileOf(sha256);
      if ((await size(sha256)) === bytes.byteLength) return false;
      const shard = path.dirname(file);
      // mkdir returns the topmost folder it created (usually the shard): its name, too, must reach the disk.
      const created = await mkdir(shard, { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'w');
        try {
          await handle.writeFile(bytes);
          await handle.sync(); // the bytes are on disk before they get their real name
        } finally {
          await handle.close();
        }
        // rename is atomic on one filesystem: two concurrent writers of the same bytes both succeed.
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      // The rename is on disk only once its folder is; a new folder's name lives in its parent
      // (root for a new shard; root's parent as well on the very first upload).
      await syncFolder(shard);
      if (created !== undefined) {
        for (let dir = path.dirname(shard); ; dir = path.dirname(dir)) {
          await syncFolder(dir);
          if (path.resolve(dir) === path.resolve(created, '..') || path.dirname(dir) === dir) break;
        }
      }
      return true;
    },
    async has(sha256) {
      return (await size(sha256)) !== null;
    },
    async read(sha256) {
      try {
        return new Uint8Array(await readFile(fileOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    size,
    async *list() {
      const shards = await readdir(root).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      for (const shard of shards.sort()) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        // Temporary names (an upload cut by a crash) are not files yet.
        for (const name of (await readdir(path.join(root, shard))).sort())
          if (SHA256_HEX.test(name) && name.startsWith(shard)) yield name;
      }
    },
    stream(sha256, start, end) {
      return Readable.toWeb(createReadStream(fileOf(sha256), { start, end })) as ReadableStream<Uint8Array>;
    },
  };
}
