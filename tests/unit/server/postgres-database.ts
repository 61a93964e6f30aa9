/**
 * Throwaway PostgreSQL databases for the server tests that need the real thing. They run when
 * CARTABLE_TEST_DATABASE_URL names a server where this user may create databases, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres (npm test starts one: scripts/with-test-postgres.mjs).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPostgres } from '../../../server/db/connect.ts';
import { createTestServer, type TestServer } from './harness.ts';

export const adminUrl = process.env.CARTABLE_TEST_DATABASE_URL;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty database named `<prefix>_<random>`; `drop()` removes it (close its pools first). */
export async function createPostgresDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!adminUrl) throw new Error('CARTABLE_TEST_DATABASE_URL is not set');
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

/**
 * Inside a describe: one test server on a fresh database (named `<prefix>_…`) for the whole suite, handed
 * to `take`; closed and dropped after it.
 */
export function postgresServerForSuite(prefix: string, take: (server: TestServer) => void): void {
  let server: TestServer | undefined;
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  beforeAll(async () => {
    database = await createPostgresDatabase(prefix);
    server = await createTestServer({}, openPostgres(database.url));
    take(server);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
}
