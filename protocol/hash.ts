import * as v from 'valibot';

/** A lowercase hex SHA-256: the name of every pack and blob. */
export const Sha256Schema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{64}$/, 'expected a sha256 in lowercase hex'),
);
export type Sha256 = v.InferOutput<typeof Sha256Schema>;

export const UuidSchema = v.pipe(v.string(), v.uuid('expected a UUID'));

/** SHA-256 of bytes as lowercase hex, with WebCrypto (page, worker and Node ≥ 20 alike). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
