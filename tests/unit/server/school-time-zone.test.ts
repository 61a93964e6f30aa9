/** CARTABLE_TIMEZONE: the school's clock, validated at start, sent to the teacher's screens. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { createSchool, createTestServer, jsonRequest, type TestServer } from './harness.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('the school time zone', () => {
  it('defaults to Europe/Paris, takes an IANA name, refuses anything else at start', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Paris');
    expect(loadConfig({ CARTABLE_TIMEZONE: 'Indian/Reunion' }).timeZone).toBe('Indian/Reunion');
    expect(() => loadConfig({ CARTABLE_TIMEZONE: 'Paris' })).toThrow(/CARTABLE_TIMEZONE/);
  });

  it('is part of the teacher sign-in answer', async () => {
    server = await createTestServer({ timeZone: 'America/Cayenne' });
    const school = await createSchool(server, []);
    const res = await server.app.request(
      '/api/teacher/session',
      jsonRequest('POST', { email: school.teacher.email, password: school.teacher.password }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ school: { timeZone: 'America/Cayenne' } });
  });
});
