/**
 * A teacher revokes a device: it stops syncing with a clear message, and the pupil's
 * unsent work stays on the device, exportable, and arrives once after re-linking.
 * A family removes a pupil from a shared device: unsent work must be exported first,
 * then everything of that pupil is erased from the device.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  deviceRecords,
  doLessonAndHandIn,
  handInWithServerDown,
  joinFirstPupil,
  workState,
} from './support/pupil.ts';
import { teacherCall, teacherSubmissions } from './support/teacher-api.ts';

/** The teacher API as the demo teacher on `origin`, and the demo class's pupils by name. */
async function teacher(origin: string) {
  const call = <T>(method: string, path: string) => teacherCall<T>(origin, method, path);
  const { classes } = await call<{ classes: { id: string }[] }>('GET', '/api/teacher/classes');
  const { pupils } = await call<{ pupils: { id: string; name: string }[] }>(
    'GET',
    `/api/teacher/classes/${classes[0]!.id}/pupils`,
  );
  return { call, pupilId: (name: string) => pupils.find((p) => p.name === name)!.id };
}

/** Download what the page offers after `click`, parsed as JSON. */
async function downloadJson(
  page: Page,
  click: () => Promise<void>,
): Promise<{ submissions: { submission: { id: string; answers: object } }[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(/^cartable-.*\.json$/);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

test('a revoked device keeps its work, exportable, until it is linked again', async ({ server, page }) => {
  const pupil = await joinFirstPupil(page, server);
  const school = await teacher(server.origin);
  const pupilId = school.pupilId(pupil.name);
  const { devices } = (await school.call('GET', `/api/teacher/pupils/${pupilId}/devices`)) as {
    devices: { id: string }[];
  };
  await school.call('DELETE', `/api/teacher/devices/${devices[0]!.id}`);

  // The pupil works and hands in: the server refuses the revoked device; nothing is lost.
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'relink');
  await page
    .getByRole('link', { name: /Mes leçons/ })
    .first()
    .click();
  await expect(page.getByRole('alert')).toContainText('n’est plus relié à ta classe');

  await page.getByRole('link', { name: 'État de l’appareil' }).click();
  const exported = await downloadJson(page, () =>
    page.getByRole('button', { name: 'Exporter' }).first().click(),
  );
  expect(exported.submissions).toHaveLength(1);
  expect(JSON.stringify(exported.submissions[0]!.submission.answers)).toContain(
    'Ma réponse écrite hors connexion.',
  );
  expect(await teacherSubmissions(server.origin)).toHaveLength(0);

  // A new code links the same pupil again, and the kept work arrives exactly once.
  const { code } = (await school.call('POST', `/api/teacher/pupils/${pupilId}/code`)) as { code: string };
  await page.goto(`${server.origin}/join#${code.replaceAll('-', '')}`);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();
  await expect
    .poll(async () => (await teacherSubmissions(server.origin)).length, { timeout: 60_000 })
    .toBe(1);
  await expect(
    page.locator('.lesson-card').filter({ hasText: 'Le cycle de l’eau' }).locator('[data-work-state]'),
  ).toHaveAttribute('data-work-state', 'handedIn');
});

test('removing a pupil from a device asks to export unsent work first, then erases it all', async ({
  server,
  page,
}) => {
  const pupil = await joinFirstPupil(page, server);
  await handInWithServerDown(page, server, 'Partager une pizza');

  await page.getByRole('link', { name: 'État de l’appareil' }).click();
  const row = page.locator(`li[data-profile="${pupil.name}"]`);
  await row.getByRole('button', { name: 'Retirer de cet appareil' }).click();
  const dialog = row.getByRole('alertdialog');
  await expect(dialog).toContainText('pas encore envoyé');
  const removeAnyway = dialog.getByRole('button', { name: 'Retirer (le travail est exporté)' });
  await expect(removeAnyway).toBeDisabled();
  expect((await deviceRecords(page)).outbox).toBe(1);

  const exported = await downloadJson(page, () => dialog.getByRole('button', { name: 'Exporter' }).click());
  expect(exported.submissions).toHaveLength(1);
  await expect(removeAnyway).toBeEnabled();
  expect(
    await page.evaluate(async () => (await (await caches.open('cartable-media')).keys()).length),
  ).toBeGreaterThan(0);
  await removeAnyway.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' })).toBeVisible();
  const left = await deviceRecords(page);
  for (const store of ['profiles', 'lessons', 'drafts', 'handedIn', 'outbox', 'attachments', 'feedback']) {
    expect(left[store], `${store} still holds records`).toBe(0);
  }
  // No other pupil on the device uses those lessons: their media left Cache Storage too.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('cartable-media')).keys()).length))
    .toBe(0);
});
