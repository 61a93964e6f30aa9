/**
 * Feedback easy to find (issue 10, point 8): a message is new until the pupil opens that
 * lesson's feedback; lessons with new messages are marked in the list and counted at home.
 */
import { openDB } from 'idb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDbForTests, DB_NAME, DB_VERSION } from '../../../src/store/db.ts';
import { isUnread, listFeedback, markFeedbackRead, saveFeedback } from '../../../src/store/feedback.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { markReady, upsertFromManifest } from '../../../src/store/lessons.ts';
import { acknowledge } from '../../../src/store/outbox.ts';
import type { FeedbackRecord, Profile } from '../../../src/store/records.ts';
import { FeedbackList } from '../../../src/pupil/feedback-list.tsx';
import { LessonList } from '../../../src/pupil/lesson-list.tsx';
import { deviceWithLea, linkedProfile } from '../client/support/device.ts';
import { loadedAppState, renderInApp } from '../client/support/app-render.tsx';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

beforeAll(() => {
  // The page globals createAppState reads (Node has none of them).
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
});

function feedback(profile: Profile, id: string, lessonId: string, text = 'Bravo'): FeedbackRecord {
  return {
    profileId: profile.id,
    id,
    submissionId: `sub-${lessonId}`,
    lessonId,
    body: [{ t: 'p', c: [{ t: 'text', v: text }] }],
    createdAt: '2021-04-06T16:00:00.000Z',
  };
}

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));

describe('the read mark on the device', () => {
  it('is new until that lesson is read; only that lesson and only that pupil', async () => {
    const noah = await linkedProfile('noah');
    await saveFeedback([
      feedback(lea, 'f1', 'lecture'),
      feedback(lea, 'f2', 'calcul'),
      feedback(noah, 'f3', 'lecture'),
    ]);
    expect((await listFeedback(lea.id)).every(isUnread)).toBe(true);

    expect(await markFeedbackRead(lea.id, 'lecture', new Date('2021-04-07T08:00:00.000Z'))).toBe(1);
    const byId = new Map((await listFeedback(lea.id)).map((f) => [f.id, f]));
    expect(byId.get('f1')?.readAt).toBe('2021-04-07T08:00:00.000Z');
    expect(isUnread(byId.get('f2')!)).toBe(true);
    expect((await listFeedback(noah.id)).every(isUnread)).toBe(true);
    // Read twice: nothing changes, the first time stays.
    expect(await markFeedbackRead(lea.id, 'lecture')).toBe(0);
  });

  it('survives the same feedback arriving again from the feed', async () => {
    await saveFeedback([feedback(lea, 'f1', 'lecture')]);
    await markFeedbackRead(lea.id, 'lecture', new Date('2021-04-07T08:00:00.000Z'));
    await saveFeedback([feedback(lea, 'f1', 'lecture')]);
    expect((await listFeedback(lea.id))[0]?.readAt).toBe('2021-04-07T08:00:00.000Z');
  });

  it('feedback stored by the previous app version is kept, every record, and counts as unread', async () => {
    await closeDbForTests();
    // The database as the previous version left it: same version, records without readAt.
    const previous = await openDB(DB_NAME, DB_VERSION);
    const old = [feedback(lea, 'old-1', 'lecture'), feedback(lea, 'old-2', 'calcul')];
    for (const record of old) await previous.put('feedback', record);
    previous.close();

    const stored = await listFeedback(lea.id);
    expect(stored.map((f) => f.id).sort()).toEqual(['old-1', 'old-2']);
    expect(stored.every(isUnread)).toBe(true);
    expect(stored.find((f) => f.id === 'old-1')).toMatchObject({ body: old[0]!.body, lessonId: 'lecture' });
  });
});

describe('on screen', () => {
  async function pupilWithFeedback() {
    const lessons = [await publishLesson('lecture'), await publishLesson('calcul')];
    await upsertFromManifest(
      lea.id,
      lessons.map((l) => l.entry),
    );
    for (const lesson of lessons) {
      await markReady(lea.id, lesson.entry.id, lesson.pack);
      const work = await handIn(lea, { lessonId: lesson.entry.id, version: 1 }, {});
      await acknowledge(work.submission.id, '2021-04-06T09:00:00.000Z');
    }
    await saveFeedback([feedback(lea, 'f1', 'lecture'), feedback(lea, 'f2', 'lecture', 'Encore bravo')]);
    return loadedAppState();
  }

  it('marks the lesson with new feedback in the list and counts it at home, with a link to it', async () => {
    const app = await pupilWithFeedback();
    const html = renderInApp(app, <LessonList />);
    expect(html).toContain('2 nouveaux messages de ton professeur');
    expect(html).toContain('href="/lesson/lecture"');
    const cards = html.split('class="lesson-card"').slice(1);
    const lecture = cards.find((card) => card.includes('data-lesson-id="lecture"'))!;
    const calcul = cards.find((card) => card.includes('data-lesson-id="calcul"'))!;
    expect(lecture).toContain('Nouveau message du professeur');
    expect(calcul).not.toContain('Nouveau message du professeur');
  });

  it('opening the feedback reads it: the mark and the count go, "Nouveau" stays on what was new', async () => {
    const app = await pupilWithFeedback();
    const list = <FeedbackList lessonId="lecture" />;
    expect(renderInApp(app, list).match(/data-testid="feedback-new"/g)).toHaveLength(2);

    await app.markFeedbackRead('lecture');
    expect(app.unreadFeedback.value).toEqual([]);
    const html = renderInApp(app, <LessonList />);
    expect(html).not.toContain('Nouveau message du professeur');
    expect(html).not.toContain('nouveaux messages');
    expect((await listFeedback(lea.id)).some(isUnread)).toBe(false);
  });
});
