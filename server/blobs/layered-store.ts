/**
 * A blob store that writes to `primary` and reads from it first, then from `legacy`: how a
 * deployment moves its files into PostgreSQL without losing one. A server switched to the
 * database store keeps serving every file still only in DATA_DIR/blobs, and
 * `npm run blobs:copy` copies them over at leisure (after which the folder can go).
 */
import type { BlobStore } from './store.ts';

export function layeredBlobStore(primary: BlobStore, legacy: BlobStore): BlobStore {
  const holder = async (sha256: string): Promise<BlobStore | null> =>
    (await primary.has(sha256)) ? primary : (await legacy.has(sha256)) ? legacy : null;
  return {
    // Already in the old store: copied on this write, so a repeated upload also migrates it.
    put: (sha256, bytes) => primary.put(sha256, bytes),
    async has(sha256) {
      return (await holder(sha256)) !== null;
    },
    async read(sha256) {
      return (await primary.read(sha256)) ?? legacy.read(sha256);
    },
    async size(sha256) {
      return (await primary.size(sha256)) ?? legacy.size(sha256);
    },
    stream(sha256, start, end) {
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            if (!reader) {
              const store = (await holder(sha256)) ?? primary;
              reader = store.stream(sha256, start, end).getReader();
            }
            const { done, value } = await reader.read();
            if (done) controller.close();
            else controller.enqueue(value);
          } catch (error) {
            controller.error(error);
          }
        },
        cancel: (reason) => reader?.cancel(reason),
      });
    },
  };
}
