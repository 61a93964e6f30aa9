/** A fresh app over an in-memory SQLite database and a temporary blob folder, plus school-building helpers. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../../server/app.ts';
import { createFileBlobStore, type BlobStore } from '../../../server/blobs/store.ts';
import { migrateToLatest, openSqlite, type OpenDatabase } from '../../../server/db/connect.ts';
import type { AppDeps } from '../../../server/deps.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { publishLesson, type PublishedVersion } from '../../../server/lessons/publish.ts';
import { addPupil, createClass, createTeacher } from '../../../server/roster.ts';
import { createAppLimits } from '../../../server/security/app-limits.ts';

export interface TestServer {
  app: App;
  db: AppDeps['db'];
  blobs: BlobStore;
  /** Folder holding blobs/ and (if a test writes one) dist/. */
  dir: string;
  close(): Promise<void>;
}

/** Builds the app over a fresh in-memory SQLite (or the given database); options override dependencies. */
export async function createTestServer(
  options: Partial<AppDeps> = {},
  database: OpenDatabase = openSqlite(':memory:'),
): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cartable-test-'));
  await migrateToLatest(database);
  const blobs = options.blobs ?? createFileBlobStore(path.join(dir, 'blobs'));
  const app = createApp({
    db: database.db,
    blobs,
    version: '9.9.9-test',
    staticDir: path.join(dir, 'dist'),
    maxInFlight: 100,
    now: () => new Date(),
    ...createAppLimits(database.driver, { classJoinsPerMinute: 60 }),
    ...options,
  });
  return {
    app,
    db: database.db,
    blobs,
    dir,
    async close() {
      await database.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestSchool {
  teacher: { id: string; email: string; password: string };
  classId: string;
  pupils: { id: string; name: string; joinCode: string }[];
}

/** A teacher with one class and the given pupils. */
export async function createSchool(
  server: TestServer,
  pupilNames: string[] = ['Léa Martin'],
): Promise<TestSchool> {
  const email = `prof-${randomUUID().slice(0, 8)}@school.test`;
  const password = 'correct horse battery';
  const teacher = await createTeacher(server.db, { name: 'Mme Test', email, password }, new Date());
  const { id: classId } = await createClass(
    server.db,
    { teacherId: teacher.id, name: `CM1 ${email}` },
    new Date(),
  );
  const pupils = [];
  for (const name of pupilNames)
    pupils.push({ name, ...(await addPupil(server.db, { classId, name }, new Date())) });
  return { teacher: { id: teacher.id, email, password }, classId, pupils };
}

/** A fresh server (with these dependencies) and a school: a teacher, one class, the given pupils. */
export async function serverWithSchool(
  pupilNames?: string[],
  options: Partial<AppDeps> = {},
): Promise<{ server: TestServer; school: TestSchool }> {
  const server = await createTestServer(options);
  return { server, school: await createSchool(server, pupilNames) };
}

/** The same, with the sample lesson published in the class. */
export async function serverWithLesson(
  pupilNames?: string[],
  options: Partial<AppDeps> = {},
): Promise<{ server: TestServer; school: TestSchool; lesson: PublishedVersion }> {
  const { server, school } = await serverWithSchool(pupilNames, options);
  return { server, school, lesson: await publishTestLesson(server, school.classId) };
}

/** The same, with the first pupil's device linked (its token). */
export async function serverWithDevice(
  pupilNames?: string[],
  options: Partial<AppDeps> = {},
): Promise<{ server: TestServer; school: TestSchool; lesson: PublishedVersion; device: string }> {
  const world = await serverWithLesson(pupilNames, options);
  return { ...world, device: await joinAs(world.server, world.school.pupils[0]!.joinCode) };
}

/**
 * Before each test of the file, builds a fresh world (a server and what comes with it) and hands it to
 * `take`; after the test, closes that server: the set-up and its clean-up in one place.
 */
export function eachTest<T extends { server: TestServer }>(
  build: () => Promise<T>,
  take: (world: T) => void,
): void {
  let world: T | undefined;
  beforeEach(async () => {
    world = await build();
    take(world);
  });
  afterEach(() => world?.server.close());
}

/** A fresh server alone, for `eachTest`. */
export const bareServer = async (): Promise<{ server: TestServer }> => ({ server: await createTestServer() });

/** A short lesson with a single-choice, a short-answer and a free-text step; correction shown. */
export function sampleDraft(overrides: Partial<LessonDraft> = {}): LessonDraft {
  return {
    title: 'Les fractions',
    availableFrom: '2026-01-05T08:30:00.000Z',
    dueAt: null,
    showCorrection: true,
    steps: [
      { id: 'intro', kind: 'text', body: '## Bonjour\n\nLis *bien* la consigne.' },
      {
        id: 'q1',
        kind: 'quiz',
        question: 'single',
        prompt: 'Combien font 1/2 + 1/2 ?',
        choices: [
          { id: 'a', label: '1' },
          { id: 'b', label: '2/4' },
        ],
        correct: ['a'],
      },
      { id: 'q2', kind: 'quiz', question: 'short', prompt: 'Écris un quart.', choices: [], correct: ['1/4'] },
      { id: 'free', kind: 'freeText', prompt: 'Explique.' },
    ],
    ...overrides,
  };
}

/** Publishes a lesson in a class (a new lesson unless lessonId is given). */
export function publishTestLesson(
  server: TestServer,
  classId: string,
  draft = sampleDraft(),
  lessonId: string = randomUUID(),
): Promise<PublishedVersion> {
  return publishLesson(server.db, server.blobs, { lessonId, classId, draft });
}

/** Links a device with a join code through the API and returns its token. */
export async function joinAs(server: TestServer, joinCode: string): Promise<string> {
  const res = await server.app.request('/api/join', jsonRequest('POST', { code: joinCode }));
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Signs a teacher in through the API and returns the session token. */
export async function signIn(
  server: TestServer,
  teacher: { email: string; password: string },
): Promise<string> {
  const res = await server.app.request(
    '/api/teacher/session',
    jsonRequest('POST', { email: teacher.email, password: teacher.password }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A JSON request, optionally authenticated. */
export function jsonRequest(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  };
}

/** Rewrites a hand-in's acknowledgement in the feed as servers wrote it before acks carried handedInAt. */
export async function ackAsOlderServer(
  server: TestServer,
  ack: { submissionId: string; lessonId: string; receivedAt: string },
): Promise<{ kind: 'ack'; submissionId: string; lessonId: string; receivedAt: string }> {
  const old = { kind: 'ack' as const, ...ack };
  await server.db
    .updateTable('feed')
    .set({ payload: JSON.stringify(old) })
    .where('payload', 'like', `%${ack.submissionId}%`)
    .execute();
  return old;
}

/** Just the bearer header. */
export function bearer(token: string): RequestInit {
  return { headers: { Authorization: `Bearer ${token}` } };
}
