/** POST /api/pupil/device-status: the device says what it holds offline and what the pupil started, so the teacher sees who is ready. */
import { Hono } from 'hono';
import { DeviceStatusSchema } from '../../../protocol/api.ts';
import type { AppDeps } from '../../deps.ts';
import { readJson } from '../../http/json.ts';
import type { AppEnv } from '../../security/auth.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** Mounted at /api/pupil (behind device authentication). */
export function deviceStatusRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>().post('/device-status', bodyAtMost(256 * 1024), async (c) => {
    const parsed = await readJson(c, DeviceStatusSchema);
    if (!parsed.ok) return parsed.response;
    const { lessonsReady, storage, lastSyncAt, lessonsStarted } = parsed.value;
    await db
      .updateTable('devices')
      .set({
        lessons_ready: JSON.stringify(lessonsReady.map(({ id, version }) => ({ id, version }))),
        // A report replaces the last one: an older client's says nothing about started lessons.
        lessons_started: lessonsStarted ? JSON.stringify(lessonsStarted.map(({ id }) => ({ id }))) : null,
        storage_persisted: storage.persisted ? 1 : 0,
        storage_usage: storage.usage ?? null,
        storage_quota: storage.quota ?? null,
        last_sync_at: lastSyncAt,
        last_seen_at: now().toISOString(),
      })
      .where('id', '=', c.get('device').deviceId)
      .execute();
    return c.body(null, 204);
  });
}
