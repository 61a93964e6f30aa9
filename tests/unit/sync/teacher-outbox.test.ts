/**
 * The teacher outbox keeps pupils' delivery rules: removed only on a 2xx,
 * retried (honouring Retry-After) on network errors and 5xx, kept with the
 * server's reason on a 4xx, and everything kept on 401.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { getLocalLesson, saveLocalDraft } from '../../../src/store/teacher-lessons.ts';
import { sendTeacherOutbox } from '../../../src/sync/teacher-outbox-sender.ts';
import { teacherExchange } from '../../../src/teacher/teacher-api-client.ts';
import { openTeacherDb } from '../../../src/store/teacher-db.ts';
import {
  listTeacherOutbox,
  makeAllDueNow,
  queuePublish,
  queueSave,
} from '../../../src/store/teacher-outbox.ts';
import { locale } from '../../../src/app/i18n.ts';
import { refusalText } from '../../../src/teacher/editor/draft-problems.tsx';
import {
  eachSignedInTeacher,
  lessonDraft as draft,
  PUBLICATION,
  TEACHER,
} from '../client/support/teacher-device.ts';

const IDS = { lessonId: 'lesson-1', classId: 'class-1', teacherId: TEACHER.id };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

let requests: Request[];
let answer: (request: Request) => Promise<Response>;

beforeEach(async () => {
  const db = await openTeacherDb();
  await db.clear('outbox');
  await db.clear('lessons');
  requests = [];
});
eachSignedInTeacher(async (request) => {
  requests.push(request);
  return answer(request);
});

/** From now on the server refuses the lesson (422 invalid_lesson) with this message and these problems. */
function refuseLesson(message: string, problems: { code: string; stepId?: string }[]) {
  answer = async () => json(422, { error: 'invalid_lesson', message, problems });
}

async function queuedPublish() {
  const lesson = await saveLocalDraft(IDS, draft('Les fractions'));
  await queuePublish(lesson, PUBLICATION);
  return lesson;
}

