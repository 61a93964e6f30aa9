/** Bearer-token authentication of devices (pupils) and teacher sessions. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/json.ts';
import { batchedLookup } from '../db/batched-lookup.ts';
import { bearerToken, hashToken } from './tokens.ts';

/** A linked device, and the pupil and class it acts for. */
export interface DeviceIdentity {
  deviceId: string;
  pupilId: string;
  pupilName: string;
  classId: string;
}

export interface TeacherIdentity {
  teacherId: string;
  name: string;
  email: string;
  /** Hash of the session token, to end this session. */
  sessionHash: string;
}

/** Hono's context variables set by the middlewares below. */
export type AppEnv = {
  Variables: { device: DeviceIdentity; teacher: TeacherIdentity; uploader: Uploader };
};

/** Who uploads a blob: pupils' uploads are attachments, teachers' uploads are lesson media. */
export type Uploader = { kind: 'pupil'; id: string } | { kind: 'teacher'; id: string };

const unauthorized = (c: Context) =>
  apiError(c, 401, 'unauthorized', 'This device or session is not linked; sign in or join again.');

type FoundDevice = DeviceIdentity & { revoked: boolean };

/** The devices behind these token hashes, in one query. */
async function devicesByTokenHash(db: Kysely<Database>, hashes: string[]): Promise<Map<string, FoundDevice>> {
  const rows = await db
    .selectFrom('devices as d')
    .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
    .select([
      'd.token_hash',
      'd.id as deviceId',
      'p.id as pupilId',
      'p.name as pupilName',
      'p.class_id as classId',
      'd.revoked_at',
    ])
    .where('d.token_hash', 'in', hashes)
    .execute();
  return new Map(
    rows.map(({ token_hash, revoked_at, ...identity }) => [
      token_hash,
      { ...identity, revoked: revoked_at !== null },
    ]),
  );
}

/**
 * Finds the device behind a bearer token: live, revoked by the teacher, or unknown (undefined).
 * Lookups arriving together share one query (db/batched-lookup.ts).
 */
export function deviceFinder(db: Kysely<Database>): (token: string) => Promise<FoundDevice | undefined> {
  const lookup = batchedLookup((hashes: string[]) => devicesByTokenHash(db, hashes));
  return (token) => lookup(hashToken(token));
}

// Distinct from "unknown" so the pupil app can say the teacher unlinked this device (its unsent work stays on it).
const revoked = (c: Context) =>
  apiError(
    c,
    401,
    'device_revoked',
    'Your teacher has unlinked this device; ask for a new join code. Work not yet sent stays on this device.',
  );

/** The teacher behind a bearer token, unless the session is unknown or expired. */
export async function findTeacher(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<TeacherIdentity | null> {
  const sessionHash = hashToken(token);
  const row = await db
    .selectFrom('teacher_sessions as s')
    .innerJoin('teachers as t', 't.id', 's.teacher_id')
    .select(['t.id as teacherId', 't.name', 't.email'])
    .where('s.token_hash', '=', sessionHash)
    .where('s.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { ...row, sessionHash } : null;
}

/** Requires a device token; sets c.var.device. */
export function requireDevice(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  const findDevice = deviceFinder(db);
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const device = token ? await findDevice(token) : undefined;
    if (!device) return unauthorized(c);
    if (device.revoked) return revoked(c);
    const { revoked: _, ...identity } = device;
    c.set('device', identity);
    await next();
  };
}

/** Requires a live teacher session; sets c.var.teacher. */
export function requireTeacher(db: Kysely<Database>, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const teacher = token ? await findTeacher(db, token, now()) : null;
    if (!teacher) return unauthorized(c);
    c.set('teacher', teacher);
    await next();
  };
}

/** Requires either a device or a teacher session; sets c.var.uploader. */
export function requireUploader(db: Kysely<Database>, now: () => Date): MiddlewareHandler<AppEnv> {
  const findDevice = deviceFinder(db);
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return unauthorized(c);
    const device = await findDevice(token);
    if (device?.revoked) return revoked(c);
    const teacher = device ? null : await findTeacher(db, token, now());
    if (device) c.set('uploader', { kind: 'pupil', id: device.pupilId });
    else if (teacher) c.set('uploader', { kind: 'teacher', id: teacher.teacherId });
    else return unauthorized(c);
    await next();
  };
}
