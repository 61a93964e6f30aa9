import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { JoinResponseSchema } from '../../../protocol/api.ts';
import { formatJoinCode } from '../../../server/security/join-codes.ts';
import { hashToken } from '../../../server/security/tokens.ts';
import { bareServer, createSchool, eachTest, jsonRequest, type TestServer } from './harness.ts';

let server: TestServer;
eachTest(bareServer, (world) => ({ server } = world));

const join = (code: string, address = '203.0.113.7') =>
  // The node adapter's socket, as getConnInfo reads it.
  server.app.request('/api/join', jsonRequest('POST', { code }), {
    incoming: { socket: { remoteAddress: address } },
  });

describe('POST /api/join', () => {
  it('links a device for a typed code (lowercase, dashes, spaces) and stores only the token hash', async () => {
    const school = await createSchool(server, ['Léa Martin']);
    const pupil = school.pupils[0]!;
    const typed = ` ${formatJoinCode(pupil.joinCode).toLowerCase().replace('-', ' - ')} `;
    const res = await join(typed);
    expect(res.status).toBe(200);
    const body = v.parse(JoinResponseSchema, await res.json());
    expect(body.pupil).toEqual({ id: pupil.id, name: 'Léa Martin' });
    expect(body.class.id).toBe(school.classId);
    expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(5000);
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);

    const devices = await server.db.selectFrom('devices').selectAll().execute();
    expect(devices).toHaveLength(1);
    expect(devices[0]!.token_hash).toBe(hashToken(body.token));
    expect(JSON.stringify(devices)).not.toContain(body.token);
  });

  it('answers 400 bad_code for a malformed code', async () => {
    for (const code of ['ABC', 'ABCDEFGHJK', 'ABCDEFGH0', 'ABCDEFGHI']) {
      const res = await join(code);
      expect(res.status, code).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_code' });
    }
  });

  it('answers 404 unknown_code for a well-formed code nobody has, and 404 expired_code for a revoked or expired one', async () => {
    const school = await createSchool(server, ['A', 'B']);
    const nobody = await join('ABCDEFGHJ');
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toMatchObject({ error: 'unknown_code' });

    const [revoked, expired] = school.pupils;
    await server.db
      .updateTable('join_codes')
      .set({ revoked_at: new Date().toISOString() })
      .where('pupil_id', '=', revoked!.id)
      .execute();
    await server.db
      .updateTable('join_codes')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('pupil_id', '=', expired!.id)
      .execute();
    for (const pupil of [revoked!, expired!]) {
      const res = await join(pupil.joinCode);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'expired_code' });
    }
  });

  it('refuses a right code of an archived class with 403 class_archived, linking nothing and counting no failure', async () => {
    const school = await createSchool(server, ['Léa Martin']);
    await server.db
      .updateTable('classes')
      .set({ archived_at: new Date().toISOString() })
      .where('id', '=', school.classId)
      .execute();
    for (let i = 0; i < 12; i++) {
      const res = await join(school.pupils[0]!.joinCode);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'class_archived' });
    }
    expect(await server.db.selectFrom('devices').selectAll().execute()).toHaveLength(0);
  });

  it('rate-limits failures per address with 429 and Retry-After, even for a right code', async () => {
    const school = await createSchool(server);
    for (let i = 0; i < 10; i++) expect((await join('ZZZZZZZZZ')).status).toBe(404);
    const limited = await join(school.pupils[0]!.joinCode);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    const wait = Number(limited.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    // Another address is not affected.
    expect((await join(school.pupils[0]!.joinCode, '198.51.100.1')).status).toBe(200);
  });

  it('refuses a body that is not a join request', async () => {
    const res = await server.app.request('/api/join', jsonRequest('POST', { nope: 1 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_body' });
  });
});
