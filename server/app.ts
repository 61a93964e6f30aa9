/** The HTTP application: middleware, then one router per resource. No socket here (see main.ts). */
import { Hono, type Context } from 'hono';
import { largestUpload, PUPIL_UPLOADS, TEACHER_UPLOADS } from './blobs/upload-policy.ts';
import { HTTP_LIMITS } from './http/limits.ts';
import type { AppDeps } from './deps.ts';
import { apiError } from './http/json.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './db/unavailable.ts';
import { blobRoutes } from './routes/blobs.ts';
import { classNewsRoutes } from './routes/class-news.ts';
import { blobUploadRoutes } from './routes/blob-uploads.ts';
import { deviceStatusRoutes } from './routes/pupil/device-status.ts';
import { healthRoutes } from './routes/health.ts';
import { joinRoutes } from './routes/pupil/join.ts';
import { manifestRoutes } from './routes/pupil/manifest.ts';
import { packRoutes } from './routes/packs.ts';
import { submissionRoutes } from './routes/pupil/submissions.ts';
import { teacherClassRoutes } from './routes/teacher/classes.ts';
import { teacherDashboardRoutes } from './routes/teacher/dashboard.ts';
import { teacherDeviceRoutes } from './routes/teacher/devices.ts';
import { teacherExportRoutes } from './routes/teacher/exports.ts';
import { teacherFeedbackRoutes } from './routes/teacher/feedback.ts';
import { teacherLessonRoutes } from './routes/teacher/lessons.ts';
import { teacherMeRoutes } from './routes/teacher/me.ts';
import { teacherOfflineFileRoutes } from './routes/teacher/offline-files.ts';
import { teacherPublicationRoutes } from './routes/teacher/publications.ts';
import { teacherPupilRoutes } from './routes/teacher/pupils.ts';
import { teacherSessionRoutes } from './routes/teacher/session.ts';
import { teacherSequencePublicationRoutes } from './routes/teacher/sequence-publications.ts';
import { teacherSequenceRoutes } from './routes/teacher/sequences.ts';
import { teacherSubmissionRoutes } from './routes/teacher/submissions.ts';
import { updateRoutes } from './routes/pupil/updates.ts';
import { requireDevice, requireTeacher, requireUploader, type AppEnv } from './security/auth.ts';
import { capabilityKeyFrom } from './security/capability.ts';
import { securityHeaders } from './security/headers.ts';
import { busyAnswer, loadShedding } from './security/load-shedding.ts';
import { receiveBody, type BodyBounds } from './security/receive-body.ts';
import { perTeacher, requestLimit } from './security/request-limit.ts';
import { staticRoutes } from './static.ts';

/**
 * What a body may be before it is received: uploads as large as the uploader's largest
 * kind, and as slow as a home connection needs (the whole-request timeout bounds them);
 * everything else is JSON, bounded in size and time.
 */
function bodyBoundsFor(c: Context<AppEnv>, jsonMs: number): BodyBounds {
  if (c.req.path.startsWith('/api/blobs/')) {
    const kinds = c.get('uploader').kind === 'teacher' ? TEACHER_UPLOADS : PUPIL_UPLOADS;
    return { maxBytes: largestUpload(kinds), totalMs: null };
  }
  // A family's work file holds photos and recordings: as slow as an upload.
  if (c.req.path === '/api/teacher/work-files') return { maxBytes: HTTP_LIMITS.workFileBytes, totalMs: null };
  return { maxBytes: HTTP_LIMITS.largestJsonBody, totalMs: jsonMs };
}

/** Builds the app around its dependencies. */
export function createApp(deps: AppDeps) {
  const { db, now } = deps;
  const capabilityKey = deps.capabilityKey ?? capabilityKeyFrom();
  const app = new Hono<AppEnv>();

  // Headers first so even a shed or failed request carries them.
  app.use('*', securityHeaders());
  // An upload says who sends it before its bytes are received: a stranger's upload is refused unread.
  // (One indexed lookup, taken before a slot: the only work done for a request without one.)
  app.use('/api/blobs/*', requireUploader(db, now));
  // A slot is for work: a body still trickling in must not hold one (docs/SECURITY.md).
  const { jsonMs, idleMs } = deps.bodyTimeouts ?? {
    jsonMs: HTTP_LIMITS.bodyTimeoutMs,
    idleMs: HTTP_LIMITS.bodyIdleMs,
  };
  app.use('*', receiveBody({ idleMs, boundsFor: (c) => bodyBoundsFor(c, jsonMs) }));
  app.use('*', loadShedding({ maxInFlight: deps.maxInFlight }));

  app.use('/api/pupil/*', requireDevice(db));
  // Every teacher route but sign-in needs a session; the session route guards its own sign-out.
  const teacherSession = requireTeacher(db, now);
  app.use('/api/teacher/*', (c, next) =>
    c.req.path === '/api/teacher/session' ? next() : teacherSession(c, next),
  );
  // A person clicking (and the editor's outbox catching up) stays far below this; a runaway script does not.
  app.use('/api/teacher/*', async (c, next) => {
    await next();
    // Class lists and names are personal data: no shared cache keeps them unless a route said otherwise.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/teacher/*', requestLimit({ limit: 600, windowMs: 60_000, key: perTeacher }));

  app.route('/api/health', healthRoutes(deps));
  app.route('/api/join', joinRoutes(deps));
  app.route('/api/pupil', manifestRoutes({ ...deps, capabilityKey }));
  app.route('/api/class-news', classNewsRoutes({ db, capabilityKey }));
  app.route('/api/pupil', submissionRoutes(deps));
  app.route('/api/pupil', updateRoutes(deps));
  app.route('/api/pupil', deviceStatusRoutes(deps));
  app.route('/api/blobs', blobUploadRoutes(deps));
  app.route('/api/teacher/session', teacherSessionRoutes(deps));
  for (const routes of [
    teacherMeRoutes(deps),
    teacherClassRoutes(deps),
    teacherPupilRoutes(deps),
    teacherDeviceRoutes(deps),
    teacherLessonRoutes(deps),
    teacherPublicationRoutes(deps),
    teacherDashboardRoutes(deps),
    teacherSubmissionRoutes(deps),
    teacherFeedbackRoutes(deps),
    teacherExportRoutes(deps),
    teacherOfflineFileRoutes(deps),
    teacherSequenceRoutes(deps),
    teacherSequencePublicationRoutes(deps),
  ]) {
    app.route('/api/teacher', routes);
  }
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'There is no such API route.'));
  app.route('/packs', packRoutes(deps));
  app.route('/blobs', blobRoutes(deps));
  app.route('/', staticRoutes(deps.staticDir));

  app.notFound((c) => apiError(c, 404, 'not_found', 'Nothing here.'));
  app.onError((error, c) => {
    // The database restarting or out of reach: devices and teachers' screens come back after Retry-After,
    // spread over 5–30 s (an outage lasts longer than a burst; the rehearsal's recovery peak measures it).
    if (isDatabaseUnavailable(error)) {
      console.error(`${c.req.method} ${c.req.path}: database unavailable (${String(error)})`);
      return busyAnswer(c, DATABASE_RETRY_AFTER_SECONDS);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return apiError(c, 500, 'internal', 'Something went wrong on the server; try again later.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
