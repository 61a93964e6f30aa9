import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { UpdatesSchema } from '../../../protocol/api.ts';
import { DashboardSchema, SubmissionDetailSchema } from '../../../protocol/teacher-api.ts';
import { eachTest, joinAs, sampleDraft, type TestSchool, type TestServer } from './harness.ts';
import {
  client,
  type Client,
  draftWithPhoto,
  handIn,
  handInAs,
  mediaBytes,
  photoAnswer,
  serverWithTeacher,
  sha256,
} from './teacher-support.ts';

let server: TestServer, school: TestSchool, teacher: Client, lea: Client;
eachTest(
  () => serverWithTeacher(['Léa Martin', 'Noah Benali']),
  (world) => ({ server, school, teacher } = world),
);
beforeEach(async () => {
  lea = client(server, await joinAs(server, school.pupils[0]!.joinCode));
});

const DUE = '2026-01-06T16:30:00.000Z';

/** Léa hands in the photo lesson: right on q1, wrong on q2, a photo of her notebook, late. */
async function leaHandsInWithPhoto(answers: Record<string, string> = {}) {
  await teacher.publish(
    school.classId,
    'photo-lesson',
    draftWithPhoto({ showCorrection: false, dueAt: DUE, title: 'Les fractions' }),
  );
  const photo = mediaBytes('jpeg', 500);
  expect((await lea.upload(photo, 'image/jpeg')).status).toBe(201);
  const submission = handIn(
    'photo-lesson',
    1,
    {
      q1: { kind: 'choice', selected: ['a'] },
      q2: { kind: 'text', text: answers.q2 ?? 'un demi' },
      free: { kind: 'text', text: answers.free ?? 'Parce que.' },
      photo: photoAnswer(photo),
    },
    '2026-01-07T08:00:00.000Z',
  );
  await lea.handIn(submission);
  return { submission, photo };
}

describe('dashboard', () => {
  it('shows who is ready with the latest version and who handed in, late or not, with the score', async () => {
    await teacher.publish(school.classId, 'on-time', sampleDraft({ dueAt: DUE }));
    await lea.handIn(
      handIn('on-time', 1, { q1: { kind: 'choice', selected: ['a'] }, q2: { kind: 'text', text: '1/4' } }),
    );
    const { submission } = await leaHandsInWithPhoto();
    await lea.post('/api/pupil/device-status', {
      lessonsReady: [
        { id: 'on-time', version: 1 },
        { id: 'photo-lesson', version: 1 },
      ],
      storage: { persisted: true },
      lastSyncAt: '2026-01-05T18:00:00.000Z',
    });
    // A second version of on-time: Léa's device holds version 1 only, so she is no longer ready for it.
    await teacher.publish(school.classId, 'on-time', sampleDraft({ dueAt: DUE, title: 'v2' }));

    const res = await teacher.get(`/api/teacher/classes/${school.classId}/dashboard`);
    expect(res.status).toBe(200);
    const dashboard = v.parse(DashboardSchema, await res.json());
    expect(dashboard.lessons.map((l) => [l.id, l.version])).toEqual(
      expect.arrayContaining([
        ['on-time', 2],
        ['photo-lesson', 1],
      ]),
    );
    const [leaRow, noahRow] = dashboard.pupils;
    expect(leaRow).toMatchObject({
      name: 'Léa Martin',
      lastSyncAt: '2026-01-05T18:00:00.000Z',
      ready: { 'on-time': false, 'photo-lesson': true },
      work: {
        'on-time': { status: 'handedIn', score: { correct: 2, total: 2 } },
        'photo-lesson': {
          status: 'late',
          submissionId: submission.id,
          // When it was handed in, beside when it arrived: late, not missing.
          handedInAt: '2026-01-07T08:00:00.000Z',
          score: { correct: 1, total: 2 },
        },
      },
    });
    expect(noahRow).toMatchObject({
      name: 'Noah Benali',
      lastSyncAt: null,
      ready: { 'on-time': false },
      work: {},
    });
  });
});

