/**
 * The built app from dist/: exact files, and index.html for the app's own
 * navigations (/join, /lesson/<id>, /teacher…). Hashed assets are cached
 * forever; the files that name them (index.html, sw.js, the manifest) are
 * revalidated every time so an update is seen.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { IMMUTABLE } from './cache-control.ts';

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

async function readFileIfAny(file: string): Promise<Uint8Array | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return new Uint8Array(await readFile(file));
  } catch {
    return null;
  }
}

/** GET and HEAD of everything that is not API, packs or blobs. */
export function staticRoutes(staticDir: string) {
  const root = path.resolve(staticDir);

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
    const bytes = inside && file !== root ? await readFileIfAny(file) : null;
    if (bytes) {
      const ext = path.extname(file).toLowerCase();
      c.header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
      c.header('Cache-Control', urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    }

    // A missing file with an extension is a missing file; anything else is a page of the app.
    if (path.posix.extname(urlPath) !== '') return c.text('Not found\n', 404);
    const index = await readFileIfAny(path.join(root, 'index.html'));
    c.header('Cache-Control', 'no-cache');
    if (!index) return c.text(NOT_BUILT, 503);
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(index as Uint8Array<ArrayBuffer>);
  });
}
