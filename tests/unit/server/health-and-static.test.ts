import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../server/security/headers.ts';
import { createTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

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

    for (const file of ['/sw.js', '/index.html', '/manifest.webmanifest']) {
      const res = await server.app.request(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('Cache-Control'), file).toBe('no-cache');
    }

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
