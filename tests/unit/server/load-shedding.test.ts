import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadShedding } from '../../../server/security/load-shedding.ts';
import { createTestServer } from './harness.ts';

describe('load shedding', () => {
  it('answers 503 busy with a jittered Retry-After beyond the in-flight limit, and recovers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = new Hono();
    app.use('*', loadShedding({ maxInFlight: 2, random: () => 0.5 }));
    app.get('/slow', async (c) => {
      await gate;
      return c.text('done');
    });

    const slow = [app.request('/slow'), app.request('/slow')];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const shed = await app.request('/slow');
    expect(shed.status).toBe(503);
    expect(await shed.json()).toMatchObject({ error: 'busy' });
    expect(shed.headers.get('Retry-After')).toBe('6');

    release();
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    expect((await app.request('/slow')).status).toBe(200);
  });

  it('draws Retry-After between 2 and 10 seconds', async () => {
    for (const random of [0, 0.999]) {
      const app = new Hono();
      app.use('*', loadShedding({ maxInFlight: 0, random: () => random }));
      app.get('/', (c) => c.text('never'));
      const res = await app.request('/');
      expect(Number(res.headers.get('Retry-After'))).toBe(random === 0 ? 2 : 10);
    }
  });

  it('is wired into the app, security headers included', async () => {
    const server = await createTestServer({ maxInFlight: 0 });
    try {
      const res = await server.app.request('/api/health');
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toMatch(/^([2-9]|10)$/);
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    } finally {
      await server.close();
    }
  });
});
