/**
 * Issue 10, points 6 to 9, in real Chromium against the real server:
 * - an open pupil page sees a lesson published and feedback given meanwhile within the news
 *   interval, without a tap; the origin cost of a visible minute is measured; hidden, nothing;
 * - the server killed: the home screen says offline and "2 travaux attendent le réseau", never
 *   "Tout est prêt", and each button says it is working and what came of it;
 * - new feedback is marked and counted until read;
 * - late work reads "Rendu en retard" on both sides, missing work "Pas rendu, en retard".
 *
 * The news interval is shortened with the documented device setting (docs/ARCHITECTURE.md).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { FaultProxy } from './support/fault-proxy.ts';
import { doLessonAndHandIn, joinAndDownload, lessonCard, workState, goHome } from './support/pupil.ts';
import type { DemoPupil, ServerProcess } from './support/server-process.ts';
import { signInAsTeacher } from './support/teacher.ts';
import { teacherCall, teacherSubmissions, giveFeedback } from './support/teacher-api.ts';

/** The device setting of src/sync/news-watch.ts (NEWS_CHECK_SETTING), in ms. */
const NEWS_CHECK_SETTING = 'cartable.newsCheckMs';
const INTERVAL_MS = 2_000;

let server: ServerProcess;
let proxy: FaultProxy;

// The test's own server, and a fault proxy in front of it (fixtures.ts): both stopped after it.
test.beforeEach(async ({ page, server: started, faultProxy }) => {
  server = started;
  proxy = faultProxy;
  await page.addInitScript(
    ([key, ms]) => localStorage.setItem(key!, ms!),
    [NEWS_CHECK_SETTING, String(INTERVAL_MS)],
  );
});

function pupil(index = 0): DemoPupil {
  const found = server.demoPupils()[index];
  if (!found) throw new Error(`no demo pupil ${index}:\n${server.output}`);
  return found;
}

async function demoClassId(): Promise<string> {
  const { classes } = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  return classes[0]!.id;
}

/** The teacher publishes a lesson through the API (as the editor's outbox does). */
async function publish(
  title: string,
  schedule: { availableFrom: string; dueAt: string | null },
  steps: unknown[] = [{ id: 's1', kind: 'text', body: 'Un nombre **décimal** a une virgule : 3,5.' }],
): Promise<void> {
  const lessonId = `l-${randomUUID().slice(0, 8)}`;
  await teacherCall(
    server.origin,
    'PUT',
    `/api/teacher/classes/${await demoClassId()}/lessons/${lessonId}/publications/${randomUUID()}`,
    { draft: { title, ...schedule, showCorrection: true, steps } },
  );
}

/**
 * Headless Chromium never hides a tab (another tab in front, a minimised window: still
 * "visible"), so the test sets `document.visibilityState` as the browser would and fires
 * `visibilitychange`; the app's own handlers do the rest.
 */
function setVisible(page: Page, visible: boolean): Promise<void> {
  return page.evaluate((shown) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (shown ? 'visible' : 'hidden'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

/** Every text a button showed from now on (a tap that works fast still shows "working"). */
async function recordButtonTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { buttonTexts: string[] }).buttonTexts = seen;
    new MutationObserver(() => {
      for (const button of document.querySelectorAll('button')) seen.push(button.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { buttonTexts: string[] }).buttonTexts);
}

test('an open page sees a new lesson and new feedback without a tap; a visible minute costs one 304, a hidden one nothing', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const lea = pupil();
  await joinAndDownload(page, proxy.origin, lea);

  // Nothing changes: the page asks only the class news, once per interval, answered 304.
  await page.waitForTimeout(INTERVAL_MS + 500);
  const quietFrom = proxy.log.length;
  const quietMs = 4 * INTERVAL_MS;
  await page.waitForTimeout(quietMs);
  const quiet = proxy.log.slice(quietFrom);
  expect(quiet.length).toBeGreaterThanOrEqual(3);
  expect(quiet.length).toBeLessThanOrEqual(5);
  for (const request of quiet) {
    expect(request.path).toMatch(/^\/api\/class-news\//);
    expect(request.answered).toBe(304);
    expect(request.bytes).toBe(0);
  }
  const perCheck = quiet.reduce((sum, r) => sum + r.headerBytes, 0) / quiet.length;
  const cost = `1 class-news request (304, no body), ${Math.round(perCheck)} bytes of headers both ways (${quiet.length} checks in ${quietMs / 1000} s at a ${INTERVAL_MS / 1000} s interval)`;
  test.info().annotations.push({ type: 'origin cost per visible minute', description: cost });
  console.log(`origin cost per visible minute: ${cost}`);
  expect(perCheck).toBeLessThan(2_000);

  // Hidden: not one request.
  await setVisible(page, false);
  const hiddenFrom = proxy.log.length;
  await page.waitForTimeout(3 * INTERVAL_MS);
  expect(proxy.log.slice(hiddenFrom)).toEqual([]);
  await setVisible(page, true);

  // The teacher publishes while the page is open; nobody taps "Mettre à jour".
  await publish('Les nombres décimaux', {
    availableFrom: new Date(Date.now() - 60_000).toISOString(),
    dueAt: null,
  });
  await expect(lessonCard(page, 'Les nombres décimaux')).toBeVisible({ timeout: 3 * INTERVAL_MS + 5_000 });
  await expect(lessonCard(page, 'Les nombres décimaux')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('all-ready')).toBeVisible();

  // Feedback on handed-in work arrives the same way, marked and counted until read.
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 30_000 });
  await goHome(page);
  const [submission] = await teacherSubmissions(server.origin);
  await giveFeedback(server.origin, submission!.id, 'Très bien, **bravo** !');
  const unread = page.getByTestId('unread-feedback');
  await expect(unread).toContainText('1 nouveau message de ton professeur', {
    timeout: 3 * INTERVAL_MS + 5_000,
  });
  await expect(lessonCard(page, 'Le cycle de l’eau').getByTestId('unread-feedback-badge')).toBeVisible();

  await unread.getByRole('link', { name: 'Le cycle de l’eau' }).click();
  await expect(page.getByTestId('feedback')).toContainText('bravo');
  await expect(page.getByTestId('feedback-new')).toBeVisible();
  await goHome(page);
  await expect(page.getByTestId('unread-feedback')).toHaveCount(0);
  await expect(lessonCard(page, 'Le cycle de l’eau').getByTestId('unread-feedback-badge')).toHaveCount(0);
});

