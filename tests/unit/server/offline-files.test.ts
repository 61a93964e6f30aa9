/**
 * Files for families without a connection: the lessons file a teacher hands out, and the work
 * file brought back, imported exactly once, all or nothing, and only for the teacher's pupils.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Submission } from '../../../protocol/api.ts';
import { readOfflineFile, writeOfflineFile } from '../../../protocol/offline-file-archive.ts';
import { blobEntry, packEntry, WORK_FILE_FORMAT } from '../../../protocol/offline-files.ts';
import { DashboardSchema, type WorkFileImportResult } from '../../../protocol/teacher-api.ts';
import * as v from 'valibot';
import {
  createSchool,
  eachTest,
  joinAs,
  sampleDraft,
  signIn,
  type TestSchool,
  type TestServer,
} from './harness.ts';
import {
  anotherTeacher,
  client,
  type Client,
  draftWithPhoto,
  handIn,
  mediaBytes,
  photoAnswer,
  serverWithTeacher,
  sha256,
} from './teacher-support.ts';

let server: TestServer, school: TestSchool, teacher: Client;
eachTest(
  () => serverWithTeacher(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, teacher } = world),
);

const lea = () => school.pupils[0]!;
const photo = mediaBytes('jpeg', 700, 3);

/** A work file for Léa holding these submissions (and the photo's bytes unless told otherwise). */
function workFile(submissions: Submission[], { pupilId = lea().id, withPhoto = true } = {}) {
  return writeOfflineFile<'work'>(
    {
      format: WORK_FILE_FORMAT,
      createdAt: '2026-01-07T09:00:00.000Z',
      server: 'http://localhost',
      pupil: { id: pupilId, name: 'Léa Martin' },
      class: { id: school.classId, name: 'CM1' },
      submissions,
    },
    new Map(withPhoto ? [[blobEntry(sha256(photo)), photo]] : []),
  );
}

let teacherToken: string;
beforeEach(async () => {
  teacherToken = await signIn(server, school.teacher);
});
const importAsTeacher = (bytes: Uint8Array, token = teacherToken) =>
  server.app.request('/api/teacher/work-files', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });

async function photoLesson() {
  await teacher.publish(school.classId, 'photo-lesson', draftWithPhoto({ title: 'Les fractions' }));
  return handIn(
    'photo-lesson',
    1,
    {
      q1: { kind: 'choice', selected: ['a'] },
      photo: photoAnswer(photo),
    },
    '2026-01-07T08:00:00.000Z',
  );
}

const submissionRows = async () =>
  server.db.selectFrom('submissions').select(['id', 'received_via']).execute();

