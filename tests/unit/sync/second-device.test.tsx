/// <reference types="vite/client" />
// The lesson player reaches the service worker bridge, which reads import.meta.env.
/**
 * A second device knows what was handed in (issue 10, point 2): a newly linked device learns
 * the pupil's handed-in lessons, and their feedback, from the acknowledgements in the feed,
 * and shows them handed in ("Rendu", "Rendu en retard"), never "Pas commencée" or late.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API, type Manifest, type Update } from '../../../protocol/index.ts';
import { LessonList } from '../../../src/pupil/lesson-list.tsx';
import { saveDraft } from '../../../src/store/drafts.ts';
import { listFeedback } from '../../../src/store/feedback.ts';
import { getHandedIn, handIn } from '../../../src/store/hand-in.ts';
import { listHandedInElsewhere } from '../../../src/store/handed-in-elsewhere.ts';
import { getDraft } from '../../../src/store/drafts.ts';
import { getUpdatesCursor } from '../../../src/store/meta.ts';
import type { Profile } from '../../../src/store/records.ts';
import { profileWorkStates } from '../../../src/store/work-status.ts';
import { FEED_PAGES_PER_SYNC, syncLessons } from '../../../src/sync/lesson-sync.ts';
import { loadedAppState, renderInApp } from '../client/support/app-render.tsx';
import { deviceWithLea } from '../client/support/device.ts';
import { fakeServer, json, type FakeServer } from '../client/support/fake-server.ts';
import { publishLesson, type PublishedLesson } from '../client/support/lesson-fixtures.ts';

const DUE = '2021-04-05T15:30:00.000Z';

let LessonPlayer: typeof import('../../../src/pupil/lesson-player.tsx').LessonPlayer;
beforeAll(async () => {
  // The page globals createAppState and the player's router read (Node has none of them).
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
  Object.defineProperty(globalThis, 'location', {
    value: new URL('https://ecole.example/lesson/lecture'),
    configurable: true,
  });
  ({ LessonPlayer } = await import('../../../src/pupil/lesson-player.tsx'));
});

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));

const ack = (lessonId: string, receivedAt: string, handedInAt?: string): Update => ({
  kind: 'ack',
  submissionId: crypto.randomUUID(),
  lessonId,
  receivedAt,
  ...(handedInAt === undefined ? {} : { handedInAt }),
});

const feedbackOn = (submission: Update, text: string): Update => ({
  kind: 'feedback',
  id: crypto.randomUUID(),
  submissionId: submission.submissionId,
  lessonId: submission.lessonId,
  body: [{ t: 'p', c: [{ t: 'text', v: text }] }],
  createdAt: '2021-04-06T16:00:00.000Z',
});

/**
 * The pupil's server: the class's lessons (due at DUE) and a feed of `updates` served as the
 * real one does, `page` at a time after the cursor, its end in the manifest's header.
 */
function classServer(lessons: PublishedLesson[], updates: Update[], page = 500): FakeServer {
  return fakeServer((request) => {
    const url = new URL(request.url);
    if (url.pathname === API.manifest) {
      const manifest: Manifest = {
        serverTime: new Date().toISOString(),
        lessons: lessons.map((l) => ({ ...l.entry, dueAt: DUE })),
      };
      return json(manifest, 200, { etag: '"m1"', 'cartable-feed-cursor': String(updates.length) });
    }
    for (const lesson of lessons)
      if (url.pathname === API.pack(lesson.entry.pack)) return new Response(lesson.packBytes);
    if (url.pathname === '/api/pupil/updates') {
      const since = Number(url.searchParams.get('since') || '0');
      const slice = updates.slice(since, since + page);
      return json({ cursor: String(since + slice.length), updates: slice });
    }
    if (url.pathname === '/api/pupil/device-status') return new Response(null, { status: 204 });
    return new Response('not found', { status: 404 });
  });
}

const cardOf = (html: string, lessonId: string) =>
  html
    .split('class="lesson-card"')
    .slice(1)
    .find((card) => card.includes(`data-lesson-id="${lessonId}"`))!;

