/**
 * Who may call what, for every route in the server's route table:
 *  (a) with no token, every protected route answers 401;
 *  (b) a pupil of another class is refused every teacher route, reaches none of this
 *      class's lessons or work through the device routes, and cannot read its attachments;
 *  (c) a teacher who does not own the resource: see teacher-ownership.test.ts (404 on each).
 * The access table must name every route the app has: a new route fails here until it is classified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, createTestServer, joinAs, signIn, type TestServer } from './harness.ts';
import {
  type Client,
  client,
  draftWithPhoto,
  handIn,
  mediaBytes,
  schoolWithPhotoWork,
  sha256,
} from './teacher-support.ts';

type Access =
  /** Anyone: health, join, sign-in. */
  | 'public'
  /** Anyone holding the content hash (published packs and media only). */
  | 'capability'
  /** A linked pupil device, about its own pupil and class only. */
  | 'device'
  /** A pupil device or a teacher (uploads). */
  | 'uploader'
  /** A signed-in teacher; ownership per resource is checked in teacher-ownership.test.ts. */
  | 'teacher'
  /** The built app's files and page fallback. */
  | 'app';

const ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'POST /api/join': 'public',
  'POST /api/teacher/session': 'public',
  'GET /packs/:sha256': 'capability',
  'GET /blobs/:sha256': 'capability',
  'GET /api/class-news/:classId/:mac': 'capability',
  'GET /api/pupil/manifest': 'device',
  'PUT /api/pupil/submissions/:id': 'device',
  'GET /api/pupil/updates': 'device',
  'POST /api/pupil/device-status': 'device',
  'PUT /api/blobs/:sha256': 'uploader',
  'DELETE /api/teacher/session': 'teacher',
  'GET /api/teacher/me': 'teacher',
  'GET /api/teacher/classes': 'teacher',
  'POST /api/teacher/classes': 'teacher',
  'PATCH /api/teacher/classes/:classId': 'teacher',
  'GET /api/teacher/classes/:classId/pupils': 'teacher',
  'POST /api/teacher/classes/:classId/pupils': 'teacher',
  'PATCH /api/teacher/pupils/:pupilId': 'teacher',
  'DELETE /api/teacher/pupils/:pupilId': 'teacher',
  'POST /api/teacher/pupils/:pupilId/code': 'teacher',
  'GET /api/teacher/pupils/:pupilId/devices': 'teacher',
  'DELETE /api/teacher/devices/:deviceId': 'teacher',
  'GET /api/teacher/classes/:classId/devices': 'teacher',
  'GET /api/teacher/classes/:classId/lessons': 'teacher',
  'GET /api/teacher/classes/:classId/lessons/:lessonId': 'teacher',
  'PUT /api/teacher/classes/:classId/lessons/:lessonId': 'teacher',
  'DELETE /api/teacher/classes/:classId/lessons/:lessonId': 'teacher',
  'POST /api/teacher/classes/:classId/lessons/:lessonId/duplicate': 'teacher',
  'PUT /api/teacher/classes/:classId/lessons/:lessonId/publications/:publicationId': 'teacher',
  'GET /api/teacher/classes/:classId/dashboard': 'teacher',
  'GET /api/teacher/classes/:classId/submissions': 'teacher',
  'GET /api/teacher/submissions/:submissionId': 'teacher',
  'GET /api/teacher/submissions/:submissionId/attachments/:sha256': 'teacher',
  'PUT /api/teacher/submissions/:submissionId/feedback/:feedbackId': 'teacher',
  'GET /api/teacher/classes/:classId/export.csv': 'teacher',
  'GET /api/teacher/classes/:classId/export.zip': 'teacher',
  'GET /api/teacher/pupils/:pupilId/lessons-file/size': 'teacher',
  'GET /api/teacher/pupils/:pupilId/lessons-file': 'teacher',
  'POST /api/teacher/work-files': 'teacher',
  'GET /api/teacher/sequences': 'teacher',
  'GET /api/teacher/sequences/:sequenceId': 'teacher',
  'PUT /api/teacher/sequences/:sequenceId': 'teacher',
  'POST /api/teacher/sequences/:sequenceId/lessons': 'teacher',
  'DELETE /api/teacher/sequences/:sequenceId/lessons/:lessonId': 'teacher',
  'POST /api/teacher/sequences/:sequenceId/duplicate': 'teacher',
  'POST /api/teacher/sequences/:sequenceId/schedule-preview': 'teacher',
  'PUT /api/teacher/sequences/:sequenceId/publications/:publicationId': 'teacher',
  'GET /api/teacher/sequences/:sequenceId/classes/:classId/follow': 'teacher',
  'PUT /api/teacher/classes/:classId/lessons/:lessonId/assignment': 'teacher',
};