describe('reviewing a submission', () => {
  it('shows the answers against the pack of the version answered, keys included even when hidden from pupils', async () => {
    const { submission } = await leaHandsInWithPhoto();
    const res = await teacher.get(`/api/teacher/submissions/${submission.id}`);
    expect(res.status).toBe(200);
    const detail = v.parse(SubmissionDetailSchema, await res.json());
    expect(detail).toMatchObject({
      late: true,
      score: { correct: 1, total: 2 },
      feedback: [],
      pupil: { name: 'Léa Martin' },
    });
    const pack = detail.pack as { steps: { id: string; correct?: string[] }[] };
    expect(pack.steps.find((s) => s.id === 'q1')!.correct).toEqual(['a']);
  });

  it('serves an attachment of the submission with a safe type, inline and nosniff; nothing else by hash', async () => {
    const { submission, photo } = await leaHandsInWithPhoto();
    const res = await teacher.get(`/api/teacher/submissions/${submission.id}/attachments/${sha256(photo)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Content-Disposition')).toBe('inline');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo);

    // Noah's photo exists on the server, but this submission does not reference it.
    const noah = client(server, await joinAs(server, school.pupils[1]!.joinCode));
    const other = mediaBytes('jpeg', 300, 9);
    await noah.upload(other, 'image/jpeg');
    expect(
      (await teacher.get(`/api/teacher/submissions/${submission.id}/attachments/${sha256(other)}`)).status,
    ).toBe(404);
  });

  it('stores feedback idempotently and sends it to the pupil feed as a content tree', async () => {
    const { submission } = await leaHandsInWithPhoto();
    const path = `/api/teacher/submissions/${submission.id}/feedback/${randomUUID()}`;
    const first = await teacher.put(path, { markdown: 'Très **bien**, <script>alert(1)</script>' });
    expect(first.status).toBe(201);
    const body = await first.text();
    const again = await teacher.put(path, { markdown: 'Très **bien**, <script>alert(1)</script>' });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
    expect((await teacher.put(path, { markdown: 'Autre chose' })).status).toBe(409);

    const updates = v.parse(UpdatesSchema, await (await lea.get('/api/pupil/updates?since=0')).json());
    const feedback = updates.updates.filter((u) => u.kind === 'feedback');
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      submissionId: submission.id,
      lessonId: 'photo-lesson',
      body: [
        {
          t: 'p',
          c: [
            { t: 'text', v: 'Très ' },
            { t: 'strong', c: [{ t: 'text', v: 'bien' }] },
            { t: 'text', v: ', <script>alert(1)</script>' },
          ],
        },
      ],
    });
    const detail = v.parse(
      SubmissionDetailSchema,
      await (await teacher.get(`/api/teacher/submissions/${submission.id}`)).json(),
    );
    expect(detail.feedback).toEqual([
      {
        id: expect.any(String),
        markdown: 'Très **bien**, <script>alert(1)</script>',
        createdAt: expect.any(String),
      },
    ]);
  });
});

describe('exports', () => {
  it('writes a CSV for French Excel: BOM, ";" separator, accents intact, formulas neutralised', async () => {
    const rename = await teacher.patch(`/api/teacher/pupils/${school.pupils[0]!.id}`, {
      name: '=cmd|" /C calc"!A0',
    });
    expect(rename.status).toBe(200);
    await leaHandsInWithPhoto({ free: 'Hélène; "ça" va', q2: '@SUM(1)' });
    await handInAs(
      client(server, await joinAs(server, school.pupils[1]!.joinCode)),
      handIn(
        'photo-lesson',
        1,
        { free: { kind: 'text', text: 'Élève très sérieux' } },
        '2026-01-05T08:00:00.000Z',
      ),
    );

    const res = await teacher.get(`/api/teacher/classes/${school.classId}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    // French by default, times on the school's clocks (Paris, UTC+1 in January), not UTC ISO.
    expect(lines[0]).toBe('Élève;Leçon;Version;Rendu le;Reçu le;En retard;Score;Réponses');
    const leaLine = lines.find((l) => l.includes('cmd'))!;
    // The name starts with "=": an apostrophe makes it text; its quotes are doubled inside a quoted cell.
    expect(leaLine.startsWith(`"'=cmd|"" /C calc""!A0";Les fractions;1;2026-01-07 09:00;`)).toBe(true);
    expect(leaLine).toContain(';oui;1/2;2. 1;3. @SUM(1);"4. Hélène; ""ça"" va";5. photo: ');
    const noahLine = lines.find((l) => l.startsWith('Noah Benali;'))!;
    expect(noahLine).toContain(';non;0/2;4. Élève très sérieux');

    // The teacher's language when asked.
    const english = await (
      await teacher.get(`/api/teacher/classes/${school.classId}/export.csv?lang=en`)
    ).text();
    const englishLines = english.split('\r\n');
    expect(englishLines[0]).toBe('Pupil;Lesson;Version;Handed in at;Received at;Late;Score;Answers');
    expect(englishLines.find((l) => l.startsWith('Noah Benali;'))).toContain(';no;0/2;4. Élève très sérieux');
    expect(englishLines.find((l) => l.includes('cmd'))).toContain(';yes;1/2;');
  });

  it('says there is nothing to export instead of sending an empty zip (404 nothing_to_export)', async () => {
    const res = await teacher.get(`/api/teacher/classes/${school.classId}/export.zip`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'nothing_to_export' });
  });

  it('zips the attachments as <pupil>/<lesson>/<sha256>.<ext>', async () => {
    const { photo } = await leaHandsInWithPhoto();
    const res = await teacher.get(`/api/teacher/classes/${school.classId}/export.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual([`Léa Martin/Les fractions/${sha256(photo)}.jpg`]);
    expect(files[`Léa Martin/Les fractions/${sha256(photo)}.jpg`]).toEqual(photo);
  });

  it('limits exports per teacher with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i++)
      expect((await teacher.get(`/api/teacher/classes/${school.classId}/export.csv`)).status).toBe(200);
    const res = await teacher.get(`/api/teacher/classes/${school.classId}/export.zip`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});
