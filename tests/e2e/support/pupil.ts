/** What a pupil does in the browser, as steps the end-to-end tests share. */
import { expect, type Page } from '@playwright/test';
import type { DemoPupil, ServerProcess } from './server-process.ts';

/** The pupil's join link on a given origin (the printed link may name localhost instead of 127.0.0.1). */
export function joinLink(origin: string, pupil: DemoPupil): string {
  return `${origin}/join#${pupil.link.split('#')[1]}`;
}

/** Open the join link and wait until every lesson is ready offline and the worker controls the page. */
export async function joinAndDownload(page: Page, origin: string, pupil: DemoPupil): Promise<void> {
  await page.goto(joinLink(origin, pupil));
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();
  await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await waitForWorkerControl(page);
}

/** Wait for the service worker to be active and controlling this page (reload once if it is not yet). */
export async function waitForWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/** Back to the lesson list through the header's "Mes leçons" link. */
export async function goHome(page: Page): Promise<void> {
  await page
    .getByRole('link', { name: /Mes leçons/ })
    .first()
    .click();
}

/** The card of a lesson in the list, by title. */
export function lessonCard(page: Page, title: string) {
  return page.locator('.lesson-card').filter({ has: page.getByRole('heading', { name: title }) });
}

/** When each lesson opens, read from its card on the pupil's device (epoch ms, in the titles' order). */
export async function openingTimes(page: Page, titles: readonly string[]): Promise<number[]> {
  return Promise.all(
    titles.map(async (title) =>
      Date.parse((await lessonCard(page, title).getAttribute('data-available-from'))!),
    ),
  );
}

/** "08:30": an instant on the school's clock (Paris), whatever the test machine's zone. */
export const schoolClock = (at: number) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    at,
  );

/** From the step the pupil is on, click "Suivant" until the last step, running `onStep` on each. */
export async function walkSteps(page: Page, onStep: (index: number) => Promise<void>): Promise<void> {
  const counter = page.locator('.step-counter');
  await expect(counter).toContainText('Étape');
  const [, current, total] = /Étape (\d+) sur (\d+)/
    .exec((await counter.textContent()) ?? '')!
    .map(Number) as number[];
  for (let i = current! - 1; i < total!; i++) {
    await expect(counter).toContainText(`Étape ${i + 1} sur ${total}`);
    await onStep(i);
    if (i < total! - 1) await page.getByRole('button', { name: /Suivant/ }).click();
  }
}

/** Answer whatever the current step asks with a plausible answer. */
export async function answerCurrentStep(
  page: Page,
  freeText = 'Ma réponse écrite hors connexion.',
): Promise<void> {
  const step = page.locator('.step');
  const radios = step.getByRole('radio');
  const checkboxes = step.getByRole('checkbox');
  const textarea = step.locator('textarea');
  const shortAnswer = step.locator('input[type="text"]');
  if ((await radios.count()) > 0) await radios.first().check();
  else if ((await checkboxes.count()) > 0) await checkboxes.first().check();
  else if ((await textarea.count()) > 0) await textarea.fill(freeText);
  else if ((await shortAnswer.count()) > 0) await shortAnswer.fill('un quart');
}

/** Do a whole lesson and hand it in, confirming with a click (or a double click, as an impatient pupil might). */
export async function doLessonAndHandIn(
  page: Page,
  title: string,
  confirm: 'click' | 'dblclick' = 'click',
): Promise<void> {
  await lessonCard(page, title).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await walkSteps(page, () => answerCurrentStep(page));
  await page.getByRole('button', { name: 'Rendre mon travail' }).click();
  await page.getByRole('button', { name: 'Oui, je rends' })[confirm]();
  await expect(page.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
}

/** The delivery state shown on a handed-in lesson's page. */
export function workState(page: Page) {
  return page.getByTestId('work-state').locator('[data-work-state]');
}

/** With the server SIGKILLed, do a lesson and hand it in: it waits on the device for a server. */
export async function handInWithServerDown(page: Page, server: ServerProcess, title: string): Promise<void> {
  await server.kill();
  await doLessonAndHandIn(page, title);
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');
}

/** How many records each store of the device's `cartable` database holds (empty before the first join). */
export function deviceRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        const open = indexedDB.open('cartable');
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            return resolve({});
          }
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (counts[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

/** Join as the first demo pupil through `origin` (the server's own unless a proxy is given); returns that pupil. */
export async function joinFirstPupil(
  page: Page,
  server: ServerProcess,
  origin = server.origin,
): Promise<DemoPupil> {
  const [pupil] = server.demoPupils();
  if (!pupil) throw new Error(`no demo pupil printed by the server:\n${server.output}`);
  await joinAndDownload(page, origin, pupil);
  return pupil;
}
