/** Copy every file of a folder store into another store (blobs:copy), verifying each by its name. */
import { HashMismatchError, type BlobStore } from './store.ts';

export interface CopyOutcome {
  copied: number;
  present: number;
  /** Files whose bytes no longer hash to their name: never copied. */
  damaged: string[];
}

export async function copyBlobs(
  from: Pick<BlobStore, 'read'> & { list(): AsyncIterable<string> },
  to: BlobStore,
  log: (line: string) => void = () => undefined,
): Promise<CopyOutcome> {
  const outcome: CopyOutcome = { copied: 0, present: 0, damaged: [] };
  for await (const sha256 of from.list()) {
    if (await to.has(sha256)) {
      outcome.present++;
      continue;
    }
    const bytes = await from.read(sha256);
    if (!bytes) continue;
    try {
      await to.put(sha256, bytes);
      outcome.copied++;
      if (outcome.copied % 100 === 0) log(`${outcome.copied} copied…`);
    } catch (error) {
      if (!(error instanceof HashMismatchError)) throw error;
      outcome.damaged.push(sha256);
      log(`damaged, not copied: ${sha256}`);
    }
  }
  return outcome;
}
