/** The readiness report says which lessons the pupil has started, as soon as one starts, even on a quiet morning. */
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../protocol/index.ts';
import { saveDraft } from '../../../src/store/drafts.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import type { Profile } from '../../../src/store/records.ts';
import { syncLessons } from '../../../src/sync/lesson-sync.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { publishLesson } from '../client/support/lesson-fixtures.ts';
import { DEVICE_NOW, classServer } from './class-server.ts';

const NEWS_URL = '/api/class-news/c1/' + 'b'.repeat(64);
const HOUR = 3_600_000;

let lea: Profile;
beforeEach(async () => {
  await freshDevice();
  lea = await linkedProfile('lea');
});

const quietServer = (lesson: Awaited<ReturnType<typeof publishLesson>>) =>
  classServer([lesson], { feedCursor: '0', classNews: { url: NEWS_URL, value: 'n1' } });

const startLesson = (lessonId: string) =>
  saveDraft({
    profileId: lea.id,
    lessonId,
    lessonVersion: 1,
    answers: { q1: { kind: 'text', text: 'Le chat' } },
    stepIndex: 1,
    updatedAt: new Date(DEVICE_NOW).toISOString(),
    submissionId: '7f6c1a52-4b0e-4c53-9a53-0c3c4d2f8e11',
  });

describe('readiness report: lessons started', () => {
  it('reports no lesson started on a device with no work in progress', async () => {
    const lesson = await publishLesson('lecture');
    const server = quietServer(lesson);
    await syncLessons(lea, { fetch: server.fetch, now: () => DEVICE_NOW });
    expect(server.statuses).toEqual([expect.objectContaining({ lessonsStarted: [] })]);
  });

  it('reports a lesson started since the last report, without checking the manifest, then nothing more', async () => {
    const lesson = await publishLesson('lecture');
    await syncLessons(lea, { fetch: quietServer(lesson).fetch, now: () => DEVICE_NOW });
    await startLesson('lecture');

    const morning = quietServer(lesson);
    await syncLessons(lea, { fetch: morning.fetch, now: () => DEVICE_NOW + HOUR });
    expect(morning.log).toEqual([`GET ${NEWS_URL}`, `POST ${API.deviceStatus}`]);
    expect(morning.statuses).toEqual([expect.objectContaining({ lessonsStarted: [{ id: 'lecture' }] })]);

    const later = quietServer(lesson);
    await syncLessons(lea, { fetch: later.fetch, now: () => DEVICE_NOW + 2 * HOUR });
    expect(later.statuses).toEqual([]);
  });

  it('stops reporting a lesson once it is handed in (its draft is gone)', async () => {
    const lesson = await publishLesson('lecture');
    await startLesson('lecture');
    await syncLessons(lea, { fetch: quietServer(lesson).fetch, now: () => DEVICE_NOW });
    await handIn(lea, { lessonId: 'lecture', version: 1 }, {}, DEVICE_NOW + HOUR);

    const after = quietServer(lesson);
    await syncLessons(lea, { fetch: after.fetch, now: () => DEVICE_NOW + 2 * HOUR });
    expect(after.statuses).toEqual([expect.objectContaining({ lessonsStarted: [] })]);
  });
});
