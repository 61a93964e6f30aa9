/** Which content coding to answer with, from a request's Accept-Encoding (brotli first, then gzip). */

export type ContentCoding = 'br' | 'gzip';

/** The first of `available` (in order of preference) that the header accepts with q > 0, or null. */
export function preferredCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[] = ['br', 'gzip'],
): ContentCoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  return available.find((coding) => weight(coding) > 0) ?? null;
}
