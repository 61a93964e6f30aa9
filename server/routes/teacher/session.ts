/** POST/DELETE /api/teacher/session: a teacher signs in with e-mail and password, and out. */
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import { apiError, readJson } from '../../http/json.ts';
import { requireTeacher, type AppEnv } from '../../security/auth.ts';
import { clientAddress } from '../../security/client-address.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { hashToken, newToken } from '../../security/tokens.ts';
import type { InferOutput } from 'valibot';
import { LoginRequestSchema, type LoginResponseSchema } from '../../../protocol/teacher-api.ts';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../../protocol/school-time.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** A school day with its evening of preparation, not a week. */
export const SESSION_HOURS = 12;

// Verified when the e-mail is unknown, so both failures take the same time.
const DECOY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Mounted at /api/teacher/session. */
export function teacherSessionRoutes({
  db,
  now,
  loginLimiter,
  trustedProxies = 0,
  timeZone = DEFAULT_SCHOOL_TIME_ZONE,
}: Pick<AppDeps, 'db' | 'now' | 'loginLimiter' | 'trustedProxies' | 'timeZone'>) {
  return new Hono<AppEnv>()
    .post('/', bodyAtMost(4096), async (c) => {
      const address = clientAddress(c, trustedProxies);
      const wait = await loginLimiter.retryAfter(address);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return apiError(
          c,
          429,
          'rate_limited',
          'Too many failed sign-ins from this network; please wait before trying again.',
        );
      }
      const parsed = await readJson(c, LoginRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { email, password } = parsed.value;

      const teacher = await db
        .selectFrom('teachers')
        .select(['id', 'name', 'email', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      const valid = await verifyPassword(password, teacher?.password_hash ?? DECOY_HASH);
      if (!teacher || !valid) {
        await loginLimiter.recordFailure(address);
        return apiError(c, 401, 'bad_credentials', 'Wrong e-mail or password.');
      }

      const token = newToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000).toISOString();
      await db
        .insertInto('teacher_sessions')
        .values({
          token_hash: hashToken(token),
          teacher_id: teacher.id,
          created_at: at.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      // Expired sessions are useless; sweeping them here keeps the table small without a scheduler.
      await db.deleteFrom('teacher_sessions').where('expires_at', '<=', at.toISOString()).execute();

      c.header('Cache-Control', 'no-store');
      return c.json({
        token,
        expiresAt,
        teacher: { id: teacher.id, name: teacher.name, email: teacher.email },
        school: { timeZone },
      } satisfies InferOutput<typeof LoginResponseSchema>);
    })
    .delete('/', requireTeacher(db, now), async (c) => {
      await db
        .deleteFrom('teacher_sessions')
        .where('token_hash', '=', c.get('teacher').sessionHash)
        .execute();
      return c.body(null, 204);
    });
}
