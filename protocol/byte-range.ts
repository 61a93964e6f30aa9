/**
 * The `Range: bytes=…` header of a media request, for the server's /blobs/ and app files and
 * for the service worker's media cache: one range; several ranges get the whole file.
 */

/** What a single-range header asks for, before the file's size is known (null: not given). */
export type RangeSpec = { first: number; last: number | null } | { first: null; suffix: number };

export type RangeRequest =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/** The range a header asks for, or null when the whole file is the answer (no header, or one we do not handle). */
export function rangeSpec(header: string | null | undefined): RangeSpec | null {
  // The unit is case-insensitive (RFC 9110 §14.1). A syntax we do not handle (several ranges,
  // other units) may be ignored: RFC 9110 §14.2.
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first = '', last = ''] = match;
  if (first === '') return { first: null, suffix: Number(last) };
  return { first: Number(first), last: last === '' ? null : Number(last) };
}

/** Where a range lies in a file of `size` bytes; end is inclusive. */
export function resolveRange(spec: RangeSpec, size: number): Exclude<RangeRequest, { kind: 'whole' }> {
  if (spec.first === null) {
    if (spec.suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - spec.suffix), end: size - 1 };
  }
  const start = spec.first;
  const end = spec.last === null ? size - 1 : Math.min(spec.last, size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** Parses a Range header against a file size; end is inclusive. */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  const spec = rangeSpec(header);
  return spec ? resolveRange(spec, size) : { kind: 'whole' };
}
