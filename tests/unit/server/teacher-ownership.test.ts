/**
 * A teacher never reaches another teacher's class, pupil, lesson, device or
 * submission: every teacher route answers 404 (as for a missing id) and
 * changes nothing. The table must name every teacher route the app has.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, createTestServer, sampleDraft, signIn, type TestServer } from './harness.ts';
import { type Client, client, mediaBytes, schoolWithPhotoWork, sha256 } from './teacher-support.ts';

let server: TestServer;
let intruder: Client;
let ids: Record<string, string>;
/** The intruder's own class: naming it does not open the owner's sequence. */
let otherClassId: string;

beforeAll(async () => {
  server = await createTestServer();
  const photo = mediaBytes('jpeg', 400);
  const {
    school: owner,
    teacher,
    submission,
    deviceId,
  } = await schoolWithPhotoWork(server, 'owned-lesson', photo);
  ids = {
    classId: owner.classId,
    pupilId: owner.pupils[0]!.id,
    deviceId,
    lessonId: 'owned-lesson',
    publicationId: randomUUID(),
    submissionId: submission.id,
    sha256: sha256(photo),
    feedbackId: randomUUID(),
  };
  const sequence = await teacher.put('/api/teacher/sequences/owned-sequence', {
    classId: owner.classId,
    title: 'Les fractions',
    lessonIds: ['owned-lesson'],
  });
  if (sequence.status !== 201) throw new Error(`sequence: ${sequence.status}`);
  ids.sequenceId = 'owned-sequence';
  const other = await createSchool(server, ['Autre']);
  otherClassId = other.classId;
  intruder = client(server, await signIn(server, other.teacher));
});
afterAll(() => server.close());

/** Every teacher route that touches a resource, with a body that would be valid for the owner. */
const ROUTES: [method: string, path: string, body?: unknown][] = [
  ['PATCH', '/api/teacher/classes/:classId', { name: 'Pris' }],
  ['GET', '/api/teacher/classes/:classId/pupils'],
  ['POST', '/api/teacher/classes/:classId/pupils', { names: ['Intrus'] }],
  ['PATCH', '/api/teacher/pupils/:pupilId', { name: 'Intrus' }],
  ['DELETE', '/api/teacher/pupils/:pupilId'],
  ['POST', '/api/teacher/pupils/:pupilId/code'],
  ['GET', '/api/teacher/pupils/:pupilId/devices'],
  ['DELETE', '/api/teacher/devices/:deviceId'],
  ['GET', '/api/teacher/classes/:classId/devices'],
  ['GET', '/api/teacher/classes/:classId/lessons'],
  ['GET', '/api/teacher/classes/:classId/lessons/:lessonId'],
  ['PUT', '/api/teacher/classes/:classId/lessons/:lessonId', { draft: sampleDraft() }],
  ['DELETE', '/api/teacher/classes/:classId/lessons/:lessonId'],
  ['POST', '/api/teacher/classes/:classId/lessons/:lessonId/duplicate'],
  [
    'PUT',
    '/api/teacher/classes/:classId/lessons/:lessonId/publications/:publicationId',
    { draft: sampleDraft() },
  ],
  ['GET', '/api/teacher/classes/:classId/dashboard'],
  ['GET', '/api/teacher/classes/:classId/submissions'],
  ['GET', '/api/teacher/submissions/:submissionId'],
  ['GET', '/api/teacher/submissions/:submissionId/attachments/:sha256'],
  ['PUT', '/api/teacher/submissions/:submissionId/feedback/:feedbackId', { markdown: 'Bravo' }],
  ['GET', '/api/teacher/classes/:classId/export.csv'],
  ['GET', '/api/teacher/classes/:classId/export.zip'],
  ['GET', '/api/teacher/pupils/:pupilId/lessons-file/size'],
  ['GET', '/api/teacher/pupils/:pupilId/lessons-file'],
  ['GET', '/api/teacher/sequences/:sequenceId'],
  [
    'PUT',
    '/api/teacher/sequences/:sequenceId',
    () => ({ classId: otherClassId, title: 'Pris', lessonIds: [] }),
  ],
  ['POST', '/api/teacher/sequences/:sequenceId/lessons', { title: 'Intrus' }],
  ['DELETE', '/api/teacher/sequences/:sequenceId/lessons/:lessonId'],
  ['POST', '/api/teacher/sequences/:sequenceId/duplicate', () => ({ classId: otherClassId })],
  [
    'POST',
    '/api/teacher/sequences/:sequenceId/schedule-preview',
    {
      rule: { startDate: '2099-01-05', time: '08:30', weekdays: [1], daysOff: [], due: { kind: 'none' } },
    },
  ],
  [
    'PUT',
    '/api/teacher/sequences/:sequenceId/publications/:publicationId',
    () => ({
      classes: [
        { classId: otherClassId, seances: [{ availableFrom: '2099-01-05T07:30:00.000Z', dueAt: null }] },
      ],
    }),
  ],
  ['GET', '/api/teacher/sequences/:sequenceId/classes/:classId/follow'],
  ['PUT', '/api/teacher/classes/:classId/lessons/:lessonId/assignment', { pupilIds: null }],
];
/** Teacher routes about the caller only: nothing of another teacher's to reach. */
const OWN_ONLY = [
  'POST /api/teacher/session',
  'DELETE /api/teacher/session',
  'GET /api/teacher/me',
  'GET /api/teacher/classes',
  'POST /api/teacher/classes',
  // The pupil is named inside the file: another teacher's is refused (offline-files.test.ts).
  'POST /api/teacher/work-files',
  'GET /api/teacher/sequences',
];

