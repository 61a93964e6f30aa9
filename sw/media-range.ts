/**
 * Answer a Range request from a cached media file. Video and audio elements ask
 * for byte ranges (Safari insists on a 206), and the media cache holds whole files.
 */

/** A 206 for a single `bytes=` range of `full`, a 416 when unsatisfiable, or `full` itself otherwise. */
export async function rangeResponse(rangeHeader: string | null, full: Response): Promise<Response> {
  const match = rangeHeader?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  // No Range, or several ranges (rare, not worth multipart): the whole file is a valid answer.
  if (!match || (match[1] === '' && match[2] === '')) return full;
  const bytes = await full.arrayBuffer();
  const size = bytes.byteLength;
  let start: number;
  let end: number;
  if (match[1] === '') {
    // "bytes=-500": the last 500 bytes.
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  }
  const headers = new Headers(full.headers);
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  return new Response(bytes.slice(start, end + 1), { status: 206, statusText: 'Partial Content', headers });
}
