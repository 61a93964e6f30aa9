/** POST /api/join: a pupil types their join code and this device gets a token for them. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { JoinRequestSchema, type JoinResponse } from '../../protocol/api.ts';
import type { AppDeps } from '../deps.ts';
import { apiError, readJson } from '../http.ts';
import { clientAddress } from '../security/client-address.ts';
import { hashJoinCode, isWellFormedJoinCode, normaliseJoinCode } from '../security/join-codes.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { tooLarge } from './too-large.ts';

/** Mounted at /api/join. */
export function joinRoutes({ db, now, joinLimiter }: Pick<AppDeps, 'db' | 'now' | 'joinLimiter'>) {
  return new Hono().post('/', bodyLimit({ maxSize: 1024, onError: tooLarge }), async (c) => {
    const address = clientAddress(c);
    const wait = joinLimiter.retryAfter(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(
        c,
        429,
        'rate_limited',
        'Too many wrong codes from this network; please wait before trying again.',
      );
    }

    const parsed = await readJson(c, JoinRequestSchema);
    if (!parsed.ok) return parsed.response;
    const code = normaliseJoinCode(parsed.value.code);
    if (!isWellFormedJoinCode(code)) {
      joinLimiter.recordFailure(address);
      return apiError(c, 400, 'bad_code', 'A join code has 9 letters and digits, like ABC-DEF-GHJ.');
    }

    const at = now();
    const found = await db
      .selectFrom('join_codes as j')
      .innerJoin('pupils as p', 'p.id', 'j.pupil_id')
      .innerJoin('classes as k', 'k.id', 'p.class_id')
      .select(['p.id as pupilId', 'p.name as pupilName', 'k.id as classId', 'k.name as className'])
      .where('j.code_hash', '=', hashJoinCode(code))
      .where('j.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('j.expires_at', 'is', null), eb('j.expires_at', '>', at.toISOString())]))
      .executeTakeFirst();
    if (!found) {
      joinLimiter.recordFailure(address);
      return apiError(c, 404, 'unknown_code', 'No pupil has this join code; check it with your teacher.');
    }

    const token = newToken();
    await db
      .insertInto('devices')
      .values({
        id: randomUUID(),
        pupil_id: found.pupilId,
        token_hash: hashToken(token),
        created_at: at.toISOString(),
        last_seen_at: at.toISOString(),
        revoked_at: null,
        lessons_ready: null,
        storage_persisted: null,
        storage_usage: null,
        storage_quota: null,
        last_sync_at: null,
      })
      .execute();

    c.header('Cache-Control', 'no-store');
    return c.json({
      token,
      pupil: { id: found.pupilId, name: found.pupilName },
      class: { id: found.classId, name: found.className },
      serverTime: at.toISOString(),
    } satisfies JoinResponse);
  });
}
