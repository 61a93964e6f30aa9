/** A wrong, malformed or unreachable join: a clear message for the child, and nothing stored. */
import { expect, test } from './support/fixtures.ts';
import type { Page } from '@playwright/test';
import { deviceRecords } from './support/pupil.ts';
import { freePort, ServerProcess } from './support/server-process.ts';
import { teacherCall } from './support/teacher-api.ts';

let server: ServerProcess;
test.beforeEach(async () => {
  server = new ServerProcess(await freePort());
  await server.start();
});
test.afterEach(async () => server.dispose());

/** Profiles stored on this device (IndexedDB `cartable`). */
async function storedProfiles(page: Page): Promise<number> {
  return (await deviceRecords(page)).profiles ?? 0;
}

async function tryCode(page: Page, code: string) {
  await page.getByLabel('Mon code').fill(code);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
}

test('wrong, malformed and unreachable codes are explained and store nothing', async ({ page }) => {
  await page.goto(`${server.origin}/join`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' })).toBeVisible();

  await tryCode(page, 'ZZZ-ZZZ-ZZZ');
  await expect(page.getByRole('alert')).toContainText('Ce code ne marche pas');
  await tryCode(page, 'ab');
  await expect(page.getByRole('alert')).toContainText('n’a pas la bonne forme');
  expect(await storedProfiles(page)).toBe(0);

  await server.kill();
  await tryCode(page, server.demoPupils()[0]!.code);
  await expect(page.getByRole('alert')).toContainText('Impossible de joindre le serveur');
  expect(await storedProfiles(page)).toBe(0);

  // Once the server is back, the same code (typed with dashes and lowercase) links the device.
  await server.start();
  await tryCode(page, server.demoPupils()[0]!.code.toLowerCase());
  await expect(
    page.getByRole('heading', { level: 1, name: `Bonjour ${server.demoPupils()[0]!.name}` }),
  ).toBeVisible();
  expect(await storedProfiles(page)).toBe(1);
  expect(page.url()).not.toContain('#');
});

test('a code of an archived class is explained, and links nothing', async ({ page }) => {
  const { classes } = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  for (const { id } of classes)
    await teacherCall(server.origin, 'PATCH', `/api/teacher/classes/${id}`, { archived: true });
  await page.goto(`${server.origin}/join`);
  await tryCode(page, server.demoPupils()[0]!.code);
  await expect(page.getByRole('alert')).toContainText('Cette classe est archivée');
  expect(await storedProfiles(page)).toBe(0);
});
