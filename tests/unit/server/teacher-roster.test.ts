import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ClassSchema, DeviceSchema, PupilSchema } from '../../../protocol/teacher-api.ts';
import {
  createSchool,
  createTestServer,
  eachTest,
  joinAs,
  jsonRequest,
  signIn,
  type TestSchool,
  type TestServer,
} from './harness.ts';
import { client, type Client, serverWithTeacher } from './teacher-support.ts';

let server: TestServer, school: TestSchool, teacher: Client;
eachTest(
  () => serverWithTeacher(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, teacher } = world),
);

const CODE = /^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/;
const join = (code: string) => server.app.request('/api/join', jsonRequest('POST', { code }));

describe('GET /api/teacher/me', () => {
  it('tells who is signed in, and refuses without a session', async () => {
    const res = await teacher.get('/api/teacher/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: school.teacher.id,
      name: 'Mme Test',
      email: school.teacher.email,
      // The school's clock, for the editor's dates (CARTABLE_TIMEZONE, Paris by default).
      school: { timeZone: 'Europe/Paris' },
    });
    expect((await server.app.request('/api/teacher/me')).status).toBe(401);
  });
});

describe('classes', () => {
  it('creates, renames and archives a class; the list shows archived classes and pupil counts', async () => {
    const created = await teacher.post('/api/teacher/classes', { name: '  CE2 A  ' });
    expect(created.status).toBe(201);
    const ce2 = v.parse(ClassSchema, await created.json());
    expect(ce2).toMatchObject({ name: 'CE2 A', archived: false, pupilCount: 0 });

    const renamed = await teacher.patch(`/api/teacher/classes/${ce2.id}`, { name: 'CE2 B' });
    expect(await renamed.json()).toMatchObject({ name: 'CE2 B', archived: false });
    const archived = await teacher.patch(`/api/teacher/classes/${ce2.id}`, { archived: true });
    expect(await archived.json()).toMatchObject({ name: 'CE2 B', archived: true });

    const { classes } = (await (await teacher.get('/api/teacher/classes')).json()) as { classes: unknown[] };
    expect(classes).toEqual([
      { id: ce2.id, name: 'CE2 B', archived: true, pupilCount: 0 },
      { id: school.classId, name: expect.any(String), archived: false, pupilCount: 2 },
    ]);
    // Nothing new is added to an archived class; restoring it allows it again.
    expect((await teacher.post(`/api/teacher/classes/${ce2.id}/pupils`, { names: ['Zoé'] })).status).toBe(
      409,
    );
    await teacher.patch(`/api/teacher/classes/${ce2.id}`, { archived: false });
    expect((await teacher.post(`/api/teacher/classes/${ce2.id}/pupils`, { names: ['Zoé'] })).status).toBe(
      201,
    );
  });

  it('answers 400 invalid_body with the reason for a blank name', async () => {
    const res = await teacher.post('/api/teacher/classes', { name: '   ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_body',
      message: expect.stringContaining('name'),
    });
  });

  it('keeps devices of an archived class working', async () => {
    const device = await joinAs(server, school.pupils[0]!.joinCode);
    await teacher.patch(`/api/teacher/classes/${school.classId}`, { archived: true });
    expect((await client(server, device).get('/api/pupil/manifest')).status).toBe(200);
  });
});