const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => ids[name]!);

describe('another teacher', () => {
  it('the table covers every teacher route of the app', () => {
    const declared = new Set([...ROUTES.map(([m, p]) => `${m} ${p}`), ...OWN_ONLY]);
    const teacherRoutes = server.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/teacher/'))
      .map((r) => `${r.method} ${r.path}`);
    expect(teacherRoutes.length).toBeGreaterThan(20);
    expect(teacherRoutes.filter((r) => !declared.has(r))).toEqual([]);
  });

  it.each(ROUTES)('gets 404 on %s %s', async (method, path, body) => {
    const send = {
      GET: intruder.get,
      POST: intruder.post,
      PUT: intruder.put,
      PATCH: intruder.patch,
      DELETE: intruder.delete,
    }[method]!;
    const res = await send(fill(path), typeof body === 'function' ? body() : body);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/^unknown_/) });
  });

  it('changed nothing of the owner', async () => {
    const klass = await server.db
      .selectFrom('classes')
      .selectAll()
      .where('id', '=', ids.classId!)
      .executeTakeFirstOrThrow();
    expect(klass.name).not.toBe('Pris');
    const pupils = await server.db
      .selectFrom('pupils')
      .selectAll()
      .where('class_id', '=', ids.classId!)
      .execute();
    expect(pupils.map((p) => [p.name, p.removed_at])).toEqual([['Léa Martin', null]]);
    const device = await server.db
      .selectFrom('devices')
      .select('revoked_at')
      .where('id', '=', ids.deviceId!)
      .executeTakeFirstOrThrow();
    expect(device.revoked_at).toBeNull();
    const codes = await server.db
      .selectFrom('join_codes')
      .selectAll()
      .where('pupil_id', '=', ids.pupilId!)
      .execute();
    expect(codes.map((c) => c.revoked_at)).toEqual([null]);
    const sequence = await server.db
      .selectFrom('sequences')
      .selectAll()
      .where('id', '=', ids.sequenceId!)
      .executeTakeFirstOrThrow();
    expect(sequence.title).toBe('Les fractions');
    const seances = await server.db.selectFrom('sequence_lessons').selectAll().execute();
    expect(seances.map((s) => s.lesson_id)).toEqual(['owned-lesson']);
    expect(await server.db.selectFrom('sequence_classes').selectAll().execute()).toEqual([]);
    expect(await server.db.selectFrom('lesson_assignments').selectAll().execute()).toEqual([]);
    expect(
      await server.db.selectFrom('lessons').select('id').where('class_id', '=', ids.classId!).execute(),
    ).toEqual([{ id: 'owned-lesson' }]);
    expect(await server.db.selectFrom('lesson_versions').select('version').execute()).toEqual([
      { version: 1 },
    ]);
    expect(await server.db.selectFrom('feedback').selectAll().execute()).toEqual([]);
  });
});
