import { describe, expect, it } from 'vitest';
import { classifySend, type SendOutcome } from '../../../src/sync/classify.ts';

const ID = '3f1c2b9e-8d4a-4c1e-9b2a-0f6d5e4c3b2a';
const now = Date.parse('2021-04-06T08:00:00Z');
const response = (status: number, body: unknown = null, retryAfter: string | null = null): SendOutcome => ({
  kind: 'response',
  status,
  body,
  retryAfter,
});
const ack = { id: ID, receivedAt: '2021-04-06T08:00:01.000Z' };
const classify = (outcome: SendOutcome) => classifySend(outcome, { nowMs: now, expectedId: ID });

describe('classifySend', () => {
  it.each([200, 201])('%i acknowledging the UUID → delivered with receivedAt', (status) => {
    expect(classify(response(status, ack))).toEqual({ kind: 'delivered', receivedAt: ack.receivedAt });
  });

  it('2xx acknowledging another UUID, or with no valid ack, → retry, never delivered', () => {
    expect(classify(response(200, { ...ack, id: '00000000-0000-4000-8000-000000000000' })).kind).toBe(
      'retry',
    );
    expect(classify(response(201, { ok: true })).kind).toBe('retry');
    expect(classify(response(200, null)).kind).toBe('retry');
  });

  it('2xx for an upload (no expected id) → delivered', () => {
    expect(classifySend(response(204), { nowMs: now })).toEqual({ kind: 'delivered', receivedAt: null });
  });

  it.each([500, 502, 503])('%i → retry', (status) => {
    expect(classify(response(status))).toEqual({
      kind: 'retry',
      reason: `http_${status}`,
      retryAfterMs: null,
    });
  });

  it.each([
    ['503 with Retry-After → retry carrying it', 503, '30', 'http_503', 30_000],
    [
      '429 → retry with Retry-After as an HTTP date',
      429,
      'Tue, 06 Apr 2021 08:01:00 GMT',
      'rate_limited',
      60_000,
    ],
  ] as const)('%s', (_name, status, retryAfter, reason, retryAfterMs) => {
    expect(classify(response(status, null, retryAfter))).toEqual({ kind: 'retry', reason, retryAfterMs });
  });

  it('408 → retry', () => {
    expect(classify(response(408))).toMatchObject({ kind: 'retry', reason: 'timeout' });
  });

  it('401 → relink', () => {
    expect(classify(response(401, { error: 'unauthorized', message: 'bad token' }))).toEqual({
      kind: 'relink',
    });
  });

  it.each([400, 404, 409, 422])('%i → needsAttention with the server reason', (status) => {
    expect(
      classify(response(status, { error: 'uuid_reused', message: 'This UUID was used with other content' })),
    ).toEqual({
      kind: 'needsAttention',
      reason: 'uuid_reused',
      message: 'This UUID was used with other content',
    });
  });

  it('4xx without an error body → needsAttention with the status as reason', () => {
    expect(classify(response(413, 'too big'))).toEqual({
      kind: 'needsAttention',
      reason: 'http_413',
      message: null,
    });
  });

  it('network error → retry', () => {
    expect(classify({ kind: 'networkError', message: 'fetch failed' })).toEqual({
      kind: 'retry',
      reason: 'network',
      retryAfterMs: null,
    });
  });

  it('timeout → retry', () => {
    expect(classify({ kind: 'timeout' })).toEqual({ kind: 'retry', reason: 'timeout', retryAfterMs: null });
  });
});
