/**
 * POST /api/join: a pupil types their join code and this device gets a token for them.
 * Three limits, in order: failures per client address (refuses everything from
 * that address); the server-wide budget of wrong codes (refuses only wrong
 * codes, so a campaign from many addresses slows guessing without locking
 * children out); successful joins per class (a leaked class sheet).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { JoinRequestSchema, type JoinResponse } from '../../../protocol/api.ts';
import { deviceAgent } from '../../../protocol/device-agent.ts';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import { clientAddress } from '../../security/client-address.ts';
import { hashJoinCode, isWellFormedJoinCode, normaliseJoinCode } from '../../security/join-codes.ts';
import { hashToken, newToken } from '../../security/tokens.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** The one key of the server-wide budget of wrong codes. */
const SERVER_WIDE = 'all';

/** Mounted at /api/join. */
export function joinRoutes({
  db,
  now,
  joinLimiter,
  joinBudget,
  classJoinLimiter,
  trustedProxies = 0,
}: Pick<AppDeps, 'db' | 'now' | 'joinLimiter' | 'joinBudget' | 'classJoinLimiter' | 'trustedProxies'>) {
  return new Hono().post('/', bodyAtMost(1024), async (c) => {
    const address = clientAddress(c, trustedProxies);
    const wait = await joinLimiter.retryAfter(address);
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
      await joinLimiter.recordFailure(address);
      return apiError(c, 400, 'bad_code', 'A join code has 9 letters and digits, like ABC-DEF-GHJ.');
    }

    const at = now();
    const codeHash = hashJoinCode(code);
    const found = await db
      .selectFrom('join_codes as j')
      .innerJoin('pupils as p', 'p.id', 'j.pupil_id')
      .innerJoin('classes as k', 'k.id', 'p.class_id')
      .select([
        'p.id as pupilId',
        'p.name as pupilName',
        'k.id as classId',
        'k.name as className',
        'k.archived_at as classArchivedAt',
      ])
      .where('j.code_hash', '=', codeHash)
      .where('j.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('j.expires_at', 'is', null), eb('j.expires_at', '>', at.toISOString())]))
      .executeTakeFirst();
    if (!found) {
      await joinLimiter.recordFailure(address);
      // Checked only after the lookup, so a right code still joins while the budget is spent.
      const budgetWait = await joinBudget.retryAfter(SERVER_WIDE);
      await joinBudget.record(SERVER_WIDE);
      if (budgetWait > 0) {
        c.header('Retry-After', String(budgetWait));
        return apiError(
          c,
          429,
          'rate_limited',
          'Too many wrong codes are being tried right now; check your code and try again in a few minutes.',
        );
      }
      // A code that once worked (replaced by the teacher, expired): the child needs a new one, not to
      // re-check each letter. Still a failure for the limits above.
      const stale = await db
        .selectFrom('join_codes')
        .select('pupil_id')
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (stale)
        return apiError(
          c,
          404,
          'expired_code',
          'This join code no longer works; ask your teacher for the new one.',
        );
      return apiError(c, 404, 'unknown_code', 'No pupil has this join code; check it with your teacher.');
    }

    // An archived class keeps its linked devices working but links no new ones: the school year is over.
    // (A right code: not a failure for the rate limits.)
    if (found.classArchivedAt !== null) {
      return apiError(
        c,
        403,
        'class_archived',
        'This class has been archived and links no new device; ask your teacher for a code in your current class.',
      );
    }

    const classWait = await classJoinLimiter.retryAfter(found.classId);
    if (classWait > 0) {
      c.header('Retry-After', String(classWait));
      return apiError(
        c,
        429,
        'class_join_limit',
        'Many devices have just joined this class; please wait a minute and try again.',
      );
    }
    await classJoinLimiter.record(found.classId);

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
        // What the teacher tells this device by; the User-Agent itself is not kept.
        ...deviceAgent(c.req.header('User-Agent')),
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
