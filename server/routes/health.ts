/** GET /api/health: is this process up, and which version is it. */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { InferOutput } from 'valibot';
import type { HealthSchema } from '../../protocol/api.ts';

/** Mounted at /api/health. */
export function healthRoutes({ version }: Pick<AppDeps, 'version'>) {
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true as const, version } satisfies InferOutput<typeof HealthSchema>);
  });
}