describe('pupils and join codes', () => {
  it('lists pupils with their printable code and linked devices; the code links a device', async () => {
    await joinAs(server, school.pupils[0]!.joinCode);
    const res = await teacher.get(`/api/teacher/classes/${school.classId}/pupils`);
    const { pupils } = (await res.json()) as { pupils: unknown[] };
    const parsed = pupils.map((p) => v.parse(PupilSchema, p));
    expect(parsed.map((p) => [p.name, p.devices])).toEqual([
      ['Léa Martin', 1],
      ['Noah Benali', 0],
    ]);
    for (const pupil of parsed) expect(pupil.code).toMatch(CODE);
    expect(parsed[1]!.code.replaceAll('-', '')).toBe(school.pupils[1]!.joinCode);
  });

  it('adds a pasted list, renames and removes; a removed pupil keeps their work but loses devices and code', async () => {
    const added = await teacher.post(`/api/teacher/classes/${school.classId}/pupils`, {
      names: ['Inès Dubois', ' Zoé '],
    });
    expect(added.status).toBe(201);
    const { pupils } = (await added.json()) as { pupils: { id: string; name: string; code: string }[] };
    expect(pupils.map((p) => p.name)).toEqual(['Inès Dubois', 'Zoé']);
    const zoe = pupils[1]!;
    const device = await joinAs(server, zoe.code);

    const renamed = await teacher.patch(`/api/teacher/pupils/${zoe.id}`, { name: 'Zoé Petit' });
    expect(await renamed.json()).toMatchObject({ id: zoe.id, name: 'Zoé Petit', devices: 1 });

    expect((await teacher.delete(`/api/teacher/pupils/${zoe.id}`)).status).toBe(204);
    const list = (await (await teacher.get(`/api/teacher/classes/${school.classId}/pupils`)).json()) as {
      pupils: { id: string }[];
    };
    expect(list.pupils.map((p) => p.id)).not.toContain(zoe.id);
    expect(await (await client(server, device).get('/api/pupil/manifest')).json()).toMatchObject({
      error: 'device_revoked',
    });
    expect((await join(zoe.code)).status).toBe(404);
    expect(
      await server.db.selectFrom('pupils').select('id').where('id', '=', zoe.id).executeTakeFirst(),
    ).toBeDefined();
    expect((await teacher.patch(`/api/teacher/pupils/${zoe.id}`, { name: 'X' })).status).toBe(404);
  });

  it('regenerates a code: the new one links a device, the old one stops working at once', async () => {
    const lea = school.pupils[0]!;
    const res = await teacher.post(`/api/teacher/pupils/${lea.id}/code`);
    expect(res.status).toBe(200);
    const { code } = (await res.json()) as { code: string };
    expect(code).toMatch(CODE);
    expect(code.replaceAll('-', '')).not.toBe(lea.joinCode);
    expect((await join(lea.joinCode)).status).toBe(404);
    expect((await join(code)).status).toBe(200);
    const { pupils } = (await (
      await teacher.get(`/api/teacher/classes/${school.classId}/pupils`)
    ).json()) as {
      pupils: { id: string; code: string }[];
    };
    expect(pupils.find((p) => p.id === lea.id)!.code).toBe(code);
  });
});

describe('devices', () => {
  it('names each device by the browser and system it joined with, and keeps no User-Agent', async () => {
    const lea = school.pupils[0]!;
    const joinWith = (userAgent: string | null) =>
      server.app.request('/api/join', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(userAgent ? { 'User-Agent': userAgent } : {}) },
        body: JSON.stringify({ code: lea.joinCode }),
      });
    const android =
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    expect((await joinWith(android)).status).toBe(200);
    expect((await joinWith(null)).status).toBe(200);
    const { devices } = (await (await teacher.get(`/api/teacher/pupils/${lea.id}/devices`)).json()) as {
      devices: unknown[];
    };
    expect(devices.map((d) => v.parse(DeviceSchema, d)).map((d) => [d.browser, d.system])).toEqual([
      ['Chrome', 'Android'],
      [null, null],
    ]);
    const stored = await server.db.selectFrom('devices').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('AppleWebKit');
  });

  it('lists a pupil devices with readiness, and revoking one answers device_revoked on its next request', async () => {
    const lea = school.pupils[0]!;
    const token = await joinAs(server, lea.joinCode);
    const device = client(server, token);
    await device.post('/api/pupil/device-status', {
      lessonsReady: [{ id: 'l1', version: 2 }],
      storage: { persisted: true },
      lastSyncAt: '2026-01-05T07:00:00.000Z',
    });
    const { devices } = (await (await teacher.get(`/api/teacher/pupils/${lea.id}/devices`)).json()) as {
      devices: unknown[];
    };
    expect(devices).toHaveLength(1);
    const [linked] = devices.map((d) => v.parse(DeviceSchema, d));
    expect(linked).toMatchObject({
      lessonsReady: [{ id: 'l1', version: 2 }],
      storagePersisted: true,
      lastSyncAt: '2026-01-05T07:00:00.000Z',
      revokedAt: null,
    });

    expect((await teacher.delete(`/api/teacher/devices/${linked!.id}`)).status).toBe(204);
    const refused = await device.get('/api/pupil/manifest');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'device_revoked' });
    // An unknown token is told apart from a revoked one.
    expect(await (await client(server, 'x'.repeat(43)).get('/api/pupil/manifest')).json()).toMatchObject({
      error: 'unauthorized',
    });
    const after = (await (await teacher.get(`/api/teacher/pupils/${lea.id}/devices`)).json()) as {
      devices: { revokedAt: string | null }[];
    };
    expect(after.devices[0]!.revokedAt).toEqual(expect.any(String));
    const { pupils } = (await (
      await teacher.get(`/api/teacher/classes/${school.classId}/pupils`)
    ).json()) as {
      pupils: { devices: number }[];
    };
    expect(pupils[0]!.devices).toBe(0);
  });
});

