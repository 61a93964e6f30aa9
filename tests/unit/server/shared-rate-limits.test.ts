/**
 * Rate limits shared by every process: two apps over one database (as two Cartable processes
 * behind a balancer) spend one budget. Run on a SQLite file and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type OpenDatabase } from '../../../server/db/connect.ts';
import { createSchool, createTestServer, jsonRequest, type TestServer } from './harness.ts';
import { adminUrl, createPostgresDatabase } from './postgres-database.ts';

/** Two app instances over one database, and how to remove it afterwards. */
interface TwoProcesses {
  first: TestServer;
  second: TestServer;
  cleanUp(): Promise<void>;
}

async function twoOver(open: () => OpenDatabase, removeDatabase: () => Promise<void>): Promise<TwoProcesses> {
  const first = await createTestServer({}, open());
  const second = await createTestServer({}, open());
  return {
    first,
    second,
    async cleanUp() {
      await first.close();
      await second.close();
      await removeDatabase();
    },
  };
}

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

const signIn = (server: TestServer, email: string, password: string, address: string) =>
  server.app.request('/api/teacher/session', jsonRequest('POST', { email, password }), from(address));

const join = (server: TestServer, code: string, address: string) =>
  server.app.request('/api/join', jsonRequest('POST', { code }), from(address));

function sharedBudgetSuite(openTwo: () => Promise<TwoProcesses>) {
  let processes: TwoProcesses;
  afterEach(() => processes.cleanUp());

  it('counts failed sign-ins on one process against the budget of the other', async () => {
    processes = await openTwo();
    const { first, second } = processes;
    const school = await createSchool(first);
    // Ten failures alternate between the two processes, as a balancer would send them.
    for (let i = 0; i < 10; i++) {
      const server = i % 2 === 0 ? first : second;
      expect((await signIn(server, school.teacher.email, 'wrong', '198.51.100.7')).status).toBe(401);
    }
    for (const server of [first, second]) {
      const refused = await signIn(server, school.teacher.email, school.teacher.password, '198.51.100.7');
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
      const wait = Number(refused.headers.get('Retry-After'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(600);
    }
    // Another address is not affected.
    expect((await signIn(second, school.teacher.email, school.teacher.password, '198.51.100.8')).status).toBe(
      200,
    );
  });

  it('counts wrong join codes on one process against the budget of the other', async () => {
    processes = await openTwo();
    const { first, second } = processes;
    const school = await createSchool(first);
    for (let i = 0; i < 10; i++) expect((await join(first, 'ZZZZZZZZZ', '203.0.113.9')).status).toBe(404);
    const refused = await join(second, school.pupils[0]!.joinCode, '203.0.113.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
}

describe('rate limits shared through one SQLite file', () => {
  sharedBudgetSuite(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cartable-limits-'));
    const file = path.join(dir, 'cartable.sqlite');
    return twoOver(
      () => openSqlite(file),
      async () => rmSync(dir, { recursive: true, force: true }),
    );
  });
});

describe.skipIf(!adminUrl)('rate limits shared through PostgreSQL', () => {
  sharedBudgetSuite(async () => {
    const { url, drop } = await createPostgresDatabase('cartable_limits');
    return twoOver(() => openPostgres(url), drop);
  });
});
