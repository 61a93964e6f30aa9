/**
 * TEST AND BENCH ONLY: `CARTABLE_DEMO_LARGE_MEDIA_MB=<n>` adds a generated file of
 * n megabytes (pseudo-random, so it does not compress) to the demo's water cycle
 * lesson, so that end-to-end tests can interrupt a download that takes a while.
 * Unset in every real deployment; has no effect outside the demo seed.
 */
import type { Kysely } from 'kysely';
import type { BlobStore } from '../blobs/store.ts';
import { sha256Of } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';

/** Deterministic bytes (xorshift32), the same on every run. */
function generatedBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(length / 4));
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return bytes;
}

/** The extra step to append to a demo lesson, or none when the variable is unset. */
export async function largeDemoMediaSteps(
  db: Kysely<Database>,
  blobs: BlobStore,
  teacherId: string,
  at: string,
  megabytes = Number(process.env.CARTABLE_DEMO_LARGE_MEDIA_MB ?? 0),
) {
  if (!Number.isFinite(megabytes) || megabytes <= 0) return [];
  const bytes = generatedBytes(Math.round(megabytes * 1_000_000));
  const sha256 = sha256Of(bytes);
  await blobs.put(sha256, bytes);
  await db
    .insertInto('blobs')
    .values({ sha256, mime: 'application/pdf', size: bytes.byteLength, created_at: at })
    .execute();
  await db
    .insertInto('blob_owners')
    .values({ sha256, owner_kind: 'teacher', owner_id: teacherId, created_at: at })
    .execute();
  return [
    {
      id: 'large-media',
      kind: 'pdf' as const,
      media: { blob: sha256, mime: 'application/pdf', size: bytes.byteLength, optional: false },
      title: 'Annexe (fichier de test)',
    },
  ];
}