describe('a newly linked device', () => {
  it('shows lessons handed in from another device as handed in, on time or late, with their feedback', async () => {
    const lessons = [
      await publishLesson('lecture'),
      await publishLesson('calcul'),
      await publishLesson('dessin'),
    ];
    // Handed in before the due date, offline, and received after it: on time, as the teacher sees it.
    const lecture = ack('lecture', '2021-04-05T18:00:00.000Z', '2021-04-05T14:00:00.000Z');
    // Handed in after the due date.
    const calcul = ack('calcul', '2021-04-05T17:00:05.000Z', '2021-04-05T17:00:00.000Z');
    const server = classServer(lessons, [lecture, calcul, feedbackOn(lecture, 'Bravo Léa')]);

    await syncLessons(lea, { fetch: server.fetch });

    expect((await listHandedInElsewhere(lea.id)).map((r) => r.lessonId).sort()).toEqual([
      'calcul',
      'lecture',
    ]);
    const states = await profileWorkStates(lea.id);
    expect(states.get('lecture')).toEqual({
      kind: 'handedIn',
      receivedAt: '2021-04-05T18:00:00.000Z',
      elsewhere: { handedInAt: '2021-04-05T14:00:00.000Z' },
    });
    expect(states.get('dessin')).toBeUndefined();

    const app = await loadedAppState();
    const home = renderInApp(app, <LessonList />);
    expect(cardOf(home, 'lecture')).toContain('data-work-state="handedIn"');
    expect(cardOf(home, 'lecture')).toContain('data-due-state="handedIn"');
    expect(cardOf(home, 'lecture')).not.toContain('Pas commencée');
    expect(cardOf(home, 'lecture')).not.toContain('en retard');
    expect(cardOf(home, 'calcul')).toContain('data-work-state="handedIn"');
    expect(cardOf(home, 'calcul')).toContain('data-due-state="handedInLate"');
    expect(cardOf(home, 'calcul')).toContain('Rendu en retard');
    // Not handed in anywhere: still to do, and late.
    expect(cardOf(home, 'dessin')).toContain('data-due-state="missingLate"');
    expect(cardOf(home, 'dessin')).toContain('Pas commencée');
    // Both handed-in lessons are in the "handed in" section, and the feedback is counted at home.
    expect(home.split('id="section-sectionHandedIn"')[1]).toContain('data-lesson-id="lecture"');
    expect(home).toContain('1 nouveau message de ton professeur');
    expect(cardOf(home, 'lecture')).toContain('data-testid="unread-feedback-badge"');

    // Opening it: handed in from another device, when, and the teacher's message.
    const player = renderInApp(app, <LessonPlayer lessonId="lecture" />);
    expect(player).toContain('Travail rendu');
    expect(player).toMatch(/Rendu [^<]+ depuis un autre appareil/);
    expect(player).toContain('data-testid="feedback"');
    expect(player).toContain('Bravo Léa');
    expect(renderInApp(app, <LessonPlayer lessonId="calcul" />)).toMatch(
      /Rendu en retard, [^<]+ \(à rendre [^<]+\), depuis un autre appareil/,
    );

    // Reading it there clears the badge and the count, as for work handed in here.
    await app.markFeedbackRead('lecture');
    expect(app.unreadFeedback.value).toEqual([]);
    const after = renderInApp(app, <LessonList />);
    expect(after).not.toContain('nouveau message');
    expect(cardOf(after, 'lecture')).not.toContain('data-testid="unread-feedback-badge"');
  });

  it("still puts the pupil's own unsent work and drafts first, and keeps its own acks in the outbox", async () => {
    const lessons = [
      await publishLesson('sciences'),
      await publishLesson('histoire'),
      await publishLesson('anglais'),
    ];
    // Sciences handed in here, not sent yet; histoire started here; anglais sent from here.
    await handIn(lea, { lessonId: 'sciences', version: 1 }, {});
    await saveDraft({
      profileId: lea.id,
      lessonId: 'histoire',
      lessonVersion: 1,
      answers: {},
      stepIndex: 0,
      updatedAt: '2021-04-06T08:10:00.000Z',
    });
    const mine = await handIn(lea, { lessonId: 'anglais', version: 1 }, {});
    const ownAck: Update = {
      kind: 'ack',
      submissionId: mine.submission.id,
      lessonId: 'anglais',
      receivedAt: '2021-04-06T09:00:00.000Z',
    };
    const server = classServer(lessons, [
      ack('sciences', '2021-04-05T10:00:00.000Z', '2021-04-05T09:59:00.000Z'),
      ack('histoire', '2021-04-05T10:00:00.000Z', '2021-04-05T09:59:00.000Z'),
      ownAck,
    ]);
    // The device is offline for submissions: only the feed answers.
    await syncLessons(lea, { fetch: server.fetch });

    const states = await profileWorkStates(lea.id);
    expect(states.get('sciences')?.kind).toBe('waiting');
    expect(states.get('histoire')?.kind).toBe('saved');
    expect(states.get('anglais')).toEqual({ kind: 'handedIn', receivedAt: '2021-04-06T09:00:00.000Z' });
    expect(await getHandedIn(mine.submission.id)).toMatchObject({ state: 'delivered' });
    expect((await listHandedInElsewhere(lea.id)).map((r) => r.lessonId).sort()).toEqual([
      'histoire',
      'sciences',
    ]);
    expect(await getDraft(lea.id, 'histoire')).toBeDefined();
  });

  it('an ack from an older server (no handedInAt) reads as handed in when it was received', async () => {
    const lessons = [await publishLesson('lecture')];
    const server = classServer(lessons, [ack('lecture', '2021-04-05T18:00:00.000Z')]);
    await syncLessons(lea, { fetch: server.fetch });
    const app = await loadedAppState();
    expect(app.workStates.value.get('lecture')).toMatchObject({
      elsewhere: { handedInAt: '2021-04-05T18:00:00.000Z' },
    });
    expect(cardOf(renderInApp(app, <LessonList />), 'lecture')).toContain('data-due-state="handedInLate"');
  });
});

