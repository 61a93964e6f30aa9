/** The HTTP application: middleware, then one router per resource. No socket here (see main.ts). */
import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';
import { apiError } from './http.ts';
import { blobRoutes } from './routes/blobs.ts';
import { blobUploadRoutes } from './routes/blob-uploads.ts';
import { deviceStatusRoutes } from './routes/device-status.ts';
import { healthRoutes } from './routes/health.ts';
import { joinRoutes } from './routes/join.ts';
import { manifestRoutes } from './routes/manifest.ts';
import { packRoutes } from './routes/packs.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { teacherClassRoutes } from './routes/teacher-classes.ts';
import { teacherSessionRoutes } from './routes/teacher-session.ts';
import { updateRoutes } from './routes/updates.ts';
import { requireDevice, requireTeacher, requireUploader, type AppEnv } from './security/auth.ts';
import { securityHeaders } from './security/headers.ts';
import { loadShedding } from './security/load-shedding.ts';
import { staticRoutes } from './static.ts';

/** Builds the app around its dependencies. */
export function createApp(deps: AppDeps) {
  const { db, now } = deps;
  const app = new Hono<AppEnv>();

  // Headers first so even a shed or failed request carries them.
  app.use('*', securityHeaders());
  app.use('*', loadShedding({ maxInFlight: deps.maxInFlight }));

  app.use('/api/pupil/*', requireDevice(db));
  app.use('/api/blobs/*', requireUploader(db, now));
  app.use('/api/teacher/classes', requireTeacher(db, now));
  app.use('/api/teacher/classes/*', requireTeacher(db, now));

  app.route('/api/health', healthRoutes(deps));
  app.route('/api/join', joinRoutes(deps));
  app.route('/api/pupil', manifestRoutes(deps));
  app.route('/api/pupil', submissionRoutes(deps));
  app.route('/api/pupil', updateRoutes(deps));
  app.route('/api/pupil', deviceStatusRoutes(deps));
  app.route('/api/blobs', blobUploadRoutes(deps));
  app.route('/api/teacher/session', teacherSessionRoutes(deps));
  app.route('/api/teacher/classes', teacherClassRoutes(deps));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'There is no such API route.'));
  app.route('/packs', packRoutes(deps));
  app.route('/blobs', blobRoutes(deps));
  app.route('/', staticRoutes(deps.staticDir));

  app.notFound((c) => apiError(c, 404, 'not_found', 'Nothing here.'));
  app.onError((error, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return apiError(c, 500, 'internal', 'Something went wrong on the server; try again later.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
