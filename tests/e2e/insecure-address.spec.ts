/**
 * Issue 10 point 21: a phone that opens Cartable at plain http://<the machine's address> (the
 * README's "From a phone") gets no service worker from the browser. The app still works online,
 * but must not say it is ready offline, nor tell the teacher so.
 */
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { expect, test } from './support/fixtures.ts';
import { answerCurrentStep, joinLink, lessonCard, walkSteps } from './support/pupil.ts';
import { teacherCall, teacherSubmissions } from './support/teacher-api.ts';

// A name that is not localhost, resolved to the test server on 127.0.0.1: an insecure origin.
const HOST = 'cartable-ecole.test';
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  },
});

test('on plain http off localhost the pupil is told offline needs https, and the teacher sees nothing ready', async ({
  server,
  page,
}) => {
  const origin = server.origin.replace('127.0.0.1', HOST);
  const pupil = server.demoPupils()[0]!;
  await page.goto(joinLink(origin, pupil));
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();
  expect(await page.evaluate(() => [isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);

  // The lessons arrive (online), but nothing says they would survive the network going away.
  await expect(page.getByTestId('lessons-on-device')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('offline-unavailable')).toContainText('https://');
  await expect(page.getByTestId('all-ready')).toHaveCount(0);
  await expect(page.getByText('Prête (en ligne seulement)').first()).toBeVisible();
  await expect(page.getByText('Prête hors connexion')).toHaveCount(0);

  // The device reported in (last seen), with no lesson ready offline.
  const { classes } = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  const { pupils } = await teacherCall<{ pupils: { id: string; name: string }[] }>(
    server.origin,
    'GET',
    `/api/teacher/classes/${classes[0]!.id}/pupils`,
  );
  const pupilId = pupils.find((p) => p.name === pupil.name)!.id;
  await expect
    .poll(async () => {
      const { devices } = await teacherCall<{
        devices: { lessonsReady: unknown[]; lastSeenAt?: string | null }[];
      }>(server.origin, 'GET', `/api/teacher/pupils/${pupilId}/devices`);
      return devices.map((d) => d.lessonsReady.length);
    })
    .toEqual([0]);

  // Online it is the whole app: the image comes from the network, and the work arrives once.
  await lessonCard(page, 'Partager une pizza').getByRole('link').click();
  let imagesSeen = 0;
  await walkSteps(page, async () => {
    const image = page.locator('.step img');
    if ((await image.count()) > 0) {
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      imagesSeen++;
    }
    await answerCurrentStep(page);
  });
  expect(imagesSeen).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Rendre mon travail' }).click();
  await page.getByRole('button', { name: 'Oui, je rends' }).click();
  await expect(page.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
  await expect.poll(async () => (await teacherSubmissions(server.origin)).length).toBe(1);
});