let server: TestServer;
let outsider: Client;
let outsiderToken: string;
let otherTeacher: Client;
let ids: Record<string, string>;
/** Strings that identify the first class's people and work: none may reach the outsider. */
let secrets: string[];

/** Routes as "METHOD /path" from the app, without middleware and catch-alls. */
function appRoutes(): string[] {
  const routes = server.app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
  return [...new Set(routes.map((r) => `${r.method} ${r.path}`))];
}

const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000');

async function call(route: string, token?: string, body?: unknown): Promise<Response> {
  const [method, path] = route.split(' ') as [string, string];
  return server.app.request(fill(path), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: JSON.stringify(body ?? {}) }),
  });
}

beforeAll(async () => {
  server = await createTestServer();
  const photo = mediaBytes('jpeg', 300, 7);
  const { school, submission, deviceId } = await schoolWithPhotoWork(
    server,
    'lecon-secrete',
    photo,
    draftWithPhoto({ title: 'Leçon de la classe A' }),
  );
  ids = {
    classId: school.classId,
    pupilId: school.pupils[0]!.id,
    lessonId: 'lecon-secrete',
    submissionId: submission.id,
    id: submission.id,
    deviceId,
    sha256: sha256(photo),
  };
  secrets = ['lecon-secrete', 'Leçon de la classe A', 'Léa Martin', submission.id, school.classId];

  const other = await createSchool(server, ['Noah Benali']);
  outsiderToken = await joinAs(server, other.pupils[0]!.joinCode);
  outsider = client(server, outsiderToken);
  otherTeacher = client(server, await signIn(server, other.teacher));
});
afterAll(() => server.close());

const routesWith = (access: Access) => Object.keys(ACCESS).filter((r) => ACCESS[r] === access);

describe('authorization on every route', () => {
  it('classifies every route the app has, and only those', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes.filter((r) => !(r in ACCESS)),
      'routes missing from the access table',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS).filter((r) => !routes.includes(r)),
      'stale entries',
    ).toEqual([]);
  });

  it.each([...routesWith('device'), ...routesWith('teacher'), ...routesWith('uploader')])(
    '(a) %s refuses a request with no token (401)',
    async (route) => {
      expect((await call(route)).status).toBe(401);
    },
  );

  it.each([...routesWith('device'), ...routesWith('teacher'), ...routesWith('uploader')])(
    '(a) %s refuses a made-up token (401)',
    async (route) => {
      expect((await call(route, 'x'.repeat(43))).status).toBe(401);
    },
  );

  it.each(routesWith('teacher'))('(b) %s refuses a pupil device (401)', async (route) => {
    expect((await call(route, outsiderToken)).status).toBe(401);
  });

  it.each(routesWith('device'))('(c) %s refuses a teacher session (401)', async (route) => {
    const res = await call(route, await teacherToken());
    expect(res.status).toBe(401);
  });

  it('(b) a pupil of another class sees none of this class in its manifest, updates or status', async () => {
    for (const route of ['GET /api/pupil/manifest', 'GET /api/pupil/updates']) {
      const res = await outsider.get(fill(route.split(' ')[1]!));
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const secret of secrets) expect(text, `${route} leaks ${secret}`).not.toContain(secret);
    }
  });

  it('(b) a pupil of another class cannot hand in to this class, nor replay its submission id', async () => {
    const stolen = handIn('lecon-secrete', 1, { q1: { kind: 'choice', selected: ['a'] } });
    const res = await outsider.put(`/api/pupil/submissions/${stolen.id}`, stolen);
    expect(res.status).toBe(404);
    // Reusing the first pupil's submission UUID answers like any reused UUID: no content leaks back.
    const replay = handIn('lecon-secrete', 1, {}, '2026-01-05T09:00:00.000Z');
    const reused = await outsider.put(`/api/pupil/submissions/${ids.submissionId}`, {
      ...replay,
      id: ids.submissionId,
    });
    expect([404, 409]).toContain(reused.status);
    const body = await reused.text();
    for (const secret of secrets.filter((s) => s !== ids.submissionId)) expect(body).not.toContain(secret);
  });

  it('(b) a pupil attachment is not public, and not readable by another teacher', async () => {
    expect((await server.app.request(`/blobs/${ids.sha256}`)).status).toBe(404);
    const res = await otherTeacher.get(fill('/api/teacher/submissions/:submissionId/attachments/:sha256'));
    expect(res.status).toBe(404);
  });

  it.each(routesWith('public'))('%s answers without a token (no 401)', async (route) => {
    expect((await call(route)).status).not.toBe(401);
  });
});

let cachedTeacherToken: string | null = null;
async function teacherToken(): Promise<string> {
  if (cachedTeacherToken) return cachedTeacherToken;
  const other = await createSchool(server, ['Inès Dubois']);
  cachedTeacherToken = await signIn(server, other.teacher);
  return cachedTeacherToken;
}
