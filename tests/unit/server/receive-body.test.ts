/** The body is received, bounded in size and time, before the request takes a slot (issue 8, point 1). */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { receiveBody } from '../../../server/security/receive-body.ts';
import { createTestServer } from './harness.ts';

/** A body that sends `first` and then nothing, never ending. */
function stalledBody(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
  });
}

/** A body that sends one byte every `everyMs`, `count` times. */
function tricklingBody(count: number, everyMs: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, everyMs));
      if (sent++ < count) controller.enqueue(new Uint8Array([0x20]));
      else controller.close();
    },
  });
}

function appWith(bounds: { maxBytes: number; totalMs: number | null }, idleMs: number) {
  const app = new Hono();
  app.use('*', receiveBody({ idleMs, boundsFor: () => bounds }));
  app.post('/', async (c) => c.text(`got ${(await c.req.text()).length}`));
  return app;
}

/** As a client sends it over HTTP: a length for bytes known ahead, chunked for a stream. */
const framing = (body: BodyInit): Record<string, string> =>
  typeof body === 'string' ? { 'content-length': String(body.length) } : { 'transfer-encoding': 'chunked' };

const post = (app: Hono, body: BodyInit) =>
  app.request('/', { method: 'POST', body, headers: framing(body), duplex: 'half' } as RequestInit);

describe('receiving a body before any work', () => {
  it('lets a request without a body through without touching it', async () => {
    const app = new Hono();
    app.use('*', receiveBody({ idleMs: 100, boundsFor: () => ({ maxBytes: 10, totalMs: 100 }) }));
    app.get('/', (c) => c.text('ok'));
    expect(await (await app.request('/')).text()).toBe('ok');
  });

  it('hands the whole body on to the route', async () => {
    const res = await post(appWith({ maxBytes: 100, totalMs: 1000 }, 500), 'x'.repeat(100));
    expect(await res.text()).toBe('got 100');
  });

  it('answers 408 and closes when the body goes silent', async () => {
    const res = await post(appWith({ maxBytes: 100, totalMs: 5000 }, 100), stalledBody('{"code":"'));
    expect(res.status).toBe(408);
    expect(await res.json()).toMatchObject({ error: 'request_timeout' });
    expect(res.headers.get('Connection')).toBe('close');
  });

  it('answers 408 when a body trickles in past its whole-body time', async () => {
    const res = await post(appWith({ maxBytes: 100, totalMs: 300 }, 200), tricklingBody(50, 50));
    expect(res.status).toBe(408);
  });

  it('lets an upload trickle for as long as it keeps moving', async () => {
    const res = await post(appWith({ maxBytes: 100, totalMs: null }, 200), tricklingBody(10, 50));
    expect(await res.text()).toBe('got 10');
  });

  it('answers 413 from the declared length, or as soon as the bytes pass the bound', async () => {
    const app = appWith({ maxBytes: 10, totalMs: 1000 }, 500);
    expect((await post(app, 'x'.repeat(11))).status).toBe(413);
    const streamed = await post(app, tricklingBody(20, 1));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: 'too_large' });
  });

  it('is wired into the app: a join whose body stalls gets 408, not a slot', async () => {
    const server = await createTestServer({ maxInFlight: 1, bodyTimeouts: { jsonMs: 300, idleMs: 200 } });
    try {
      const stalled = server.app.request('/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: stalledBody('{"code":"'),
        duplex: 'half',
      } as RequestInit);
      // While it stalls, the one slot is free for others.
      expect((await server.app.request('/api/health')).status).toBe(200);
      expect((await stalled).status).toBe(408);
    } finally {
      await server.close();
    }
  });
});
