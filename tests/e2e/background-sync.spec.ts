/**
 * The service worker works for the pupil with the app closed:
 *  - Background Sync delivers work handed in offline, once, with no page of the app open;
 *  - Periodic Background Sync downloads a lesson published meanwhile, so it is there offline.
 * Headless Chromium will not grant Periodic Sync to an uninstalled app, and retries Background
 * Sync on its own schedule (minutes), so the tests fire both events through the DevTools
 * protocol, as the browser would.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, CDPSession } from '@playwright/test';
import {
  PERIODIC_TAG_LESSONS,
  SYNC_TAG_OUTBOX,
  SYNC_TAG_TEACHER_OUTBOX,
} from '../../protocol/sw-messages.ts';
import { expect, test } from './support/fixtures.ts';
import {
  handInWithServerDown,
  joinAndDownload,
  lessonCard,
  waitForWorkerControl,
  joinFirstPupil,
} from './support/pupil.ts';
import { addStep, editorState, schedule, serverLessons, startNewLesson } from './support/teacher.ts';
import { teacherCall, teacherSubmissions } from './support/teacher-api.ts';

/** A DevTools session on a blank page (not a page of the app) and the app's worker registration id. */
async function workerControl(
  context: BrowserContext,
  origin: string,
): Promise<{ cdp: CDPSession; registrationId: string }> {
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registrations = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: list }) => {
    for (const r of list) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.get(`${origin}/`)).toBeTruthy();
  return { cdp, registrationId: registrations.get(`${origin}/`)! };
}

test('work handed in offline is delivered by Background Sync with the app closed', async ({
  server,
  page,
  context,
}) => {
  const pupil = await joinFirstPupil(page, server);
  await handInWithServerDown(page, server, 'Le cycle de l’eau');
  await page.close();

  const { cdp, registrationId } = await workerControl(context, server.origin);
  await server.start();
  expect(context.pages().every((p) => !p.url().startsWith(server.origin))).toBe(true);
  // The browser fires `sync` when it sees the network; the worker sends whatever is due.
  for (let tries = 0; tries < 30 && (await teacherSubmissions(server.origin)).length === 0; tries++) {
    await cdp
      .send('ServiceWorker.dispatchSyncEvent', {
        origin: server.origin,
        registrationId,
        tag: SYNC_TAG_OUTBOX,
        lastChance: false,
      })
      .catch(() => undefined); // the worker rejects while work still waits: the browser would retry
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const received = await teacherSubmissions(server.origin);
  expect(received).toHaveLength(1);
  expect(received[0]!.pupil.name).toBe(pupil.name);

  // Opening the app later shows the truth: handed in.
  const again = await context.newPage();
  await again.goto(`${server.origin}/`);
  await expect(lessonCard(again, 'Le cycle de l’eau').locator('[data-work-state]')).toHaveAttribute(
    'data-work-state',
    'handedIn',
  );
  expect(await teacherSubmissions(server.origin)).toHaveLength(1);
});

test('a lesson published while the app is closed is downloaded by Periodic Sync and opens offline', async ({
  server,
  page,
  context,
}) => {
  const pupil = await joinFirstPupil(page, server);
  await page.close();

  // Sunday evening: the teacher publishes a new lesson.
  const { classes } = (await teacherCall(server.origin, 'GET', '/api/teacher/classes')) as {
    classes: { id: string }[];
  };
  const classId = classes[0]!.id;
  const lessonId = `dimanche-${randomUUID().slice(0, 8)}`;
  await teacherCall(
    server.origin,
    'PUT',
    `/api/teacher/classes/${classId}/lessons/${lessonId}/publications/${randomUUID()}`,
    {
      draft: {
        title: 'Les nombres décimaux',
        availableFrom: new Date(Date.now() - 60_000).toISOString(),
        dueAt: null,
        showCorrection: true,
        steps: [{ id: 's1', kind: 'text', body: 'Un nombre **décimal** a une virgule : 3,5.' }],
      },
    },
  );

  const { cdp, registrationId } = await workerControl(context, server.origin);
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
    origin: server.origin,
    registrationId,
    tag: PERIODIC_TAG_LESSONS,
  });
  // The device reports what it holds once the lesson is verified and stored.
  const { pupils } = (await teacherCall(server.origin, 'GET', `/api/teacher/classes/${classId}/pupils`)) as {
    pupils: { id: string; name: string }[];
  };
  const pupilId = pupils.find((p) => p.name === pupil.name)!.id;
  await expect
    .poll(
      async () => {
        const { devices } = (await teacherCall(
          server.origin,
          'GET',
          `/api/teacher/pupils/${pupilId}/devices`,
        )) as {
          devices: { lessonsReady: { id: string }[] }[];
        };
        return devices.some((d) => d.lessonsReady.some((l) => l.id === lessonId));
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // Monday 8 a.m., the server is down: the new lesson is on the device and opens.
  await server.kill();
  const monday = await context.newPage();
  await monday.goto(`${server.origin}/`);
  const card = lessonCard(monday, 'Les nombres décimaux');
  await expect(card.locator('[data-download-state]')).toHaveAttribute('data-download-state', 'ready');
  await card.getByRole('link').click();
  await expect(monday.getByText('Un nombre décimal a une virgule : 3,5.')).toBeVisible();
});

test('a publish queued offline is delivered by Background Sync after the teacher closed the tab', async ({
  server,
  page,
  context,
}) => {
  const title = 'Publiée tablette fermée';
  await startNewLesson(page, server.origin);
  await waitForWorkerControl(page);
  await server.kill();
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await schedule(page, 'Ouvre le', new Date(Date.now() + 24 * 3_600_000));
  const text = await addStep(page, 'Texte');
  await text.getByLabel(/^Texte \(Markdown/).fill('Lire la page 12.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(editorState(page)).toContainText('Publication en attente du réseau');
  await page.close();

  const { cdp, registrationId } = await workerControl(context, server.origin);
  await server.start();
  const published = async () =>
    (await serverLessons(server.origin)).find((l) => l.draft.title === title)?.published;
  for (let tries = 0; tries < 30 && !(await published()); tries++) {
    await cdp
      .send('ServiceWorker.dispatchSyncEvent', {
        origin: server.origin,
        registrationId,
        tag: SYNC_TAG_TEACHER_OUTBOX,
        lastChance: false,
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  expect(context.pages().every((p) => !p.url().startsWith(server.origin))).toBe(true);
  expect((await published())?.version).toBe(1);
});
