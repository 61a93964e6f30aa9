/**
 * A database out of reach (PostgreSQL restarting, a failover) is not a bug: the server answers
 * 503 with Retry-After, so devices and teachers' screens come back later instead of hearing 500.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../server/db/connect.ts';
import { isDatabaseUnavailable } from '../../../server/db/unavailable.ts';
import { freePort } from '../../../scripts/throwaway-postgres.mjs';
import { createApp } from '../../../server/app.ts';
import { createFileBlobStore } from '../../../server/blobs/store.ts';
import { createAppLimits } from '../../../server/security/app-limits.ts';
import { newToken } from '../../../server/security/tokens.ts';
import { jsonRequest } from './harness.ts';

describe('a database out of reach', () => {
  it('answers 503 busy with a Retry-After of 2 to 10 s, for a device and for a join', async () => {
    // Nothing listens on this port: every query fails to connect, as while PostgreSQL restarts.
    const database = openPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/none`);
    const app = createApp({
      db: database.db,
      blobs: createFileBlobStore('/nonexistent-cartable-blobs'),
      version: 'test',
      staticDir: '/nonexistent-cartable-dist',
      maxInFlight: 10,
      now: () => new Date(),
      ...createAppLimits(database.driver, { classJoinsPerMinute: 60 }),
    });
    try {
      for (const res of [
        await app.request('/api/pupil/manifest', { headers: { authorization: `Bearer ${newToken()}` } }),
        await app.request('/api/join', jsonRequest('POST', { code: 'ABCDEFGHJ' })),
      ]) {
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ error: 'busy' });
        const wait = Number(res.headers.get('Retry-After'));
        expect(wait).toBeGreaterThanOrEqual(2);
        expect(wait).toBeLessThanOrEqual(10);
      }
    } finally {
      await database.db.destroy();
    }
  });

  it('tells a lost connection from a bug', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('shutting down'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
