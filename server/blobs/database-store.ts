/**
 * Content-addressed files in PostgreSQL, for an academy running several stateless server
 * processes: any process answers any /blobs/ or /packs/ request, with no shared filesystem.
 *
 * A file is cut into chunks (`blob_chunks`, 256 KiB each) so that a Range request reads only
 * the chunks it covers and a long stream holds one chunk in memory at a time. Its row in
 * `blob_contents` is written in the same transaction as its chunks, and a reader looks the
 * row up first: a file appears complete or not at all. put() returns once PostgreSQL has
 * committed (WAL flushed, with the default synchronous_commit), so an acknowledged upload is
 * durable exactly as with the file store's fsync.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HashMismatchError, sha256Of, type BlobStore } from './store.ts';

export const BLOB_CHUNK_BYTES = 256 * 1024;

export function createDatabaseBlobStore(
  db: Kysely<Database>,
  { chunkBytes = BLOB_CHUNK_BYTES }: { chunkBytes?: number } = {},
): BlobStore {
  const contents = (sha256: string) =>
    db
      .selectFrom('blob_contents')
      .select(['size', 'chunk_bytes'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();

  const chunk = async (sha256: string, seq: number): Promise<Uint8Array> => {
    const row = await db
      .selectFrom('blob_chunks')
      .select('bytes')
      .where('sha256', '=', sha256)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    return new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  };

  const size = async (sha256: string) => (await contents(sha256))?.size ?? null;

  return {
    async put(sha256, bytes) {
      const actual = sha256Of(bytes);
      if (actual !== sha256) throw new HashMismatchError(sha256, actual);
      if ((await size(sha256)) !== null) return false;
      return db.transaction().execute(async (tx) => {
        // Two processes storing the same bytes at once: the second's rows conflict and are
        // skipped; both commit the same content, and both may say they wrote it.
        for (let seq = 0, at = 0; at < bytes.byteLength || seq === 0; seq++, at += chunkBytes) {
          await tx
            .insertInto('blob_chunks')
            .values({ sha256, seq, bytes: Buffer.from(bytes.subarray(at, at + chunkBytes)) })
            .onConflict((oc) => oc.columns(['sha256', 'seq']).doNothing())
            .execute();
        }
        const inserted = await tx
          .insertInto('blob_contents')
          .values({ sha256, size: bytes.byteLength, chunk_bytes: chunkBytes })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      });
    },
    async has(sha256) {
      return (await size(sha256)) !== null;
    },
    async read(sha256) {
      const found = await contents(sha256);
      if (!found) return null;
      const rows = await db
        .selectFrom('blob_chunks')
        .select('bytes')
        .where('sha256', '=', sha256)
        .orderBy('seq')
        .execute();
      const whole = new Uint8Array(found.size);
      let at = 0;
      for (const { bytes } of rows) {
        whole.set(bytes, at);
        at += bytes.byteLength;
      }
      return whole;
    },
    size,
    stream(sha256, start, end) {
      // One chunk per pull: the client's pace decides how much is read (backpressure).
      let at = start;
      let chunkSize: number | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            chunkSize ??= (await contents(sha256))?.chunk_bytes;
            if (chunkSize === undefined) throw new Error(`no blob ${sha256}`);
            const seq = Math.floor(at / chunkSize);
            const bytes = await chunk(sha256, seq);
            const from = at - seq * chunkSize;
            const to = Math.min(bytes.byteLength, end - seq * chunkSize + 1);
            controller.enqueue(bytes.subarray(from, to));
            at += to - from;
            if (at > end || to <= from) controller.close();
          } catch (error) {
            controller.error(error);
          }
        },
      });
    },
  };
}