test('the server killed: the home screen says offline and what waits, never "Tout est prêt", and each button says what came of it', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Straight to the server: a proxy in front would answer for it.
  await joinAndDownload(page, server.origin, pupil());
  await expect(page.getByTestId('offline')).toBeHidden();

  await server.kill();
  for (const title of ['Le cycle de l’eau', 'Partager une pizza']) {
    await doLessonAndHandIn(page, title);
    await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');
    await goHome(page);
  }

  await expect(page.getByTestId('offline')).toBeVisible();
  await expect(page.getByTestId('offline')).toContainText('Hors connexion');
  await expect(page.getByTestId('work-waiting')).toContainText('2 travaux attendent le réseau');
  await expect(page.getByTestId('all-ready')).toHaveCount(0);
  await expect(page.getByText('Tout est prêt')).toHaveCount(0);

  // "Mettre à jour": working, then why nothing came.
  let buttonTexts = await recordButtonTexts(page);
  await page.locator('.sync-summary').getByRole('button', { name: 'Mettre à jour' }).click();
  await expect(page.getByTestId('sync-report')).toContainText('Le serveur de l’école ne répond pas');
  await expect(page.getByTestId('sync-report')).toContainText('2 travaux attendent le réseau');
  expect(await buttonTexts()).toContain('Mise à jour…');

  // "Envoyer maintenant": working, then what is still waiting and why.
  await page.getByRole('link', { name: 'Voir les travaux à envoyer' }).click();
  buttonTexts = await recordButtonTexts(page);
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByTestId('send-report')).toContainText(
    'Le serveur de l’école ne répond pas : 2 travaux attendent encore le réseau.',
  );
  expect(await buttonTexts()).toContain('Envoi…');

  // The server returns: the work leaves by itself, and only then is everything ready.
  await server.start();
  await expect(page.getByTestId('offline')).toBeHidden({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Cartable' }).click();
  await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('work-waiting')).toHaveCount(0);
  expect(await teacherSubmissions(server.origin)).toHaveLength(2);
});

test('late work reads "Rendu en retard" for the pupil and on the dashboard; missing work "Pas rendu, en retard"', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const title = 'La ponctuation';
  await publish(
    title,
    {
      availableFrom: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      dueAt: new Date(Date.now() - 3_600_000).toISOString(),
    },
    [
      { id: 's1', kind: 'text', body: 'Le point termine une phrase.' },
      { id: 's2', kind: 'freeText', prompt: 'Écris une phrase.' },
    ],
  );
  const [lea, noah] = [pupil(0), pupil(1)];
  await joinAndDownload(page, server.origin, lea);
  const when = lessonCard(page, title).locator('.when');
  await expect(when).toHaveAttribute('data-due-state', 'missingLate');
  await expect(when).toContainText('Pas rendu, en retard');

  await doLessonAndHandIn(page, title);
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 30_000 });
  await goHome(page);
  await expect(when).toHaveAttribute('data-due-state', 'handedInLate');
  await expect(when).toContainText('Rendu en retard');
  await expect(when).not.toContainText('Pas rendu');

  const teacherContext = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const teacher = await teacherContext.newPage();
  await signInAsTeacher(teacher, server.origin);
  await teacher.goto(`${server.origin}/teacher/classes/${await demoClassId()}/dashboard`);
  const cell = (name: string) => teacher.locator(`tr[data-pupil="${name}"] td[data-lesson="${title}"]`);
  await expect(cell(lea.name).getByTestId('work-status')).toHaveText('Rendu en retard');
  await expect(cell(noah.name).getByTestId('not-handed-in')).toHaveText('Pas rendu, en retard');
  await teacherContext.close();
});
