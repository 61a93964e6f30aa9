/**
 * Issue 5's credential rules, checked where they live: session tokens are 256
 * random bits kept only as hashes and expire; signing out ends that session on
 * the next request and no other; passwords are scrypt with the parameters
 * stored beside the hash.
 */
import { scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_HOURS } from '../../../server/routes/teacher/session.ts';
import { hashPassword, verifyPassword } from '../../../server/security/passwords.ts';
import { hashToken } from '../../../server/security/tokens.ts';
import { bearer, signIn, type TestSchool, type TestServer, serverWithSchool } from './harness.ts';

let server: TestServer;
let school: TestSchool;
let now = Date.parse('2026-01-05T07:00:00.000Z');
beforeEach(async () => {
  now = Date.parse('2026-01-05T07:00:00.000Z');
  ({ server, school } = await serverWithSchool(undefined, { now: () => new Date(now) }));
});
afterEach(() => server.close());

const classes = (token: string) => server.app.request('/api/teacher/classes', bearer(token));

describe('teacher sessions', () => {
  it('hands out a 256-bit token and stores only its SHA-256', async () => {
    const token = await signIn(server, school.teacher);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await server.db.selectFrom('teacher_sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it(`expires ${SESSION_HOURS} hours after sign-in, by the server's clock`, async () => {
    const token = await signIn(server, school.teacher);
    now += SESSION_HOURS * 3_600_000 - 1_000;
    expect((await classes(token)).status).toBe(200);
    now += 1_000;
    expect((await classes(token)).status).toBe(401);
  });

  it('signing out ends that session on the very next request, and leaves the teacher’s other sessions alone', async () => {
    const laptop = await signIn(server, school.teacher);
    const phone = await signIn(server, school.teacher);
    const out = await server.app.request('/api/teacher/session', { method: 'DELETE', ...bearer(laptop) });
    expect(out.status).toBe(204);
    expect((await classes(laptop)).status).toBe(401);
    expect((await classes(phone)).status).toBe(200);
  });
});

describe('passwords', () => {
  it('stores scrypt with its parameters and a fresh salt beside the hash', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
  });

  it('verifies with the parameters read from the stored hash, so they can be raised later', async () => {
    const current = await hashPassword('mot de passe');
    // The same password and salt under other parameters gives another key: a hash made with
    // N=1024 only verifies if verifyPassword uses the N written in it.
    const [, , , , salt] = current.split('$');
    const key = scryptSync('mot de passe', Buffer.from(salt!, 'base64url'), 32, { N: 1024, r: 8, p: 1 });
    const older = `scrypt$1024$8$1$${salt}$${key.toString('base64url')}`;
    expect(await verifyPassword('mot de passe', older)).toBe(true);
    expect(await verifyPassword('mot de passe', older.replace('$1024$', '$16384$'))).toBe(false);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('x', stored), stored).toBe(false);
    }
  });
});