describe('the updates feed, paged by the server', () => {
  it('comes down whole in one sync: a new device with 1,200 updates gets the last one too', async () => {
    const lessons = [await publishLesson('lecture')];
    const older = Array.from({ length: 1_200 }, (_, i) =>
      ack('vieille', new Date(Date.parse('2021-03-01T08:00:00.000Z') + i * 60_000).toISOString()),
    );
    const last = ack('lecture', '2021-04-05T18:00:00.000Z', '2021-04-05T14:00:00.000Z');
    const server = classServer(lessons, [...older, last, feedbackOn(last, 'Bravo Léa')]);

    await syncLessons(lea, { fetch: server.fetch });

    expect(server.log.filter((line) => line.startsWith('GET /api/pupil/updates'))).toEqual([
      'GET /api/pupil/updates?since=',
      'GET /api/pupil/updates?since=500',
      'GET /api/pupil/updates?since=1000',
    ]);
    expect(await getUpdatesCursor(lea.id)).toBe('1202');
    expect((await profileWorkStates(lea.id)).get('lecture')?.kind).toBe('handedIn');
    expect((await listFeedback(lea.id)).map((f) => f.lessonId)).toEqual(['lecture']);

    // Up to date: the next sync does not ask the feed at all.
    const before = server.log.length;
    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log.slice(before).filter((line) => line.includes('/updates'))).toEqual([]);
  });

  it('reads a bounded number of pages per sync; the rest comes with the next one', async () => {
    const lessons = [await publishLesson('lecture')];
    const updates = Array.from({ length: (FEED_PAGES_PER_SYNC + 2) * 10 }, (_, i) =>
      ack('vieille', new Date(Date.parse('2021-03-01T08:00:00.000Z') + i * 60_000).toISOString()),
    );
    const server = classServer(lessons, updates, 10);
    await syncLessons(lea, { fetch: server.fetch });
    expect(server.log.filter((line) => line.includes('/updates'))).toHaveLength(FEED_PAGES_PER_SYNC);
    expect(await getUpdatesCursor(lea.id)).toBe(String(FEED_PAGES_PER_SYNC * 10));
    await syncLessons(lea, { fetch: server.fetch });
    expect(await getUpdatesCursor(lea.id)).toBe(String(updates.length));
  });
});
