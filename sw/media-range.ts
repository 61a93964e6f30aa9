/**
 * Answer a Range request from a cached media file. Video and audio elements ask
 * for byte ranges (Safari insists on a 206), and the media cache holds whole files.
 */
import { rangeSpec, resolveRange } from '../protocol/byte-range.ts';

/** A 206 for a single `bytes=` range of `full`, a 416 when unsatisfiable, or `full` itself otherwise. */
export async function rangeResponse(rangeHeader: string | null, full: Response): Promise<Response> {
  const spec = rangeSpec(rangeHeader);
  // No Range, or several ranges (rare, not worth multipart): the whole file is a valid answer.
  if (!spec) return full;
  const bytes = await full.arrayBuffer();
  const size = bytes.byteLength;
  const range = resolveRange(spec, size);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  }
  const { start, end } = range;
  const headers = new Headers(full.headers);
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  return new Response(bytes.slice(start, end + 1), { status: 206, statusText: 'Partial Content', headers });
}
