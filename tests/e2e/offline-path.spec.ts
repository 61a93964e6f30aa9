/**
 * The backbone promise: join, download ahead, work with the server dead (SIGKILL),
 * hand in, and the work arrives exactly once when the server comes back.
 */
import { expect, test } from './support/fixtures.ts';
import {
  doLessonAndHandIn,
  joinAndDownload,
  lessonCard,
  workState,
  joinFirstPupil,
} from './support/pupil.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

test('a pupil works offline with the server killed, and the work arrives once when it returns', async ({
  server,
  page,
}) => {
  const [pupil] = server.demoPupils();
  expect(pupil, `demo pupils printed by the server:\n${server.output}`).toBeTruthy();
  await joinAndDownload(page, server.origin, pupil!);

  // (a) The server dies; a reload is served by the service worker and IndexedDB.
  await server.kill();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil!.name}` })).toBeVisible();
  await expect(lessonCard(page, 'Partager une pizza')).toBeVisible();

  // The lesson opens, and its image comes from the device's cache.
  await lessonCard(page, 'Partager une pizza').getByRole('link').click();
  const image = page.locator('.step img');
  for (let i = 0; i < 10 && (await image.count()) === 0; i++)
    await page.getByRole('button', { name: /Suivant/ }).click();
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await page.getByRole('link', { name: /Mes leçons/ }).click();

  // Answer everything and hand in, still offline: the state says waiting.
  await doLessonAndHandIn(page, 'Partager une pizza');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // (b) The server comes back: the submission arrives exactly once, and the pupil sees it.
  await server.start();
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 90_000 });
  const received = await teacherSubmissions(server.origin);
  expect(received).toHaveLength(1);
  expect(received[0]!.pupil.name).toBe(pupil!.name);
  const freeText = Object.values(received[0]!.answers).find((a) => (a as { kind: string }).kind === 'text');
  expect(freeText).toBeTruthy();
});

test('every change is saved on the device: a reload loses nothing typed', async ({ server, page }) => {
  const pupil = await joinFirstPupil(page, server);
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  const textarea = page.locator('textarea');
  for (let i = 0; i < 10 && (await textarea.count()) === 0; i++)
    await page.getByRole('button', { name: /Suivant/ }).click();
  await textarea.pressSequentially('La pluie tombe', { delay: 20 });
  // "Enregistré" shows only once the latest keystroke is stored: reload at once.
  await expect(page.getByTestId('saved')).toBeVisible();
  await page.reload();
  await expect(page.locator('textarea')).toHaveValue('La pluie tombe');
});