describe('lessons file for a family', () => {
  it('holds the pupil’s lessons, packs and media, name, class and live code, size told first', async () => {
    const png = mediaBytes('png', 300);
    expect((await teacher.upload(png)).status).toBe(201);
    const image = { blob: sha256(png), mime: 'image/png', size: png.byteLength, optional: false };
    const published = await teacher.publish(
      school.classId,
      'pizza',
      sampleDraft({ steps: [{ id: 'img', kind: 'image', alt: 'une pizza', media: image }] }),
    );
    await teacher.publish(school.classId, 'fractions', sampleDraft());

    const size = await teacher.get(`/api/teacher/pupils/${lea().id}/lessons-file/size`);
    expect(size.status).toBe(200);
    const told = (await size.json()) as { lessons: number; bytes: number };
    expect(told.lessons).toBe(2);

    const res = await teacher.get(`/api/teacher/pupils/${lea().id}/lessons-file`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.cartable');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const read = await readOfflineFile(bytes, 'lessons');
    if (!read.ok) throw new Error(read.problem);
    const { manifest, entries } = read.file;
    expect(manifest.pupil).toEqual({ id: lea().id, name: 'Léa Martin' });
    expect(manifest.class.id).toBe(school.classId);
    // The code of the printed sheet, and it still links a device.
    expect(manifest.joinCode.replace(/-/g, '')).toBe(lea().joinCode);
    expect(await joinAs(server, manifest.joinCode)).toBeTruthy();
    expect(manifest.lessons.map((l) => l.id).sort()).toEqual(['fractions', 'pizza']);
    expect(entries.get(packEntry(published.pack))).toBeDefined();
    expect(entries.get(blobEntry(sha256(png)))).toEqual(png);
    const content = [...entries.values()].reduce((sum, e) => sum + e.byteLength, 0);
    expect(told.bytes).toBe(content);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(content / 2);
  });

  it('is refused for another teacher’s pupil, as a missing one', async () => {
    const { teacher: stranger } = await anotherTeacher(server, ['Zoé']);
    for (const path of ['lessons-file', 'lessons-file/size']) {
      const res = await stranger.get(`/api/teacher/pupils/${lea().id}/${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'unknown_pupil' });
    }
  });
});

describe('work file import', () => {
  it('records each submission once with its photo, marked received by file; a repeat says already received', async () => {
    const submission = await photoLesson();
    const file = await workFile([submission]);
    const first = await importAsTeacher(file);
    expect(first.status).toBe(200);
    const result = (await first.json()) as WorkFileImportResult;
    expect(result.pupil.name).toBe('Léa Martin');
    expect(result.submissions).toMatchObject([{ id: submission.id, status: 'received' }]);
    expect(await submissionRows()).toEqual([{ id: submission.id, received_via: 'file' }]);

    const again = (await (await importAsTeacher(file)).json()) as WorkFileImportResult;
    expect(again.submissions).toMatchObject([{ id: submission.id, status: 'alreadyReceived' }]);
    expect(again.submissions[0]!.receivedAt).toBe(result.submissions[0]!.receivedAt);
    expect(await submissionRows()).toHaveLength(1);

    // The teacher sees it, marked, with its photo readable.
    const dashboard = v.parse(
      DashboardSchema,
      await (await teacher.get(`/api/teacher/classes/${school.classId}/dashboard`)).json(),
    );
    const work = dashboard.pupils.find((p) => p.id === lea().id)!.work['photo-lesson']!;
    expect(work).toMatchObject({ submissionId: submission.id, receivedByFile: true });
    const detail = await teacher.get(`/api/teacher/submissions/${submission.id}`);
    expect(await detail.json()).toMatchObject({ receivedByFile: true });
    const attachment = await teacher.get(
      `/api/teacher/submissions/${submission.id}/attachments/${sha256(photo)}`,
    );
    expect(new Uint8Array(await attachment.arrayBuffer())).toEqual(photo);

    // The device, online later, sends the same UUID: 200, the same receipt, still one row.
    const device = client(server, await joinAs(server, lea().joinCode));
    // The bytes came with the file: the upload finds them stored.
    expect((await device.upload(photo, 'image/jpeg')).status).toBe(200);
    const late = await device.put(`/api/pupil/submissions/${submission.id}`, submission);
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual({ id: submission.id, receivedAt: result.submissions[0]!.receivedAt });
    expect(await submissionRows()).toHaveLength(1);
  });

  it('says already received for work that came over the network first', async () => {
    const submission = await photoLesson();
    const device = client(server, await joinAs(server, lea().joinCode));
    await device.upload(photo, 'image/jpeg');
    await device.handIn(submission);
    const res = (await (await importAsTeacher(await workFile([submission]))).json()) as WorkFileImportResult;
    expect(res.submissions).toMatchObject([{ status: 'alreadyReceived' }]);
    expect(await submissionRows()).toEqual([{ id: submission.id, received_via: null }]);
  });

  it('refuses a reused UUID with other content, and imports nothing else of that file', async () => {
    const submission = await photoLesson();
    await importAsTeacher(await workFile([submission]));
    const fresh = { ...submission, id: crypto.randomUUID() };
    const changed = { ...submission, answers: { q1: { kind: 'choice' as const, selected: ['b'] } } };
    const res = await importAsTeacher(await workFile([fresh, changed]));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'conflict' });
    expect((await submissionRows()).map((r) => r.id)).toEqual([submission.id]);
  });

  it('refuses a file for another teacher’s pupil, a tampered file and a truncated one, storing nothing', async () => {
    const submission = await photoLesson();
    const other = await createSchool(server, ['Zoé']);
    const stranger = await signIn(server, other.teacher);
    const file = await workFile([submission]);
    const cases: [Uint8Array, string, number, string?][] = [
      [file, 'unknown_pupil', 404, stranger],
      [await workFile([submission], { pupilId: other.pupils[0]!.id }), 'unknown_pupil', 404],
      [file.slice(0, file.byteLength - 40), 'file_truncated', 422],
      [await workFile([submission], { withPhoto: false }), 'file_tampered', 422],
      [new TextEncoder().encode('{"format":"cartable.export/1"}'), 'not_cartable_file', 422],
    ];
    // A photo changed after the list was written.
    const tampered = file.slice();
    const at = indexOf(tampered, photo.subarray(100, 140));
    tampered[at] = tampered[at]! ^ 0xff;
    cases.push([tampered, 'file_tampered', 422]);
    for (const [bytes, error, status, token] of cases) {
      const res = await importAsTeacher(bytes, token);
      expect(res.status, error).toBe(status);
      expect(await res.json()).toMatchObject({ error });
    }
    expect(await submissionRows()).toEqual([]);
  });

  it('refuses work for a lesson not published for the pupil', async () => {
    const submission = { ...(await photoLesson()), lessonId: 'nowhere' };
    const res = await importAsTeacher(await workFile([submission]));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'unknown_lesson' });
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