describe('teacher outbox', () => {
  it('publishes with the bearer and the client UUID, then removes the item and records the version', async () => {
    const lesson = await queuedPublish();
    answer = async () =>
      json(201, {
        lessonId: IDS.lessonId,
        version: 3,
        pack: 'a'.repeat(64),
        publishedAt: '2026-11-23T10:00:00.000Z',
      });
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange)).toEqual({
      delivered: 1,
      signInNeeded: false,
    });
    expect(requests[0]!.method).toBe('PUT');
    expect(new URL(requests[0]!.url).pathname).toBe(
      `/api/teacher/classes/class-1/lessons/lesson-1/publications/${PUBLICATION}`,
    );
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer secret-token');
    expect(await listTeacherOutbox()).toEqual([]);
    const stored = await getLocalLesson(IDS.lessonId);
    expect(stored?.publishedVersion).toBe(3);
    expect(stored?.serverHasEditOf).toBe(lesson.editedAt);
  });

  it('keeps the item on a 503 and waits at least Retry-After; a network error is retried too', async () => {
    await queuedPublish();
    answer = async () => json(503, { error: 'busy', message: 'Busy' }, { 'retry-after': '120' });
    const before = Date.now();
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    let [item] = await listTeacherOutbox();
    expect(item).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'http_503' });
    expect(item!.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    // Not due yet: nothing is sent.
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    expect(requests).toHaveLength(1);

    await makeAllDueNow();
    answer = async () => Promise.reject(new TypeError('Failed to fetch'));
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    [item] = await listTeacherOutbox();
    expect(item).toMatchObject({ state: 'waiting', attempts: 2, lastError: 'network' });
  });

  it('keeps a refused publish as needing attention, with the server reason and problems', async () => {
    await queuedPublish();
    refuseLesson('This lesson cannot be published yet.', [{ code: 'no_steps' }]);
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    const [item] = await listTeacherOutbox();
    expect(item).toMatchObject({
      state: 'needsAttention',
      lastError: 'invalid_lesson',
      message: 'This lesson cannot be published yet.',
      problems: [{ code: 'no_steps' }],
    });
    // Never retried by itself.
    await makeAllDueNow();
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    expect(requests).toHaveLength(1);
  });

  it('parks a publish refused for its Markdown (422), never retries it, and says why in the teacher language', async () => {
    await queuedPublish();
    refuseLesson('This lesson cannot be published yet; fix the problems listed.', [
      { code: 'markdown_too_complex', stepId: 's1' },
    ]);
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    await makeAllDueNow();
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    expect(requests).toHaveLength(1);
    const [item] = await listTeacherOutbox();
    expect(item).toMatchObject({ state: 'needsAttention', lastError: 'invalid_lesson' });
    locale.value = 'fr';
    expect(refusalText(item!)).toContain('trop de mise en forme');
    locale.value = 'en';
    expect(refusalText(item!)).toContain('too much formatting');
    locale.value = 'fr';
  });

  it('words a refusal code without problems in the teacher language, whatever the server sentence', async () => {
    await queuedPublish();
    answer = async () => json(422, { error: 'markdown_too_deep', message: 'English only.' });
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    const [item] = await listTeacherOutbox();
    expect(item?.state).toBe('needsAttention');
    locale.value = 'fr';
    expect(refusalText(item!)).toContain('imbrique trop');
    expect(refusalText(item!)).not.toContain('English only');
    // A code this version does not know is named in the teacher's language, never the server's English.
    const unknown = refusalText({ ...item!, lastError: 'something_new', message: 'Server words.' });
    expect(unknown).toBe('Le serveur a refusé cette demande (something_new).');
  });

  it('keeps everything and asks to sign in again on a 401', async () => {
    await queuedPublish();
    answer = async () => json(401, { error: 'unauthorized', message: 'Sign in again.' });
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange)).toEqual({
      delivered: 0,
      signInNeeded: true,
    });
    const [item] = await listTeacherOutbox();
    expect(item?.state).toBe('signIn');
    expect((await getLocalLesson(IDS.lessonId))?.publishedVersion).toBeNull();
  });

  it('does not drop a newer save that replaced the one in flight', async () => {
    const first = await saveLocalDraft(IDS, draft('Version 1'));
    await queueSave(first);
    answer = async () => {
      // The teacher keeps typing and saves again while the first save travels.
      await new Promise((r) => setTimeout(r, 5));
      await queueSave(await saveLocalDraft(IDS, draft('Version 2')));
      return json(200, {});
    };
    await sendTeacherOutbox(TEACHER.id, teacherExchange);
    const [item] = await listTeacherOutbox();
    expect(item && 'draft' in item && item.draft.title).toBe('Version 2');
    expect((await getLocalLesson(IDS.lessonId))?.serverHasEditOf).toBe(first.editedAt);
  });
  it('once the server acknowledges one item, the teacher’s other waiting items follow in the same pass', async () => {
    await queuedPublish();
    const other = await saveLocalDraft({ ...IDS, lessonId: 'lesson-2' }, draft('La lecture'));
    await queueSave(other);
    // The save is sitting out a backoff from an earlier outage.
    const db = await openTeacherDb();
    const parked = (await db.get('outbox', 'save:lesson-2'))!;
    await db.put('outbox', { ...parked, attempts: 3, nextAttemptAt: Date.now() + 300_000 });
    answer = async (request) =>
      request.url.includes('/publications/')
        ? json(201, {
            lessonId: IDS.lessonId,
            version: 1,
            pack: 'a'.repeat(64),
            publishedAt: '2026-11-23T10:00:00.000Z',
          })
        : json(200, {});
    expect(await sendTeacherOutbox(TEACHER.id, teacherExchange)).toEqual({
      delivered: 2,
      signInNeeded: false,
    });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      `/api/teacher/classes/class-1/lessons/lesson-1/publications/${PUBLICATION}`,
      '/api/teacher/classes/class-1/lessons/lesson-2',
    ]);
    expect(await listTeacherOutbox()).toEqual([]);
  });

  it('schedules a retry on the injected clock and jitter', async () => {
    await queuedPublish();
    answer = async () => json(503, { error: 'busy', message: 'Busy' });
    const at = Date.parse('2026-11-23T10:00:00.000Z');
    await sendTeacherOutbox(TEACHER.id, teacherExchange, { now: () => at, random: () => 0.5 });
    const [item] = await listTeacherOutbox();
    // First failure: half of the 1 s ceiling after the injected now.
    expect(item).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: at + 500 });
  });
});
