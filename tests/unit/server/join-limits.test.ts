/**
 * The two join limits beyond the per-address one: a server-wide budget of wrong
 * codes (a campaign from many addresses) and a ceiling on successful joins per
 * class (a leaked class sheet).
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '../../../server/db/connect.ts';
import { createWindowLimiter, type WindowLimiterOptions } from '../../../server/security/rate-limit.ts';
import { createSchool, createTestServer, jsonRequest, type TestServer } from './harness.ts';

let server: TestServer;
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

/** A server whose named limit has the given budget, its counters in the server's own database. */
async function serverWithLimit(
  limit: 'joinBudget' | 'classJoinLimiter',
  options: Omit<WindowLimiterOptions, 'name'>,
): Promise<TestServer> {
  const database = openSqlite(':memory:');
  return createTestServer(
    { [limit]: createWindowLimiter(database.driver, { name: limit, ...options }) },
    database,
  );
}

/** The limits read Date.now(): a test moves it. */
function clockAt(ms: number): { advance(by: number): void } {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ms);
  return { advance: (by) => vi.setSystemTime(Date.now() + by) };
}

/** A join from its own address, so the per-address limit never triggers. */
const joinFrom = (code: string, address: string) =>
  server.app.request('/api/join', jsonRequest('POST', { code }), {
    incoming: { socket: { remoteAddress: address } },
  });

const deviceCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('devices')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('server-wide budget of wrong join codes', () => {
  it('refuses wrong codes from fresh addresses with 429 + Retry-After once spent, and still lets right codes join', async () => {
    server = await serverWithLimit('joinBudget', { maxEvents: 5, windowMs: 600_000 });
    const school = await createSchool(server, ['Léa', 'Tom']);

    // Five wrong guesses, each from a different address: each is an ordinary 404.
    for (let i = 0; i < 5; i++) expect((await joinFrom('ZZZZZZZZZ', `198.51.100.${i}`)).status).toBe(404);

    // The sixth wrong guess, from yet another address, is refused for the whole server.
    const refused = await joinFrom('YYYYYYYYY', '203.0.113.50');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    const wait = Number(refused.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);

    // A child with the right code is never locked out by someone else's campaign.
    const joined = await joinFrom(school.pupils[0]!.joinCode, '203.0.113.51');
    expect(joined.status).toBe(200);
    expect(await deviceCount()).toBe(1);
  });

  it('counts only wrong codes: right codes do not spend the budget', async () => {
    server = await serverWithLimit('joinBudget', { maxEvents: 2, windowMs: 600_000 });
    const school = await createSchool(server, ['Léa']);
    for (let i = 0; i < 5; i++)
      expect((await joinFrom(school.pupils[0]!.joinCode, `192.0.2.${i}`)).status).toBe(200);
    expect((await joinFrom('ZZZZZZZZZ', '192.0.2.100')).status).toBe(404);
  });

  it('frees the budget when the window has passed', async () => {
    const clock = clockAt(1_000_000);
    server = await serverWithLimit('joinBudget', { maxEvents: 1, windowMs: 60_000 });
    expect((await joinFrom('ZZZZZZZZZ', '192.0.2.1')).status).toBe(404);
    expect((await joinFrom('ZZZZZZZZZ', '192.0.2.2')).status).toBe(429);
    clock.advance(61_000);
    expect((await joinFrom('ZZZZZZZZZ', '192.0.2.3')).status).toBe(404);
  });
});

describe('successful joins per class', () => {
  it('stops the 61st device joining one class within a minute with 429 + Retry-After; other classes are unaffected', async () => {
    server = await createTestServer();
    const leaked = await createSchool(server, ['Léa', 'Tom']);
    const other = await createSchool(server, ['Zoé']);

    for (let i = 0; i < 60; i++) {
      const pupil = leaked.pupils[i % 2]!;
      expect((await joinFrom(pupil.joinCode, `10.0.${i >> 8}.${i & 255}`)).status, `join ${i + 1}`).toBe(200);
    }
    const refused = await joinFrom(leaked.pupils[0]!.joinCode, '10.1.0.1');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'class_join_limit' });
    const wait = Number(refused.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // The refused join linked nothing.
    expect(await deviceCount()).toBe(60);

    expect((await joinFrom(other.pupils[0]!.joinCode, '10.1.0.2')).status).toBe(200);
  });

  it('lets the class join again once the minute has passed', async () => {
    const clock = clockAt(5_000_000);
    server = await serverWithLimit('classJoinLimiter', { maxEvents: 2, windowMs: 60_000 });
    const school = await createSchool(server, ['Léa']);
    const code = school.pupils[0]!.joinCode;
    expect((await joinFrom(code, '10.2.0.1')).status).toBe(200);
    expect((await joinFrom(code, '10.2.0.2')).status).toBe(200);
    expect((await joinFrom(code, '10.2.0.3')).status).toBe(429);
    clock.advance(60_001);
    expect((await joinFrom(code, '10.2.0.4')).status).toBe(200);
  });
});

describe('window limiter', () => {
  it('keeps one counter row per key under a flood, with the same answers', async () => {
    const clock = clockAt(0);
    const database = openSqlite(':memory:');
    server = await createTestServer({}, database);
    const limiter = createWindowLimiter(database.driver, { name: 'flood', maxEvents: 3, windowMs: 10_000 });
    for (let i = 0; i < 2_000; i++) await limiter.record('all');
    const { rows } = await sql<{ key: string }>`SELECT key FROM rate_limits`.execute(server.db);
    expect(rows).toEqual([{ key: 'flood:all' }]);
    expect(await limiter.retryAfter('all')).toBe(10);
    clock.advance(10_001);
    expect(await limiter.retryAfter('all')).toBe(0);
  });
});
