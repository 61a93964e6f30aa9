/**
 * Truthful status at a glance (issue 10, point 7): the home screen says what waits for the
 * network and whether the server answers, and "Tout est prêt" only when it is true; the
 * buttons say what came of them.
 */
import { renderToString } from 'preact-render-to-string';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppStateContext, createAppState, type AppState } from '../../../src/app/app-state.ts';
import { buildSyncReport, snapshotOf, type SyncReport } from '../../../src/app/sync-report.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { markReady, upsertFromManifest } from '../../../src/store/lessons.ts';
import { acknowledge } from '../../../src/store/outbox.ts';
import type { ManifestLesson } from '../../../protocol/index.ts';
import type { Profile } from '../../../src/store/records.ts';
import { exchange } from '../../../src/sync/api-client.ts';
import { noteContact, serverAnswered } from '../../../src/sync/server-contact.ts';
import { SyncSummary } from '../../../src/pupil/sync-summary.tsx';
import { sendReportText, syncReportText } from '../../../src/pupil/sync-report-text.ts';
import { fakeServer, json, networkDown } from '../client/support/fake-server.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

beforeAll(() => {
  // The page globals createAppState reads (Node has none of them).
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
});

let serverCount = 0;
/** Each test its own server origin: contacts are remembered per origin for the page's life. */
async function pupilWithTwoReadyLessons(): Promise<Profile & { entries: ManifestLesson[] }> {
  const lea = await linkedProfile('lea', { server: `https://ecole-${++serverCount}.example` });
  const lessons = [await publishLesson('lecture'), await publishLesson('calcul')];
  await upsertFromManifest(
    lea.id,
    lessons.map((l) => l.entry),
  );
  for (const lesson of lessons) await markReady(lea.id, lesson.entry.id, lesson.pack);
  return { ...lea, entries: lessons.map((l) => l.entry) };
}

async function appFor(): Promise<AppState> {
  const app = createAppState();
  await app.refresh();
  return app;
}

function home(app: AppState): string {
  return renderToString(
    <AppStateContext.Provider value={app}>
      <SyncSummary />
    </AppStateContext.Provider>,
  );
}

beforeEach(async () => {
  await freshDevice();
});

describe('the home status', () => {
  it('with two hand-ins waiting and the server down: offline, "2 travaux attendent le réseau", not "Tout est prêt"', async () => {
    const lea = await pupilWithTwoReadyLessons();
    await handIn(lea, { lessonId: 'lecture', version: 1 }, {});
    await handIn(lea, { lessonId: 'calcul', version: 1 }, {});
    const app = await appFor();
    noteContact(lea.server, false);

    expect(app.connection.value).toBe('unreachable');
    const html = home(app);
    expect(html).toContain('2 travaux attendent le réseau');
    expect(html).not.toContain('Tout est prêt');
    expect(html).toContain('2 leçons prêtes sur cet appareil');
    expect(html).toContain('href="/device"');
  });

  it('says "Tout est prêt" once the server answered and nothing waits', async () => {
    const lea = await pupilWithTwoReadyLessons();
    const work = await handIn(lea, { lessonId: 'lecture', version: 1 }, {});
    const app = await appFor();
    noteContact(lea.server, true);
    expect(home(app)).toContain('1 travail attend le réseau');

    await acknowledge(work.submission.id, new Date().toISOString());
    await app.refresh();
    expect(app.connection.value).toBe('online');
    const html = home(app);
    expect(html).toContain('data-testid="all-ready"');
    expect(html).not.toContain('attend');
  });

  it('before the server answered this page, says what is on the device, not "Tout est prêt"', async () => {
    await pupilWithTwoReadyLessons();
    const app = await appFor();
    expect(app.connection.value).toBe('unknown');
    expect(home(app)).not.toContain('Tout est prêt');
  });

  it('the browser offline wins over a server that answered earlier', async () => {
    const lea = await pupilWithTwoReadyLessons();
    const app = await appFor();
    noteContact(lea.server, true);
    app.online.value = false;
    expect(app.connection.value).toBe('offline');
    expect(home(app)).not.toContain('Tout est prêt');
  });
});

describe('server contact', () => {
  it('any HTTP answer is contact (even 503); a network error is not', async () => {
    const server = 'https://contact.example';
    await exchange(fakeServer(networkDown).fetch, { server }, '/api/health');
    expect(serverAnswered(server)).toBe(false);
    await exchange(
      fakeServer(() => json({ error: 'busy', message: '' }, 503)).fetch,
      { server },
      '/api/health',
    );
    expect(serverAnswered(server)).toBe(true);
  });
});

describe('what came of a tap', () => {
  const empty = snapshotOf([], [], []);
  const report = (overrides: Partial<SyncReport>): SyncReport => ({
    ...buildSyncReport(empty, empty, undefined, false),
    ...overrides,
  });

  it('counts what arrived and what left against what the device held before', async () => {
    const lea = await pupilWithTwoReadyLessons();
    const work = await handIn(lea, { lessonId: 'lecture', version: 1 }, {});
    const app = await appFor();
    const before = snapshotOf(app.lessons.value, app.feedback.value, app.handedIn.value);
    await acknowledge(work.submission.id, new Date().toISOString());
    const next = await publishLesson('histoire');
    await upsertFromManifest(lea.id, [...lea.entries, next.entry]);
    await app.refresh();
    const after = snapshotOf(app.lessons.value, app.feedback.value, app.handedIn.value);
    const result = buildSyncReport(before, after, undefined, false);
    expect(result).toMatchObject({ lessonsAdded: 1, delivered: 1, pendingBefore: 1, waiting: 0 });
    expect(syncReportText(result)).toBe('Mis à jour : 1 nouvelle leçon, 1 travail envoyé.');
  });

  it('"Mettre à jour" says nothing new, or that the server does not answer and what still waits', () => {
    expect(syncReportText(report({}))).toBe('C’est à jour : rien de nouveau.');
    expect(syncReportText(report({ unreachable: true, waiting: 2 }))).toBe(
      'Le serveur de l’école ne répond pas : les leçons et ton travail restent sur cet appareil. 2 travaux attendent le réseau.',
    );
    expect(syncReportText(report({ lessonsAdded: 2, feedbackAdded: 1 }))).toBe(
      'Mis à jour : 2 nouvelles leçons, 1 nouveau message de ton professeur.',
    );
  });

  it('"Envoyer maintenant" says sent, still waiting and why, or nothing to send', () => {
    expect(sendReportText(report({ pendingBefore: 0 }))).toBe(
      'Rien à envoyer : tout ton travail est arrivé.',
    );
    expect(sendReportText(report({ pendingBefore: 2, delivered: 2 }))).toBe(
      'Envoyé : 2 travaux sont arrivés chez ton professeur.',
    );
    expect(sendReportText(report({ pendingBefore: 2, waiting: 2, unreachable: true }))).toBe(
      'Le serveur de l’école ne répond pas : 2 travaux attendent encore le réseau. Ils partiront tout seuls dès qu’il répondra.',
    );
    expect(sendReportText(report({ pendingBefore: 1, waiting: 1, unreachable: true }))).toBe(
      'Le serveur de l’école ne répond pas : 1 travail attend encore le réseau. Il partira tout seul dès qu’il répondra.',
    );
  });
});
