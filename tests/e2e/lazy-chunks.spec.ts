/**
 * The English words, the device page and the join screen are chunks of their own, out of every
 * pupil's first download (issue 14, target 5): they must still be there offline, from the
 * worker's precache.
 */
import { expect, test } from './support/fixtures.ts';
import { joinFirstPupil } from './support/pupil.ts';

test('English, the device page and the join screen open with the server dead', async ({ server, page }) => {
  const lea = await joinFirstPupil(page, server);
  await server.kill();

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: `Hello ${lea.name}` })).toBeVisible();
  // A reload offline keeps the family's choice, words included.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Hello ${lea.name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto(`${server.origin}/device`);
  await expect(page.getByRole('heading', { level: 1, name: 'Device status' })).toBeVisible();

  // Adding a sibling opens the join screen, whose code checks work without the server.
  await page.goto(`${server.origin}/join`);
  await expect(page.getByRole('heading', { level: 1, name: 'Join my class' })).toBeVisible();
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type your code in the box: 9 letters or digits.');
});
