import { beforeEach, describe, expect, it } from 'vitest';
import { saveAttachment } from '../../../src/store/attachments.ts';
import { getHandedIn, handIn } from '../../../src/store/hand-in.ts';
import { listOutbox, reschedule } from '../../../src/store/outbox.ts';
import { getProfile } from '../../../src/store/profiles.ts';
import type { Profile } from '../../../src/store/records.ts';
import { sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { fakeServer, json, networkDown, timedOut, type Route } from '../client/support/fake-server.ts';
import { deviceWithLea, linkedProfile } from '../client/support/device.ts';
import { acknowledging, answers, clock, lesson, NOW } from './outbox-fixtures.ts';

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));

describe('sendOutbox', () => {
  it('2xx acknowledging the UUID removes the item and marks the work delivered', async () => {
    const record = await handIn(lea, lesson, answers);
    const server = fakeServer(acknowledging);

    const result = await sendOutbox({ fetch: server.fetch, now: clock });

    expect(result).toEqual({ delivered: 1, remaining: 0, nextAttemptAt: null });
    expect(server.log).toEqual([`PUT /api/pupil/submissions/${record.submission.id}`]);
    expect(server.requests[0]?.headers.get('authorization')).toBe(`Bearer ${lea.token}`);
    expect(await server.requests[0]?.json()).toEqual(record.submission);
    expect(await listOutbox()).toEqual([]);
    expect(await getHandedIn(record.submission.id)).toMatchObject({
      state: 'delivered',
      receivedAt: '2021-04-06T08:30:01.000Z',
    });
  });

  it('uploads attachments first, then the submission', async () => {
    const photo = await saveAttachment(lea.id, new Uint8Array([9, 8, 7]).buffer, 'image/jpeg');
    await handIn(lea, lesson, {
      photo: { kind: 'attachment', blob: photo.sha256, mime: 'image/jpeg', size: 3 },
    });
    const server = fakeServer((request) =>
      request.url.includes('/api/blobs/') ? new Response(null, { status: 204 }) : acknowledging(request),
    );

    await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.log[0]).toBe(`PUT /api/blobs/${photo.sha256}`);
    expect(server.log[1]).toMatch(/^PUT \/api\/pupil\/submissions\//);
    expect(new Uint8Array(await server.requests[0]!.arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
  });

  it('a failed attachment upload keeps the submission unsent', async () => {
    const photo = await saveAttachment(lea.id, new Uint8Array([1]).buffer, 'image/jpeg');
    await handIn(lea, lesson, {
      photo: { kind: 'attachment', blob: photo.sha256, mime: 'image/jpeg', size: 1 },
    });
    const server = fakeServer(() => new Response(null, { status: 503 }));

    const result = await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0.5 });

    expect(server.log).toEqual([`PUT /api/blobs/${photo.sha256}`]);
    expect(result.remaining).toBe(1);
  });

  it.each([
    ['503', () => new Response('busy', { status: 503 }), 'http_503'],
    ['500', () => new Response('oops', { status: 500 }), 'http_500'],
    ['network error', networkDown, 'network'],
    ['timeout', timedOut, 'timeout'],
  ])('%s keeps the item and schedules a retry with attempts + 1', async (_name, route, reason) => {
    const record = await handIn(lea, lesson, answers);
    const server = fakeServer(route as Route);

    const result = await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0.5 });

    const [item] = await listOutbox();
    expect(item).toMatchObject({
      id: record.submission.id,
      attempts: 1,
      state: 'waiting',
      lastError: reason,
    });
    // attempt 0 failed: 0.5 × min(cap, 1000 × 2^0)
    expect(item?.nextAttemptAt).toBe(NOW + 500);
    expect(result).toEqual({ delivered: 0, remaining: 1, nextAttemptAt: NOW + 500 });
    expect((await getHandedIn(record.submission.id))?.state).toBe('waiting');
  });

  it('respects Retry-After: the next attempt is never earlier', async () => {
    await handIn(lea, lesson, answers);
    const server = fakeServer(() => new Response(null, { status: 503, headers: { 'retry-after': '120' } }));

    await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0 });

    expect((await listOutbox())[0]!.nextAttemptAt).toBeGreaterThanOrEqual(NOW + 120_000);
  });

  it('does not ask a failing server again for the rest of the pass', async () => {
    await handIn(lea, lesson, answers);
    await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    const server = fakeServer(() => new Response(null, { status: 503, headers: { 'retry-after': '60' } }));

    await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0 });

    expect(server.log).toHaveLength(1);
    for (const item of await listOutbox()) {
      expect(item).toMatchObject({ attempts: 1, lastError: 'http_503' });
      expect(item.nextAttemptAt).toBeGreaterThanOrEqual(NOW + 60_000);
    }
  });

  it('4xx keeps the item as needs attention with the server reason, and never sends it again by itself', async () => {
    const record = await handIn(lea, lesson, answers);
    const server = fakeServer(() =>
      json({ error: 'uuid_reused', message: 'Already used with other content' }, 409),
    );

    const first = await sendOutbox({ fetch: server.fetch, now: clock });
    const second = await sendOutbox({ fetch: server.fetch, now: () => NOW + 86_400_000 });

    expect(server.log).toHaveLength(1);
    expect(first).toEqual({ delivered: 0, remaining: 0, nextAttemptAt: null });
    expect(second.delivered).toBe(0);
    expect(await listOutbox()).toEqual([
      expect.objectContaining({
        id: record.submission.id,
        state: 'needsAttention',
        lastError: 'uuid_reused',
        lastErrorMessage: 'Already used with other content',
      }),
    ]);
    expect((await getHandedIn(record.submission.id))?.state).toBe('needsAttention');
  });

  it('401 marks the profile for re-linking and keeps everything', async () => {
    const first = await handIn(lea, lesson, answers);
    const second = await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    const server = fakeServer(() => json({ error: 'unauthorized', message: 'Unknown device' }, 401));

    await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.log).toHaveLength(1);
    expect((await getProfile(lea.id))?.link).toBe('relink');
    const items = await listOutbox();
    expect(items.map((i) => i.id).sort()).toEqual([first.submission.id, second.submission.id].sort());
    expect(items.every((i) => i.state === 'relink')).toBe(true);
    expect((await getHandedIn(first.submission.id))?.state).toBe('relink');
  });

  it('does not send an item that is not due yet', async () => {
    const record = await handIn(lea, lesson, answers);
    await reschedule(record.submission.id, { nextAttemptAt: NOW + 10_000, lastError: 'network' });
    const server = fakeServer(acknowledging);

    const result = await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.log).toEqual([]);
    expect(result).toEqual({ delivered: 0, remaining: 1, nextAttemptAt: NOW + 10_000 });

    await sendOutbox({ fetch: server.fetch, now: () => NOW + 10_000 });
    expect(server.log).toHaveLength(1);
    expect(await listOutbox()).toEqual([]);
  });

  it('an acknowledgement of a different UUID does not remove the item', async () => {
    await handIn(lea, lesson, answers);
    const server = fakeServer(() =>
      json({ id: '00000000-0000-4000-8000-000000000000', receivedAt: '2021-04-06T08:30:01.000Z' }, 201),
    );

    const result = await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0.5 });

    expect(result.delivered).toBe(0);
    expect(await listOutbox()).toEqual([
      expect.objectContaining({ state: 'waiting', attempts: 1, lastError: 'bad_ack' }),
    ]);
  });

  it('two overlapping passes (two tabs) never send the same item twice', async () => {
    await handIn(lea, lesson, answers);
    await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    const server = fakeServer(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return acknowledging(request);
    });

    const results = await Promise.all([
      sendOutbox({ fetch: server.fetch, now: clock }),
      sendOutbox({ fetch: server.fetch, now: clock }),
      sendOutbox({ fetch: server.fetch, now: clock }),
    ]);

    expect(server.log).toHaveLength(2);
    expect(new Set(server.log).size).toBe(2);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBeGreaterThanOrEqual(2);
    expect(await listOutbox()).toEqual([]);
  });

  it('a sibling’s work is sent with the sibling’s own token', async () => {
    const tom = await linkedProfile('tom');
    await handIn(tom, lesson, answers);
    const server = fakeServer(acknowledging);

    await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.requests[0]?.headers.get('authorization')).toBe(`Bearer ${tom.token}`);
  });

  it('has no retention limit: work parked for a year after thousands of failures is still sent', async () => {
    const record = await handIn(lea, lesson, answers);
    await reschedule(record.submission.id, { nextAttemptAt: NOW - 365 * 86_400_000, lastError: 'http_503' });
    const db = await (await import('../../../src/store/db.ts')).openDb();
    const item = (await db.get('outbox', record.submission.id))!;
    await db.put('outbox', { ...item, attempts: 5_000 });

    const result = await sendOutbox({ fetch: fakeServer(acknowledging).fetch, now: clock });

    expect(result.delivered).toBe(1);
    expect((await getHandedIn(record.submission.id))?.state).toBe('delivered');
  });

  it('408 and 429 are retried later (never "needs attention"), honouring Retry-After', async () => {
    await handIn(lea, lesson, answers);
    for (const [status, header] of [
      [408, null],
      [429, new Date(NOW + 90_000).toUTCString()],
    ] as const) {
      const server = fakeServer(() =>
        json({ error: 'slow_down', message: 'later' }, status, header ? { 'retry-after': header } : {}),
      );
      const [due] = await listOutbox();
      const { retryNow } = await import('../../../src/store/outbox.ts');
      await retryNow(due!.id, NOW);
      await sendOutbox({ fetch: server.fetch, now: clock, random: () => 0 });
      const [item] = await listOutbox();
      expect(item).toMatchObject({
        state: 'waiting',
        lastError: status === 408 ? 'timeout' : 'rate_limited',
      });
      if (header) expect(item!.nextAttemptAt).toBeGreaterThanOrEqual(NOW + 90_000);
    }
  });

  it('a hung server is abandoned after a bounded time and the item waits for a retry', async () => {
    const { API_TIMEOUT_MS, exchange, toSendOutcome } = await import('../../../src/sync/api-client.ts');
    const { classifySend } = await import('../../../src/sync/classify.ts');
    expect(API_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    // Accepts the request, never answers; only the abort signal ends it.
    const hung = fakeServer(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    );
    const started = Date.now();
    const outcome = toSendOutcome(
      await exchange(hung.fetch, lea, '/api/pupil/submissions/x', { method: 'PUT', timeoutMs: 50 }),
    );
    expect(outcome).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(classifySend(outcome, { nowMs: NOW })).toEqual({
      kind: 'retry',
      reason: 'timeout',
      retryAfterMs: null,
    });
  });
});
