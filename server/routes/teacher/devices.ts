/**
 * Pupils' linked devices, as the teacher sees them: what each holds offline,
 * and revoking one (a lost phone, a device that should not be linked). A
 * revoked device's next request is refused with 401 device_revoked.
 */
import { Hono } from 'hono';
import type { InferOutput } from 'valibot';
import type { DeviceListSchema, DeviceSchema } from '../../../protocol/teacher-api.ts';
import { lessonsReadyOf, liveDevicesOfClass, livePupilsOfClass } from '../../class-queries.ts';
import type { Device } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { latestLessonsOfClass } from '../../lessons/catalogue.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedClass, ownedDevice, ownedPupil } from '../../security/ownership.ts';

type DeviceList = InferOutput<typeof DeviceListSchema>;

function deviceView(d: Device): InferOutput<typeof DeviceSchema> {
  return {
    id: d.id,
    createdAt: d.created_at,
    lastSeenAt: d.last_seen_at,
    lastSyncAt: d.last_sync_at,
    revokedAt: d.revoked_at,
    lessonsReady: lessonsReadyOf(d),
    storagePersisted: d.storage_persisted === null ? null : d.storage_persisted === 1,
    browser: d.browser,
    system: d.system,
  };
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherDeviceRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return (
    new Hono<AppEnv>()
      .get('/pupils/:pupilId/devices', async (c) => {
        const pupil = await ownedPupil(db, c.get('teacher').teacherId, c.req.param('pupilId'));
        if (!pupil) return notYours(c, 'pupil');
        const devices = await db
          .selectFrom('devices')
          .selectAll()
          .where('pupil_id', '=', pupil.id)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return c.json({ devices: devices.map(deviceView) } satisfies DeviceList);
      })
      .delete('/devices/:deviceId', async (c) => {
        const device = await ownedDevice(db, c.get('teacher').teacherId, c.req.param('deviceId'));
        if (!device) return notYours(c, 'device');
        // Revoking twice is harmless: the first revocation time is kept.
        if (!device.revoked_at) {
          await db
            .updateTable('devices')
            .set({ revoked_at: now().toISOString() })
            .where('id', '=', device.id)
            .execute();
        }
        return c.body(null, 204);
      })
      // The whole class at once, with what each live device still lacks of the current versions.
      .get('/classes/:classId/devices', async (c) => {
        const classId = c.req.param('classId');
        if (!(await ownedClass(db, c.get('teacher').teacherId, classId))) return notYours(c, 'class');
        const lessons = await latestLessonsOfClass(db, classId);
        const pupils = await livePupilsOfClass(db, classId);
        const devices = await liveDevicesOfClass(db, classId);
        return c.json({
          pupils: pupils.map((pupil) => ({
            id: pupil.id,
            name: pupil.name,
            devices: devices
              .filter((d) => d.pupil_id === pupil.id)
              .map((d) => {
                const ready = lessonsReadyOf(d);
                const has = new Set(ready.map((l) => `${l.id}@${l.version}`));
                return {
                  id: d.id,
                  linkedAt: d.created_at,
                  lastSeenAt: d.last_seen_at,
                  lastSyncAt: d.last_sync_at,
                  lessonsReady: ready,
                  lessonsMissing: lessons
                    .filter((l) => !has.has(`${l.id}@${l.version}`))
                    .map((l) => ({ id: l.id, version: l.version })),
                  storage: {
                    persisted: d.storage_persisted === null ? null : d.storage_persisted === 1,
                    usage: d.storage_usage,
                    quota: d.storage_quota,
                  },
                };
              }),
          })),
        });
      })
  );
}
