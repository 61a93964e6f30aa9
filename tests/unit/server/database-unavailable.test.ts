/**
 * A database out of reach (PostgreSQL restarting, a failover) is not a bug: the server answers
 * 503 with Retry-After, so devices and teachers' screens come back later instead of hearing 500.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../server/db/connect.ts';
import { isDatabaseUnavailable } from '../../../server/db/unavailable.ts';
import { freePort } from '../../../scripts/throwaway-postgres.mjs';
import { createApp } from '../../../server/app.ts';
import { createFileBlobStore } from '../../../server/blobs/store.ts';
import { createAppLimits } from '../../../server/security/app-limits.ts';
import { newToken } from '../../../server/security/tokens.ts';
import { jsonRequest } from './harness.ts';
import { adminUrl, createPostgresDatabase } from './postgres-database.ts';

describe('a database out of reach', () => {
  it('answers 503 busy with a Retry-After of 5 to 30 s, for a device and for a join', async () => {
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
        expect(wait).toBeGreaterThanOrEqual(5);
        expect(wait).toBeLessThanOrEqual(30);
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

describe.skipIf(!adminUrl)('a PostgreSQL connection cut while a request holds it', () => {
  it('fails that request as unavailable without crashing the process, and the next query works', async () => {
    const { url, drop } = await createPostgresDatabase('cartable_cut');
    const database = openPostgres(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const outcome = await database.db
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          // Between two statements, as PostgreSQL restarting would: the held client emits 'error'
          // with no query to fail (before the fix, an unhandled 'error' event that ended the process).
          await admin.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(trx);
          return 'committed';
        })
        .catch((error: unknown) => error);
      expect(isDatabaseUnavailable(outcome), String(outcome)).toBe(true);
      const { rows } = await sql<{ n: number }>`select 1 as n`.execute(database.db);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await admin.end();
      await database.db.destroy();
      await drop();
    }
  });
});
