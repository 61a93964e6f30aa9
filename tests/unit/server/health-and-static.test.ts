import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../server/security/headers.ts';
import { bareServer, eachTest, type TestServer } from './harness.ts';

let server: TestServer;
eachTest(bareServer, (world) => ({ server } = world));

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  expect(res.headers.get('Permissions-Policy')).toBe('camera=(self), microphone=(self), geolocation=()');
  expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
}

describe('GET /api/health', () => {
  it('answers ok with the version and the security headers', async () => {
    const res = await server.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '9.9.9-test' });
    expectSecurityHeaders(res);
  });
});

describe('unknown API routes', () => {
  it('answer 404 in JSON, never the app page', async () => {
    const res = await server.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('the built app', () => {
  it('without dist/ answers navigations with a 503 that says to build, with the security headers', async () => {
    const res = await server.app.request('/join');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    expectSecurityHeaders(res);
  });

  it('serves files, hashed assets immutably, and index.html for app navigations', async () => {
    const dist = path.join(server.dir, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Cartable</title>');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Cartable"}');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(server.dir, 'secret.txt'), 'outside');

    const asset = await server.app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('Content-Type')).toContain('text/javascript');

    for (const file of ['/index.html', '/manifest.webmanifest']) {
      const res = await server.app.request(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('Cache-Control'), file).toBe('no-cache');
    }
    // Browsers revalidate the worker every time; a shared cache may answer for a minute.
    const worker = await server.app.request('/sw.js');
    expect(worker.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=60');

    for (const page of ['/', '/join', '/lesson/abc', '/teacher']) {
      const res = await server.app.request(page);
      expect(res.status, page).toBe(200);
      expect(await res.text(), page).toContain('<title>Cartable</title>');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expectSecurityHeaders(res);
    }

    expect((await server.app.request('/assets/missing.js')).status).toBe(404);
    const escape = await server.app.request('/..%2fsecret.txt');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('outside');
  });
});

describe('static validators and compression', () => {
  // Big and repetitive enough that compression obviously pays.
  const workerScript = `// worker\n${'self.addEventListener("fetch", () => {});\n'.repeat(400)}`;
  const pngBytes = new Uint8Array(2048).map((_, i) => (i * 7919) % 251);

  function writeDist() {
    const dist = path.join(server.dir, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><title>Cartable</title>${'<p>x</p>'.repeat(300)}`,
    );
    writeFileSync(path.join(dist, 'sw.js'), workerScript);
    writeFileSync(path.join(dist, 'icon.png'), pngBytes);
    return dist;
  }

  it('gives the worker script a strong ETag and Last-Modified, and answers 304 when unchanged', async () => {
    const dist = writeDist();
    const first = await server.app.request('/sw.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=60');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16,}"$/);
    expect(first.headers.get('Last-Modified')).toMatch(/GMT$/);
    expect(await first.text()).toBe(workerScript);

    const again = await server.app.request('/sw.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');
    expectSecurityHeaders(again);

    // A new build changes the script: the old tag no longer matches.
    writeFileSync(path.join(dist, 'sw.js'), `${workerScript}// v2\n`);
    const updated = await server.app.request('/sw.js', { headers: { 'If-None-Match': etag } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('ETag')).not.toBe(etag);
    expect(await updated.text()).toContain('// v2');
  });

  it('serves text as brotli or gzip by Accept-Encoding, with Vary, and each encoding revalidates', async () => {
    writeDist();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await server.app.request('/sw.js', { headers: { 'Accept-Encoding': accept } });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('Content-Encoding'), accept).toBe(encoding);
      expect(res.headers.get('Vary'), accept).toContain('Accept-Encoding');
      const body = new Uint8Array(await res.arrayBuffer());
      expect(body.byteLength, accept).toBeLessThan(workerScript.length / 5);
      expect(Number(res.headers.get('Content-Length')), accept).toBe(body.byteLength);
      expect(decode(body).toString('utf8'), accept).toBe(workerScript);

      const etag = res.headers.get('ETag')!;
      const revalidated = await server.app.request('/sw.js', {
        headers: { 'Accept-Encoding': accept, 'If-None-Match': etag },
      });
      expect(revalidated.status, accept).toBe(304);
    }
    // A copy held in another coding is current too: the 304 names the copy the client holds.
    const plainTag = (await server.app.request('/sw.js')).headers.get('ETag')!;
    const other = await server.app.request('/sw.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': plainTag },
    });
    expect(other.status).toBe(304);
    expect(other.headers.get('ETag')).toBe(plainTag);
    // A client that accepts nothing gets the plain bytes.
    const plain = await server.app.request('/sw.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toContain('Accept-Encoding');

    const page = await server.app.request('/join', { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('Content-Encoding')).toBe('br');
    expect(page.headers.get('ETag')).toMatch(/^"/);
  });

  it('never compresses images, and HEAD answers the headers without a body', async () => {
    writeDist();
    const image = await server.app.request('/icon.png', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(image.headers.get('Content-Encoding')).toBeNull();
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(pngBytes);
    expect(image.headers.get('ETag')).toMatch(/^"/);

    const head = await server.app.request('/sw.js', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Encoding')).toBe('gzip');
    expect(head.headers.get('ETag')).toMatch(/^"/);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers a Range request with that part of the plain bytes, never a slice of compressed bytes', async () => {
    writeDist();
    const res = await server.app.request('/sw.js', {
      headers: { 'Accept-Encoding': 'gzip, br', Range: 'bytes=0-9' },
    });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 0-9/${workerScript.length}`);
    expect(await res.text()).toBe(workerScript.slice(0, 10));
  });
});
