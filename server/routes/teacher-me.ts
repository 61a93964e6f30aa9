/** GET /api/teacher/me: who is signed in (the app checks its stored session with it). */
import { Hono } from 'hono';
import type { InferOutput } from 'valibot';
import type { TeacherSchema } from '../../protocol/teacher-api.ts';
import type { AppEnv } from '../security/auth.ts';

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherMeRoutes() {
  return new Hono<AppEnv>().get('/me', (c) => {
    const { teacherId, name, email } = c.get('teacher');
    return c.json({ id: teacherId, name, email } satisfies InferOutput<typeof TeacherSchema>);
  });
}
