/** Helpers for the teacher route tests: a signed-in client, drafts, uploads and hand-ins. */
import { createHash, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Submission } from '../../../protocol/api.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import type { AppDeps } from '../../../server/deps.ts';
import {
  createSchool,
  joinAs,
  jsonRequest,
  sampleDraft,
  serverWithSchool,
  signIn,
  type TestSchool,
  type TestServer,
} from './harness.ts';

/** Calls the app as one bearer token (a teacher's session or a device's). */
export function client(server: TestServer, token: string) {
  const send = (method: string, path: string, body?: unknown) =>
    server.app.request(
      path,
      body === undefined
        ? { method, headers: { Authorization: `Bearer ${token}` } }
        : jsonRequest(method, body, token),
    );
  const caller = {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body),
    put: (path: string, body?: unknown) => send('PUT', path, body),
    patch: (path: string, body?: unknown) => send('PATCH', path, body),
    delete: (path: string) => send('DELETE', path),
    /** Raw bytes to /api/blobs/<their sha256>. */
    upload: (bytes: Uint8Array<ArrayBuffer>, contentType = 'application/octet-stream') =>
      server.app.request(`/api/blobs/${sha256(bytes)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
        body: bytes,
      }),
    /** Hands work in as this device; throws unless the server accepted it. */
    handIn: (submission: Submission) => handInAs(caller, submission),
    /** Publishes a draft as this teacher; throws unless 201. */
    publish: (classId: string, lessonId: string, draft: LessonDraft) =>
      publish(caller, classId, lessonId, draft),
  };
  return caller;
}
export type Client = ReturnType<typeof client>;

/** Another teacher in the same server, with a class of their own (these pupils), signed in. */
export async function anotherTeacher(server: TestServer, pupilNames: string[] = []) {
  const school = await createSchool(server, pupilNames);
  return { school, teacher: client(server, await signIn(server, school.teacher)) };
}

/** A JPEG photo as the answer to a photo step (the bytes themselves are uploaded apart). */
export function photoAnswer(photo: Uint8Array): Submission['answers'][string] {
  return { kind: 'attachment', blob: sha256(photo), mime: 'image/jpeg', size: photo.byteLength };
}

/** A fresh server, a school with the given pupils, and its teacher signed in. */
export async function serverWithTeacher(
  pupilNames?: string[],
  options: Partial<AppDeps> = {},
): Promise<{ server: TestServer; school: TestSchool; teacher: Client }> {
  const { server, school } = await serverWithSchool(pupilNames, options);
  return { server, school, teacher: client(server, await signIn(server, school.teacher)) };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Bytes of a given format: its real signature, then filler up to `size`. */
export function mediaBytes(
  kind: 'png' | 'jpeg' | 'mp3' | 'pdf' | 'html',
  size = 64,
  seed = 0,
): Uint8Array<ArrayBuffer> {
  const signatures = {
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    mp3: [0x49, 0x44, 0x33, 0x04],
    pdf: [...new TextEncoder().encode('%PDF-1.7\n')],
    html: [...new TextEncoder().encode('<!doctype html><script>alert(1)</script>')],
  };
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + seed) % 251;
  bytes.set(signatures[kind]);
  return bytes;
}

/** The harness's sample lesson as the editor sends it (a text, two quizzes and a free text), plus a photo step. */
export function draftWithPhoto(overrides: Partial<LessonDraft> = {}): LessonDraft {
  const base = sampleDraft();
  return {
    ...base,
    steps: [...base.steps, { id: 'photo', kind: 'photo', prompt: 'Photographie ton cahier.' }],
    ...overrides,
  };
}

/** A hand-in of a lesson version with the given answers. */
export function handIn(
  lessonId: string,
  lessonVersion: number,
  answers: Submission['answers'],
  handedInAt = '2026-01-05T09:00:00.000Z',
): Submission {
  return { id: randomUUID(), lessonId, lessonVersion, answers, handedInAt };
}

/** Hands in an empty answer to `lesson` with a device token at `handedInAt`; expects 201 and returns the receipt. */
export async function handInAt(
  server: TestServer,
  token: string,
  lesson: { lessonId: string; version: number },
  handedInAt = new Date().toISOString(),
): Promise<{ id: string; receivedAt: string }> {
  const submission = handIn(lesson.lessonId, lesson.version, {}, handedInAt);
  const res = await server.app.request(
    `/api/pupil/submissions/${submission.id}`,
    jsonRequest('PUT', submission, token),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; receivedAt: string };
}

/** Hands work in as a device; throws unless the server accepted it. */
export async function handInAs(device: Client, submission: Submission): Promise<void> {
  const res = await device.put(`/api/pupil/submissions/${submission.id}`, submission);
  if (res.status !== 201) throw new Error(`hand-in failed: ${res.status} ${await res.text()}`);
}

/** Publishes a draft through the teacher API; throws unless 201. */
export async function publish(teacher: Client, classId: string, lessonId: string, draft: LessonDraft) {
  const res = await teacher.put(
    `/api/teacher/classes/${classId}/lessons/${lessonId}/publications/${randomUUID()}`,
    { draft },
  );
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { lessonId: string; version: number; pack: string; publishedAt: string };
}

/**
 * In `server`, a school whose teacher published `lessonId` (a photo step included) and whose one pupil
 * handed it in with `photo`: the owner's side that the authorization tests try to reach.
 */
export async function schoolWithPhotoWork(
  server: TestServer,
  lessonId: string,
  photo: Uint8Array<ArrayBuffer>,
  draft = draftWithPhoto(),
) {
  const school = await createSchool(server, ['Léa Martin']);
  const teacher = client(server, await signIn(server, school.teacher));
  const device = client(server, await joinAs(server, school.pupils[0]!.joinCode));
  await teacher.publish(school.classId, lessonId, draft);
  await device.upload(photo, 'image/jpeg');
  const submission = handIn(lessonId, 1, { photo: photoAnswer(photo) });
  await device.handIn(submission);
  const { id: deviceId } = await server.db.selectFrom('devices').select('id').executeTakeFirstOrThrow();
  return { school, teacher, submission, deviceId };
}
