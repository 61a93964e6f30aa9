/** GET /api/teacher/me: who is signed in (the app checks its stored session with it). */
import { Hono } from 'hono';
import type { InferOutput } from 'valibot';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../../protocol/school-time.ts';
import type { MeResponseSchema } from '../../../protocol/teacher-api.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../security/auth.ts';

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherMeRoutes({ timeZone = DEFAULT_SCHOOL_TIME_ZONE }: Pick<AppDeps, 'timeZone'>) {
  return new Hono<AppEnv>().get('/me', (c) => {
    const { teacherId, name, email } = c.get('teacher');
    // The teacher's fields stay at the top level, as before; the school's clock beside them.
    return c.json({ id: teacherId, name, email, school: { timeZone } } satisfies InferOutput<
      typeof MeResponseSchema
    >);
  });
}
