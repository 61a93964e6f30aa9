/**
 * The built app from dist/: exact files, and index.html for the app's own
 * navigations (/join, /lesson/<id>, /teacher…). Hashed assets are cached
 * forever; the files that name them (index.html, sw.js, the manifest) are
 * revalidated every time so an update is seen — and since every file carries
 * a strong ETag, that revalidation is a 304 of a few hundred bytes, not the
 * whole worker script. Text goes out as brotli or gzip, compressed once.
 */
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { IMMUTABLE } from './http/cache-control.ts';
import { parseRange } from '../protocol/byte-range.ts';
import { chooseCoding, createStaticFileCache, isCompressible, type StaticFile } from './static-variants.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT =
  'Cartable is not built yet: run `npm run build` (or `npm start`, which builds first), then reload this page.\n';

/** Sends one prepared file: 304 when the client's copy is current, a byte range, or the best coding. */
function sendFile(c: Context, file: StaticFile, contentType: string, cacheControl: string): Response {
  c.header('Content-Type', contentType);
  c.header('Cache-Control', cacheControl);
  c.header('Last-Modified', file.lastModified);
  const compressible = isCompressible(contentType);
  // Caches must keep the brotli, gzip and plain copies apart.
  if (compressible) c.header('Vary', 'Accept-Encoding');

  // A range is a range of the plain bytes: never slice a compressed copy.
  const rangeHeader = c.req.header('Range');
  const coding = rangeHeader ? null : chooseCoding(c.req.header('Accept-Encoding'), file);
  c.header('ETag', coding ? `"${file.hash}-${coding}"` : `"${file.hash}"`);
  if (!compressible) c.header('Accept-Ranges', 'bytes');

  // Every coding of these bytes is current: a 304 names the copy the client holds, so its cache updates that one.
  const ifNoneMatch = c.req.header('If-None-Match');
  const heldTag = ifNoneMatch ? heldCopy(ifNoneMatch, file.hash) : null;
  if (heldTag) c.header('ETag', heldTag);
  const notModified = ifNoneMatch
    ? heldTag !== null
    : unchangedSince(c.req.header('If-Modified-Since'), file.lastModified);
  if (notModified) return c.body(null, 304);

  if (coding) {
    const bytes = file.encoded[coding]!;
    c.header('Content-Encoding', coding);
    // Said here, not left to the socket layer, so that HEAD reports it too.
    c.header('Content-Length', String(bytes.byteLength));
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  }
  const size = file.bytes.byteLength;
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    c.header('Content-Range', `bytes */${size}`);
    return c.text('Range not satisfiable\n', 416);
  }
  if (range.kind === 'part') {
    c.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    c.header('Content-Length', String(range.end + 1 - range.start));
    return c.body(file.bytes.subarray(range.start, range.end + 1) as Uint8Array<ArrayBuffer>, 206);
  }
  c.header('Content-Length', String(size));
  return c.body(file.bytes as Uint8Array<ArrayBuffer>);
}

/** The tag in If-None-Match naming a copy (plain, brotli or gzip) of the file's current bytes, or null. */
function heldCopy(ifNoneMatch: string, hash: string): string | null {
  if (ifNoneMatch.trim() === '*') return `"${hash}"`;
  const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.find((tag) => ['', '-br', '-gzip'].some((suffix) => tag === `"${hash}${suffix}"`)) ?? null;
}

/** If-Modified-Since, at HTTP dates' one-second resolution. */
function unchangedSince(ifModifiedSince: string | undefined, lastModified: string): boolean {
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Date.parse(lastModified) <= since;
}

/** GET and HEAD of everything that is not API, packs or blobs. */
/**
 * Hashed assets never change. The worker script is revalidated by every browser, but a shared cache
 * (the academy's nginx, a CDN) may answer its 8 a.m. update checks for a minute: a new version
 * reaches devices at most a minute later, and the origin sees one check per cache, not per device.
 * Pages and the web manifest are revalidated everywhere.
 */
function cachePolicy(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  if (urlPath === '/sw.js') return 'public, max-age=0, s-maxage=60';
  return 'no-cache';
}

export function staticRoutes(staticDir: string) {
  const root = path.resolve(staticDir);
  const staticFile = createStaticFileCache();

  return new Hono().get('*', async (c) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(c.req.path);
    } catch {
      return c.text('Not found\n', 404);
    }
    const file = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
    // Never leave the folder, whatever the path says.
    const inside = file === root || file.startsWith(root + path.sep);
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const found = inside && file !== root ? await staticFile(file, contentType) : null;
    if (found) {
      return sendFile(c, found, contentType, cachePolicy(urlPath));
    }

    // A missing file with an extension is a missing file; anything else is a page of the app.
    if (path.posix.extname(urlPath) !== '') return c.text('Not found\n', 404);
    const html = CONTENT_TYPES['.html']!;
    const index = await staticFile(path.join(root, 'index.html'), html);
    if (!index) {
      c.header('Cache-Control', 'no-cache');
      return c.text(NOT_BUILT, 503);
    }
    return sendFile(c, index, html, 'no-cache');
  });
}