describe('demo pupils at start-up', () => {
  it('prints each demo pupil live code, the regenerated one after a regeneration', async () => {
    const { listDemoPupils, seedDemo, DEMO_TEACHER } = await import('../../../server/seed/demo.ts');
    await seedDemo(server.db, server.blobs);
    const before = await listDemoPupils(server.db);
    expect(before.map((p) => p.name)).toEqual(['Léa Martin', 'Noah Benali', 'Inès Dubois']);
    const demoTeacher = client(server, await signIn(server, DEMO_TEACHER));
    const { classes } = (await (await demoTeacher.get('/api/teacher/classes')).json()) as {
      classes: { id: string }[];
    };
    const { pupils } = (await (
      await demoTeacher.get(`/api/teacher/classes/${classes[0]!.id}/pupils`)
    ).json()) as {
      pupils: { id: string; name: string; code: string }[];
    };
    const noah = pupils.find((p) => p.name === 'Noah Benali')!;
    expect(noah.code.replaceAll('-', '')).toBe(before[1]!.joinCode);
    const { code } = (await (await demoTeacher.post(`/api/teacher/pupils/${noah.id}/code`)).json()) as {
      code: string;
    };
    const after = await listDemoPupils(server.db);
    expect(after.map((p) => p.joinCode)).toEqual([
      before[0]!.joinCode,
      code.replaceAll('-', ''),
      before[2]!.joinCode,
    ]);
  });
});

describe("the app's clock", () => {
  it('stamps a new class, its pupils, their codes and a removal with the injected now', async () => {
    const at = new Date('2026-03-02T07:45:00.000Z');
    const clocked = await createTestServer({ now: () => at });
    try {
      const owner = client(clocked, await signIn(clocked, (await createSchool(clocked)).teacher));
      const created = await owner.post('/api/teacher/classes', { name: 'CE2' });
      const { id: classId } = (await created.json()) as { id: string };
      const added = await owner.post(`/api/teacher/classes/${classId}/pupils`, { names: ['Inès Dubois'] });
      const [ines] = ((await added.json()) as { pupils: { id: string }[] }).pupils;
      expect((await owner.post(`/api/teacher/pupils/${ines!.id}/code`)).status).toBe(200);
      expect((await owner.delete(`/api/teacher/pupils/${ines!.id}`)).status).toBe(204);

      const stamp = at.toISOString();
      const db = clocked.db;
      expect(await db.selectFrom('classes').select('created_at').where('id', '=', classId).execute()).toEqual(
        [{ created_at: stamp }],
      );
      expect(
        await db
          .selectFrom('pupils')
          .select(['created_at', 'removed_at'])
          .where('id', '=', ines!.id)
          .execute(),
      ).toEqual([{ created_at: stamp, removed_at: stamp }]);
      const codes = await db
        .selectFrom('join_codes')
        .select(['created_at', 'revoked_at'])
        .where('pupil_id', '=', ines!.id)
        .execute();
      expect(codes).toEqual([
        { created_at: stamp, revoked_at: stamp },
        { created_at: stamp, revoked_at: stamp },
      ]);
    } finally {
      await clocked.close();
    }
  });
});
